import { createHash } from 'node:crypto';
import type { Insertable, Transaction } from 'kysely';
import { buildImportTree, DomainError, numberTree, type ArticleRef, type CatalogueUnit, type ColumnMapping, type ImportProblem, type ImportSection, type ImportTask, type ImportTree } from '../../domain';
import { readTaskDivisionSheet } from '../../documents/task-division';
import { readJson, toFlag, writeJson } from '../../db/json';
import type { AssignmentTable, DB, Executor, PlanNodeTable } from '../../db/schema';
import { inTransaction, nowIso, type Actor, type BoundAudit, type ServiceContext } from '../context';
import { requirePlan } from '../plan/read-plan';
import { codeSortKey, listSkeleton, saveNumbering } from '../../db/queries/plan-nodes';
import { insertRows } from '../../db/queries/bulk-insert';
import { orderedIds } from './ordered-ids';
import { todayInChina } from '../status/plan-status';

export interface ImportOptions {
  sheet?: string | number | undefined;
  headerRow?: number | undefined;
  mapping?: ColumnMapping | undefined;
}

/** The office's answers to the preview's questions. */
export interface ImportResolutions {
  /** A unit name as written → the units it means ([] drops it). Covers unknown names and groups such as 相关市（州）. */
  units?: Record<string, string[]> | undefined;
  /** A section's row number (or 'top' for tasks above any section) → the article its tasks go under. */
  sections?: Record<string, string> | undefined;
  /** Rows the office chose to leave out (e.g. a row without a title). */
  skipRows?: number[] | undefined;
}

const BLOCKING = new Set<ImportProblem['code']>(['UNIT_UNKNOWN', 'UNIT_GROUP_NEEDS_CHOICE', 'SECTION_UNMATCHED', 'TITLE_MISSING']);

export interface ImportPreview {
  sheetName: string;
  sheetNames: string[];
  title: string | null;
  headerRow: number;
  columns: ColumnMapping;
  headers: { column: number; letter: string; text: string; field?: string | undefined }[];
  needsMapping: boolean;
  tree: ImportTree;
  /** Problems still open after the resolutions given: apply refuses while any is left. */
  blocking: ImportProblem[];
  counts: { sections: number; tasks: number; subTasks: number };
  articles: ArticleRef[];
}

async function catalogueOf(db: Executor): Promise<CatalogueUnit[]> {
  const rows = await db.selectFrom('unit').select(['id', 'name', 'full_name', 'aliases', 'kind', 'side']).where('active', '=', 1).execute();
  return rows.map((u) => ({ id: u.id, name: u.name, fullName: u.full_name, aliases: readJson<string[]>(u.aliases, []), kind: u.kind as CatalogueUnit['kind'], side: u.side as CatalogueUnit['side'] }));
}

async function articlesOf(db: Executor, planId: string): Promise<ArticleRef[]> {
  return db.selectFrom('plan_node').select(['id', 'code', 'title']).where('plan_id', '=', planId).where('kind', '=', 'article').where('deleted_at', 'is', null).orderBy('sort_key').execute();
}

/** Skipped rows, with every row of a skipped section's or task's content added: skipping a section skips what is in it. */
function skippedRows(tree: ImportTree, r: ImportResolutions): Set<number> {
  const skipped = new Set(r.skipRows ?? []);
  const rowsOf = (t: ImportTask): number[] => [...t.sourceRows, ...t.subTasks.flatMap(rowsOf)];
  for (const n of tree.nodes) {
    if (n.kind === 'section' && skipped.has(n.sourceRow)) n.tasks.flatMap(rowsOf).forEach((row) => skipped.add(row));
    const tasks = n.kind === 'section' ? n.tasks : [n];
    for (const t of tasks) if (skipped.has(t.sourceRow)) rowsOf(t).forEach((row) => skipped.add(row));
  }
  return skipped;
}

function openProblems(tree: ImportTree, r: ImportResolutions): ImportProblem[] {
  const skipped = skippedRows(tree, r);
  return tree.problems.filter((p) => {
    if (!BLOCKING.has(p.code) || skipped.has(p.row)) return false;
    if ((p.code === 'UNIT_UNKNOWN' || p.code === 'UNIT_GROUP_NEEDS_CHOICE') && r.units?.[p.value]) return false;
    if (p.code === 'SECTION_UNMATCHED' && r.sections?.[String(p.row)]) return false;
    return true;
  });
}

/**
 * The office previews, answers questions (each answer a new preview) and applies the same bytes; reading
 * a 10,000-row workbook is ~1 s, so the last few readings are kept by content hash, each with the last
 * tree built from it (~0.2 s at 10,000 rows, again in the apply). A read sheet and a built tree are plain
 * data that no caller changes.
 */
interface ReadSheet {
  key: string;
  sheet: Promise<Awaited<ReturnType<typeof readTaskDivisionSheet>>>;
  tree?: { inputs: string; tree: ImportTree };
}
const readSheets: ReadSheet[] = [];
function readSheetOnce(file: Buffer, opts: Parameters<typeof readTaskDivisionSheet>[1]): ReadSheet {
  const key = `${createHash('sha256').update(file).digest('hex')}|${JSON.stringify(opts)}`;
  const hit = readSheets.find((r) => r.key === key);
  if (hit) return hit;
  const read: ReadSheet = { key, sheet: readTaskDivisionSheet(file, opts) };
  readSheets.unshift(read);
  readSheets.length = Math.min(readSheets.length, 3);
  read.sheet.catch(() => readSheets.splice(readSheets.indexOf(read) >>> 0, 1));
  return read;
}

/** The tree of a read sheet for the plan's units and articles as they are now: rebuilt when either changed. */
function treeOf(read: ReadSheet, sheet: Awaited<ReadSheet['sheet']>, catalogue: CatalogueUnit[], articles: ArticleRef[], defaultYear: number): ImportTree {
  const inputs = JSON.stringify([catalogue, articles, defaultYear]);
  if (read.tree?.inputs === inputs) return read.tree.tree;
  const tree = buildImportTree({ rows: sheet.rows, columns: sheet.columns, catalogue, articles, defaultYear });
  read.tree = { inputs, tree };
  return tree;
}

/** Reads an uploaded 任务分工表 and shows what applying it would create, with every problem by row and column. Writes nothing. */
export async function previewTaskDivision(ctx: ServiceContext, planId: string, file: Buffer, opts: ImportOptions, resolutions: ImportResolutions = {}): Promise<ImportPreview> {
  await requirePlan(ctx.db, planId);
  const read = readSheetOnce(file, { ...(opts.sheet !== undefined && { sheet: opts.sheet }), ...(opts.mapping && { mapping: opts.mapping }), ...(opts.headerRow && { headerRow: opts.headerRow }) });
  const sheet = await read.sheet;
  const [catalogue, articles] = await Promise.all([catalogueOf(ctx.db), articlesOf(ctx.db, planId)]);
  let tree = treeOf(read, sheet, catalogue, articles, Number(todayInChina(ctx).slice(0, 4)));
  // Tasks above the first section row have no article unless the office names one (or skips them).
  const skipped = skippedRows(tree, resolutions);
  if (tree.nodes.some((n) => n.kind === 'task' && !skipped.has(n.sourceRow)) && !resolutions.sections?.top) {
    const first = tree.nodes.find((n): n is ImportTask => n.kind === 'task')!;
    // A copy: the kept tree serves other answers too.
    tree = { ...tree, problems: [...tree.problems, { row: first.sourceRow, column: 'section', field: 'section', code: 'SECTION_UNMATCHED', value: 'top', message_zh: `第${first.sourceRow}行之前没有章节行，请选择这些任务所属的条`, message_en: `Tasks from row ${first.sourceRow} come before any section row: choose their article` }] };
  }
  const sections = tree.nodes.filter((n): n is ImportSection => n.kind === 'section');
  const tasks = [...tree.nodes.filter((n): n is ImportTask => n.kind === 'task'), ...sections.flatMap((s) => s.tasks)];
  return {
    sheetName: sheet.sheetName,
    sheetNames: sheet.sheetNames,
    title: sheet.title ?? null,
    headerRow: sheet.headerRow,
    columns: sheet.columns,
    headers: sheet.headers,
    needsMapping: sheet.needsMapping,
    tree,
    blocking: openProblems(tree, resolutions),
    counts: { sections: sections.length, tasks: tasks.length, subTasks: tasks.reduce((n, t) => n + t.subTasks.length, 0) },
    articles,
  };
}

/** Applies the whole sheet in one transaction, or nothing: any open problem refuses it with the list. */
export async function applyTaskDivision(ctx: ServiceContext, actor: Actor, planId: string, file: Buffer, opts: ImportOptions, resolutions: ImportResolutions) {
  const preview = await previewTaskDivision(ctx, planId, file, opts, resolutions);
  if (preview.blocking.length) throw new DomainError('IMPORT_BLOCKED', { problems: preview.blocking });
  const skipped = skippedRows(preview.tree, resolutions);
  const articleIds = new Set(preview.articles.map((a) => a.id));
  for (const id of Object.values(resolutions.sections ?? {})) if (!articleIds.has(id)) throw new DomainError('NODE_NOT_FOUND', { nodeId: id });
  return inTransaction(ctx, actor, async (tx, audit) => {
    const created = { tasks: 0, subTasks: 0, assignments: 0 };
    // Each group of tasks with the article it goes under, in sheet order.
    const groups: { articleId: string; tasks: ImportTask[] }[] = [];
    const top = preview.tree.nodes.filter((n): n is ImportTask => n.kind === 'task');
    const keptTop = top.filter((t) => !skipped.has(t.sourceRow));
    if (keptTop.length) groups.push({ articleId: resolutions.sections!.top!, tasks: keptTop });
    for (const s of preview.tree.nodes.filter((n): n is ImportSection => n.kind === 'section')) {
      if (skipped.has(s.sourceRow)) continue;
      const articleId = resolutions.sections?.[String(s.sourceRow)] ?? (s.match.kind === 'article' ? s.match.articleId : null);
      if (!articleId) throw new DomainError('IMPORT_BLOCKED', { row: s.sourceRow });
      groups.push({ articleId, tasks: s.tasks.filter((t) => !skipped.has(t.sourceRow)) });
    }
    const keyAreas = await keyAreasOf(tx, [...new Set(groups.map((g) => g.articleId))]);
    const writer = nodeWriter(ctx, tx, audit, planId, created, resolutions);
    for (const g of groups) {
      if (!keyAreas.has(g.articleId)) throw new DomainError('NODE_NOT_FOUND', { nodeId: g.articleId });
      writer.tasks(g.articleId, keyAreas.get(g.articleId)!, g.tasks, skipped);
    }
    await writer.flush();
    await audit('plan.import', 'plan', planId, null, { sheet: preview.sheetName, ...created });
    return created;
  });
}

/** The key area of each article the tasks go under (the new tasks carry it), in one read. */
async function keyAreasOf(tx: Transaction<DB>, articleIds: string[]): Promise<Map<string, string | null>> {
  if (!articleIds.length) return new Map();
  const rows = await tx.selectFrom('plan_node').select(['id', 'key_area']).where('id', 'in', articleIds).execute();
  return new Map(rows.map((a) => [a.id, a.key_area]));
}

function nodeWriter(
  ctx: ServiceContext,
  tx: Transaction<DB>,
  audit: BoundAudit,
  planId: string,
  created: { tasks: number; subTasks: number; assignments: number },
  r: ImportResolutions,
) {
  const at = nowIso(ctx);
  // Keys in creation order: the new rows append to each index instead of landing all over it.
  const nodeId = orderedIds(ctx.clock());
  const assignmentId = orderedIds(ctx.clock());
  const unitsOf = (t: ImportTask) => {
    const byUnit = new Map<string, 'lead' | 'participant'>();
    for (const u of t.units) {
      const ids = r.units?.[u.name] ?? (u.match.kind === 'exact' ? [u.match.unitId] : u.match.kind === 'group' ? u.match.unitIds : []);
      // A unit named both as lead and as participant leads.
      for (const id of ids) if (byUnit.get(id) !== 'lead') byUnit.set(id, u.role);
    }
    return byUnit;
  };
  // Rows are collected and written a few thousand to a statement (insertRows), then audited in one chained
  // batch: a statement per node and per assignment cost most of a 10,000-row import (bench/RESULTS.md).
  const nodeRows: Insertable<PlanNodeTable>[] = [];
  const assignmentRows: Insertable<AssignmentTable>[] = [];
  const audits: { id: string; after: Record<string, unknown> }[] = [];
  const insert = (parentId: string, seq: number, t: ImportTask, keyArea: string | null) => {
    const id = nodeId();
    const dueOn = t.deadline?.kind === 'date' ? t.deadline.dueOn : null;
    nodeRows.push({
      id, plan_id: planId, parent_id: parentId, key: null, kind: 'task', code: '', seq: 10_000 + seq, title: t.title.slice(0, 200), body: t.note || null,
      weight: 1, priority: 'normal', start_on: null, due_on: dueOn, key_area: keyArea, source_ref: writeJson({ section: 'import', quote: `row ${t.sourceRows.join(',')}` }),
      deadline_text: t.deadline?.text ?? null, evidence_required: toFlag(false), user_edited: 1, version: 1, created_at: at, updated_at: at,
    });
    const units = unitsOf(t);
    for (const [unitId, role] of units) assignmentRows.push({ id: assignmentId(), plan_id: planId, node_id: id, unit_id: unitId, role, created_at: at });
    created.assignments += units.size;
    audits.push({ id, after: { title: t.title, row: t.sourceRow, dueOn, deadlineText: t.deadline?.text ?? null, units: units.size } });
    return id;
  };
  return {
    tasks(articleId: string, keyArea: string | null, tasks: ImportTask[], skipped: Set<number>) {
      for (const [i, t] of tasks.entries()) {
        const id = insert(articleId, i, t, keyArea);
        created.tasks++;
        for (const [j, w] of t.subTasks.filter((w) => !skipped.has(w.sourceRow)).entries()) {
          insert(id, j, w, keyArea);
          created.subTasks++;
        }
      }
    },
    /** Writes what `tasks` collected. */
    async flush() {
      // Numbered with the plan before writing, by the same rule as renumberPlan, so the new rows go in
      // with their final code and only existing nodes whose code moved (normally none) are updated.
      const existing = await listSkeleton(tx, planId);
      const numbering = numberTree([...existing, ...nodeRows.map((n) => ({ id: n.id, parentId: n.parent_id ?? null, kind: 'task' as const, seq: Number(n.seq), code: '' }))]);
      for (const n of nodeRows) {
        const want = numbering.get(n.id)!;
        Object.assign(n, { code: want.code, seq: want.seq, sort_key: codeSortKey(want.code) });
      }
      await saveNumbering(tx, existing, numbering);
      await insertRows(tx, 'plan_node', nodeRows);
      await insertRows(tx, 'assignment', assignmentRows);
      await audit.many(audits.map((a) => ({ action: 'plan_node.import', entity: 'plan_node', entityId: a.id, before: null, after: a.after })));
    },
  };
}

import { createUnitMatcher, DomainError, findProjectListHeader, parseProjectList, sectorsOf, splitOwnerCell, type ParsedProjectList, type ProjectListProblem, type ProjectListRow } from '../../domain';
import { ImportError } from '../../domain/import';
import { readJson, writeJson } from '../../db/json';
import type { Executor } from '../../db/schema';
import { readProjectListGrid } from '../../documents/project-list';
import { inTransaction, nowIso, type Actor, type ServiceContext } from '../context';
import { todayInChina } from '../status/plan-status';
import { sideOfDivisions, type BudgetLine } from './project-model';
import { writeDivisions } from './projects';

export interface ProjectImportRow extends ProjectListRow {
  unitId: string | null;
  owner: string | null;
  /** Codes of the divisions named in 所在地 (成都市、资阳市 → 510100, 512000). */
  divisionCodes: string[];
  /** The project of the same name already in the library, which applying updates. */
  existingId: string | null;
}

export interface ProjectImportPreview {
  sheetName: string;
  headerRow: number;
  year: number;
  sections: ParsedProjectList['sections'];
  rows: ProjectImportRow[];
  problems: ProjectListProblem[];
  blocking: number;
  counts: { create: number; update: number };
}

async function matcherOf(db: Executor) {
  const rows = await db.selectFrom('unit').select(['id', 'name', 'full_name', 'aliases', 'kind', 'side']).where('active', '=', 1).execute();
  const match = createUnitMatcher(rows.map((u) => ({ id: u.id, name: u.name, fullName: u.full_name, aliases: readJson<string[]>(u.aliases, []), kind: u.kind as never, side: u.side as never })));
  return (name: string) => {
    const m = match(name);
    return m.kind === 'exact' ? m.unitId : null;
  };
}

async function divisionMatcher(db: Executor) {
  const divisions = await db.selectFrom('division').select(['code', 'name']).execute();
  return (text: string | null): string[] => {
    if (!text) return [];
    return divisions.filter((d) => text.includes(d.name) || text.includes(d.name.replace(/[市区县]$|藏族羌族自治州$|藏族自治州$|彝族自治州$/, ''))).map((d) => d.code);
  };
}

/** Reads an annual project list and shows what applying it would do, with every problem by row and column. Writes nothing. */
export async function previewProjectImport(ctx: ServiceContext, file: Buffer, opts: { year?: number | undefined } = {}): Promise<ProjectImportPreview> {
  const grid = await readProjectListGrid(file);
  const header = findProjectListHeader(grid.cells);
  if (!header) throw new ImportError('NO_HEADER', { sheet: grid.sheetName, expected: '项目名称' });
  const unitIdOf = await matcherOf(ctx.db);
  const divisionsOf = await divisionMatcher(ctx.db);
  const parsed = parseProjectList(grid.cells, header, (name) => unitIdOf(name) !== null);
  if (!parsed.rows.length && !parsed.problems.length) throw new ImportError('EMPTY', { sheet: grid.sheetName });
  const planHeader = header.columns.annualPlan ? (grid.cells[header.headerRow - 1]?.[header.columns.annualPlan - 1] ?? '') : '';
  const year = opts.year ?? Number(/(20\d{2})/.exec(planHeader)?.[1] ?? todayInChina(ctx).slice(0, 4));
  const titles = parsed.rows.map((r) => r.title);
  const existing = titles.length ? await ctx.db.selectFrom('project').select(['id', 'title']).where('title', 'in', titles).execute() : [];
  const rows = parsed.rows.map((r) => {
    const names = r.unitText ? splitOwnerCell(r.unitText) : [];
    const unitName = names.find((n) => unitIdOf(n) !== null);
    const others = names.filter((n) => n !== unitName);
    return { ...r, unitId: unitName ? unitIdOf(unitName) : null, owner: others.length ? others.join('、') : null, divisionCodes: divisionsOf(r.location), existingId: existing.find((e) => e.title === r.title)?.id ?? null };
  });
  return {
    sheetName: grid.sheetName,
    headerRow: header.headerRow,
    year,
    sections: parsed.sections,
    rows,
    problems: parsed.problems,
    blocking: parsed.problems.filter((p) => p.blocking).length,
    counts: { create: rows.filter((r) => !r.existingId).length, update: rows.filter((r) => r.existingId).length },
  };
}

/** Applies the whole list in one transaction, or nothing: any blocking problem refuses it with every problem listed. */
export async function applyProjectImport(ctx: ServiceContext, actor: Actor, file: Buffer, opts: { year?: number | undefined } = {}) {
  const preview = await previewProjectImport(ctx, file, opts);
  if (preview.blocking) throw new DomainError('IMPORT_BLOCKED', { problems: preview.problems.filter((p) => p.blocking) });
  return inTransaction(ctx, actor, async (tx, audit) => {
    const at = nowIso(ctx);
    const result = { created: 0, updated: 0 };
    for (const r of preview.rows) {
      const category = r.category!;
      const fields = {
        title: r.title,
        description: r.scope,
        category,
        sector: writeJson(sectorsOf(category)),
        period_text: r.yearsText,
        start_date: r.startYear ? `${r.startYear}-01-01` : null,
        end_date: r.endYear ? `${r.endYear}-12-31` : null,
        budget_total: r.total,
        owner: r.owner,
        unit_id: r.unitId,
        division_codes: writeJson(r.divisionCodes),
        division_code: r.divisionCodes[0] ?? null,
        note: r.note,
      };
      if (r.existingId) {
        const before = await tx.selectFrom('project').select(['budget_plan', 'version', 'side']).where('id', '=', r.existingId).executeTakeFirstOrThrow();
        // This year's plan replaces the one written before; other years stay.
        const plan = readJson<BudgetLine[]>(before.budget_plan, []).filter((b) => b.year !== preview.year);
        if (r.annualPlan !== null) plan.push({ year: preview.year, amount: r.annualPlan, source: null });
        await tx
          .updateTable('project')
          .set({ ...fields, budget_plan: writeJson(plan.sort((a, b) => a.year - b.year)), side: r.divisionCodes.length ? sideOfDivisions(r.divisionCodes) : before.side, user_edited: 1, version: Number(before.version) + 1, updated_at: at })
          .where('id', '=', r.existingId)
          .execute();
        if (r.divisionCodes.length) await writeDivisions(tx, r.existingId, r.divisionCodes);
        await audit('project.import_update', 'project', r.existingId, null, { row: r.row, title: r.title, total: r.total, annualPlan: r.annualPlan, year: preview.year });
        result.updated++;
      } else {
        const id = `p-${crypto.randomUUID()}`;
        const plan: BudgetLine[] = r.annualPlan !== null ? [{ year: preview.year, amount: r.annualPlan, source: null }] : [];
        await tx
          .insertInto('project')
          .values({ id, ...fields, phase: r.startYear && r.startYear > preview.year ? 'preparation' : 'implementation', side: sideOfDivisions(r.divisionCodes), budget_plan: writeJson(plan), source: writeJson([`import:${preview.sheetName}#row${r.row}`]), origin: 'import', created_at: at, updated_at: at })
          .execute();
        await writeDivisions(tx, id, r.divisionCodes);
        await audit('project.import_create', 'project', id, null, { row: r.row, title: r.title, total: r.total, annualPlan: r.annualPlan, year: preview.year });
        result.created++;
      }
    }
    await audit('project.import', 'project', 'all', null, { sheet: preview.sheetName, year: preview.year, ...result });
    return { ...result, year: preview.year };
  });
}

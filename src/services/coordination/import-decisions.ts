import { Workbook } from '../../documents/exceljs-workbook';
import { columnLetter, createUnitMatcher, DomainError, ImportError, parseDeadline, splitUnitCell, type CatalogueUnit, type UnitSuggestion } from '../../domain';
import { cellText, guardZip } from '../../documents/task-division';
import { readJson } from '../../db/json';
import type { Executor } from '../../db/schema';
import { inTransaction, type Actor, type ServiceContext } from '../context';
import { requireMeeting } from './meetings';
import { addSourcedTask } from './sourced-task';

const FIELDS = ['seq', 'title', 'lead', 'participants', 'deadline', 'evidence'] as const;
type Field = (typeof FIELDS)[number];
const HEADER_WORDS: Record<Field, RegExp> = {
  seq: /^序号$|^编号$/,
  title: /议定事项|事项|内容/,
  lead: /牵头/,
  participants: /配合|参与|协同/,
  deadline: /时限|期限|完成时间/,
  evidence: /佐证|闭环|完成标志/,
};
const HEADER_SEARCH_ROWS = 10;
const MAX_ROWS = 2_000;
const DEFAULT_EVIDENCE = '落实情况说明及佐证材料';

export type DecisionProblemCode = 'TITLE_MISSING' | 'UNIT_UNKNOWN' | 'UNIT_GROUP_NEEDS_CHOICE' | 'LEAD_MISSING' | 'DEADLINE_UNREADABLE';
const BLOCKING = new Set<DecisionProblemCode>(['TITLE_MISSING', 'UNIT_UNKNOWN', 'UNIT_GROUP_NEEDS_CHOICE']);

export interface DecisionProblem {
  row: number;
  column: string;
  field: Field;
  code: DecisionProblemCode;
  value: string;
  suggestions: UnitSuggestion[];
}

export interface DecisionRow {
  row: number;
  title: string;
  leads: { name: string; unitId: string | null }[];
  participants: { name: string; unitId: string | null }[];
  deadlineText: string;
  dueOn: string | null;
  closureEvidence: string;
}

export interface DecisionPreview {
  sheetName: string;
  headerRow: number;
  rows: DecisionRow[];
  problems: DecisionProblem[];
  /** Problems that stop apply: an unknown unit, a group that needs a choice, a row without a title. */
  blocking: DecisionProblem[];
}

async function catalogueOf(db: Executor): Promise<CatalogueUnit[]> {
  const rows = await db.selectFrom('unit').select(['id', 'name', 'full_name', 'aliases', 'kind', 'side']).where('active', '=', 1).execute();
  return rows.map((u) => ({ id: u.id, name: u.name, fullName: u.full_name, aliases: readJson<string[]>(u.aliases, []), kind: u.kind as CatalogueUnit['kind'], side: u.side as CatalogueUnit['side'] }));
}

async function readGrid(file: Buffer): Promise<{ sheetName: string; cells: string[][] }> {
  if (file.length < 4 || file[0] !== 0x50 || file[1] !== 0x4b) throw new ImportError('NOT_XLSX', { reason: 'not a zip file' });
  guardZip(file);
  const wb = new Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new ImportError('NOT_XLSX', { reason: 'not a workbook' });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new ImportError('EMPTY', {});
  if (ws.actualRowCount > MAX_ROWS) throw new ImportError('TOO_LARGE', { rows: ws.actualRowCount, max: MAX_ROWS });
  const cells: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c <= 20) out[c - 1] = cellText(cell.value);
    });
    cells[r - 1] = Array.from(out, (t) => t ?? '');
  });
  return { sheetName: ws.name, cells: Array.from(cells, (r) => r ?? []) };
}

/** Reads a meeting's decision list (序号 | 议定事项 | 牵头单位 | 配合单位 | 完成时限) and shows what applying it would create. Writes nothing. */
export async function previewDecisionImport(ctx: ServiceContext, meetingId: string, file: Buffer): Promise<DecisionPreview> {
  const meeting = await requireMeeting(ctx.db, meetingId);
  const { sheetName, cells } = await readGrid(file);
  if (!cells.some((r) => r.some(Boolean))) throw new ImportError('EMPTY', {});
  let headerRow = -1;
  const columns: Partial<Record<Field, number>> = {};
  for (let r = 0; r < Math.min(cells.length, HEADER_SEARCH_ROWS) && headerRow < 0; r++) {
    const row = cells[r]!;
    const found: Partial<Record<Field, number>> = {};
    row.forEach((text, c) => {
      const t = text.replace(/\s+/g, '');
      const field = FIELDS.find((f) => found[f] === undefined && HEADER_WORDS[f].test(t));
      if (field) found[field] = c;
    });
    if (found.title !== undefined && found.lead !== undefined) {
      headerRow = r;
      Object.assign(columns, found);
    }
  }
  if (headerRow < 0) throw new ImportError('NO_HEADER', { searched: HEADER_SEARCH_ROWS });

  const matcher = createUnitMatcher(await catalogueOf(ctx.db));
  const defaultYear = Number(meeting.heldOn.slice(0, 4));
  const rows: DecisionRow[] = [];
  const problems: DecisionProblem[] = [];
  const cell = (r: string[], f: Field) => (columns[f] === undefined ? '' : (r[columns[f]!] ?? '').trim());
  const problem = (row: number, field: Field, code: DecisionProblemCode, value: string, suggestions: UnitSuggestion[] = []) =>
    problems.push({ row, column: columnLetter(columns[field]! + 1), field, code, value, suggestions });

  for (let r = headerRow + 1; r < cells.length; r++) {
    const raw = cells[r]!;
    const excelRow = r + 1;
    const used = FIELDS.filter((f) => f !== 'seq').some((f) => cell(raw, f));
    if (!used) continue;
    const title = cell(raw, 'title');
    if (!title) problem(excelRow, 'title', 'TITLE_MISSING', '');
    const resolve = (field: 'lead' | 'participants') => {
      const out: { name: string; unitId: string | null; lead: boolean }[] = [];
      for (const m of splitUnitCell(cell(raw, field))) {
        const match = matcher(m.name);
        const lead = field === 'lead' || m.lead;
        if (match.kind === 'exact') out.push({ name: m.name, unitId: match.unitId, lead });
        else if (match.kind === 'group' && match.unitIds.length) match.unitIds.forEach((id) => out.push({ name: m.name, unitId: id, lead }));
        else {
          out.push({ name: m.name, unitId: null, lead });
          if (match.kind === 'group') problem(excelRow, field, 'UNIT_GROUP_NEEDS_CHOICE', m.name);
          else problem(excelRow, field, 'UNIT_UNKNOWN', m.name, match.suggestions);
        }
      }
      return out;
    };
    const mentioned = [...resolve('lead'), ...resolve('participants')];
    const leads = mentioned.filter((u) => u.lead);
    const leadIds = new Set(leads.map((u) => u.unitId).filter(Boolean));
    const participants = mentioned.filter((u) => !u.lead && !(u.unitId && leadIds.has(u.unitId)));
    if (!leads.length && columns.lead !== undefined) problem(excelRow, 'lead', 'LEAD_MISSING', '');
    const deadlineText = cell(raw, 'deadline');
    const deadline = deadlineText ? parseDeadline(deadlineText, { defaultYear }) : null;
    if (deadline && deadline.kind !== 'date' && deadline.kind !== 'ongoing') problem(excelRow, 'deadline', 'DEADLINE_UNREADABLE', deadlineText);
    rows.push({
      row: excelRow,
      title,
      leads: leads.map(({ name, unitId }) => ({ name, unitId })),
      participants: participants.map(({ name, unitId }) => ({ name, unitId })),
      deadlineText,
      dueOn: deadline?.kind === 'date' ? deadline.dueOn : null,
      closureEvidence: cell(raw, 'evidence') || DEFAULT_EVIDENCE,
    });
  }
  return { sheetName, headerRow: headerRow + 1, rows, problems, blocking: problems.filter((p) => BLOCKING.has(p.code)) };
}

/** Files every decision of the sheet as a task in one transaction, or nothing while any blocking problem is left. */
export async function applyDecisionImport(ctx: ServiceContext, actor: Actor, meetingId: string, file: Buffer, opts: { articleId?: string | undefined }) {
  const preview = await previewDecisionImport(ctx, meetingId, file);
  if (preview.blocking.length) throw new DomainError('IMPORT_BLOCKED', { problems: preview.blocking });
  return inTransaction(ctx, actor, async (tx, audit) => {
    const meeting = await requireMeeting(tx, meetingId);
    const nodeIds: string[] = [];
    for (const r of preview.rows) {
      const ids = (list: { unitId: string | null }[]) => [...new Set(list.map((u) => u.unitId!).filter(Boolean))];
      nodeIds.push(
        await addSourcedTask(
          ctx,
          tx,
          actor,
          meeting.planId,
          { title: r.title.slice(0, 200), leads: ids(r.leads), participants: ids(r.participants), dueOn: r.dueOn, closureEvidence: r.closureEvidence, articleId: opts.articleId },
          { kind: 'meeting_decision', id: meeting.id, startOn: meeting.heldOn },
        ),
      );
    }
    await audit('meeting.decision_import', 'meeting', meeting.id, null, { sheet: preview.sheetName, decisions: nodeIds.length });
    return { decisions: nodeIds.length, nodeIds };
  });
}

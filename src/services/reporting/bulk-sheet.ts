import { DomainError, isEditable } from '../../domain';
import { readReportingSheet, SheetFormatError, writeReportingSheet, type SheetKey } from '../../documents/reporting-sheet/reporting-sheet';
import { findCycle } from '../../db/queries/cycles';
import { listReports as selectReports, type Report } from '../../db/queries/reports';
import { inTransaction, nowIso, type Actor, type ServiceContext } from '../context';
import { transitionReport, saveReport } from './reports';

const MAX_TEXT = { narrative: 5000, problems: 3000, coordinationRequest: 3000, nextSteps: 3000 } as const;
const COLUMN_LETTER: Partial<Record<SheetKey, string>> = { progressPct: 'G', narrative: 'H', problems: 'I', coordinationRequest: 'J', nextSteps: 'K', version: 'B', id: 'A' };

export interface SheetProblem {
  row: number;
  column: string;
  code: 'REPORT_UNKNOWN' | 'REPORT_NOT_EDITABLE' | 'VERSION_STALE' | 'PROGRESS_INVALID' | 'TEXT_TOO_LONG' | 'INCOMPLETE';
  message_zh: string;
  message_en: string;
}

export interface SheetChange {
  row: number;
  reportId: string;
  code: string;
  title: string;
  version: number;
  changes: Partial<Record<'progressPct' | keyof typeof MAX_TEXT, { from: string | number | null; to: string | number | null }>>;
}

async function unitReports(ctx: ServiceContext, actor: Actor, cycleId: string): Promise<Report[]> {
  if (!actor.unitId) throw new DomainError('FORBIDDEN');
  const { items } = await selectReports(ctx.db, { cycleId, unitId: actor.unitId }, { offset: 0, limit: 10_000 });
  return items as Report[];
}

/** The unit's reports of a cycle as a prefilled xlsx, to fill in offline. */
export async function downloadReportingSheet(ctx: ServiceContext, actor: Actor, cycleId: string) {
  const cycle = await findCycle(ctx.db, cycleId);
  if (!cycle) throw new DomainError('CYCLE_NOT_FOUND', { cycleId });
  const unit = await ctx.db.selectFrom('unit').select('name').where('id', '=', actor.unitId ?? '').executeTakeFirstOrThrow();
  const reports = await unitReports(ctx, actor, cycleId);
  const full = reports.length ? await ctx.db.selectFrom('report').selectAll().where('id', 'in', reports.map((r) => r.id)).execute() : [];
  const byId = new Map(full.map((r) => [r.id, r]));
  const content = await writeReportingSheet(
    { cycleId, cycleLabel: cycle.label, unitName: unit.name },
    reports.map((r) => {
      const f = byId.get(r.id)!;
      return {
        id: r.id, version: r.version, code: r.nodeCode, title: r.nodeTitle, role: r.role === 'lead' ? '牵头' : '配合', state: r.state,
        progressPct: r.progressPct, narrative: f.narrative, problems: f.problems, coordinationRequest: f.coordination_request, nextSteps: f.next_steps,
      };
    }),
  );
  return { fileName: `${unit.name}-${cycle.label}-进展填报.xlsx`, content };
}

/** Reads an uploaded sheet and lists, row by row, what would change and what is wrong. Writes nothing. */
export async function previewReportingSheet(ctx: ServiceContext, actor: Actor, file: Buffer, opts: { submit: boolean }) {
  let sheet;
  try {
    sheet = await readReportingSheet(file);
  } catch (e) {
    if (e instanceof SheetFormatError) throw new DomainError('IMPORT_NOT_XLSX', { reason: e.message });
    throw e;
  }
  const reports = new Map((await unitReports(ctx, actor, sheet.cycleId)).map((r) => [r.id, r]));
  const full = reports.size ? await ctx.db.selectFrom('report').select(['id', 'narrative', 'problems', 'coordination_request', 'next_steps']).where('id', 'in', [...reports.keys()]).execute() : [];
  const texts = new Map(full.map((r) => [r.id, { narrative: r.narrative, problems: r.problems, coordinationRequest: r.coordination_request, nextSteps: r.next_steps }]));
  const problems: SheetProblem[] = [];
  const changes: SheetChange[] = [];
  const problem = (row: number, key: SheetKey, code: SheetProblem['code'], zh: string, en: string) =>
    problems.push({ row, column: COLUMN_LETTER[key] ?? key, code, message_zh: `第${row}行${COLUMN_LETTER[key] ?? ''}列：${zh}`, message_en: `Row ${row}, column ${COLUMN_LETTER[key] ?? key}: ${en}` });
  for (const { row, cells } of sheet.rows) {
    const r = reports.get(cells.id);
    if (!r) {
      problem(row, 'id', 'REPORT_UNKNOWN', '不是本单位本周期的报告', 'not a report of your unit in this cycle');
      continue;
    }
    if (Number(cells.version) !== r.version) {
      problem(row, 'version', 'VERSION_STALE', '报告在下载后已被修改，请重新下载填报表', 'the report changed after the sheet was downloaded; download a fresh sheet');
      continue;
    }
    const change: SheetChange = { row, reportId: r.id, code: r.nodeCode, title: r.nodeTitle, version: r.version, changes: {} };
    const pct = cells.progressPct === '' ? null : Number(cells.progressPct.replace(/%$/, ''));
    if (pct !== null && (!Number.isFinite(pct) || pct < 0 || pct > 100)) problem(row, 'progressPct', 'PROGRESS_INVALID', `进度“${cells.progressPct}”应为0到100之间的数`, `progress "${cells.progressPct}" must be a number from 0 to 100`);
    else if (pct !== r.progressPct) change.changes.progressPct = { from: r.progressPct, to: pct };
    const current = texts.get(r.id)!;
    for (const key of Object.keys(MAX_TEXT) as (keyof typeof MAX_TEXT)[]) {
      const value = cells[key] || null;
      if (value && value.length > MAX_TEXT[key]) problem(row, key, 'TEXT_TOO_LONG', `超过${MAX_TEXT[key]}字`, `longer than ${MAX_TEXT[key]} characters`);
      else if (value !== (current[key] ?? null)) change.changes[key] = { from: current[key] ?? null, to: value };
    }
    const touched = Object.keys(change.changes).length > 0;
    if ((touched || opts.submit) && !isEditable(r.state)) {
      if (touched) problem(row, 'progressPct', 'REPORT_NOT_EDITABLE', '报告已提交，不能再修改', 'the report is already submitted');
      continue;
    }
    if (opts.submit) {
      const finalPct = 'progressPct' in change.changes ? change.changes.progressPct!.to : r.progressPct;
      const finalNarrative = 'narrative' in change.changes ? change.changes.narrative!.to : current.narrative;
      if (finalPct === null || !finalNarrative) problem(row, finalPct === null ? 'progressPct' : 'narrative', 'INCOMPLETE', '提交前须填写进度和进展情况', 'fill in progress and narrative before submitting');
    }
    if (touched || opts.submit) changes.push(change);
  }
  return { cycleId: sheet.cycleId, rows: sheet.rows.length, changes, problems };
}

/** Applies every row or none: any problem refuses the whole sheet. */
export async function applyReportingSheet(ctx: ServiceContext, actor: Actor, file: Buffer, opts: { submit: boolean }) {
  const preview = await previewReportingSheet(ctx, actor, file, opts);
  if (preview.problems.length) throw new DomainError('IMPORT_BLOCKED', { problems: preview.problems });
  // One transaction for the whole sheet: the use cases join it (see inTransaction), so a failure on the
  // last row rolls back the first.
  await inTransaction(ctx, actor, async (tx) => {
    const inner: ServiceContext = { ...ctx, db: tx };
    for (const c of preview.changes) {
      let version = c.version;
      if (Object.keys(c.changes).length) {
        const body = Object.fromEntries(Object.entries(c.changes).map(([k, v]) => [k, v.to]));
        version = (await saveReport(inner, actor, c.reportId, { version, ...body })).version;
      }
      if (opts.submit) {
        await transitionReport(inner, actor, c.reportId, 'submit', { version });
      }
    }
  });
  return { saved: preview.changes.filter((c) => Object.keys(c.changes).length).length, submitted: opts.submit ? preview.changes.length : 0, at: nowIso(ctx) };
}

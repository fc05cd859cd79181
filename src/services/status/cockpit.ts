import { compareCodes, emptyCounts, rollupBy, type ExplainLang, type RollupNode, type Status, type StatusCounts } from '../../domain';
import { sql } from 'kysely';
import type { ServiceContext } from '../context';
import { bulkWorkDone } from '../heap-relief';
import { computePlanStatus, type NodeStatus, type PlanStatus } from './plan-status';
import { laggingTasks, nodeStatusView, type NodeStatusView } from './views';

export interface Cockpit {
  asOf: string;
  overall: { progressPct: number; counts: StatusCounts };
  parts: NodeStatusView[];
  articles: NodeStatusView[];
  keyAreas: { key: string; title: string; progressPct: number; counts: StatusCounts }[];
  lagging: NodeStatusView[];
  laggingTotal: number;
  units: { unitId: string; unitName: string; leadTasks: number; red: number; yellow: number; reportsDue: number; reportsOnTime: number; reportsLate: number; reportsMissing: number }[];
  divisions: { code: string; counts: StatusCounts; worst: Status | null; taskIds: string[] }[];
}

// Not filed: still a draft, sent back, or never submitted.
const MISSING = sql`report.state in ('draft', 'returned') or report.submitted_at is null`;

const round1 = (x: number) => Math.round(x * 10) / 10;
const WORST: Status[] = ['red', 'yellow', 'green', 'not_started', 'completed', 'cancelled'];

/**
 * What leaders look at: overall progress, status counts, progress by part, article and key area, the
 * lagging list, a table by unit and counts by division for the map. One status computation and two
 * grouped queries; nothing per task.
 */
export async function buildCockpit(ctx: ServiceContext, planId: string, lang: ExplainLang): Promise<Cockpit> {
  const status = await computePlanStatus(ctx, planId);
  // Everything below changes only with what the status was computed from (reports, units and plan facts
  // are audited writes too), so a cockpit is kept per status object and language.
  let byLang = cockpits.get(status);
  if (!byLang) cockpits.set(status, (byLang = new Map()));
  let cockpit = byLang.get(lang);
  if (!cockpit) {
    byLang.set(lang, (cockpit = assembleCockpit(ctx, planId, lang, status)));
    cockpit.catch(() => byLang.delete(lang));
  }
  return cockpit;
}

const cockpits = new WeakMap<PlanStatus, Map<ExplainLang, Promise<Cockpit>>>();

async function assembleCockpit(ctx: ServiceContext, planId: string, lang: ExplainLang, status: PlanStatus): Promise<Cockpit> {
  const all = [...status.nodes.values()];
  const leaves = all.filter((s) => s.isLeaf);
  const [plan, unitDivisions, reportStats, unitNames] = await Promise.all([
    ctx.db.selectFrom('plan').select('facts').where('id', '=', planId).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('unit').select(['id', 'division_code']).where('division_code', 'is not', null).execute(),
    // Counted in SQL (one row per unit): at 100k nodes there are ~300k lead reports due.
    ctx.db
      .selectFrom('cycle')
      .innerJoin('report', 'report.cycle_id', 'cycle.id')
      .select((eb) => [
        'report.unit_id',
        eb.fn.countAll<number | string>().as('due'),
        sql<number | string>`sum(case when ${MISSING} then 1 else 0 end)`.as('missing'),
        sql<number | string>`sum(case when not (${MISSING}) and substr(report.submitted_at, 1, 10) <= cycle.due_on then 1 else 0 end)`.as('on_time'),
      ])
      .where('cycle.plan_id', '=', planId)
      .where('report.role', '=', 'lead')
      .where('cycle.due_on', '<', status.asOf)
      .groupBy('report.unit_id')
      .execute(),
    ctx.db.selectFrom('unit').select(['id', 'name']).execute(),
  ]);
  const keyAreaTitles = (JSON.parse(plan.facts) as { keyAreas?: { key: string; title: string }[] }).keyAreas ?? [];

  const asRollupLeaf = (s: NodeStatus): RollupNode & { s: NodeStatus } => ({
    id: s.node.id,
    parentId: s.node.parentId,
    weight: s.node.weight,
    cancelled: s.node.cancelled,
    status: s.task?.status ?? 'not_started',
    progressPct: s.task?.actualPct ?? 0,
    s,
  });
  const byArea = rollupBy((l) => (l.s.node.keyArea ? [l.s.node.keyArea] : []), leaves.map(asRollupLeaf));

  // A task is located where the office placed it, and in the divisions of the cities and districts that carry it.
  const divisionOfUnit = new Map(unitDivisions.map((u) => [u.id, u.division_code!]));
  const divisionsOf = (s: NodeStatus) => [...new Set([...s.node.divisionCodes, ...[...s.leads, ...s.participants].map((u) => divisionOfUnit.get(u.unitId)).filter((d): d is string => Boolean(d))])];
  const byDivision = rollupBy((l) => divisionsOf(l.s), leaves.map(asRollupLeaf));
  const taskIdsByDivision = new Map<string, string[]>();
  for (const s of leaves) {
    for (const d of divisionsOf(s)) {
      const ids = taskIdsByDivision.get(d);
      if (ids) ids.push(s.node.id);
      else taskIdsByDivision.set(d, [s.node.id]);
    }
  }

  const units = new Map<string, Cockpit['units'][number]>();
  const unitRow = (unitId: string, unitName: string) => {
    let row = units.get(unitId);
    if (!row) units.set(unitId, (row = { unitId, unitName, leadTasks: 0, red: 0, yellow: 0, reportsDue: 0, reportsOnTime: 0, reportsLate: 0, reportsMissing: 0 }));
    return row;
  };
  for (const s of leaves) {
    for (const u of s.leads) {
      const row = unitRow(u.unitId, u.unitName);
      row.leadTasks++;
      if (s.task?.status === 'red') row.red++;
      if (s.task?.status === 'yellow') row.yellow++;
    }
  }
  const nameOf = new Map(unitNames.map((u) => [u.id, u.name]));
  for (const r of reportStats) {
    const row = unitRow(r.unit_id, nameOf.get(r.unit_id) ?? '');
    const due = Number(r.due);
    const missing = Number(r.missing);
    const onTime = Number(r.on_time);
    row.reportsDue += due;
    row.reportsMissing += missing;
    row.reportsOnTime += onTime;
    row.reportsLate += due - missing - onTime;
  }

  const views = (kind: string) => all.filter((s) => s.node.kind === kind).sort((a, b) => compareCodes(a.node.code, b.node.code)).map((s) => nodeStatusView(s, lang));
  const lagging = laggingTasks(status);
  bulkWorkDone();
  return {
    asOf: status.asOf,
    overall: { progressPct: round1(status.overall.progressPct), counts: status.overall.counts },
    parts: views('part'),
    articles: views('article'),
    keyAreas: keyAreaTitles.map((k) => ({ key: k.key, title: k.title, progressPct: round1(byArea.get(k.key)?.progressPct ?? 0), counts: byArea.get(k.key)?.counts ?? emptyCounts() })),
    lagging: lagging.slice(0, 50).map((s) => nodeStatusView(s, lang)),
    laggingTotal: lagging.length,
    units: [...units.values()].sort((a, b) => b.red - a.red || b.yellow - a.yellow || b.leadTasks - a.leadTasks),
    divisions: [...byDivision].map(([code, r]) => ({ code, counts: r.counts, worst: WORST.find((w) => r.counts[w] > 0) ?? null, taskIds: taskIdsByDivision.get(code) ?? [] })),
  };
}

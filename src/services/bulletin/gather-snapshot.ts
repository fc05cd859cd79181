import { countsAsFiled, DomainError, type BulletinSnapshot, type RankingGroup, type ReportState } from '../../domain';
import type { ServiceContext } from '../context';
import { buildCockpit } from '../status/cockpit';
import { computePlanStatus } from '../status/plan-status';
import { laggingTasks, nodeStatusView } from '../status/views';
import { publishedRanking } from './ranking-source';

const round1 = (x: number) => Math.round(x * 10) / 10;
const UNIT_GROUPS: Record<string, string> = { department: '省直部门', city: '市（州）' };
const groupOf = (kind: string) => (kind in UNIT_GROUPS ? kind : 'other');
const groupLabel = (group: string) => UNIT_GROUPS[group] ?? '其他单位';

/**
 * Gathers what a cycle's bulletin says from live data: the plan's status (computed once, shared with the
 * cockpit), then one grouped query each for the cycle's reports, completed milestones and supervision
 * items. Nothing is queried per task or per unit.
 */
export async function gatherBulletinSnapshot(ctx: ServiceContext, planId: string, cycleId: string): Promise<BulletinSnapshot> {
  const cycle = await ctx.db.selectFrom('cycle').selectAll().where('id', '=', cycleId).where('plan_id', '=', planId).executeTakeFirst();
  if (!cycle) throw new DomainError('CYCLE_NOT_FOUND', { cycleId });
  const [cockpit, status, plan, reports, milestones, supervision] = await Promise.all([
    buildCockpit(ctx, planId, 'zh'),
    computePlanStatus(ctx, planId),
    ctx.db.selectFrom('plan').select(['title', 'short_title']).where('id', '=', planId).executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('report')
      .innerJoin('unit', 'unit.id', 'report.unit_id')
      .innerJoin('plan_node', 'plan_node.id', 'report.node_id')
      .select(['report.node_id', 'report.role', 'report.state', 'report.submitted_at', 'report.problems', 'report.coordination_request', 'report.next_steps', 'unit.id as unit_id', 'unit.name as unit_name', 'unit.kind as unit_kind', 'unit.sort_order', 'plan_node.code', 'plan_node.title'])
      .where('report.cycle_id', '=', cycleId)
      .where('plan_node.deleted_at', 'is', null)
      .execute(),
    ctx.db
      .selectFrom('plan_node as m')
      .innerJoin('plan_node as t', 't.id', 'm.parent_id')
      .select(['m.code', 'm.title', 'm.due_on', 'm.completed_on', 't.id as task_id', 't.code as task_code', 't.title as task_title'])
      .where('m.plan_id', '=', planId)
      .where('m.kind', '=', 'milestone')
      .where('m.deleted_at', 'is', null)
      .where('m.completed_on', '>=', cycle.period_start)
      .where('m.completed_on', '<=', cycle.period_end)
      .orderBy('m.completed_on')
      .execute(),
    ctx.db
      .selectFrom('supervision_item as s')
      .innerJoin('plan_node as n', 'n.id', 's.node_id')
      .innerJoin('unit as u', 'u.id', 's.unit_id')
      .select(['s.level', 's.state', 's.message', 's.response_due_on', 's.responded_at', 's.closed_at', 's.created_at', 'n.code', 'n.title', 'u.name'])
      .where('s.plan_id', '=', planId)
      // What the cycle saw: items still open, and those closed during or after it.
      .where((eb) => eb.or([eb('s.closed_at', 'is', null), eb('s.closed_at', '>=', cycle.period_start)]))
      .orderBy('s.response_due_on')
      .execute(),
  ]);

  const sortByCode = <T extends { code: string }>(rows: T[]) => rows.sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
  const problemsOf = new Map<string, string[]>();
  const coordination: BulletinSnapshot['coordination'] = [];
  const nextSteps: BulletinSnapshot['nextSteps'] = [];
  const reporting = { due: 0, onTime: 0, late: 0, missing: 0 };
  const byUnit = new Map<string, { unitName: string; kind: string; order: number; due: number; onTime: number }>();
  for (const r of sortByCode(reports)) {
    const filed = countsAsFiled(r.state as ReportState) && r.submitted_at !== null;
    if (filed && r.problems?.trim()) problemsOf.set(r.node_id, [...(problemsOf.get(r.node_id) ?? []), r.problems.trim()]);
    if (filed && r.coordination_request?.trim()) coordination.push({ taskCode: r.code, taskTitle: r.title, unitName: r.unit_name, request: r.coordination_request.trim() });
    if (filed && r.next_steps?.trim()) nextSteps.push({ taskCode: r.code, unitName: r.unit_name, text: r.next_steps.trim() });
    if (r.role !== 'lead') continue;
    const onTime = filed && r.submitted_at!.slice(0, 10) <= cycle.due_on;
    reporting.due++;
    if (!filed) reporting.missing++;
    else if (onTime) reporting.onTime++;
    else reporting.late++;
    const u = byUnit.get(r.unit_id) ?? { unitName: r.unit_name, kind: r.unit_kind, order: Number(r.sort_order), due: 0, onTime: 0 };
    u.due++;
    if (onTime) u.onTime++;
    byUnit.set(r.unit_id, u);
  }

  const lagging = laggingTasks(status).map((s) => {
    const v = nodeStatusView(s, 'zh');
    return { code: v.code, title: v.title, status: v.status as 'red' | 'yellow', leads: v.leads, reasons: v.reasons.map((r) => r.text), problems: problemsOf.get(v.nodeId)?.join('；') ?? null };
  });

  const leadsOf = (taskId: string) => status.nodes.get(taskId)?.leads.map((u) => u.unitName) ?? [];
  const today = status.asOf;
  const counts = { open: 0, responded: 0, closed: 0, escalated: 0, overdue: 0 };
  for (const s of supervision) {
    if (s.state in counts) counts[s.state as keyof typeof counts]++;
    if (s.state === 'open' && s.response_due_on < today) counts.overdue++;
  }

  const assessed = await publishedRanking(ctx, planId, cycle.period_end);
  const rankings: BulletinSnapshot['rankings'] = assessed
    ? { source: 'assessment', periodLabel: assessed.periodLabel, groups: assessed.groups.map((g) => ({ group: g.group, groupLabel: g.groupLabel, rows: g.rows.map((r) => ({ rank: r.rank, unitName: r.unitName, score: r.score })) })) }
    : { source: 'reporting', periodLabel: cycle.label, groups: reportingRanking([...byUnit.values()]) };

  const leaves = [...status.nodes.values()].filter((s) => s.isLeaf && !s.node.cancelled);
  return {
    plan: { title: plan.title, shortTitle: plan.short_title },
    cycle: { id: cycle.id, label: cycle.label, periodStart: cycle.period_start, periodEnd: cycle.period_end, dueOn: cycle.due_on },
    asOf: cockpit.asOf,
    overall: { progressPct: cockpit.overall.progressPct, tasks: leaves.length, counts: cockpit.overall.counts },
    parts: cockpit.parts.map((p) => ({ code: p.code, title: p.title, progressPct: p.progressPct, counts: p.counts })),
    keyAreas: cockpit.keyAreas.map((k, i) => ({ code: String(i + 1), title: k.title, progressPct: k.progressPct, counts: k.counts })),
    milestones: milestones.map((m) => ({ taskCode: m.task_code, taskTitle: m.task_title, code: m.code, title: m.title, dueOn: m.due_on, completedOn: m.completed_on!, leads: leadsOf(m.task_id) })),
    lagging,
    laggingTotal: lagging.length,
    supervision: {
      counts,
      items: supervision.map((s) => ({ level: s.level, state: s.state, taskCode: s.code, taskTitle: s.title, unitName: s.name, message: s.message, responseDueOn: s.response_due_on, respondedAt: s.responded_at })),
    },
    reporting,
    rankings,
    coordination,
    nextSteps,
  };
}

/**
 * Without a published assessment, units are ranked by the share of their lead reports filed on time in
 * the cycle; equal rates share a rank (1, 1, 3), and within a rate the office's unit order decides.
 */
export function reportingRanking(units: { unitName: string; kind: string; order: number; due: number; onTime: number }[]): RankingGroup[] {
  const groups = new Map<string, typeof units>();
  for (const u of units) groups.set(groupOf(u.kind), [...(groups.get(groupOf(u.kind)) ?? []), u]);
  const order = ['department', 'city', 'other'];
  return [...groups]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([group, list]) => {
      const scored = list.map((u) => ({ ...u, rate: round1((u.onTime / u.due) * 100) })).sort((a, b) => b.rate - a.rate || a.order - b.order || a.unitName.localeCompare(b.unitName, 'zh'));
      return {
        group,
        groupLabel: groupLabel(group),
        rows: scored.map((u) => ({ rank: 1 + scored.filter((o) => o.rate > u.rate).length, unitName: u.unitName, score: u.rate, detail: `按时${u.onTime}/应报${u.due}` })),
      };
    });
}

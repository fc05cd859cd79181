import { countsAsFiled, type CycleFacts, type MilestoneFacts, type ReportState, type StatusOverride, type TaskFacts } from '../../domain';
import { readJson } from '../../db/json';
import type { Executor } from '../../db/schema';

export interface TaskRow {
  id: string;
  parentId: string | null;
  kind: 'part' | 'article' | 'task';
  code: string;
  title: string;
  weight: number;
  priority: string;
  keyArea: string | null;
  startOn: string | null;
  dueOn: string | null;
  divisionCodes: string[];
  cancelled: boolean;
  sourceKind: string | null;
  sourceId: string | null;
}

export interface PlanFacts {
  /** Parts, articles and tasks (milestones shape the trajectory, not the tree that rolls up). */
  nodes: TaskRow[];
  facts: Map<string, TaskFacts>;
  assignments: { nodeId: string; unitId: string; unitName: string; role: 'lead' | 'participant' }[];
}

/**
 * Everything the status engine needs for one plan: nodes, milestones, cycles, assignments, overrides,
 * then the lead-unit reports one query per cycle. No query per task.
 */
export async function loadStatusFacts(db: Executor, planId: string, asOf: string): Promise<PlanFacts> {
  const [nodeRows, milestoneRows, cycleRows, assignmentRows, overrideRows] = await Promise.all([
    db
      .selectFrom('plan_node')
      .select(['id', 'parent_id', 'kind', 'code', 'title', 'weight', 'priority', 'key_area', 'start_on', 'due_on', 'division_codes', 'cancelled', 'completed_on', 'source_kind', 'source_id'])
      .where('plan_id', '=', planId)
      .where('deleted_at', 'is', null)
      .where('kind', '!=', 'milestone')
      .execute(),
    db
      .selectFrom('plan_node')
      .select(['parent_id', 'code', 'due_on', 'weight', 'completed_on', 'cancelled'])
      .where('plan_id', '=', planId)
      .where('deleted_at', 'is', null)
      .where('kind', '=', 'milestone')
      .execute(),
    db.selectFrom('cycle').select(['id', 'label', 'due_on', 'period_start', 'period_end']).where('plan_id', '=', planId).where('opens_on', '<=', asOf).execute(),
    db
      .selectFrom('assignment')
      .innerJoin('unit', 'unit.id', 'assignment.unit_id')
      .select(['assignment.node_id', 'assignment.unit_id', 'unit.name', 'assignment.role'])
      .where('assignment.plan_id', '=', planId)
      .orderBy('unit.sort_order')
      .execute(),
    db
      .selectFrom('status_override')
      .innerJoin('plan_node', 'plan_node.id', 'status_override.node_id')
      .leftJoin('app_user', 'app_user.id', 'status_override.created_by')
      .select(['status_override.node_id', 'status_override.status', 'status_override.reason', 'status_override.expires_on', 'status_override.created_at', 'app_user.display_name'])
      .where('plan_node.plan_id', '=', planId)
      .where('status_override.revoked_at', 'is', null)
      .where('status_override.expires_on', '>=', asOf)
      .orderBy('status_override.created_at')
      .execute(),
  ]);

  const milestones = new Map<string, MilestoneFacts[]>();
  for (const m of milestoneRows) {
    const list = milestones.get(m.parent_id!) ?? [];
    list.push({ code: m.code, dueOn: m.due_on, weight: Number(m.weight), completedOn: m.completed_on, cancelled: Boolean(m.cancelled) });
    milestones.set(m.parent_id!, list);
  }

  // Per task and cycle: filed when any lead unit (Sichuan or Chongqing side of a joint task) filed.
  const cycles = new Map<string, (CycleFacts & { periodEnd: string })[]>();
  const progress = new Map<string, number>();
  const cycleOrder = new Map([...cycleRows].sort((a, b) => a.period_start.localeCompare(b.period_start)).map((c, i) => [c.id, i]));
  const latestFiled = new Map<string, number>();
  // One cycle at a time (the covering index leads with cycle_id): at 100k nodes there are ~300k lead
  // reports, and holding them all as row objects at once pushed the server's heap, and with it its
  // resident memory for good, up by ~250 MB (bench/RESULTS.md). A cycle's rows are ~1/19 of that.
  for (const cycle of cycleRows) {
    const reportRows = await db
      .selectFrom('report')
      .select(['node_id', 'state', 'progress_pct', 'submitted_at'])
      .where('cycle_id', '=', cycle.id)
      .where('role', '=', 'lead')
      .execute();
    const order = cycleOrder.get(cycle.id)!;
    for (const r of reportRows) {
      const filed = countsAsFiled(r.state as ReportState);
      // Indexed by the cycle's order: a small array per task instead of a Map per task.
      let byCycle = cycles.get(r.node_id);
      if (!byCycle) cycles.set(r.node_id, (byCycle = []));
      const prev = byCycle[order];
      const submittedOn = filed && r.submitted_at ? r.submitted_at.slice(0, 10) : null;
      if (!prev || (submittedOn && (!prev.submittedOn || submittedOn < prev.submittedOn))) {
        byCycle[order] = { label: cycle.label, dueOn: cycle.due_on, submittedOn, periodEnd: cycle.period_end };
      }
      // The figure of the latest cycle with a filed report counts.
      if (filed && r.progress_pct !== null && order >= (latestFiled.get(r.node_id) ?? -1)) {
        latestFiled.set(r.node_id, order);
        progress.set(r.node_id, Number(r.progress_pct));
      }
    }
  }

  const overrides = new Map<string, StatusOverride>();
  for (const o of overrideRows) {
    overrides.set(o.node_id, { status: o.status as StatusOverride['status'], reason: o.reason, expiresOn: o.expires_on, by: o.display_name ?? '' });
  }

  const nodes: TaskRow[] = nodeRows.map((n) => ({
    id: n.id,
    parentId: n.parent_id,
    kind: n.kind as TaskRow['kind'],
    code: n.code,
    title: n.title,
    weight: Number(n.weight),
    priority: n.priority,
    keyArea: n.key_area,
    startOn: n.start_on,
    dueOn: n.due_on,
    divisionCodes: readJson<string[]>(n.division_codes, []),
    cancelled: Boolean(n.cancelled),
    sourceKind: n.source_kind,
    sourceId: n.source_id,
  }));
  const leadAssigned = new Set(assignmentRows.filter((a) => a.role === 'lead').map((a) => a.node_id));
  const facts = new Map<string, TaskFacts>();
  for (const n of nodeRows) {
    if (n.kind !== 'task') continue;
    facts.set(n.id, {
      code: n.code,
      startOn: n.start_on,
      dueOn: n.due_on,
      cancelled: Boolean(n.cancelled),
      completedOn: n.completed_on,
      progressPct: progress.get(n.id) ?? null,
      milestones: milestones.get(n.id) ?? [],
      // A cycle that ended before the task started owed nothing, whenever its report row was made.
      cycles: (cycles.get(n.id) ?? []).filter((c) => c !== undefined).sort((a, b) => a.periodEnd.localeCompare(b.periodEnd)).filter((c) => !n.start_on || c.periodEnd >= n.start_on).map(({ label, dueOn, submittedOn }) => ({ label, dueOn, submittedOn })),
      override: overrides.get(n.id) ?? null,
      assigned: leadAssigned.has(n.id),
    });
  }
  return {
    nodes,
    facts,
    assignments: assignmentRows.map((a) => ({ nodeId: a.node_id, unitId: a.unit_id, unitName: a.name, role: a.role as 'lead' | 'participant' })),
  };
}

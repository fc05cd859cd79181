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

/** Most tasks name no division of their own; they share one empty list. */
const NO_DIVISIONS: string[] = [];
const MILESTONE_BATCH = 1_000;
/** The most nodes `only` may name (one IN list per query, far below either database's parameter limit). */
export const ONLY_LIMIT = 2_000;

export interface PlanFacts {
  /** Parts, articles and tasks (milestones shape the trajectory, not the tree that rolls up). */
  nodes: TaskRow[];
  /** Each task's facts, built as they are read (one task's at a time is all that needs to be held). */
  facts: Iterable<[string, TaskFacts]>;
  assignments: { nodeId: string; unitId: string; unitName: string; role: 'lead' | 'participant' }[];
}

/**
 * Everything the status engine needs for one plan: nodes, milestones, cycles, assignments, overrides,
 * then the lead-unit reports one query per cycle. No query per task.
 *
 * With `only`, the same for those nodes alone (parts, articles and tasks; milestones come with their
 * task): what changed since a status was computed, to update it rather than compute it again.
 */
export async function loadStatusFacts(db: Executor, planId: string, asOf: string, only?: readonly string[]): Promise<PlanFacts> {
  if (only && only.length > ONLY_LIMIT) throw new Error(`loadStatusFacts: at most ${ONLY_LIMIT} nodes at a time`);
  const [nodeRows, cycleRows, assignmentRows, overrideRows] = await Promise.all([
    db
      .selectFrom('plan_node')
      .select(['id', 'parent_id', 'kind', 'code', 'title', 'weight', 'priority', 'key_area', 'start_on', 'due_on', 'division_codes', 'cancelled', 'completed_on', 'source_kind', 'source_id'])
      .where('plan_id', '=', planId)
      .where('deleted_at', 'is', null)
      .where('kind', '!=', 'milestone')
      .$if(only !== undefined, (q) => q.where('id', 'in', only!))
      .execute(),
    db.selectFrom('cycle').select(['id', 'label', 'due_on', 'period_start', 'period_end']).where('plan_id', '=', planId).where('opens_on', '<=', asOf).execute(),
    db
      .selectFrom('assignment')
      .innerJoin('unit', 'unit.id', 'assignment.unit_id')
      .select(['assignment.node_id', 'assignment.unit_id', 'unit.name', 'assignment.role'])
      .where('assignment.plan_id', '=', planId)
      .$if(only !== undefined, (q) => q.where('assignment.node_id', 'in', only!))
      .orderBy('unit.sort_order')
      .execute(),
    db
      .selectFrom('status_override')
      .innerJoin('plan_node', 'plan_node.id', 'status_override.node_id')
      .leftJoin('app_user', 'app_user.id', 'status_override.created_by')
      .select(['status_override.node_id', 'status_override.status', 'status_override.reason', 'status_override.expires_on', 'status_override.created_at', 'app_user.display_name'])
      .where('plan_node.plan_id', '=', planId)
      .$if(only !== undefined, (q) => q.where('status_override.node_id', 'in', only!))
      .where('status_override.revoked_at', 'is', null)
      .where('status_override.expires_on', '>=', asOf)
      .orderBy('status_override.created_at')
      .execute(),
  ]);

  // Milestones by batches of tasks (the tree index covers parent_id): at 100k nodes there are 80k of
  // them, and one result of 80k rows was a large share of the status's peak memory.
  const milestones = new Map<string, MilestoneFacts[]>();
  const taskIds = nodeRows.filter((n) => n.kind === 'task').map((n) => n.id);
  for (let i = 0; i < taskIds.length; i += MILESTONE_BATCH) {
    const milestoneRows = await db
      .selectFrom('plan_node')
      .select(['parent_id', 'code', 'due_on', 'weight', 'completed_on', 'cancelled'])
      .where('plan_id', '=', planId)
      .where('parent_id', 'in', taskIds.slice(i, i + MILESTONE_BATCH))
      .where('deleted_at', 'is', null)
      .where('kind', '=', 'milestone')
      .execute();
    for (const m of milestoneRows) {
      const list = milestones.get(m.parent_id!);
      const facts: MilestoneFacts = { code: m.code, dueOn: m.due_on, weight: Number(m.weight), completedOn: m.completed_on, cancelled: Boolean(m.cancelled) };
      if (list) list.push(facts);
      else milestones.set(m.parent_id!, [facts]);
    }
  }

  // Per task and cycle: filed when any lead unit (Sichuan or Chongqing side of a joint task) filed.
  // Per task, one slot per cycle (in period order): undefined when no lead report exists, else the day
  // the first lead unit filed it (null: not filed). ~300k (task, cycle) pairs at 100k nodes, held as
  // small arrays of shared day strings; the CycleFacts objects are made per task as its facts are read.
  const cycles = new Map<string, (string | null | undefined)[]>();
  const progress = new Map<string, number>();
  const cycleList = [...cycleRows].sort((a, b) => a.period_start.localeCompare(b.period_start));
  const cycleOrder = new Map(cycleList.map((c, i) => [c.id, i]));
  const byPeriodEnd = cycleList.map((_, i) => i).sort((a, b) => cycleList[a]!.period_end.localeCompare(cycleList[b]!.period_end));
  const latestFiled = new Map<string, number>();
  // Submission days repeat across ~300k reports at 100k nodes: one string per day, not one per report.
  const days = new Map<string, string>();
  const dayOf = (at: string) => {
    const day = at.slice(0, 10);
    const known = days.get(day);
    if (known !== undefined) return known;
    days.set(day, day);
    return day;
  };
  // One cycle at a time (the covering index leads with cycle_id): at 100k nodes there are ~300k lead
  // reports, and holding them all as row objects at once pushed the server's heap, and with it its
  // resident memory for good, up by ~250 MB (bench/RESULTS.md). A cycle's rows are ~1/19 of that.
  for (const cycle of cycleRows) {
    const reportRows = await db
      .selectFrom('report')
      .select(['node_id', 'state', 'progress_pct', 'submitted_at'])
      .where('cycle_id', '=', cycle.id)
      .where('role', '=', 'lead')
      .$if(only !== undefined, (q) => q.where('node_id', 'in', only!))
      .execute();
    const order = cycleOrder.get(cycle.id)!;
    for (const r of reportRows) {
      const filed = countsAsFiled(r.state as ReportState);
      // Indexed by the cycle's order: a small array per task instead of a Map per task.
      let byCycle = cycles.get(r.node_id);
      if (!byCycle) cycles.set(r.node_id, (byCycle = []));
      const prev = byCycle[order];
      const submittedOn = filed && r.submitted_at ? dayOf(r.submitted_at) : null;
      if (prev === undefined || (submittedOn && (prev === null || submittedOn < prev))) byCycle[order] = submittedOn;
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
    divisionCodes: n.division_codes && n.division_codes !== '[]' ? readJson<string[]>(n.division_codes, NO_DIVISIONS) : NO_DIVISIONS,
    cancelled: Boolean(n.cancelled),
    sourceKind: n.source_kind,
    sourceId: n.source_id,
  }));
  const leadAssigned = new Set(assignmentRows.filter((a) => a.role === 'lead').map((a) => a.node_id));
  const cyclesOf = (taskId: string, startOn: string | null): CycleFacts[] => {
    const slots = cycles.get(taskId);
    if (!slots) return [];
    const out: CycleFacts[] = [];
    for (const i of byPeriodEnd) {
      const submittedOn = slots[i];
      const c = cycleList[i]!;
      // A cycle that ended before the task started owed nothing, whenever its report row was made.
      if (submittedOn === undefined || (startOn && c.period_end < startOn)) continue;
      out.push({ label: c.label, dueOn: c.due_on, submittedOn });
    }
    return out;
  };
  function* facts(): Generator<[string, TaskFacts]> {
    for (const n of nodeRows) {
      if (n.kind !== 'task') continue;
      yield [
        n.id,
        {
          code: n.code,
          startOn: n.start_on,
          dueOn: n.due_on,
          cancelled: Boolean(n.cancelled),
          completedOn: n.completed_on,
          progressPct: progress.get(n.id) ?? null,
          milestones: milestones.get(n.id) ?? [],
          cycles: cyclesOf(n.id, n.start_on),
          override: overrides.get(n.id) ?? null,
          assigned: leadAssigned.has(n.id),
        },
      ];
    }
  }
  return {
    nodes,
    facts: facts(),
    assignments: assignmentRows.map((a) => ({ nodeId: a.node_id, unitId: a.unit_id, unitName: a.name, role: a.role as 'lead' | 'participant' })),
  };
}

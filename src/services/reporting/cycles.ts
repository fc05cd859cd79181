import { randomUUID } from 'node:crypto';
import { cyclePeriod, defaultDueOn, DomainError, type CycleFrequency } from '../../domain';
import { findCycle, listCycles as selectCycles, toCycle, type Cycle } from '../../db/queries/cycles';
import { inTransaction, nowIso, type Actor, type ServiceContext } from '../context';
import { requirePlan } from '../plan/read-plan';
import { writeVersioned } from '../versioned-update';

export interface OpenCycleInput {
  frequency: CycleFrequency;
  year: number;
  /** Month 1–12 for a monthly cycle, quarter 1–4 for a quarterly one. */
  index: number;
  opensOn?: string | undefined;
  dueOn?: string | undefined;
}

export async function listCycles(ctx: ServiceContext, planId: string): Promise<Cycle[]> {
  await requirePlan(ctx.db, planId);
  return selectCycles(ctx.db, planId);
}

/**
 * Opens a cycle and creates the report each unit owes for it: one per assigned task and unit (the
 * lead unit's report, and each participating unit's contribution). Cancelled and completed tasks are
 * out of scope.
 */
export async function openCycle(ctx: ServiceContext, actor: Actor, planId: string, input: OpenCycleInput): Promise<Cycle> {
  const period = cyclePeriod(input.frequency, input.year, input.index);
  const dueOn = input.dueOn ?? defaultDueOn(period.periodEnd);
  const opensOn = input.opensOn ?? period.periodStart;
  if (dueOn < opensOn) throw new DomainError('DATES_INVERTED', { startOn: opensOn, dueOn });
  return inTransaction(ctx, actor, async (tx, audit) => {
    await requirePlan(tx, planId);
    const clash = await tx
      .selectFrom('cycle')
      .select('id')
      .where('plan_id', '=', planId)
      .where('period_start', '<=', period.periodEnd)
      .where('period_end', '>=', period.periodStart)
      .executeTakeFirst();
    if (clash) throw new DomainError('CYCLE_OVERLAP', { cycleId: clash.id });
    const id = randomUUID();
    const at = nowIso(ctx);
    await tx
      .insertInto('cycle')
      .values({ id, plan_id: planId, label: period.label, frequency: input.frequency, period_start: period.periodStart, period_end: period.periodEnd, opens_on: opensOn, due_on: dueOn, created_at: at, updated_at: at })
      .execute();
    const owed = await tx
      .selectFrom('assignment')
      .innerJoin('plan_node', 'plan_node.id', 'assignment.node_id')
      .select(['assignment.node_id', 'assignment.unit_id', 'assignment.role'])
      .where('assignment.plan_id', '=', planId)
      .where('plan_node.deleted_at', 'is', null)
      .where('plan_node.cancelled', '=', 0)
      .where('plan_node.completed_on', 'is', null)
      // Only tasks under way in the period owe a report: not those starting later.
      .where((eb) => eb.or([eb('plan_node.start_on', 'is', null), eb('plan_node.start_on', '<=', period.periodEnd)]))
      .execute();
    const rows = owed.map((a) => ({ id: randomUUID(), cycle_id: id, node_id: a.node_id, unit_id: a.unit_id, role: a.role, created_at: at, updated_at: at }));
    for (let i = 0; i < rows.length; i += 500) await tx.insertInto('report').values(rows.slice(i, i + 500)).execute();
    await audit('cycle.open', 'cycle', id, null, { label: period.label, periodStart: period.periodStart, periodEnd: period.periodEnd, dueOn, reports: rows.length });
    const cycle = (await selectCycles(tx, planId)).find((c) => c.id === id)!;
    return cycle;
  });
}

export async function updateCycle(ctx: ServiceContext, actor: Actor, cycleId: string, input: { version: number; dueOn?: string | undefined; state?: 'open' | 'closed' | undefined }): Promise<Cycle> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const row = await findCycle(tx, cycleId);
    if (!row) throw new DomainError('CYCLE_NOT_FOUND', { cycleId });
    if (Number(row.version) !== input.version) throw new DomainError('VERSION_CONFLICT', { cycleId });
    if (input.dueOn && input.dueOn < row.opens_on) throw new DomainError('DATES_INVERTED', { startOn: row.opens_on, dueOn: input.dueOn });
    await writeVersioned(
      tx
        .updateTable('cycle')
        .set({ ...(input.dueOn && { due_on: input.dueOn }), ...(input.state && { state: input.state }), version: input.version + 1, updated_at: nowIso(ctx) })
        .where('id', '=', cycleId)
        .where('version', '=', input.version),
      { cycleId },
    );
    const after = (await findCycle(tx, cycleId))!;
    await audit('cycle.update', 'cycle', cycleId, { dueOn: row.due_on, state: row.state }, { dueOn: after.due_on, state: after.state });
    return toCycle(after);
  });
}

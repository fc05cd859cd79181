import { randomUUID } from 'node:crypto';
import { compareWithBaseline, DomainError, type BaselineSnapshot } from '../../domain';
import { readJson, writeJson } from '../../db/json';
import type { Executor } from '../../db/schema';
import { inTransaction, nowIso, type Actor, type ServiceContext } from '../context';
import { requirePlan } from './read-plan';

async function currentSnapshot(db: Executor, planId: string): Promise<BaselineSnapshot> {
  const rows = await db
    .selectFrom('plan_node')
    .select(['id', 'code', 'title', 'start_on', 'due_on', 'weight'])
    .where('plan_id', '=', planId)
    .where('deleted_at', 'is', null)
    .where('kind', 'in', ['task', 'milestone'])
    .execute();
  return Object.fromEntries(rows.map((r) => [r.id, { code: r.code, title: r.title, startOn: r.start_on, dueOn: r.due_on, weight: Number(r.weight) }]));
}

export async function listBaselines(ctx: ServiceContext, planId: string) {
  await requirePlan(ctx.db, planId);
  const rows = await ctx.db
    .selectFrom('baseline')
    .leftJoin('app_user', 'app_user.id', 'baseline.approved_by')
    .select(['baseline.id', 'baseline.number', 'baseline.reason', 'baseline.approved_at', 'app_user.display_name', 'baseline.snapshot'])
    .where('baseline.plan_id', '=', planId)
    .orderBy('baseline.number', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, number: Number(r.number), reason: r.reason, approvedAt: r.approved_at, approvedBy: r.display_name ?? '', nodes: Object.keys(readJson<BaselineSnapshot>(r.snapshot, {})).length }));
}

/**
 * Approves the blueprint as it stands: a numbered, frozen copy of every task's and milestone's dates
 * and weight. The first is the 施工图; each later one records why the plan was changed.
 */
export async function approveBaseline(ctx: ServiceContext, actor: Actor, planId: string, reason: string) {
  return inTransaction(ctx, actor, async (tx, audit) => {
    await requirePlan(tx, planId);
    const last = await tx.selectFrom('baseline').select((eb) => eb.fn.max('number').as('n')).where('plan_id', '=', planId).executeTakeFirst();
    const number = Number(last?.n ?? 0) + 1;
    const snapshot = await currentSnapshot(tx, planId);
    const id = randomUUID();
    const at = nowIso(ctx);
    await tx.insertInto('baseline').values({ id, plan_id: planId, number, reason, snapshot: writeJson(snapshot), approved_by: actor.userId ?? 'system', approved_at: at }).execute();
    await audit('baseline.approve', 'plan', planId, null, { number, reason, nodes: Object.keys(snapshot).length });
    return { id, number, reason, approvedAt: at, approvedBy: actor.username, nodes: Object.keys(snapshot).length };
  });
}

/** The plan now against an approved baseline (the latest unless a number is given). */
export async function baselineVariance(ctx: ServiceContext, planId: string, number?: number) {
  await requirePlan(ctx.db, planId);
  let q = ctx.db.selectFrom('baseline').select(['number', 'snapshot', 'approved_at']).where('plan_id', '=', planId);
  q = number ? q.where('number', '=', number) : q.orderBy('number', 'desc').limit(1);
  const base = await q.executeTakeFirst();
  if (!base) throw new DomainError('NOT_FOUND', { planId, baseline: number ?? 'latest' });
  const variances = compareWithBaseline(readJson<BaselineSnapshot>(base.snapshot, {}), await currentSnapshot(ctx.db, planId));
  return { number: Number(base.number), approvedAt: base.approved_at, items: variances };
}

import { DomainError, type ExplainLang } from '../../domain';
import type { Executor } from '../../db/schema';
import { inTransaction, nowIso, type Actor, type ServiceContext } from '../context';
import { requireIndicator } from './definitions';

export interface IndicatorTask {
  nodeId: string;
  code: string;
  title: string;
  kind: string;
}

export interface NodeIndicator {
  indicatorId: string;
  code: string;
  name: string;
  unit: string;
  frequency: string;
  ownerUnitName: string | null;
}

/** The plan tasks an indicator measures, in plan order; deleted tasks drop out. */
export async function indicatorTasks(db: Executor, indicatorId: string): Promise<IndicatorTask[]> {
  const rows = await db
    .selectFrom('indicator_task')
    .innerJoin('plan_node', 'plan_node.id', 'indicator_task.node_id')
    .select(['plan_node.id', 'plan_node.code', 'plan_node.title', 'plan_node.kind'])
    .where('indicator_task.indicator_id', '=', indicatorId)
    .where('plan_node.deleted_at', 'is', null)
    .orderBy('plan_node.sort_key')
    .execute();
  return rows.map((r) => ({ nodeId: r.id, code: r.code, title: r.title, kind: r.kind }));
}

export async function listIndicatorTasks(ctx: ServiceContext, indicatorId: string): Promise<IndicatorTask[]> {
  await requireIndicator(ctx.db, indicatorId);
  return indicatorTasks(ctx.db, indicatorId);
}

/**
 * The indicators that measure one task, for the task's detail in the plan. An unknown or just-deleted
 * node has none: the panel asks while the tree is still moving away from it, and an error there helps no one.
 */
export async function nodeIndicators(ctx: ServiceContext, nodeId: string, lang: ExplainLang): Promise<NodeIndicator[]> {
  const rows = await ctx.db
    .selectFrom('indicator_task')
    .innerJoin('indicator', 'indicator.id', 'indicator_task.indicator_id')
    .leftJoin('unit', 'unit.id', 'indicator.owner_unit_id')
    .select(['indicator.id', 'indicator.code', 'indicator.name_zh', 'indicator.name_en', 'indicator.unit', 'indicator.frequency', 'unit.name as owner_name'])
    .innerJoin('plan_node', 'plan_node.id', 'indicator_task.node_id')
    .where('indicator_task.node_id', '=', nodeId)
    .where('plan_node.deleted_at', 'is', null)
    .orderBy('indicator.code')
    .execute();
  return rows.map((r) => ({ indicatorId: r.id, code: r.code, name: lang === 'en' ? r.name_en : r.name_zh, unit: r.unit, frequency: r.frequency, ownerUnitName: r.owner_name ?? null }));
}

/** Links an indicator to the tasks it measures; linking a task twice is harmless. */
export async function linkIndicatorTasks(ctx: ServiceContext, actor: Actor, indicatorId: string, nodeIds: string[]): Promise<IndicatorTask[]> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    await requireIndicator(tx, indicatorId);
    const unique = [...new Set(nodeIds)];
    const found = new Set(unique.length ? (await tx.selectFrom('plan_node').select('id').where('id', 'in', unique).where('deleted_at', 'is', null).execute()).map((r) => r.id) : []);
    const missing = unique.filter((id) => !found.has(id));
    if (missing.length) throw new DomainError('NODE_NOT_FOUND', { nodeIds: missing });
    const existing = new Set((await tx.selectFrom('indicator_task').select('node_id').where('indicator_id', '=', indicatorId).execute()).map((r) => r.node_id));
    const added = unique.filter((id) => !existing.has(id));
    const at = nowIso(ctx);
    if (added.length) {
      await tx.insertInto('indicator_task').values(added.map((node_id) => ({ indicator_id: indicatorId, node_id, created_at: at }))).execute();
      await audit('indicator.link_tasks', 'indicator', indicatorId, null, { added });
    }
    return indicatorTasks(tx, indicatorId);
  });
}

export async function unlinkIndicatorTask(ctx: ServiceContext, actor: Actor, indicatorId: string, nodeId: string): Promise<IndicatorTask[]> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    await requireIndicator(tx, indicatorId);
    const res = await tx.deleteFrom('indicator_task').where('indicator_id', '=', indicatorId).where('node_id', '=', nodeId).executeTakeFirst();
    if (!Number(res.numDeletedRows)) throw new DomainError('NODE_NOT_FOUND', { nodeId });
    await audit('indicator.unlink_task', 'indicator', indicatorId, { nodeId }, null);
    return indicatorTasks(tx, indicatorId);
  });
}

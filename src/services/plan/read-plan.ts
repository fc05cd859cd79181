import { DomainError } from '../../domain';
import { findNode, listDeletedRoots, listLiveNodes, listLiveTree, toPlanNode, type PlanNode, type PlanTreeNode } from '../../db/queries/plan-nodes';
import { findPlan, listPlans as selectPlans, type Plan } from '../../db/queries/plans';
import type { Executor } from '../../db/schema';
import { revisionOf, type ServiceContext } from '../context';
import { readAuditHead, stillCurrent, type CacheEntry } from '../status/plan-status';

export function listPlans(ctx: ServiceContext): Promise<Plan[]> {
  return selectPlans(ctx.db);
}

export async function getPlan(ctx: ServiceContext, planId: string): Promise<Plan> {
  return requirePlan(ctx.db, planId);
}

export async function requirePlan(db: Executor, planId: string): Promise<Plan> {
  const plan = await findPlan(db, planId);
  if (!plan) throw new DomainError('PLAN_NOT_FOUND', { planId });
  return plan;
}

export async function listNodes(ctx: ServiceContext, planId: string, opts: { deleted: boolean }): Promise<PlanNode[]> {
  await requirePlan(ctx.db, planId);
  return opts.deleted ? listDeletedRoots(ctx.db, planId) : listLiveNodes(ctx.db, planId);
}

/**
 * The live outline without texts: what the plan tree shows, half the full list's bytes at the Decision's
 * size. Every page view asks for it and it changes only with a write, so one response object per plan is
 * kept, under the same validity rule as the plan's status (this process's writes at once, other
 * processes' within a second); the route keeps its JSON text with it.
 */
export async function listTreeNodes(ctx: ServiceContext, planId: string): Promise<{ items: PlanTreeNode[] }> {
  let byPlan = treeCache.get(ctx.db);
  if (!byPlan) treeCache.set(ctx.db, (byPlan = new Map()));
  const hit = byPlan.get(planId);
  const revision = revisionOf(ctx.db);
  if (hit && hit.revision === revision && (await stillCurrent(ctx, hit))) return hit.value;
  const auditHead = await readAuditHead(ctx);
  const value = requirePlan(ctx.db, planId).then(async () => ({ items: await listLiveTree(ctx.db, planId) }));
  byPlan.set(planId, { revision, auditHead, checkedAt: Date.now(), value });
  value.catch(() => byPlan.delete(planId));
  return value;
}
const treeCache = new WeakMap<object, Map<string, CacheEntry<{ items: PlanTreeNode[] }>>>();

export async function getNode(ctx: ServiceContext, planId: string, nodeId: string): Promise<PlanNode> {
  const row = await findNode(ctx.db, planId, nodeId);
  if (!row || row.deleted_at) throw new DomainError('NODE_NOT_FOUND', { nodeId });
  return toPlanNode(row);
}

/** The live node, checked against the version the caller read (409 when someone saved in between). */
export async function requireLiveNode(db: Executor, planId: string, nodeId: string, version?: number) {
  const row = await findNode(db, planId, nodeId);
  if (!row || row.deleted_at) throw new DomainError('NODE_NOT_FOUND', { nodeId });
  if (version !== undefined && Number(row.version) !== version) {
    throw new DomainError('VERSION_CONFLICT', { nodeId, expected: version, actual: Number(row.version) });
  }
  return row;
}

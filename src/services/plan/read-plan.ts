import { DomainError } from '../../domain';
import { countLiveNodes, findNode, listDeletedRoots, listLiveNodes, listLiveTree, toPlanNode, type PlanNode, type PlanTreeNode } from '../../db/queries/plan-nodes';
import { findPlan, listPlans as selectPlans, type Plan } from '../../db/queries/plans';
import type { Executor } from '../../db/schema';
import type { ServiceContext } from '../context';
import { keptUntilChange, type CacheEntry } from '../status/plan-status';

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
 * Above this many live nodes the outline holds only the parts and articles and the tree loads the rest a
 * level at a time: at 100,000 nodes the whole outline was 28 MB of JSON and ~100 MB of heap kept per plan
 * (bench/RESULTS.md). The Decision itself (~1,500 nodes) and plans ten times its size stay whole.
 */
export const FULL_OUTLINE_LIMIT = 20_000;
export type PlanOutline = { items: PlanTreeNode[]; complete: boolean };

/**
 * The live outline without texts: what the plan tree shows, half the full list's bytes at the Decision's
 * size. Every page view asks for it and it changes only with a write, so one response object per plan is
 * kept, under the same validity rule as the plan's status (this process's writes at once, other
 * processes' within a second); the route keeps its JSON text with it.
 */
export function listTreeNodes(ctx: ServiceContext, planId: string, wholeUpTo = FULL_OUTLINE_LIMIT): Promise<PlanOutline> {
  return keptUntilChange(ctx, treeCache, `${planId}|${wholeUpTo}`, () =>
    requirePlan(ctx.db, planId).then(async (): Promise<PlanOutline> => {
      const complete = (await countLiveNodes(ctx.db, planId)) <= wholeUpTo;
      return { items: await listLiveTree(ctx.db, planId, complete ? {} : { kinds: ['part', 'article'] }), complete };
    }),
  );
}
const treeCache = new WeakMap<object, Map<string, CacheEntry<PlanOutline>>>();

/**
 * One level of the outline: the live children of a node, read when the tree expands it. Kept per plan and
 * parent under the outline's validity rule, so re-expanding (and the ETag of the kept body) costs no query:
 * reading a level's rows was ~90 % of the request (bench/RESULTS.md, tree children). Bounded: at 100,000 nodes
 * a plan has tens of thousands of parents.
 */
export function listTreeChildren(ctx: ServiceContext, planId: string, parentId: string): Promise<PlanOutline> {
  return keptUntilChange(
    ctx,
    childrenCache,
    `${planId}|${parentId}`,
    () => requirePlan(ctx.db, planId).then(async (): Promise<PlanOutline> => ({ items: await listLiveTree(ctx.db, planId, { parentId }), complete: true })),
    CHILDREN_CACHE_LIMIT,
  );
}
const CHILDREN_CACHE_LIMIT = 5_000;
const childrenCache = new WeakMap<object, Map<string, CacheEntry<PlanOutline>>>();

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

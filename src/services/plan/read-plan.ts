import { DomainError } from '../../domain';
import { findNode, listDeletedRoots, listLiveNodes, listLiveTree, toPlanNode, type PlanNode, type PlanTreeNode } from '../../db/queries/plan-nodes';
import { findPlan, listPlans as selectPlans, type Plan } from '../../db/queries/plans';
import type { Executor } from '../../db/schema';
import type { ServiceContext } from '../context';

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

/** The live outline without texts: what the plan tree shows, ~40 % of the full list's bytes at the Decision's size. */
export async function listTreeNodes(ctx: ServiceContext, planId: string): Promise<PlanTreeNode[]> {
  await requirePlan(ctx.db, planId);
  return listLiveTree(ctx.db, planId);
}

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

import { randomUUID } from 'node:crypto';
import { assertMovable, collectSubtree, DomainError, type NodeKind } from '../../domain';
import { findNode, listLiveNodes, listSkeleton, type PlanNode } from '../../db/queries/plan-nodes';
import { inTransaction, nowIso, type Actor, type ServiceContext } from '../context';
import { auditView } from './node-input';
import { requireLiveNode } from './read-plan';
import { renumberPlan } from './renumber';

/**
 * Moves a task or milestone and its subtree to the recycle bin (one batch), so a mistaken delete can be
 * undone with everything under it. Parts and articles are the Decision's text and cannot be deleted.
 */
export async function removeNode(ctx: ServiceContext, actor: Actor, planId: string, nodeId: string, version: number): Promise<{ deleted: number }> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const row = await requireLiveNode(tx, planId, nodeId, version);
    assertMovable({ id: row.id, parentId: row.parent_id, kind: row.kind as NodeKind, seq: row.seq });
    const ids = collectSubtree(await listSkeleton(tx, planId), nodeId);
    const batch = randomUUID();
    const at = nowIso(ctx);
    for (let i = 0; i < ids.length; i += 500) {
      await tx.updateTable('plan_node').set({ deleted_at: at, deleted_batch: batch }).where('id', 'in', ids.slice(i, i + 500)).execute();
    }
    await renumberPlan(tx, planId);
    await audit('plan_node.delete', 'plan_node', nodeId, auditView(row), { deletedAt: at, batch, subtreeSize: ids.length });
    return { deleted: ids.length };
  });
}

/** Takes a deleted node's batch back from the recycle bin, at its old position under its old parent. */
export async function restoreNode(ctx: ServiceContext, actor: Actor, planId: string, nodeId: string): Promise<PlanNode[]> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const row = await findNode(tx, planId, nodeId);
    if (!row || !row.deleted_at || !row.deleted_batch) throw new DomainError('NODE_NOT_FOUND', { nodeId });
    if (row.parent_id) await requireLiveNode(tx, planId, row.parent_id);
    const oldPosition = Number(row.seq);
    await tx.updateTable('plan_node').set({ deleted_at: null, deleted_batch: null }).where('deleted_batch', '=', row.deleted_batch).execute();
    await renumberPlan(tx, planId, { id: nodeId, position: oldPosition });
    const after = (await findNode(tx, planId, nodeId))!;
    await audit('plan_node.restore', 'plan_node', nodeId, { deletedAt: row.deleted_at }, auditView(after));
    return listLiveNodes(tx, planId);
  });
}

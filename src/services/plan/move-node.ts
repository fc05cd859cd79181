import { assertMovable, assertPlacement, DomainError, wouldCreateCycle, type NodeKind } from '../../domain';
import { findNode, listLiveNodes, listSkeleton, type PlanNode } from '../../db/queries/plan-nodes';
import { inTransaction, nowIso, type Actor, type ServiceContext } from '../context';
import { auditView, type MoveNodeInput } from './node-input';
import { requireLiveNode } from './read-plan';
import { renumberPlan } from './renumber';
import { writeVersioned } from '../versioned-update';

/** Moves a task or milestone (with its subtree) under a new parent at a position; every code is re-derived. */
export async function moveNode(ctx: ServiceContext, actor: Actor, planId: string, nodeId: string, input: MoveNodeInput): Promise<PlanNode[]> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const row = await requireLiveNode(tx, planId, nodeId, input.version);
    const kind = row.kind as NodeKind;
    assertMovable({ id: row.id, parentId: row.parent_id, kind, seq: row.seq });
    const parent = await requireLiveNode(tx, planId, input.parentId);
    assertPlacement(kind, { id: parent.id, parentId: parent.parent_id, kind: parent.kind as NodeKind, seq: parent.seq });
    const skeleton = await listSkeleton(tx, planId);
    if (wouldCreateCycle(new Map(skeleton.map((n) => [n.id, n])), nodeId, parent.id)) {
      throw new DomainError('NODE_CYCLE', { nodeId, parentId: parent.id });
    }
    await writeVersioned(
      tx
        .updateTable('plan_node')
        .set({ parent_id: parent.id, seq: -1, version: input.version + 1, updated_at: nowIso(ctx), user_edited: 1 })
        .where('id', '=', nodeId)
        .where('version', '=', input.version),
      { nodeId },
    );
    await renumberPlan(tx, planId, { id: nodeId, position: input.position });
    const after = (await findNode(tx, planId, nodeId))!;
    await audit('plan_node.move', 'plan_node', nodeId, auditView(row), auditView(after));
    return listLiveNodes(tx, planId);
  });
}

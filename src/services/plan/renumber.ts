import { numberTree, reorderSiblings } from '../../domain';
import { listSkeleton, saveNumbering } from '../../db/queries/plan-nodes';
import type { Executor } from '../../db/schema';

/**
 * Re-derives every live node's code and position in the plan after a structural change, optionally
 * placing `placed` at `position` among its siblings first. Only changed rows are written.
 */
export async function renumberPlan(db: Executor, planId: string, placed?: { id: string; position: number }): Promise<void> {
  const skeleton = await listSkeleton(db, planId);
  if (placed) {
    const node = skeleton.find((n) => n.id === placed.id);
    if (node) {
      const order = reorderSiblings(skeleton.filter((n) => n.parentId === node.parentId), placed.id, placed.position);
      const rank = new Map(order.map((id, i) => [id, i]));
      for (const n of skeleton) if (rank.has(n.id)) n.seq = rank.get(n.id)!;
    }
  }
  const before = skeleton.map((n) => ({ ...n }));
  await saveNumbering(db, before, numberTree(skeleton));
}

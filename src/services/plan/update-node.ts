import { assertDatesOrdered, DomainError } from '../../domain';
import { findNode, toPlanNode, type PlanNode } from '../../db/queries/plan-nodes';
import type { PlanNodePatch } from '../../db/schema';
import { toFlag, writeJson } from '../../db/json';
import { inTransaction, nowIso, type Actor, type ServiceContext } from '../context';
import { auditView, type UpdateNodeInput } from './node-input';
import { requireLiveNode } from './read-plan';
import { writeVersioned } from '../versioned-update';

/** Edits a node's own fields. Structure (parent, position, code) changes only through move. */
export async function updateNode(ctx: ServiceContext, actor: Actor, planId: string, nodeId: string, input: UpdateNodeInput): Promise<PlanNode> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const row = await requireLiveNode(tx, planId, nodeId, input.version);
    const patch: PlanNodePatch = {};
    if (input.title !== undefined) patch.title = input.title;
    if (input.body !== undefined) patch.body = input.body;
    if (input.weight !== undefined) patch.weight = input.weight;
    if (input.priority !== undefined) patch.priority = input.priority;
    if (input.startOn !== undefined) patch.start_on = input.startOn;
    if (input.dueOn !== undefined) patch.due_on = input.dueOn;
    if (input.keyArea !== undefined) patch.key_area = input.keyArea;
    if (input.completionCriterion !== undefined) patch.completion_criterion = input.completionCriterion;
    if (input.evidenceRequired !== undefined) patch.evidence_required = toFlag(input.evidenceRequired);
    if (input.cancelled !== undefined) patch.cancelled = toFlag(input.cancelled);
    if (input.completedOn !== undefined) patch.completed_on = input.completedOn;
    if (input.deadlineText !== undefined) patch.deadline_text = input.deadlineText;
    if (input.divisionCodes !== undefined) patch.division_codes = writeJson(input.divisionCodes);
    assertDatesOrdered(patch.start_on !== undefined ? (patch.start_on ?? null) : row.start_on, patch.due_on !== undefined ? (patch.due_on ?? null) : row.due_on);
    await writeVersioned(
      tx
        .updateTable('plan_node')
        .set({ ...patch, user_edited: 1, version: input.version + 1, updated_at: nowIso(ctx) })
        .where('id', '=', nodeId)
        .where('version', '=', input.version),
      { nodeId },
    );
    const after = (await findNode(tx, planId, nodeId))!;
    await audit('plan_node.update', 'plan_node', nodeId, auditView(row), auditView(after));
    return toPlanNode(after);
  });
}

import { randomUUID } from 'node:crypto';
import { assertDatesOrdered, assertPlacement } from '../../domain';
import { codeSortKey, findNode, toPlanNode, type PlanNode } from '../../db/queries/plan-nodes';
import { toFlag, writeJson } from '../../db/json';
import { inTransaction, nowIso, type Actor, type ServiceContext } from '../context';
import { auditView, type CreateNodeInput } from './node-input';
import { requireLiveNode, requirePlan } from './read-plan';

/** Adds a task or milestone as the last child of its parent; the code follows from the position. */
export async function createNode(ctx: ServiceContext, actor: Actor, planId: string, input: CreateNodeInput): Promise<PlanNode> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    await requirePlan(tx, planId);
    const parent = await requireLiveNode(tx, planId, input.parentId);
    assertPlacement(input.kind, { id: parent.id, parentId: parent.parent_id, kind: parent.kind as never, seq: parent.seq });
    assertDatesOrdered(input.startOn ?? null, input.dueOn ?? null);
    const last = await tx
      .selectFrom('plan_node')
      .select((eb) => eb.fn.max('seq').as('max'))
      .where('parent_id', '=', parent.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    const seq = last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1;
    const id = randomUUID();
    const at = nowIso(ctx);
    await tx
      .insertInto('plan_node')
      .values({
        id,
        plan_id: planId,
        parent_id: parent.id,
        key: null,
        kind: input.kind,
        code: `${parent.code}.${seq + 1}`,
        sort_key: codeSortKey(`${parent.code}.${seq + 1}`),
        seq,
        title: input.title,
        body: input.body ?? null,
        weight: input.weight ?? 1,
        priority: input.priority ?? 'normal',
        start_on: input.startOn ?? null,
        due_on: input.dueOn ?? null,
        key_area: input.keyArea ?? (parent.key_area || null),
        source_ref: null,
        completion_criterion: input.completionCriterion ?? null,
        evidence_required: toFlag(input.evidenceRequired ?? false),
        cancelled: toFlag(input.cancelled ?? false),
        completed_on: input.completedOn ?? null,
        deadline_text: input.deadlineText ?? null,
        division_codes: writeJson(input.divisionCodes ?? []),
        user_edited: 1,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    // Appended as the last live child, its code is already right and no other code moves: no renumbering.
    const row = (await findNode(tx, planId, id))!;
    await audit('plan_node.create', 'plan_node', id, null, auditView(row));
    return toPlanNode(row);
  });
}

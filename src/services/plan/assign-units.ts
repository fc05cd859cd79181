import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain';
import { listNodeAssignments, listPlanAssignments, type Assignment } from '../../db/queries/assignments';
import { findNode, toPlanNode, type PlanNode } from '../../db/queries/plan-nodes';
import { inTransaction, nowIso, type Actor, type ServiceContext } from '../context';
import { requireLiveNode, requirePlan } from './read-plan';
import { writeVersioned } from '../versioned-update';

export interface AssignUnitsInput {
  version: number;
  leads: string[];
  participants: string[];
}

export async function listAssignments(ctx: ServiceContext, planId: string): Promise<Assignment[]> {
  await requirePlan(ctx.db, planId);
  return listPlanAssignments(ctx.db, planId);
}

/**
 * Sets a task's lead units (牵头, one or more, from either side for 川渝共同牵头) and participating
 * units (配合). Replaces the whole set, so the form shows exactly what will be saved.
 */
export async function assignUnits(ctx: ServiceContext, actor: Actor, planId: string, nodeId: string, input: AssignUnitsInput): Promise<{ node: PlanNode; assignments: Assignment[] }> {
  const leads = [...new Set(input.leads)];
  const participants = [...new Set(input.participants)];
  const both = leads.filter((u) => participants.includes(u));
  if (both.length) throw new DomainError('ASSIGNMENT_ROLE_CLASH', { unitIds: both });
  return inTransaction(ctx, actor, async (tx, audit) => {
    const row = await requireLiveNode(tx, planId, nodeId, input.version);
    if (row.kind !== 'task') throw new DomainError('NODE_KIND_INVALID', { kind: row.kind, reason: 'only tasks are assigned' });
    const all = [...leads, ...participants];
    if (all.length) {
      const found = await tx.selectFrom('unit').select('id').where('id', 'in', all).where('active', '=', 1).execute();
      const missing = all.filter((id) => !found.some((f) => f.id === id));
      if (missing.length) throw new DomainError('UNIT_NOT_FOUND', { unitIds: missing });
    }
    const at = nowIso(ctx);
    // The node's version is claimed before the assignment rows are touched: a concurrent save of the same
    // version waits on this row and then gets a 409, instead of racing on the rows (a duplicate-key 500).
    await writeVersioned(tx.updateTable('plan_node').set({ version: input.version + 1, updated_at: at, user_edited: 1 }).where('id', '=', nodeId).where('version', '=', input.version), { nodeId });
    const before = await listNodeAssignments(tx, nodeId);
    await tx.deleteFrom('assignment').where('node_id', '=', nodeId).execute();
    const rows = [...leads.map((u) => ({ u, role: 'lead' })), ...participants.map((u) => ({ u, role: 'participant' }))].map(({ u, role }) => ({
      id: randomUUID(),
      plan_id: planId,
      node_id: nodeId,
      unit_id: u,
      role,
      created_at: at,
    }));
    if (rows.length) await tx.insertInto('assignment').values(rows).execute();
    const after = await listNodeAssignments(tx, nodeId);
    const view = (list: Assignment[]) => ({ leads: list.filter((a) => a.role === 'lead').map((a) => a.unitName), participants: list.filter((a) => a.role === 'participant').map((a) => a.unitName) });
    await audit('plan_node.assign', 'plan_node', nodeId, view(before), view(after));
    return { node: toPlanNode((await findNode(tx, planId, nodeId))!), assignments: after };
  });
}

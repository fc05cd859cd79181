import { randomUUID } from 'node:crypto';
import { DomainError, type Status } from '../../domain';
import { inTransaction, nowIso, type Actor, type ServiceContext } from '../context';
import { requireLiveNode } from '../plan/read-plan';

/** The office's judgement over the engine's, with a reason and an end date; it shows as the first reason. */
export async function overrideStatus(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  nodeId: string,
  input: { status: Exclude<Status, 'cancelled'>; reason: string; expiresOn: string },
) {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const node = await requireLiveNode(tx, planId, nodeId);
    if (node.kind !== 'task') throw new DomainError('NODE_KIND_INVALID', { kind: node.kind });
    const at = nowIso(ctx);
    if (input.expiresOn < at.slice(0, 10)) throw new DomainError('DATES_INVERTED', { startOn: at.slice(0, 10), dueOn: input.expiresOn });
    await tx.updateTable('status_override').set({ revoked_at: at }).where('node_id', '=', nodeId).where('revoked_at', 'is', null).execute();
    const id = randomUUID();
    await tx.insertInto('status_override').values({ id, node_id: nodeId, status: input.status, reason: input.reason, expires_on: input.expiresOn, created_by: actor.userId ?? 'system', created_at: at }).execute();
    await audit('status.override', 'plan_node', nodeId, null, input);
    return { id, ...input };
  });
}

export async function revokeOverride(ctx: ServiceContext, actor: Actor, planId: string, nodeId: string) {
  await inTransaction(ctx, actor, async (tx, audit) => {
    await requireLiveNode(tx, planId, nodeId);
    const active = await tx.selectFrom('status_override').select(['id', 'status', 'reason']).where('node_id', '=', nodeId).where('revoked_at', 'is', null).executeTakeFirst();
    if (!active) throw new DomainError('NOT_FOUND', { nodeId });
    await tx.updateTable('status_override').set({ revoked_at: nowIso(ctx) }).where('id', '=', active.id).execute();
    await audit('status.override_revoke', 'plan_node', nodeId, { status: active.status, reason: active.reason }, null);
  });
}

import { findChainBreak, type ChainBreak } from '../domain';
import { listAudit as selectAudit, readAuditLog, type AuditFilter } from '../db/queries/audit';
import { readJson } from '../db/json';
import type { Executor } from '../db/schema';
import type { ServiceContext } from './context';

// A bare date as the end of a range means "to the end of that day".
function endOf(to: string | undefined): string | undefined {
  if (!to || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return to;
  const next = new Date(`${to}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

export async function listAudit(ctx: ServiceContext, filter: AuditFilter, page: { page: number; pageSize: number }) {
  const { rows, total } = await selectAudit(ctx.db, { ...filter, to: endOf(filter.to) }, { offset: (page.page - 1) * page.pageSize, limit: page.pageSize });
  return {
    total,
    items: rows.map((r) => ({
      id: Number(r.id),
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: readJson<Record<string, unknown> | null>(r.before, null),
      after: readJson<Record<string, unknown> | null>(r.after, null),
      hash: r.hash,
    })),
  };
}

/** Walks the whole chain; reports the first entry whose link does not hold. */
export async function verifyAuditChain(db: Executor): Promise<{ ok: boolean; checked: number; firstBroken: ChainBreak | null }> {
  let checked = 0;
  async function* entries() {
    for await (const r of readAuditLog(db)) {
      checked++;
      yield { id: r.id, at: r.at, actorId: r.actor_id, action: r.action, entity: r.entity, entityId: r.entity_id, before: r.before, after: r.after, prevHash: r.prev_hash, hash: r.hash };
    }
  }
  // findChainBreak is synchronous over an iterable; buffer page by page to keep memory bounded.
  let firstBroken: ChainBreak | null = null;
  let prev: string | undefined;
  let nextId = 1;
  let batch: Parameters<typeof findChainBreak>[0] extends Iterable<infer T> ? T[] : never = [];
  const flush = () => {
    if (!batch.length || firstBroken) return;
    firstBroken = findChainBreak(batch, prev, nextId);
    const last = batch[batch.length - 1]!;
    prev = last.hash;
    nextId = last.id + 1;
    batch = [];
  };
  for await (const e of entries()) {
    batch.push(e);
    if (batch.length >= 5000) flush();
    if (firstBroken) break;
  }
  flush();
  return { ok: firstBroken === null, checked, firstBroken };
}

import { createHash } from 'node:crypto';

export interface AuditFields {
  id: number;
  at: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: string | null;
  after: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with keys sorted at every level, so the same value always hashes the same whichever database stored it. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Each entry's hash covers its own fields and the previous entry's hash, so editing or deleting any row breaks every later link. */
export function hashAuditEntry(prevHash: string, e: AuditFields): string {
  const material = [prevHash, e.id, e.at, e.actorId ?? '', e.action, e.entity, e.entityId, e.before ?? '', e.after ?? ''].join('\u001f');
  return createHash('sha256').update(material, 'utf8').digest('hex');
}

export type ChainBreak = { id: number; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'gap' };

/** Checks entries in id order; `expectedPrev` is the hash before the first entry given (GENESIS for the whole log). */
export function findChainBreak(
  entries: Iterable<AuditFields & { prevHash: string; hash: string }>,
  expectedPrev: string = GENESIS_HASH,
  expectedFirstId = 1,
): ChainBreak | null {
  let prev = expectedPrev;
  let nextId = expectedFirstId;
  for (const e of entries) {
    if (e.id !== nextId) return { id: e.id, reason: 'gap' };
    if (e.prevHash !== prev) return { id: e.id, reason: 'prev_hash_mismatch' };
    if (hashAuditEntry(prev, e) !== e.hash) return { id: e.id, reason: 'hash_mismatch' };
    prev = e.hash;
    nextId = e.id + 1;
  }
  return null;
}

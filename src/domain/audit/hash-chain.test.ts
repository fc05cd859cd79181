import { describe, expect, it } from 'vitest';
import { canonicalJson, findChainBreak, GENESIS_HASH, hashAuditEntry, type AuditFields } from './hash-chain';

function chain(n: number) {
  const out: (AuditFields & { prevHash: string; hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let id = 1; id <= n; id++) {
    const e: AuditFields = { id, at: `2026-01-0${id}T00:00:00.000Z`, actorId: 'u1', action: 'x.update', entity: 'x', entityId: String(id), before: null, after: canonicalJson({ n: id }) };
    const hash = hashAuditEntry(prev, e);
    out.push({ ...e, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('audit hash chain', () => {
  it('accepts an intact chain', () => expect(findChainBreak(chain(5))).toBeNull());
  it('finds an edited row', () => {
    const c = chain(5);
    c[2] = { ...c[2]!, after: '{"n":99}' };
    expect(findChainBreak(c)).toEqual({ id: 3, reason: 'hash_mismatch' });
  });
  it('finds a deleted row', () => {
    const c = chain(5);
    c.splice(1, 1);
    expect(findChainBreak(c)).toEqual({ id: 3, reason: 'gap' });
  });
  it('finds a deleted last row only by count, and a re-hashed row by the next link', () => {
    const c = chain(4);
    const forged = { ...c[1]!, after: '{"n":7}' };
    forged.hash = hashAuditEntry(forged.prevHash, forged);
    c[1] = forged;
    expect(findChainBreak(c)).toEqual({ id: 3, reason: 'prev_hash_mismatch' });
  });
  it('sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":0,"z":1}]},"b":1}');
  });
});

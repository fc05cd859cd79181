import { randomBytes } from 'node:crypto';

/**
 * A source of UUIDs (version 7, RFC 9562) that sort in the order they are made, for the rows of one
 * bulk write. Random (version 4) keys land all over each B-tree index that holds them, so every one of
 * an import's 60,000 assignment rows touched a different index page in its primary key, in the
 * (node, unit) index and in the foreign-key lookups; in creation order they append at the end
 * (SQLite: about a third less work for the assignments, bench/RESULTS.md).
 *
 * Layout: 48-bit Unix milliseconds, version 7, 12 random bits, variant, a 30-bit counter, 32 random
 * bits. The random bits are drawn once per source: two sources (two imports in the same millisecond)
 * collide only if 44 random bits agree, and the primary key would refuse that.
 */
export function orderedIds(now: Date): () => string {
  const ms = now.getTime().toString(16).padStart(12, '0');
  const r = randomBytes(6);
  const randA = (r.readUInt16BE(0) & 0x0fff).toString(16).padStart(3, '0');
  const tail = r.readUInt32BE(2).toString(16).padStart(8, '0');
  const head = `${ms.slice(0, 8)}-${ms.slice(8)}-7${randA}-`;
  let counter = 0;
  return () => {
    if (counter >= 2 ** 30) throw new Error('orderedIds: more than 2^30 ids from one source');
    const c = (0x8000_0000 + counter++).toString(16);
    return `${head}${c.slice(0, 4)}-${c.slice(4)}${tail}`;
  };
}

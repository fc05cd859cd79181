import { describe, expect, it } from 'vitest';
import { runSoak } from '../../bench/soak';
import { testDialects } from '../helpers/test-db';

// The CI variant of bench/soak.ts: 10 s of mixed load against the real server. Too short to prove a slow
// leak (the 60 s default and the 30-minute run do that); it proves the load runs clean and memory settles.
describe.each(testDialects())('[%s] a short soak of mixed load', (dialect) => {
  it('answers every request without an error, and its memory does not grow', async () => {
    const r = await runSoak({ seconds: 10, db: dialect === 'postgres' ? process.env.TEST_PG_URL! : undefined, connections: 4, tolerancePct: 25, toleranceMb: 40, log: (l) => console.log(`[${dialect}] ${l}`) });
    expect(r.errors).toEqual([]);
    expect(r.reads).toBeGreaterThan(100);
    expect(r.saves).toBeGreaterThan(10);
    expect(r.rssGrew, `RSS ${r.rssFirstHalfMb} → ${r.rssSecondHalfMb} MB`).toBe(false);
  }, 120_000);
});

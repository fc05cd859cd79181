/**
 * Times the pieces of the plan's status and the cockpit, in this process, on a generated database:
 *
 *   node --expose-gc --import tsx bench/profile-status.ts sqlite:bench/data/L.sqlite
 *   node --expose-gc --import tsx bench/profile-status.ts postgres://postgres@127.0.0.1:55432/bench_l
 *
 * Add --cpu-prof to see where the time goes. The database is not migrated (BENCH_MIGRATE=1 to do so).
 */
import { migrateToLatest, openDatabase } from '../src/db/connect';
import type { ServiceContext } from '../src/services/context';
import { buildCockpit } from '../src/services/status/cockpit';
import { loadStatusFacts } from '../src/services/status/load-status-facts';
import { saveReport } from '../src/services/reporting/reports';
import { computePlanStatus, statusComputations, todayInChina } from '../src/services/status/plan-status';

const url = process.argv[2];
if (!url) throw new Error('usage: bench/profile-status.ts <database url>');
const database = openDatabase(url);
if (process.env.BENCH_MIGRATE) await migrateToLatest(database.db);
const ctx: ServiceContext = { db: database.db, dialect: database.dialect, clock: () => new Date(), security: { lockout: { threshold: 1000, minutes: 1 }, sessionIdleMinutes: 480 } };
const planId = (await ctx.db.selectFrom('plan').select('id').executeTakeFirstOrThrow()).id;
const mb = (b: number) => Math.round(b / 1e6);
console.log(`start: RSS ${mb(process.memoryUsage().rss)} MB`);
const timed = async <T>(label: string, work: () => Promise<T>) => {
  const started = performance.now();
  const result = await work();
  console.log(`${label.padEnd(28)} ${(performance.now() - started).toFixed(0).padStart(6)} ms  RSS ${mb(process.memoryUsage().rss)} MB`);
  return result;
};
await timed('loadStatusFacts', () => loadStatusFacts(ctx.db, planId, todayInChina(ctx)));
await timed('computePlanStatus', () => computePlanStatus(ctx, planId));
await timed('computePlanStatus (cached)', () => computePlanStatus(ctx, planId));
await timed('cockpit', () => buildCockpit(ctx, planId, 'zh'));
await timed('cockpit (cached)', () => buildCockpit(ctx, planId, 'zh'));
// A unit's draft saved, as happens all day: the next status follows the audit entry (one task read
// again, the rollup redone in memory) instead of reading the whole plan.
const draft = await ctx.db.selectFrom('report').innerJoin('cycle', 'cycle.id', 'report.cycle_id').select(['report.id', 'report.unit_id', 'report.version']).where('cycle.plan_id', '=', planId).where('report.state', '=', 'draft').limit(1).executeTakeFirst();
if (draft) {
  const actor = { userId: null, username: 'bench', unitId: draft.unit_id, roles: ['reporter'] as const };
  await timed('saveReport (a draft)', () => saveReport(ctx, { ...actor, roles: [...actor.roles] }, draft.id, { version: Number(draft.version), narrative: `bench ${new Date().toISOString()}` }));
  const before = { ...statusComputations };
  await timed('computePlanStatus (after it)', () => computePlanStatus(ctx, planId));
  console.log(`  (${statusComputations.updated - before.updated} updated, ${statusComputations.full - before.full} full)`);
  await timed('cockpit (after it)', () => buildCockpit(ctx, planId, 'zh'));
}
(globalThis as { gc?: () => void }).gc?.();
console.log('after gc (MB):', Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, mb(v)])));
await database.close();

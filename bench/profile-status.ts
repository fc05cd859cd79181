/** Times the pieces of the plan status and the cockpit on a generated database (issue 4 profiling). */
import { migrateToLatest, openDatabase } from '../src/db/connect';
import type { ServiceContext } from '../src/services/context';
import { loadStatusFacts } from '../src/services/status/load-status-facts';
import { computePlanStatus, todayInChina } from '../src/services/status/plan-status';
import { buildCockpit } from '../src/services/status/cockpit';

const url = process.argv[2]!;
const database = openDatabase(url);
if (process.env.BENCH_MIGRATE) await migrateToLatest(database.db);
const ctx: ServiceContext = { db: database.db, dialect: database.dialect, clock: () => new Date(), security: { lockout: { threshold: 1000, minutes: 1 }, sessionIdleMinutes: 480 } };
const planId = (await ctx.db.selectFrom('plan').select('id').executeTakeFirstOrThrow()).id;
console.log('start rss', Math.round(process.memoryUsage().rss / 1e6));
const t = async <T>(label: string, f: () => Promise<T>) => { const s = performance.now(); const r = await f(); console.log(label, (performance.now() - s).toFixed(0), 'ms', 'rss', Math.round(process.memoryUsage().rss / 1e6), 'MB'); return r; };
await t('loadStatusFacts', () => loadStatusFacts(ctx.db, planId, todayInChina(ctx)));
await t('computePlanStatus', () => computePlanStatus(ctx, planId));
await t('computePlanStatus (cached)', () => computePlanStatus(ctx, planId));
await t('cockpit', () => buildCockpit(ctx, planId, 'zh'));
await t('cockpit 2', () => buildCockpit(ctx, planId, 'zh'));
global.gc?.();
console.log('after gc', Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, Math.round(v / 1e6)])));
await database.close();

/**
 * What each cached piece holds in V8's heap at a generated size (heapUsed after a full GC, per step):
 *   node --expose-gc --import tsx bench/heap-probe.ts sqlite:bench/data/L.sqlite
 */
import { openDatabase } from '../src/db/connect';
import type { ServiceContext } from '../src/services/context';
import { buildCockpit } from '../src/services/status/cockpit';
import { listMyTasks } from '../src/services/status/my-tasks';
import { computePlanStatus } from '../src/services/status/plan-status';
import { listTreeNodes } from '../src/services/plan/read-plan';

const url = process.argv[2];
if (!url) throw new Error('usage: bench/heap-probe.ts <database url>');
const database = openDatabase(url);
const ctx: ServiceContext = { db: database.db, dialect: database.dialect, clock: () => new Date(), security: { lockout: { threshold: 1000, minutes: 1 }, sessionIdleMinutes: 480 } };
const planId = (await ctx.db.selectFrom('plan').select('id').executeTakeFirstOrThrow()).id;
const unit = (await ctx.db.selectFrom('assignment').select('unit_id').where('role', '=', 'lead').executeTakeFirstOrThrow()).unit_id;
const gc = (globalThis as { gc?: () => void }).gc!;
const mb = (b: number) => Math.round(b / 1e6);
const keep: unknown[] = [];
const step = async (label: string, work: () => Promise<unknown>) => {
  const t = performance.now();
  keep.push(await work());
  const ms = performance.now() - t;
  gc();
  const m = process.memoryUsage();
  console.log(`${label.padEnd(14)} ${ms.toFixed(0).padStart(6)} ms  heapUsed ${mb(m.heapUsed)} MB  external ${mb(m.external)} MB  arrayBuffers ${mb(m.arrayBuffers)} MB  RSS ${mb(m.rss)} MB`);
};
await step('start', async () => null);
await step('status', () => computePlanStatus(ctx, planId));
await step('my-tasks', async () => listMyTasks(ctx, { userId: 'x', unitId: unit, roles: ['reporter'] } as never, planId, {}, { page: 1, pageSize: 20, sort: 'dueOn', order: 'asc' }, 'zh'));
await step('cockpit', async () => JSON.stringify(await buildCockpit(ctx, planId, 'zh')));
await step('tree', async () => JSON.stringify(await listTreeNodes(ctx, planId)));
await database.close();

// A throw-away SQLite database with the shipped plan and the demo's units, cycles and reports, for the
// bulletin samples and benchmark (nothing outside the temp folder is touched).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDatabase } from '../src/db/connect';
import { loadDemo } from '../src/seed/load-demo';
import { loadShippedData } from '../src/seed/load-shipped-data';
import type { ServiceContext } from '../src/services/context';

export async function bulletinSampleDb(now: string) {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-sample-'));
  const database = openDatabase(`sqlite:${join(dir, 'sample.db')}`);
  const ctx: ServiceContext = { db: database.db, dialect: 'sqlite', clock: () => new Date(now), security: { lockout: { threshold: 5, minutes: 15 }, sessionIdleMinutes: 60 } };
  await migrateToLatest(database.db);
  await loadShippedData(ctx, { adminPassword: 'sample-only-password-1A' });
  await loadDemo(ctx, now.slice(0, 10));
  const plan = await ctx.db.selectFrom('plan').select('id').executeTakeFirstOrThrow();
  // The latest cycle whose reports were due: the one a bulletin would speak of.
  const cycle = await ctx.db.selectFrom('cycle').select(['id', 'label']).where('plan_id', '=', plan.id).where('due_on', '<', now.slice(0, 10)).orderBy('period_end', 'desc').executeTakeFirstOrThrow();
  return {
    ctx,
    planId: plan.id,
    cycle,
    async close() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, loadDemo } from '../../src/seed/load-demo';
import { buildTestApp, type TestApp } from '../helpers/build-test-app';
import { testDialects } from '../helpers/test-db';

describe.each(testDialects())('[%s] demo mode', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: () => new Date('2026-11-28T02:00:00Z') });
  });
  afterAll(() => t.close());

  it('loads labelled demo data through the services and shows a living cockpit', async () => {
    expect(await loadDemo(t.ctx, '2026-11-28')).toEqual({ loaded: true });
    expect((await t.anonymous.get('/api/health')).json()).toMatchObject({ demo: true });
    const leader = await t.as('demo-leader', DEMO_PASSWORD);
    const c = (await leader.get(`/api/plans/${t.planId}/cockpit`)).json() as { overall: { progressPct: number; counts: Record<string, number> }; units: { reportsOnTime: number; reportsMissing: number }[] };
    expect(c.overall.progressPct).toBeGreaterThan(10);
    const statuses = Object.entries(c.overall.counts).filter(([, n]) => n > 0).map(([s]) => s);
    expect(statuses.length).toBeGreaterThanOrEqual(2);
    expect(c.units.reduce((n, u) => n + u.reportsOnTime, 0)).toBeGreaterThan(0);
    expect(c.units.reduce((n, u) => n + u.reportsMissing, 0)).toBeGreaterThan(0);
    const audit = (await (await t.as('admin')).get('/api/audit?action=report.accept&pageSize=1')).json() as { total: number };
    expect(audit.total).toBeGreaterThan(0);
  });

  it('loads once, and never into a database with real reports', async () => {
    expect(await loadDemo(t.ctx, '2026-11-28')).toEqual({ loaded: false });
    await t.ctx.db.updateTable('plan').set({ settings: '{}' }).execute();
    await expect(loadDemo(t.ctx, '2026-11-28')).rejects.toThrow('FORBIDDEN');
  });
});

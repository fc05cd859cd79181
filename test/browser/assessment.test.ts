import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD } from '../helpers/build-test-app';
import { BROWSER_ENABLED, login, screenshot, startBrowserHarness, type BrowserHarness, type JourneyPage, textOf } from './browser-harness';

/**
 * Browser journey for assessment (issue 5): the office creates a period, computes it, reads the league
 * table and opens a unit's line-by-line breakdown. Run with TEST_BROWSER=1 after
 * `npx vite build --config web/vite.config.ts`.
 */

const JOURNEY_TIMEOUT = 60_000;
const WAIT = { timeout: 10_000, interval: 50 };

function expectNoPageProblems(journey: JourneyPage): void {
  expect(journey.problems.pageErrors, 'uncaught page errors').toEqual([]);
  expect(journey.problems.consoleErrors, 'unexpected console errors').toEqual([]);
}

describe.skipIf(!BROWSER_ENABLED)('browser journey: assessment (TEST_BROWSER=1)', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startBrowserHarness();
    // The shipped plan has no assignments: give the NDRC one task and a late report in 2026 to be scored on.
    const { db } = h.t.ctx;
    const unit = await db.selectFrom('unit').select('id').where('name', '=', '省发展改革委').executeTakeFirstOrThrow();
    const node = await db.selectFrom('plan_node').select('id').where('plan_id', '=', h.t.planId).where('kind', '=', 'task').orderBy('code').executeTakeFirstOrThrow();
    const at = new Date().toISOString();
    await db.insertInto('assignment').values({ id: randomUUID(), plan_id: h.t.planId, node_id: node.id, unit_id: unit.id, role: 'lead', created_at: at }).execute();
    const cycleId = randomUUID();
    await db.insertInto('cycle').values({ id: cycleId, plan_id: h.t.planId, label: '2026年1月', frequency: 'monthly', period_start: '2026-01-01', period_end: '2026-01-31', opens_on: '2026-01-01', due_on: '2026-02-10', created_at: at, updated_at: at }).execute();
    await db.insertInto('report').values({ id: randomUUID(), cycle_id: cycleId, node_id: node.id, unit_id: unit.id, role: 'lead', submitted_at: '2026-02-12T02:00:00.000Z', created_at: at, updated_at: at }).execute();
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it(
    'the office computes a year and reads a unit’s score line by line',
    async () => {
      const journey = await h.newPage();
      const { page } = journey;
      await login(page, 'admin', ADMIN_PASSWORD);

      await page.getByTestId('menu-assessment').click();
      await page.waitForURL('**/assessment');
      await page.getByTestId('periods-table').waitFor();
      await page.getByTestId('btn-new-period').click();
      await page.getByTestId('period-kind').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '年度' }).click();
      await page.getByTestId('period-form').locator('#year').fill('2026');
      await page.getByTestId('btn-period-submit').click();
      await page.waitForURL(/\/assessment\/[^/]+$/);
      await expect.poll(() => textOf(page.getByTestId('period-state')), WAIT).toContain('待计算');

      await page.getByTestId('btn-compute').click();
      await expect.poll(() => textOf(page.getByTestId('period-state')), WAIT).toContain('已计算');
      const table = page.getByTestId('league-provincial_departments');
      await expect.poll(() => textOf(table), WAIT).toContain('省发展改革委');
      await page.getByTestId('league-chart-provincial_departments').waitFor();
      await screenshot(page, 'assessment-league');

      await table.getByRole('link', { name: '省发展改革委' }).click();
      await page.waitForURL(/\/assessment\/[^/]+\/units\/[^/]+$/);
      const line = page.getByTestId('line-report_timeliness');
      await expect.poll(() => textOf(line), WAIT).toContain('报告按时率 0/1 → 0.0 分（迟报 1）');
      expect(await textOf(page.getByTestId('unit-history'))).toContain('2026年度');
      await screenshot(page, 'assessment-unit');

      expectNoPageProblems(journey);
    },
    JOURNEY_TIMEOUT,
  );
});

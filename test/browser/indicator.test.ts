import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, USER_PASSWORD } from '../helpers/build-test-app';
import { BROWSER_ENABLED, login, screenshot, useBrowserHarness, textOf } from './browser-harness';

/**
 * Browser journey for indicators (issue 6): from the menu to the shipped share of Chengdu's GDP in
 * Sichuan's, whose 2019 value reproduces the seed's 36.5%. Run with TEST_BROWSER=1 after
 * `npx vite build --config web/vite.config.ts`.
 */

const WAIT = { timeout: 15_000, interval: 100 };

describe.skipIf(!BROWSER_ENABLED)('browser journey: indicators (TEST_BROWSER=1)', () => {
  const h = useBrowserHarness();

  it(
    "opens the GDP share indicator and sees Chengdu's 36.5% for 2019, with the chart, the map and the source notes",
    async () => {
      const journey = await h.newPage();
      const { page } = journey;
      await login(page, 'admin', ADMIN_PASSWORD);

      await page.getByTestId('menu-indicators').click();
      await page.waitForURL('**/indicators');
      await page.getByTestId('indicator-link-gdp_share_chengdu_sichuan').click();
      await page.waitForURL('**/indicators/*');
      await expect.poll(() => textOf(page.getByTestId('indicator-title')), WAIT).toContain('成都市地区生产总值占全省比重');

      const cell = page.getByTestId('value-510100-2019');
      await cell.waitFor(WAIT);
      expect(await textOf(cell)).toBe('36.5%');
      // A year whose input is missing is marked, not filled in.
      expect(await page.getByTestId('value-missing').count()).toBeGreaterThan(0);
      await page.getByTestId('indicator-chart').waitFor(WAIT);
      await page.getByTestId('indicator-map').waitFor(WAIT);
      expect(await textOf(page.getByTestId('indicator-source-notes'))).toContain('36.5%');
      await screenshot(page, 'indicator-gdp-share');

      // A target set by the office puts the indicator on the cockpit, behind its trajectory.
      const office = await h.t.as('office1');
      const gdp = ((await office.get('/api/indicators?q=gdp')).json() as { items: { id: string; code: string }[] }).items.find((i) => i.code === 'gdp')!;
      const put = await office.request({ method: 'PUT', url: `/api/indicators/${gdp.id}/targets`, payload: { divisionCode: '500000', period: '2025', value: 40000, source: '浏览器测试目标' } });
      expect(put.statusCode).toBe(200);
      await page.getByTestId('menu-cockpit').click();
      await page.waitForURL('**/cockpit');
      const card = page.getByTestId('cockpit-indicators');
      // The cockpit draws many charts first; on a loaded machine the card can take a while.
      await card.getByTestId('ind-status-far_behind').first().waitFor({ timeout: 40_000 });
      await screenshot(page, 'indicator-cockpit');
      expect(await textOf(card)).toContain('重庆市');

      expect(journey.problems.pageErrors, 'uncaught page errors').toEqual([]);
      expect(journey.problems.consoleErrors, 'unexpected console errors').toEqual([]);
    },
    120_000,
  );

  it(
    'a unit files an indicator figure in the open cycle, the office accepts it, and the task shows the indicator',
    async () => {
      const office = await h.t.as('office1');
      const unitId = (await h.t.ctx.db.selectFrom('unit').select('id').where('name', '=', '省发展改革委').executeTakeFirstOrThrow()).id;
      const created = await office.post('/api/indicators', { code: 'browser_fai', nameZh: '浏览器测试投资', nameEn: 'Browser investment', unit: '亿元', frequency: 'month', aggregation: 'sum', divisionLevel: 'province', ownerUnitId: unitId });
      const indicatorId = (created.json() as { id: string }).id;
      const task = await h.t.ctx.db.selectFrom('plan_node').select('id').where('kind', '=', 'task').where('deleted_at', 'is', null).orderBy('sort_key').executeTakeFirstOrThrow();
      expect((await office.post(`/api/indicators/${indicatorId}/tasks`, { nodeIds: [task.id] })).statusCode).toBe(200);
      expect((await office.post(`/api/plans/${h.t.planId}/cycles`, { frequency: 'monthly', year: 2026, index: 11 })).statusCode).toBe(201);

      const unit = await h.newPage();
      await login(unit.page, 'reporter1', USER_PASSWORD);
      await unit.page.getByTestId('menu-indicator-reports').click();
      await unit.page.waitForURL('**/indicator-reports');
      await unit.page.getByTestId('ind-report-file-browser_fai-2026-11').click();
      await unit.page.getByRole('dialog').locator('#value').fill('321.5');
      await unit.page.getByTestId('ind-report-source').fill('省统计局月报');
      await unit.page.getByTestId('ind-report-submit').click();
      await unit.page.getByTestId('indicator-due').getByTestId('ind-report-state-submitted').waitFor(WAIT);
      await screenshot(unit.page, 'indicator-reporting-unit');

      const journey = await h.newPage();
      const { page } = journey;
      await login(page, 'admin', ADMIN_PASSWORD);
      await page.goto(`/indicators/${indicatorId}`);
      const reports = page.getByTestId('indicator-reports');
      await reports.getByTestId('ind-report-state-submitted').waitFor(WAIT);
      // Pending: the figure is not yet an observation.
      expect(await page.getByTestId('value-510000-2026-11').count()).toBe(0);
      await reports.locator('[data-testid^="ind-report-accept-"]').click();
      await reports.getByTestId('ind-report-state-accepted').waitFor(WAIT);
      await page.getByTestId('value-510000-2026-11').waitFor(WAIT);
      await screenshot(page, 'indicator-reporting-accepted');

      await page.getByTestId(`indicator-task-${task.id}`).click();
      await page.waitForURL(`**/plan/${task.id}`);
      await page.getByTestId('task-indicator-browser_fai').waitFor(WAIT);

      for (const j of [unit, journey]) {
        expect(j.problems.pageErrors, 'uncaught page errors').toEqual([]);
        expect(j.problems.consoleErrors, 'unexpected console errors').toEqual([]);
      }
    },
    120_000,
  );
});

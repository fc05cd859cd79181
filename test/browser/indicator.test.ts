import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD } from '../helpers/build-test-app';
import { BROWSER_ENABLED, login, screenshot, startBrowserHarness, type BrowserHarness } from './browser-harness';

/**
 * Browser journey for indicators (issue 6): from the menu to the shipped share of Chengdu's GDP in
 * Sichuan's, whose 2019 value reproduces the seed's 36.5%. Run with TEST_BROWSER=1 after
 * `npx vite build --config web/vite.config.ts`.
 */

const WAIT = { timeout: 15_000, interval: 100 };
const textOf = (locator: Locator) => locator.textContent().then((s) => (s ?? '').replace(/\s+/g, ' ').trim());

describe.skipIf(!BROWSER_ENABLED)('browser journey: indicators (TEST_BROWSER=1)', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startBrowserHarness();
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

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
});

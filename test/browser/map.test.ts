import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD } from '../helpers/build-test-app';
import { BROWSER_ENABLED, login, screenshot, useBrowserHarness, textOf } from './browser-harness';

/**
 * Browser journey for 一张图 (issue 6): open the map from the menu, filter to rail projects, click 成渝中线 and
 * land on its project page with its sources. The click goes through the map's list of drawn projects, which
 * names exactly what the canvas draws (a click on a canvas line is not something a test can aim reliably).
 * Run with TEST_BROWSER=1 after `npx vite build --config web/vite.config.ts`.
 */

const JOURNEY_TIMEOUT = 120_000;
const WAIT = { timeout: 20_000, interval: 100 };

describe.skipIf(!BROWSER_ENABLED)('browser journey: the map (TEST_BROWSER=1)', () => {
  const h = useBrowserHarness();

  it(
    'opens the map, filters to rail projects, clicks 成渝中线 and lands on its page',
    async () => {
      const journey = await h.newPage();
      const { page } = journey;
      await login(page, 'admin', ADMIN_PASSWORD);

      await page.getByTestId('menu-map').click();
      await page.waitForURL('**/map');
      await page.getByTestId('project-map').locator('canvas').first().waitFor();
      expect(await textOf(page.getByTestId('map-schematic-label'))).toBe('示意图');

      await page.getByTestId('map-filter-category').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '交通·铁路' }).click();
      await page.waitForURL('**/map?category=transport.rail');
      const zhongxian = page.getByTestId('map-project-chengyu-zhongxian');
      await zhongxian.waitFor();
      await expect.poll(() => page.locator('[data-testid^="map-project-"]').count(), WAIT).toBe(9);

      // Other layers can be switched without losing the projects.
      await page.getByTestId('map-layer-platforms').click();
      await page.getByTestId('map-layer-borders').click();
      await expect.poll(() => page.locator('[data-testid^="map-project-"]').count(), WAIT).toBe(9);
      await screenshot(page, 'map-rail');

      // The indicator layer reads the indicators' map endpoint and colours the divisions.
      await page.getByTestId('map-layer-indicator').click();
      await page.getByTestId('map-indicator').click();
      const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
      await options.first().waitFor();
      await options.first().click();
      await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), WAIT).toBe(0);
      await page.getByTestId('map-indicator-period').waitFor();
      await screenshot(page, 'map-indicator');

      await zhongxian.click();
      await page.waitForURL('**/projects/chengyu-zhongxian');
      await expect.poll(() => textOf(page.getByTestId('project-title')), WAIT).toContain('成渝中线');
      expect(await page.getByTestId('project-sources').locator('a').count()).toBeGreaterThan(0);

      // The office edits the project's facts on its page.
      await page.getByTestId('project-edit').click();
      const title = page.getByTestId('project-form-title');
      await title.fill('成渝中线高铁');
      await page.locator('.ant-modal:visible .ant-btn-primary').click();
      await expect.poll(() => textOf(page.getByTestId('project-title')), WAIT).toMatch(/^成渝中线高铁 在建/);
      await screenshot(page, 'project-page');
      expect(journey.problems.pageErrors, 'uncaught page errors').toEqual([]);
      expect(journey.problems.consoleErrors, 'unexpected console errors').toEqual([]);
    },
    JOURNEY_TIMEOUT,
  );
});

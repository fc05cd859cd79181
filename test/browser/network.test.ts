import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD } from '../helpers/build-test-app';
import { BROWSER_ENABLED, login, screenshot, type JourneyPage, useBrowserHarness, textOf } from './browser-harness';

/**
 * Browser journey for the one-hour networks page (issue 7): target 1 (成都 ↔ 重庆主城) is met at 60 minutes
 * in 2026 on the 2020 成渝高铁 timing; moving the year slider past 成渝中线's planned opening (2027-11) brings
 * the pair to 50 minutes. Run with TEST_BROWSER=1 after `npx vite build --config web/vite.config.ts`.
 */

const JOURNEY_TIMEOUT = 60_000;
const WAIT = { timeout: 10_000, interval: 50 };
const T1 = 't1-chengdu-chongqing';
const CHENGDU = '510100';
const CHONGQING = '500103';


function expectNoPageProblems(journey: JourneyPage): void {
  expect(journey.problems.pageErrors, 'uncaught page errors').toEqual([]);
  expect(journey.problems.consoleErrors, 'unexpected console errors').toEqual([]);
}

/** Moves the antd slider with the keyboard (one year per arrow key) until it shows `year`. */
async function setYear(page: Page, year: number): Promise<void> {
  const handle = page.getByTestId('year-slider').getByRole('slider');
  const now = Number(await handle.getAttribute('aria-valuenow'));
  await handle.focus();
  for (let i = 0; i < Math.abs(year - now); i++) await handle.press(year > now ? 'ArrowRight' : 'ArrowLeft');
  await expect.poll(() => handle.getAttribute('aria-valuenow'), WAIT).toBe(String(year));
  await expect.poll(() => textOf(page.getByTestId('year-value')), WAIT).toBe(String(year));
}

describe.skipIf(!BROWSER_ENABLED)('browser journey: one-hour networks (TEST_BROWSER=1)', () => {
  const h = useBrowserHarness();

  it(
    'target 1 is met at 60 minutes in 2026 and drops to 50 minutes after 成渝中线 opens',
    async () => {
      const journey = await h.newPage();
      const { page } = journey;
      await login(page, 'admin', ADMIN_PASSWORD);

      // The menu leads to the page.
      await page.getByTestId('menu-network').click();
      await page.waitForURL('**/network');
      await page.getByTestId('target-panel').waitFor();
      const currentYear = new Date().getFullYear();
      await setYear(page, 2026);
      expect(await textOf(page.getByTestId('as-of'))).toContain('2026-12-31');
      // 2026 is read on the network as it is unless 2026 already lies in the future.
      expect(await textOf(page.getByTestId('assume-planned'))).toBe(2026 > currentYear ? '含在建、规划线路（按计划开通时间）' : '仅计已开通线路');

      // Target 1: its title, the 60-minute reading with its source, and the pair at 60 minutes: met.
      const target = page.getByTestId(`target-${T1}`);
      expect(await textOf(page.getByTestId(`target-title-${T1}`))).toBe('成渝两市之间1小时');
      const pairMinutes = page.getByTestId(`pair-minutes-${T1}-${CHENGDU}-${CHONGQING}`);
      await expect.poll(() => textOf(pairMinutes), WAIT).toBe('60 分钟');
      const pairRow = page.getByTestId(`pair-${T1}-${CHENGDU}-${CHONGQING}`);
      expect(await textOf(pairRow)).toContain('成都市–重庆主城 (渝中区)');
      expect(await textOf(pairRow)).toContain('达标');
      expect(await textOf(page.getByTestId(`reading-${T1}-60`))).toContain('≤60 分钟');
      expect(await textOf(page.getByTestId(`reading-counts-${T1}-60`))).toBe('达标 1 对，未达标 0 对');
      expect(await textOf(target)).toContain('100%');
      await page.getByTestId(`source-${T1}-60`).hover();
      await expect.poll(() => textOf(page.getByTestId(`source-${T1}-60-content`)), WAIT).toContain('成渝地区双城经济圈综合交通运输发展规划');

      // The map and the matrix are there; the matrix lists 成都–重庆 at 60 minutes too.
      await page.getByTestId('network-map').locator('canvas').first().waitFor();
      const matrixRow = page.getByTestId('matrix-table').locator('tbody tr', { hasText: '成都市' }).filter({ hasText: '重庆主城' });
      await page.getByTestId('matrix-search').locator('input').fill('重庆主城');
      await expect.poll(() => textOf(matrixRow), WAIT).toContain('60 分钟');

      // The pair's route: 成渝高铁 via 成都东 and 沙坪坝/重庆站, 60 minutes, no transfer.
      await pairRow.click();
      const route = page.getByTestId('route-panel');
      await expect.poll(() => textOf(page.getByTestId('route-total')), WAIT).toBe('60 分钟');
      expect(await textOf(route)).toContain('成渝高铁');
      expect(await textOf(page.getByTestId('route-transfers'))).toBe('0');
      expect(await textOf(page.getByTestId('gap-list'))).toContain('已达到所有口径');
      await screenshot(page, 'network-2026');

      // Past the planned opening of 成渝中线 (2027-11): the pair takes 50 minutes on the new line.
      await setYear(page, 2028);
      expect(await textOf(page.getByTestId('as-of'))).toContain('2028-12-31');
      expect(await textOf(page.getByTestId('assume-planned'))).toBe('含在建、规划线路（按计划开通时间）');
      await expect.poll(() => textOf(pairMinutes), WAIT).toBe('50 分钟');
      expect(await textOf(pairRow)).toContain('达标');
      await expect.poll(() => textOf(page.getByTestId('route-total')), WAIT).toBe('50 分钟');
      expect(await textOf(route)).toContain('成渝中线高铁');
      await expect.poll(() => textOf(matrixRow), WAIT).toContain('50 分钟');

      // Back before the 2020 upgrade: 90 minutes, not met.
      await setYear(page, 2016);
      await expect.poll(() => textOf(pairMinutes), WAIT).toBe('90 分钟');
      expect(await textOf(page.getByTestId(`reading-counts-${T1}-60`))).toBe('达标 0 对，未达标 1 对');
      await screenshot(page, 'network-2016');

      expectNoPageProblems(journey);
    },
    JOURNEY_TIMEOUT,
  );
});

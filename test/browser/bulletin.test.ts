import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { ADMIN_PASSWORD } from '../helpers/build-test-app';
import { BROWSER_ENABLED, login, screenshot, startBrowserHarness, type BrowserHarness, type JourneyPage, textOf } from './browser-harness';

/**
 * Browser journey for bulletins (issue 5): the office generates a cycle's draft, edits its wording,
 * publishes it and downloads the Word file; the published bulletin can no longer be edited.
 * Run with TEST_BROWSER=1 after `npx vite build --config web/vite.config.ts`.
 */

const JOURNEY_TIMEOUT = 90_000;
const WAIT = { timeout: 15_000, interval: 50 };

function expectNoPageProblems(journey: JourneyPage): void {
  expect(journey.problems.pageErrors, 'uncaught page errors').toEqual([]);
  expect(journey.problems.consoleErrors, 'unexpected console errors').toEqual([]);
}

describe.skipIf(!BROWSER_ENABLED)('browser journey: bulletins (TEST_BROWSER=1)', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startBrowserHarness();
    const office = await h.t.as('office1');
    const res = await office.post(`/api/plans/${h.t.planId}/cycles`, { frequency: 'monthly', year: 2026, index: 10, dueOn: '2026-11-05' });
    expect(res.statusCode).toBe(201);
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it(
    'generates a draft for a cycle, edits its wording, publishes it and downloads the .docx',
    async () => {
      const journey = await h.newPage();
      const { page } = journey;
      await login(page, 'admin', ADMIN_PASSWORD);

      await page.getByTestId('menu-bulletins').click();
      await page.waitForURL('**/bulletins');
      await page.getByTestId('bulletins-table').waitFor();
      await page.getByTestId('btn-new-bulletin').click();
      await expect.poll(() => textOf(page.getByTestId('generate-cycle')), WAIT).toContain('2026年10月');
      await page.getByTestId('btn-generate-confirm').click();
      await page.waitForURL(/\/bulletins\/[^/]+$/, WAIT);

      await expect.poll(() => textOf(page.getByTestId('bulletin-state')), WAIT).toBe('草稿');
      const preview = page.getByTestId('bulletin-preview');
      await expect.poll(() => textOf(preview), WAIT).toContain('一、总体进展');

      await page.getByTestId('section-closing').fill('特此通报。');
      await page.getByTestId('btn-save-bulletin').click();
      await expect.poll(() => textOf(preview), WAIT).toContain('特此通报。');
      await screenshot(page, 'bulletin-draft');

      await page.getByTestId('btn-publish').click();
      await page.getByTestId('btn-publish-confirm').click();
      await expect.poll(() => textOf(page.getByTestId('bulletin-state')), WAIT).toBe('已印发');
      await expect(page.getByTestId('section-closing').count()).resolves.toBe(0);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('btn-download-docx').click()]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const path = await download.path();
      const xml = await (await JSZip.loadAsync(readFileSync(path))).file('word/document.xml')!.async('string');
      expect(xml).toContain('特此通报。');
      expect(xml).toContain('w:eastAsia="仿宋_GB2312"');

      // The download is in the history.
      await page.getByRole('tab', { name: '下载记录' }).click();
      await expect.poll(() => textOf(page.getByTestId('bulletin-download-history')), WAIT).toContain('docx');
      await screenshot(page, 'bulletin-published');
      expectNoPageProblems(journey);
    },
    JOURNEY_TIMEOUT,
  );
});

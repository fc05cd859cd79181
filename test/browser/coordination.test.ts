import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD } from '../helpers/build-test-app';
import { BROWSER_ENABLED, login, screenshot, type JourneyPage, useBrowserHarness, textOf } from './browser-harness';

/**
 * Browser journey for the coordination mechanism (issue 8): the office records a coordination-layer meeting,
 * adds a decision with a lead unit, imports another from a decision list, follows a decision to its plan task
 * and comes back by the task's source link; then registers a national request. Run with TEST_BROWSER=1 after `npx vite build --config web/vite.config.ts`.
 */

const JOURNEY_TIMEOUT = 60_000;
const WAIT = { timeout: 10_000, interval: 50 };

function expectNoPageProblems(journey: JourneyPage): void {
  expect(journey.problems.pageErrors, 'uncaught page errors').toEqual([]);
  expect(journey.problems.consoleErrors, 'unexpected console errors').toEqual([]);
}

async function setDate(form: Locator, field: string, value: string): Promise<void> {
  const input = form.locator(`#${field}`);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect.poll(() => input.inputValue(), WAIT).toBe(value);
}

/** Types into an antd Select's search and picks the first option showing `text`. */
async function pick(page: Page, select: Locator, text: string): Promise<void> {
  await select.click();
  await select.locator('input').fill(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

describe.skipIf(!BROWSER_ENABLED)('browser journey: coordination mechanism (TEST_BROWSER=1)', () => {
  const h = useBrowserHarness();

  it(
    'a meeting, its decision, the decision task and back; a national request in the register',
    async () => {
      const journey = await h.newPage();
      const { page } = journey;
      await login(page, 'admin', ADMIN_PASSWORD);

      // Meetings: create one.
      await page.getByTestId('menu-meetings').click();
      await page.waitForURL('**/meetings');
      await page.getByTestId('meetings-table').waitFor();
      await page.getByTestId('btn-new-meeting').click();
      const meetingForm = page.getByTestId('meeting-form');
      await meetingForm.locator('#title').fill('浏览器测试协调会');
      await meetingForm.locator('#body').fill('领导小组办公室');
      await setDate(meetingForm, 'heldOn', '2026-03-10');
      await page.getByTestId('btn-meeting-submit').click();
      await page.waitForURL(/\/meetings\/[^/]+$/);
      const meetingUrl = page.url();
      expect(await textOf(page.getByTestId('meeting-details'))).toContain('领导小组办公室');

      // Add a decision.
      await page.getByTestId('btn-add-decision').click();
      const decisionForm = page.getByTestId('decision-form');
      await decisionForm.locator('#title').fill('浏览器测试议定事项');
      await pick(page, page.getByTestId('sourced-task-leads'), '省发展改革委');
      await decisionForm.locator('#closureEvidence').fill('印发的工作方案');
      await page.getByTestId('btn-sourced-task-submit').click();
      const decisions = page.getByTestId('meeting-decisions');
      const row = decisions.locator('tr.ant-table-row', { hasText: '浏览器测试议定事项' });
      await expect.poll(() => row.count(), WAIT).toBe(1);
      expect(await textOf(row)).toContain('省发展改革委');
      await screenshot(page, 'coordination-meeting');

      // Import a decision list: preview with its rows, then apply all.
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('议定事项');
      ws.addRow(['序号', '议定事项', '牵头单位', '配合单位', '完成时限']);
      ws.addRow([1, '浏览器导入的议定事项', '省发展改革委', '', '2026年6月底前']);
      await page.getByTestId('btn-import-decisions').click();
      // filed under article 3.2 rather than the default 4.x
      const article = page.getByTestId('decision-import-article');
      await article.click();
      await article.locator('input').fill('3.2');
      await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: /^3\.2 / }).first().click();
      await page
        .getByTestId('decision-import-upload')
        .locator('input[type=file]')
        .setInputFiles({ name: '议定事项.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
      await expect.poll(() => textOf(page.getByTestId('decision-import-rows')), WAIT).toContain('浏览器导入的议定事项');
      await page.getByTestId('btn-apply-decisions').click();
      const imported = decisions.locator('tr.ant-table-row', { hasText: '浏览器导入的议定事项' });
      await expect.poll(() => imported.count(), WAIT).toBe(1);
      expect(await textOf(imported)).toMatch(/^3\.2\.\d+/);

      // To the task and back: the task's detail leads to its meeting in one click.
      await row.getByTestId('sourced-task-link').click();
      await page.waitForURL(/\/plan\/[^/]+$/);
      await page.getByTestId('source-link').first().click();
      await page.waitForURL(meetingUrl);
      await expect.poll(() => row.count(), WAIT).toBe(1);

      // The list shows the meeting with one decision on track (counts come with the list).
      await page.getByTestId('menu-meetings').click();
      const listRow = page.getByTestId('meetings-table').locator('tr.ant-table-row', { hasText: '浏览器测试协调会' });
      await expect.poll(() => textOf(listRow), WAIT).toContain('协调层');
      await expect.poll(() => textOf(listRow), WAIT).toContain('1');

      // National requests: register one.
      await page.getByTestId('menu-national-requests').click();
      await page.waitForURL('**/national-requests');
      await page.getByTestId('btn-new-request').click();
      const requestForm = page.getByTestId('request-form');
      await requestForm.locator('#title').fill('浏览器测试争取事项');
      await requestForm.locator('#addressedTo').fill('国家发展改革委');
      await pick(page, page.getByTestId('request-lead'), '省发展改革委');
      await page.getByTestId('btn-request-submit').click();
      const requestRow = page.getByTestId('requests-table').locator('tr.ant-table-row', { hasText: '浏览器测试争取事项' });
      await expect.poll(() => requestRow.count(), WAIT).toBe(1);
      expect(await textOf(requestRow)).toContain('起草中');

      expectNoPageProblems(journey);
    },
    JOURNEY_TIMEOUT,
  );
});

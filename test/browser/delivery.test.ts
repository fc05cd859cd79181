import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../helpers/test-db';
import { USER_PASSWORD, type Client } from '../helpers/build-test-app';
import { BROWSER_ENABLED, login, logout, screenshot, startBrowserHarness, type BrowserHarness, type JourneyPage } from './browser-harness';

/**
 * The delivery loop in headless Chromium: the office opens a reporting cycle, the unit's reporter fills
 * and submits a progress report with a photo, the unit lead approves, the office returns it, the
 * reporter fixes and resubmits, lead approves and office accepts, and the cockpit and the plan show
 * the new progress. Run with TEST_BROWSER=1 after `npx vite build --config web/vite.config.ts`.
 * This file starts its own server and database, so it does not share records with journeys.test.ts.
 */

const JOURNEY_TIMEOUT = 90_000;
const WAIT = { timeout: 10_000, interval: 50 };

const TASK_CODE = '3.1.2';
const LEAD_UNIT = '省发展改革委';
const NARRATIVE = '成渝中线高铁先期工程完成年度投资的四成，站前工程全线开工。';
const RETURN_COMMENT = '请补充本月完成投资额并更新进度。';

type Counts = Record<'red' | 'yellow' | 'green' | 'not_started' | 'completed' | 'cancelled', number>;
type Cockpit = { overall: { progressPct: number; counts: Counts }; lagging: { nodeId: string; code: string; status: string; reasons: { code: string }[] }[] };

/** Text with all whitespace removed: antd puts a space between two CJK characters in some buttons. */
const squash = (s: string | null) => (s ?? '').replace(/\s+/g, '');
const textOf = (locator: Locator) => locator.textContent().then((s) => (s ?? '').trim());

/** An ISO date `days` from today (server and browser run on this machine, so local time is fine for ±150 days). */
function isoDaysFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function expectNoPageProblems(journey: JourneyPage): void {
  expect(journey.problems.pageErrors, 'uncaught page errors').toEqual([]);
  expect(journey.problems.consoleErrors, 'unexpected console errors').toEqual([]);
}

/** The open modal that holds the given form. */
function modalWith(page: Page, testId: string): Locator {
  return page.locator('.ant-modal').filter({ has: page.getByTestId(testId) });
}

/** Waits for an antd toast with this text. */
async function toast(page: Page, text: string): Promise<void> {
  await page.locator('.ant-message-notice', { hasText: text }).first().waitFor();
}

/** The state tag in the report page's header, as `{state, text}` (`data-state` is the raw value). */
async function reportState(page: Page): Promise<{ state: string | null; text: string }> {
  const tag = page.getByTestId('report-header').locator('.ant-tag[data-state]');
  return { state: await tag.getAttribute('data-state'), text: await textOf(tag) };
}

/** Opens the task's report from the 进展报告 list (default: the open cycle) and checks its state there first. */
async function openReportFromList(page: Page, stateText: string): Promise<string> {
  await page.getByTestId('menu-reports').click();
  await page.waitForURL('**/reports');
  const row = page.getByTestId('reports-table').locator('tr.ant-table-row', { hasText: TASK_CODE });
  await expect.poll(() => row.count(), WAIT).toBe(1);
  expect(await textOf(row.locator('.ant-tag[data-state]'))).toBe(stateText);
  expect(await textOf(row)).toContain(LEAD_UNIT);
  await row.click();
  await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
  await page.getByTestId('report-page').waitFor();
  expect(await textOf(page.getByTestId('report-header'))).toContain(TASK_CODE);
  return new URL(page.url()).pathname.split('/')[2]!;
}

async function kpiValue(page: Page, status: keyof Counts): Promise<number> {
  return Number(await textOf(page.getByTestId(`kpi-${status}`).locator('.ant-statistic-content-value')));
}

/** Steps 1–7 in the browser; `before` is the cockpit as the API reported it before any report. */
async function runJourney(h: BrowserHarness, journey: JourneyPage, s: { taskId: string; before: Cockpit; office: Client; photoPath: string }): Promise<void> {
  const { page } = journey;
  const { taskId, before, office, photoPath } = s;
  const now = new Date();
  const [year, month] = [now.getFullYear(), now.getMonth() + 1];
  const cycleLabel = `${year}年${month}月`;

  // --- 1. office1 opens this month's monthly cycle through the form. ---
  await login(page, 'office1', USER_PASSWORD);
  await page.getByTestId('menu-cycles').click();
  await page.waitForURL('**/cycles');
  await page.getByTestId('cycles-table').waitFor();
  expect(await textOf(page.getByTestId('cycles-table'))).toContain('尚未开启填报周期');

  await page.getByTestId('btn-open-cycle').click();
  const cycleForm = page.getByTestId('cycle-form');
  await cycleForm.waitFor();
  expect(squash(await textOf(modalWith(page, 'cycle-form').locator('.ant-modal-title')))).toBe('开启填报周期');
  await cycleForm.locator('label.ant-radio-button-wrapper', { hasText: '月报' }).click();
  expect(await cycleForm.locator('#year').inputValue()).toBe(String(year));
  // The month starts on this month.
  await expect.poll(() => textOf(cycleForm.locator('.ant-select-content, .ant-select-selection-item').first()), WAIT).toBe(`${month}月`);
  await modalWith(page, 'cycle-form').locator('.ant-modal-footer .ant-btn-primary').click();
  await cycleForm.waitFor({ state: 'detached' });
  await toast(page, `已开启填报周期：${cycleLabel}`);

  const cycleRow = page.getByTestId('cycles-table').locator('tr.ant-table-row', { hasText: cycleLabel });
  await expect.poll(() => cycleRow.count(), WAIT).toBe(1);
  expect(await textOf(cycleRow)).toContain('月报');
  expect(await textOf(cycleRow)).toContain('填报中');
  expect(await textOf(cycleRow)).toContain(`${year}-${String(month).padStart(2, '0')}-01 ~`);
  const draftTag = cycleRow.locator('.ant-tag[data-state="draft"]');
  await expect.poll(() => textOf(draftTag), WAIT).toMatch(/^草稿 \d+$/);
  expect(Number((await textOf(draftTag)).split(' ')[1])).toBeGreaterThanOrEqual(1);
  await logout(page);

  // --- 2. reporter1 fills 40% and the narrative, uploads a photo, saves and submits. ---
  await login(page, 'reporter1', USER_PASSWORD);
  const reportId = await openReportFromList(page, '草稿');
  expect(await reportState(page)).toEqual({ state: 'draft', text: '草稿' });
  expect(await textOf(page.getByTestId('report-header'))).toContain(cycleLabel);
  const form = page.getByTestId('report-form');
  await form.waitFor();
  await page.getByTestId('input-progress-pct').fill('40');
  await page.getByTestId('input-progress-pct').press('Tab');
  await form.locator('#narrative').fill(NARRATIVE);

  const attachments = page.getByTestId('report-attachments');
  expect(await textOf(attachments)).toContain('暂无佐证材料');
  await attachments.locator('input[type=file]').setInputFiles(photoPath);
  await toast(page, '已上传 施工现场.png');
  const item = page.getByTestId('attachment-item');
  await expect.poll(() => item.count(), WAIT).toBe(1);
  expect(await textOf(item)).toContain('施工现场.png');
  // The thumbnail is served by the server (a JPEG made from the upload) and actually loads.
  const thumb = item.locator('img');
  expect(await thumb.getAttribute('src')).toMatch(/\/api\/attachments\/[0-9a-f-]{36}\/thumbnail$/);
  await expect.poll(() => thumb.evaluate((img) => { const i = img as unknown as { complete: boolean; naturalWidth: number }; return i.complete ? i.naturalWidth : 0; }), WAIT).toBeGreaterThan(0);

  await page.getByTestId('btn-save-report').click();
  await toast(page, '报告已保存');
  // The typed values survived the refetches after upload and save.
  expect(await page.getByTestId('input-progress-pct').inputValue()).toBe('40');
  expect(await form.locator('#narrative').inputValue()).toBe(NARRATIVE);
  await page.getByTestId('btn-submit-report').click();
  await toast(page, '报告已提交');
  await expect.poll(() => reportState(page), WAIT).toEqual({ state: 'submitted', text: '已提交' });
  // Submitted: read-only text view, no upload, attachment still listed.
  await form.waitFor({ state: 'detached' });
  expect(await page.getByTestId('report-page').textContent()).toContain(NARRATIVE);
  expect(await page.getByTestId('btn-upload').count()).toBe(0);
  expect(await page.getByTestId('attachment-item').count()).toBe(1);
  expect(await page.getByTestId('btn-approve').count()).toBe(0);
  await screenshot(page, 'delivery-2-reporter-submitted');
  await logout(page);

  // --- 3. lead1 approves. ---
  await login(page, 'lead1', USER_PASSWORD);
  expect(await openReportFromList(page, '已提交')).toBe(reportId);
  expect(await textOf(page.getByTestId('report-header'))).toContain('40%');
  await page.getByTestId('btn-approve').click();
  await toast(page, '已审核通过');
  await expect.poll(() => reportState(page), WAIT).toEqual({ state: 'approved', text: '已审核' });
  expect(await textOf(page.getByTestId('report-header'))).toContain('审核时间');
  await expect.poll(() => page.getByTestId('btn-approve').count(), WAIT).toBe(0);
  await logout(page);

  // --- 4. office1 returns it with a comment. ---
  await login(page, 'office1', USER_PASSWORD);
  expect(await openReportFromList(page, '已审核')).toBe(reportId);
  expect(await page.getByTestId('btn-accept').count()).toBe(1);
  await page.getByTestId('btn-return').click();
  const returnForm = page.getByTestId('return-form');
  await returnForm.waitFor();
  await returnForm.locator('textarea').fill(RETURN_COMMENT);
  await page.getByTestId('btn-confirm-return').click();
  await returnForm.waitFor({ state: 'detached' });
  await toast(page, '已退回');
  await expect.poll(() => reportState(page), WAIT).toEqual({ state: 'returned', text: '已退回' });
  expect(await page.getByTestId('btn-accept').count()).toBe(0);
  await logout(page);

  // --- 5. reporter1 sees the comment, changes progress to 55 and resubmits. ---
  await login(page, 'reporter1', USER_PASSWORD);
  expect(await openReportFromList(page, '已退回')).toBe(reportId);
  const returned = page.getByTestId('report-returned');
  await returned.waitFor();
  expect(await textOf(returned)).toContain('报告已退回，请修改后重新提交');
  expect(await textOf(returned)).toContain(`退回意见：${RETURN_COMMENT}`);
  // Editable again, starting from what was submitted.
  await form.waitFor();
  expect(await page.getByTestId('input-progress-pct').inputValue()).toBe('40');
  expect(await form.locator('#narrative').inputValue()).toBe(NARRATIVE);
  expect(await page.getByTestId('attachment-item').count()).toBe(1);
  await page.getByTestId('input-progress-pct').fill('55');
  await page.getByTestId('input-progress-pct').press('Tab');
  await page.getByTestId('btn-submit-report').click();
  await toast(page, '报告已提交');
  await expect.poll(() => reportState(page), WAIT).toEqual({ state: 'submitted', text: '已提交' });
  expect(await page.getByTestId('report-returned').count()).toBe(0);
  expect(await textOf(page.getByTestId('report-header'))).toContain('55%');
  await screenshot(page, 'delivery-5-reporter-resubmitted');
  await logout(page);

  // --- 6. lead1 approves again; office1 accepts with a rating. ---
  await login(page, 'lead1', USER_PASSWORD);
  expect(await openReportFromList(page, '已提交')).toBe(reportId);
  await page.getByTestId('btn-approve').click();
  await toast(page, '已审核通过');
  await expect.poll(() => reportState(page), WAIT).toEqual({ state: 'approved', text: '已审核' });
  await logout(page);

  await login(page, 'office1', USER_PASSWORD);
  expect(await openReportFromList(page, '已审核')).toBe(reportId);
  await page.getByTestId('btn-accept').click();
  const acceptForm = page.getByTestId('accept-form');
  await acceptForm.waitFor();
  await acceptForm.locator('.ant-rate-star').nth(3).locator('div').first().click();
  await page.getByTestId('btn-confirm-accept').click();
  await acceptForm.waitFor({ state: 'detached' });
  await toast(page, '已采纳');
  await expect.poll(() => reportState(page), WAIT).toEqual({ state: 'accepted', text: '已采纳' });
  expect(await textOf(page.getByTestId('report-header'))).toContain('质量评价 ★★★★');
  expect(await textOf(page.getByTestId('report-header'))).toContain('55%');
  expect(await page.getByTestId('btn-return').count()).toBe(0);
  expect(await page.getByTestId('btn-accept').count()).toBe(0);

  // --- 7. The cockpit and the plan show the task's new status. ---
  const after = (await office.get(`/api/plans/${h.t.planId}/cockpit`)).json() as Cockpit;
  expect(after.lagging.some((l) => l.nodeId === taskId)).toBe(false);
  expect(after.overall.progressPct).toBeGreaterThan(before.overall.progressPct);

  await page.getByTestId('menu-cockpit').click();
  await page.waitForURL('**/cockpit');
  await page.getByTestId('cockpit-kpis').waitFor();
  // Red → green: one fewer lagging task, one more on track; the overall figure moved off its old value.
  await expect.poll(() => kpiValue(page, 'red'), WAIT).toBe(before.overall.counts.red - 1);
  expect(await kpiValue(page, 'green')).toBe(before.overall.counts.green + 1);
  expect(await textOf(page.getByTestId('kpi-overall'))).toBe(`${after.overall.progressPct}%`);
  expect(after.overall.progressPct).toBeGreaterThan(0);
  const lagging = page.getByTestId('lagging-table');
  await lagging.waitFor();
  expect(await lagging.locator('tr.ant-table-row', { hasText: TASK_CODE }).count()).toBe(0);
  await screenshot(page, 'delivery-7-cockpit');

  // The task in the plan: actual 55%, on track.
  await page.goto(`/plan/${taskId}`);
  await expect.poll(() => textOf(page.getByTestId('node-code')), WAIT).toBe(TASK_CODE);
  const status = page.getByTestId('node-status');
  await status.waitFor();
  expect(await textOf(status.getByTestId('status-actual'))).toBe('55%');
  expect(await textOf(status.locator('.ant-card-head'))).toContain('正常推进');
  await screenshot(page, 'delivery-7-plan-node-status');

  expectNoPageProblems(journey);
}

// The journey runs on each database the suite has, so the workflow is proven in the browser on both.
describe.skipIf(!BROWSER_ENABLED).each(BROWSER_ENABLED ? testDialects() : ['sqlite' as const])('[%s] browser journey: progress reporting (TEST_BROWSER=1)', (dialect) => {
  let h: BrowserHarness;
  let tmp: string;

  beforeAll(async () => {
    h = await startBrowserHarness(dialect);
    tmp = mkdtempSync(join(tmpdir(), 'shuangcheng-delivery-'));
  }, 60_000);

  afterAll(async () => {
    await h?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('office opens a cycle; reporter reports with a photo; lead approves; office returns; reporter resubmits; approved and accepted; cockpit and plan show 55%', async () => {
    // --- Setup through the API: date task 3.1.2 around today and make 省发展改革委 its lead. ---
    // Start 150 days ago, due in 150 days: planned progress is about 50% on any day of the year, so
    // with no report the task is red (behind plan), and a 55% report makes it green.
    const office = await h.t.as('office1');
    const nodes = (await office.get(`/api/plans/${h.t.planId}/nodes`)).json() as { items: { id: string; code: string; parentId: string | null; version: number }[] };
    const task = nodes.items.find((n) => n.code === TASK_CODE)!;
    expect(task).toBeDefined();
    // Without milestones the plan is a straight line from start to due date.
    expect(nodes.items.filter((n) => n.parentId === task.id)).toEqual([]);
    const dated = await office.patch(`/api/plans/${h.t.planId}/nodes/${task.id}`, { version: task.version, startOn: isoDaysFromToday(-150), dueOn: isoDaysFromToday(150) });
    expect(dated.statusCode).toBe(200);
    const units = (await office.get(`/api/units?q=${encodeURIComponent(LEAD_UNIT)}&pageSize=50`)).json() as { items: { id: string; name: string }[] };
    const unit = units.items.find((u) => u.name === LEAD_UNIT)!;
    expect(unit).toBeDefined();
    const assigned = await office.request({
      method: 'PUT',
      url: `/api/plans/${h.t.planId}/nodes/${task.id}/assignments`,
      payload: { version: (dated.json() as { version: number }).version, leads: [unit.id], participants: [] },
    });
    expect(assigned.statusCode).toBe(200);
    const before = (await office.get(`/api/plans/${h.t.planId}/cockpit`)).json() as Cockpit;
    const lagBefore = before.lagging.find((l) => l.nodeId === task.id);
    expect(lagBefore?.status).toBe('red');
    expect(lagBefore?.reasons.map((r) => r.code)).toContain('behind_plan');

    // A real PNG photo for the evidence upload.
    const photoPath = join(tmp, '施工现场.png');
    writeFileSync(photoPath, await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c00' } }).png().toBuffer());

    const journey = await h.newPage();
    const { page } = journey;
    // A failure leaves a screenshot and the page's own complaints, to tell a UI problem from a test problem.
    try {
      await runJourney(h, journey, { taskId: task.id, before, office, photoPath });
    } catch (err) {
      await screenshot(page, 'delivery-failure').catch(() => {});
      const problems = [...journey.problems.pageErrors, ...journey.problems.consoleErrors];
      if (problems.length > 0 && err instanceof Error) err.message += `\npage problems so far (${page.url()}):\n - ${problems.join('\n - ')}`;
      throw err;
    }
  }, JOURNEY_TIMEOUT);
});

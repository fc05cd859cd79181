import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, USER_PASSWORD } from '../helpers/build-test-app';
import { BROWSER_ENABLED, login, screenshot, type JourneyPage, useBrowserHarness } from './browser-harness';

/**
 * End-to-end journeys through the built web app in headless Chromium. Run with TEST_BROWSER=1
 * after `npx vite build --config web/vite.config.ts`. All journeys share one server and database,
 * so each one works on records it finds or creates itself and never relies on another's leftovers.
 */

const JOURNEY_TIMEOUT = 60_000;
const WAIT = { timeout: 10_000, interval: 50 };

const DECISION_TITLE = '中共四川省委关于深入贯彻习近平总书记重要讲话精神、加快推动成渝地区双城经济圈建设的决定';
const PART_TITLES = [
  '1 坚定以习近平总书记重要讲话精神指引成渝地区双城经济圈建设',
  '2 推动重点区域协同发展加快成势',
  '3 聚焦重点领域精准发力率先突破',
  '4 凝聚形成推动成渝地区双城经济圈建设的强大合力',
];
const ARTICLE_31 = '3.1 加强交通基础设施建设';
const ARTICLE_31_TEXT = '交通基础设施是推动成渝地区双城经济圈建设的先行领域';
const FIRST_TASK_31 = '3.1.1 统筹铁路、航空、公路、水路规划,构建现代综合交通运输体系';

/** Text with all whitespace removed: antd puts a space between two CJK characters in some buttons. */
const squash = (s: string | null) => (s ?? '').replace(/\s+/g, '');
const textOf = (locator: Locator) => locator.textContent().then((s) => (s ?? '').trim());

function tree(page: Page): Locator {
  return page.getByTestId('plan-tree');
}

/** The titles of the tree's rendered rows, in order ("3.1 加强交通基础设施建设"). */
function treeTitles(page: Page): Promise<string[]> {
  return tree(page).locator('.ant-tree-title').allTextContents();
}

/** One row of the plan tree, matched on its whole "code title" text. */
function treeItem(page: Page, title: string): Locator {
  const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return tree(page).getByRole('treeitem').filter({ has: page.locator('.ant-tree-title', { hasText: exact }) });
}

async function selectInTree(page: Page, title: string): Promise<void> {
  await treeItem(page, title).locator('.ant-tree-title').click();
  await expect.poll(() => textOf(page.getByTestId('node-code')), WAIT).toBe(title.split(' ')[0]);
}

function nodeIdFromUrl(page: Page): string {
  const id = new URL(page.url()).pathname.split('/')[2];
  if (!id) throw new Error(`no node id in ${page.url()}`);
  return id;
}

/** The open modal that holds the given form. */
function modalWith(page: Page, testId: string): Locator {
  return page.locator('.ant-modal').filter({ has: page.getByTestId(testId) });
}

/** antd DatePicker: type the date into its input and confirm with Enter. */
async function setDate(form: Locator, field: string, value: string): Promise<void> {
  const input = form.locator(`#${field}`);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect.poll(() => input.inputValue(), WAIT).toBe(value);
}

/** The error text antd shows under one form field. */
function fieldError(form: Locator, field: string): Locator {
  // `has` is resolved inside each form item, so the inner locator must start from the page, not the form.
  return form.locator('.ant-form-item').filter({ has: form.page().locator(`#${field}`) }).locator('.ant-form-item-explain-error');
}

function expectNoPageProblems(journey: JourneyPage): void {
  expect(journey.problems.pageErrors, 'uncaught page errors').toEqual([]);
  expect(journey.problems.consoleErrors, 'unexpected console errors').toEqual([]);
}

describe.skipIf(!BROWSER_ENABLED)('browser journeys (TEST_BROWSER=1)', () => {
  const h = useBrowserHarness();

  it('1. admin: a wrong password is refused; the plan shows the Decision, its parts and article 3.1 with text and tasks', async () => {
    const journey = await h.newPage();
    const { page } = journey;

    // Signed out: the app sends / to the login page.
    await page.goto('/');
    await page.getByTestId('login-form').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');

    const form = page.getByTestId('login-form');
    await form.locator('#username').fill('admin');
    await form.locator('#password').fill('not-the-password-1');
    await page.getByTestId('btn-login').click();
    await page.getByTestId('login-error').waitFor();
    expect(await textOf(page.getByTestId('login-error'))).toContain('用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByTestId('current-user').count()).toBe(0);

    await login(page, 'admin', ADMIN_PASSWORD);
    await page.waitForURL('**/plan');
    expect(await textOf(page.getByTestId('current-user'))).toContain('系统管理员');
    await page.getByTestId('plan-header').waitFor();
    const header = page.getByTestId('plan-header');
    expect(await textOf(header.locator('h4'))).toBe(DECISION_TITLE);
    expect(squash(await header.textContent())).toContain(squash('4 个部分 · 18 条'));
    expect(await textOf(header)).toContain('2020-07-10');

    // The four parts are open on first load, so all 18 articles are listed under them.
    await tree(page).waitFor();
    const titles = await treeTitles(page);
    expect(titles.filter((t) => /^\d+ /.test(t))).toEqual(PART_TITLES);
    expect(titles.filter((t) => /^\d+\.\d+ /.test(t))).toHaveLength(18);
    expect(titles).toContain(ARTICLE_31);
    expect(titles.some((t) => /^\d+\.\d+\.\d+ /.test(t))).toBe(false);
    expect(await textOf(page.getByTestId('node-detail'))).toContain('请在左侧选择一个条目查看详情');

    // Expand 3.1: its tasks appear in the tree.
    const article = treeItem(page, ARTICLE_31);
    expect(await article.getAttribute('aria-expanded')).toBe('false');
    await article.locator('.ant-tree-switcher').click();
    await expect.poll(() => article.getAttribute('aria-expanded'), WAIT).toBe('true');
    await treeItem(page, FIRST_TASK_31).waitFor();

    // Select 3.1: the detail panel shows the Decision's text, its source quote and its 12 shipped tasks.
    await selectInTree(page, ARTICLE_31);
    expect(new URL(page.url()).pathname).toMatch(/^\/plan\/[0-9a-f-]{36}$/);
    expect(await article.getAttribute('aria-selected')).toBe('true');
    expect(await textOf(page.getByTestId('node-title'))).toBe('加强交通基础设施建设');
    expect(await textOf(page.getByTestId('node-body'))).toContain(ARTICLE_31_TEXT);
    expect(await textOf(page.getByTestId('node-source'))).toContain(ARTICLE_31_TEXT);
    const rows = page.getByTestId('node-children').locator('tbody tr.ant-table-row');
    expect(await rows.count()).toBe(12);
    expect(await textOf(rows.first())).toContain('3.1.1');
    expect(await textOf(rows.first())).toContain('统筹铁路、航空、公路、水路规划');
    expect(await textOf(rows.last())).toContain('3.1.12');
    // Admin may edit: the article offers "add task" and "edit", but never delete or move (it is the Decision's text).
    expect(await page.getByTestId('btn-add-task').count()).toBe(1);
    expect(await page.getByTestId('btn-edit-node').count()).toBe(1);
    expect(await page.getByTestId('btn-delete-node').count()).toBe(0);
    expect(await page.getByTestId('btn-move-node').count()).toBe(0);

    // The tree filter keeps hits with their ancestors.
    await page.getByTestId('plan-tree-search').locator('input').fill('成渝中线高铁');
    await expect.poll(() => treeTitles(page), WAIT).toEqual([PART_TITLES[2], ARTICLE_31, '3.1.2 加快推进成渝中线高铁等重大项目建设']);
    await page.getByTestId('plan-tree-search').locator('input').fill('');
    await expect.poll(async () => (await treeTitles(page)).length, WAIT).toBeGreaterThan(22);

    await screenshot(page, '1-admin-plan-article-3.1');
    expectNoPageProblems(journey);
  }, JOURNEY_TIMEOUT);

  it('2. office: adds a task under 3.1 and a milestone under it, then finds the create entry in the audit log', async () => {
    const journey = await h.newPage();
    const { page } = journey;
    await login(page, 'office1', USER_PASSWORD);
    await tree(page).waitFor();

    await selectInTree(page, ARTICLE_31);
    const articleId = nodeIdFromUrl(page);
    const before = await page.getByTestId('node-children').locator('tbody tr.ant-table-row').count();
    const taskCode = `3.1.${before + 1}`;

    // Add the task.
    await page.getByTestId('btn-add-task').click();
    const taskForm = page.getByTestId('node-form');
    await taskForm.waitFor();
    expect(squash(await textOf(modalWith(page, 'node-form').locator('.ant-modal-title')))).toBe('新增任务');
    await taskForm.locator('#title').fill('浏览器测试任务');
    await taskForm.locator('#body').fill('由浏览器测试创建。');
    await setDate(taskForm, 'dueOn', '2026-12-31');
    await modalWith(page, 'node-form').locator('.ant-modal-footer .ant-btn-primary').click();
    await taskForm.waitFor({ state: 'detached' });
    await page.locator('.ant-message-notice', { hasText: '已新增' }).first().waitFor();

    // The app opens the new task: it is numbered after the shipped tasks and shown in the tree.
    await page.waitForURL((url) => url.pathname.startsWith('/plan/') && !url.pathname.endsWith(articleId));
    const taskId = nodeIdFromUrl(page);
    await expect.poll(() => textOf(page.getByTestId('node-code')), WAIT).toBe(taskCode);
    expect(await textOf(page.getByTestId('node-title'))).toBe('浏览器测试任务');
    expect(await textOf(page.getByTestId('node-body'))).toBe('由浏览器测试创建。');
    expect(await textOf(page.getByTestId('node-detail'))).toContain('2026-12-31');
    await treeItem(page, `${taskCode} 浏览器测试任务`).waitFor();
    expect(await treeItem(page, `${taskCode} 浏览器测试任务`).getAttribute('aria-selected')).toBe('true');

    // Add a milestone under the task.
    await page.getByTestId('btn-add-milestone').click();
    const milestoneForm = page.getByTestId('node-form');
    await milestoneForm.waitFor();
    expect(squash(await textOf(modalWith(page, 'node-form').locator('.ant-modal-title')))).toBe('新增节点');
    await milestoneForm.locator('#title').fill('浏览器测试里程碑');
    await setDate(milestoneForm, 'dueOn', '2026-10-31');
    await modalWith(page, 'node-form').locator('.ant-modal-footer .ant-btn-primary').click();
    await milestoneForm.waitFor({ state: 'detached' });
    await page.waitForURL((url) => url.pathname.startsWith('/plan/') && !url.pathname.endsWith(taskId));
    await expect.poll(() => textOf(page.getByTestId('node-code')), WAIT).toBe(`${taskCode}.1`);
    const milestoneId = nodeIdFromUrl(page);
    expect(await textOf(page.getByTestId('node-title'))).toBe('浏览器测试里程碑');
    await treeItem(page, `${taskCode}.1 浏览器测试里程碑`).waitFor();
    // A milestone cannot hold anything, so it offers no "add" buttons.
    expect(await page.getByTestId('btn-add-task').count()).toBe(0);
    expect(await page.getByTestId('btn-add-milestone').count()).toBe(0);

    // Back on the task, the milestone is listed as its child.
    await selectInTree(page, `${taskCode} 浏览器测试任务`);
    const childRows = page.getByTestId('node-children').locator('tbody tr.ant-table-row');
    await expect.poll(() => childRows.count(), WAIT).toBe(1);
    expect(await textOf(childRows.first())).toContain(`${taskCode}.1`);
    expect(await textOf(childRows.first())).toContain('浏览器测试里程碑');
    expect(await textOf(childRows.first())).toContain('2026-10-31');

    // Audit log (the office may read it): filter to plan entries created, find the task, open the diff.
    await page.getByTestId('menu-audit').click();
    await page.waitForURL('**/audit');
    await page.getByTestId('audit-table').waitFor();
    await page.getByTestId('audit-filter-entity').click();
    await page.locator('.ant-select-item-option', { hasText: '规划条目' }).click();
    await page.getByTestId('audit-filter-action').locator('input').fill('plan_node.create');
    await page.getByTestId('audit-filter-action').locator('input').press('Enter');

    const table = page.getByTestId('audit-table');
    const taskRow = table.locator('tr.ant-table-row', { hasText: taskId });
    const actions = () => table.locator('tr.ant-table-row .ant-tag').allTextContents();
    // Only plan_node.create entries remain (at least this journey's task and milestone).
    await expect.poll(() => taskRow.count(), WAIT).toBe(1);
    await expect.poll(actions, WAIT).toSatisfy((list: string[]) => list.length >= 2 && list.every((a) => a === 'plan_node.create'));
    expect(await table.locator('tr.ant-table-row', { hasText: milestoneId }).count()).toBe(1);
    expect(await textOf(taskRow)).toContain('office1');
    expect(await textOf(taskRow)).toContain('规划条目');

    await taskRow.locator('.ant-table-row-expand-icon').click();
    const diff = page.getByTestId('audit-diff');
    await diff.waitFor();
    const [beforeCol, afterCol] = [diff.locator('.ant-col').nth(0), diff.locator('.ant-col').nth(1)];
    expect(await textOf(beforeCol)).toContain('（无）');
    expect(await textOf(afterCol)).toContain('"title": "浏览器测试任务"');
    expect(await textOf(afterCol)).toContain('"dueOn": "2026-12-31"');
    expect(await textOf(afterCol)).toContain(`"code": "${taskCode}"`);

    // The hash chain still verifies after the edits.
    await page.getByTestId('btn-verify-audit').click();
    await page.getByTestId('audit-verify-result').waitFor();
    expect(await textOf(page.getByTestId('audit-verify-result'))).toContain('审计链完整');

    await screenshot(page, '2-office-add-task-audit');
    expectNoPageProblems(journey);
  }, JOURNEY_TIMEOUT);

  it('3. language: switching to English translates the login page, menu and plan, persists across a reload, and switches back', async () => {
    const journey = await h.newPage();
    const { page } = journey;
    await page.goto('/login');
    await page.getByTestId('login-form').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(squash(await textOf(page.getByTestId('btn-login')))).toBe('登录');

    await page.getByTestId('lang-switch').getByText('English').click();
    await expect.poll(() => textOf(page.getByTestId('btn-login')), WAIT).toBe('Sign in');
    expect(await page.locator('html').getAttribute('lang')).toBe('en-US');
    expect(await textOf(page.locator('h2'))).toBe('Shuangcheng');
    expect(await textOf(page.getByTestId('login-form'))).toContain('Username');
    expect(await textOf(page.getByTestId('login-form'))).toContain('Password');

    // Errors are worded in the chosen language too.
    await page.getByTestId('login-form').locator('#username').fill('reporter1');
    await page.getByTestId('login-form').locator('#password').fill('wrong-password-1');
    await page.getByTestId('btn-login').click();
    await page.getByTestId('login-error').waitFor();
    expect(await textOf(page.getByTestId('login-error'))).toContain('Wrong username or password');

    await login(page, 'reporter1', USER_PASSWORD);
    await page.getByTestId('menu-plan').waitFor();
    expect(await textOf(page.getByTestId('menu-plan'))).toBe('Plan');
    expect(await textOf(page.getByTestId('menu-units'))).toBe('Units');
    expect(await textOf(page.getByTestId('logout'))).toBe('Sign out');
    expect(await textOf(page.locator('header'))).toContain('Chengdu–Chongqing Twin-City Economic Circle Delivery Platform');
    await page.getByTestId('plan-header').waitFor();
    expect(await textOf(page.getByTestId('plan-header'))).toContain('4 parts · 18 articles');
    expect(await textOf(page.getByTestId('plan-header'))).toContain('Adopted on');
    expect(await textOf(page.getByTestId('node-detail'))).toContain('Select an entry on the left to see its details.');

    await selectInTree(page, ARTICLE_31);
    expect(await textOf(page.getByTestId('node-detail'))).toContain('Article');
    expect(await textOf(page.getByTestId('node-detail'))).toContain('Children');

    // The choice survives a reload (it is kept in localStorage).
    await page.reload();
    await page.getByTestId('menu-plan').waitFor();
    expect(await textOf(page.getByTestId('menu-plan'))).toBe('Plan');
    // The address kept the selection, so the article is shown again, still in English.
    await expect.poll(() => textOf(page.getByTestId('node-code')), WAIT).toBe('3.1');
    expect(await textOf(page.getByTestId('node-detail'))).toContain('Children');
    expect(await textOf(page.getByTestId('plan-header'))).toContain('4 parts · 18 articles');
    await screenshot(page, '3-language-english');

    // Back to Chinese from the header switch.
    await page.locator('header').getByTestId('lang-switch').getByText('中文').click();
    await expect.poll(() => textOf(page.getByTestId('menu-plan')), WAIT).toBe('规划任务');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await textOf(page.getByTestId('menu-units'))).toBe('单位管理');
    expect(squash(await textOf(page.getByTestId('logout')))).toBe('退出登录');
    expect(await textOf(page.getByTestId('node-detail'))).toContain('下级');

    // Signing out lands on a Chinese login page.
    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor();
    expect(squash(await textOf(page.getByTestId('btn-login')))).toBe('登录');

    expectNoPageProblems(journey);
  }, JOURNEY_TIMEOUT);

  it('4. viewer: reads the plan and units but sees no editing controls and no users or audit menu', async () => {
    const journey = await h.newPage();
    const { page } = journey;
    await login(page, 'viewer1', USER_PASSWORD);
    await page.getByTestId('plan-header').waitFor();
    expect(await textOf(page.getByTestId('current-user'))).toContain('省统计局');

    // Menu: plan and units (read-only) only.
    expect(await page.getByTestId('menu-plan').count()).toBe(1);
    expect(await page.getByTestId('menu-units').count()).toBe(1);
    expect(await page.getByTestId('menu-users').count()).toBe(0);
    expect(await page.getByTestId('menu-audit').count()).toBe(0);

    // The article and one of its tasks: full detail, no add/edit/move/delete.
    await selectInTree(page, ARTICLE_31);
    expect(await textOf(page.getByTestId('node-body'))).toContain(ARTICLE_31_TEXT);
    expect(await page.getByTestId('node-children').locator('tbody tr.ant-table-row').count()).toBeGreaterThanOrEqual(12);
    for (const id of ['btn-add-task', 'btn-add-milestone', 'btn-edit-node', 'btn-move-node', 'btn-delete-node']) {
      expect(await page.getByTestId(id).count(), id).toBe(0);
    }
    await treeItem(page, ARTICLE_31).locator('.ant-tree-switcher').click();
    await selectInTree(page, FIRST_TASK_31);
    expect(await textOf(page.getByTestId('node-title'))).toBe('统筹铁路、航空、公路、水路规划,构建现代综合交通运输体系');
    for (const id of ['btn-add-task', 'btn-add-milestone', 'btn-edit-node', 'btn-move-node', 'btn-delete-node']) {
      expect(await page.getByTestId(id).count(), id).toBe(0);
    }
    await screenshot(page, '4-viewer-read-only');

    // Units: the list, but no "new unit" and no per-row edit.
    await page.getByTestId('menu-units').click();
    await page.getByTestId('units-table').waitFor();
    await expect.poll(() => page.getByTestId('units-table').locator('tbody tr.ant-table-row').count(), WAIT).toBeGreaterThan(0);
    expect(await page.getByTestId('btn-create-unit').count()).toBe(0);
    expect(await page.getByTestId('units-table').locator('button', { has: page.locator('.anticon-edit') }).count()).toBe(0);

    // Typing the address of a page it may not see shows the 403 result, not the page.
    for (const path of ['/audit', '/users']) {
      await page.goto(path);
      await page.locator('.ant-result-403').waitFor();
      expect(await textOf(page.locator('.ant-result-403'))).toContain('您没有访问此页面的权限');
      expect(await page.getByTestId('audit-table').count()).toBe(0);
      expect(await page.getByTestId('users-table').count()).toBe(0);
    }

    expectNoPageProblems(journey);
  }, JOURNEY_TIMEOUT);

  it('5. editing a due date to before the start date shows the field error and saves nothing', async () => {
    // A dated task to edit, made through the API so this journey does not depend on another.
    const office = await h.t.as('office1');
    const nodes = (await office.get(`/api/plans/${h.t.planId}/nodes`)).json() as { items: { id: string; code: string }[] };
    const parent = nodes.items.find((n) => n.code === '3.2')!;
    const created = await office.post(`/api/plans/${h.t.planId}/nodes`, {
      parentId: parent.id,
      kind: 'task',
      title: '日期校验任务',
      startOn: '2026-03-01',
      dueOn: '2026-06-30',
    });
    expect(created.statusCode).toBe(201);
    const task = created.json() as { id: string; code: string; version: number };

    const journey = await h.newPage();
    const { page } = journey;
    const writes: string[] = [];
    page.on('request', (req) => {
      if (req.method() !== 'GET' && req.url().includes('/api/plans/')) writes.push(`${req.method()} ${req.url()}`);
    });

    await login(page, 'office1', USER_PASSWORD);
    // Deep link straight to the task; the tree opens its ancestors.
    await page.goto(`/plan/${task.id}`);
    await expect.poll(() => textOf(page.getByTestId('node-code')), WAIT).toBe(task.code);
    await treeItem(page, `${task.code} 日期校验任务`).waitFor();

    await page.getByTestId('btn-edit-node').click();
    const form = page.getByTestId('node-form');
    await form.waitFor();
    expect(await form.locator('#startOn').inputValue()).toBe('2026-03-01');
    expect(await form.locator('#dueOn').inputValue()).toBe('2026-06-30');

    await setDate(form, 'dueOn', '2026-01-15');
    await modalWith(page, 'node-form').locator('.ant-modal-footer .ant-btn-primary').click();
    await fieldError(form, 'dueOn').waitFor();
    expect(await textOf(fieldError(form, 'dueOn'))).toBe('完成期限不能早于开始日期');
    expect(await fieldError(form, 'startOn').count()).toBe(0);
    expect(await form.isVisible()).toBe(true);
    expect(writes).toEqual([]);
    await screenshot(page, '5-dates-inverted');

    // Cancel: the detail panel and the server still hold the old dates and version.
    await modalWith(page, 'node-form').locator('.ant-modal-footer .ant-btn:not(.ant-btn-primary)').click();
    await form.waitFor({ state: 'detached' });
    expect(await textOf(page.getByTestId('node-detail'))).toContain('2026-06-30');
    expect(await textOf(page.getByTestId('node-detail'))).not.toContain('2026-01-15');
    const stored = (await office.get(`/api/plans/${h.t.planId}/nodes/${task.id}`)).json() as { dueOn: string; startOn: string; version: number };
    expect(stored).toMatchObject({ startOn: '2026-03-01', dueOn: '2026-06-30', version: task.version });

    // A valid date then saves normally: the form is not stuck after an error.
    await page.getByTestId('btn-edit-node').click();
    await form.waitFor();
    await setDate(form, 'dueOn', '2026-09-30');
    await modalWith(page, 'node-form').locator('.ant-modal-footer .ant-btn-primary').click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => textOf(page.getByTestId('node-detail')), WAIT).toContain('2026-09-30');
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(new RegExp(`^PATCH .*/api/plans/${h.t.planId}/nodes/${task.id}$`));
    const saved = (await office.get(`/api/plans/${h.t.planId}/nodes/${task.id}`)).json() as { dueOn: string; version: number };
    expect(saved).toMatchObject({ dueOn: '2026-09-30', version: task.version + 1 });

    expectNoPageProblems(journey);
  }, JOURNEY_TIMEOUT);
});

import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Locator } from 'playwright-core';
import type { Dialect } from '../../src/db/connect';
import { buildTestApp, type TestApp } from '../helpers/build-test-app';

/**
 * Shared setup for the browser journeys: the real server (fresh SQLite, shipped plan, fixture users)
 * serving the built web app from dist/web, and one headless Debian Chromium driven by playwright-core.
 *
 * Gating: the suite runs only with TEST_BROWSER=1. With the flag set, a missing browser or a missing
 * web build is an error, never a skip, so CI cannot go green without having run the journeys.
 */

export const BROWSER_ENABLED = process.env.TEST_BROWSER === '1';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');
export const WEB_ROOT = join(PROJECT_ROOT, 'dist', 'web');
export const SCREENSHOT_DIR = join(PROJECT_ROOT, 'test-results', 'browser');

/** Throws a message that says how to fix it; called in beforeAll so every journey fails loudly. */
export function assertBrowserPrerequisites(): void {
  const problems: string[] = [];
  if (!existsSync(CHROMIUM_PATH)) problems.push(`Chromium not found at ${CHROMIUM_PATH} (install the Debian "chromium" package or set CHROMIUM_PATH)`);
  if (!existsSync(join(WEB_ROOT, 'index.html'))) problems.push(`web build missing: ${join(WEB_ROOT, 'index.html')} (run "npx vite build --config web/vite.config.ts" first)`);
  if (problems.length > 0) throw new Error(`TEST_BROWSER=1 but the browser suite cannot run:\n - ${problems.join('\n - ')}`);
}

/** Problems the page reported by itself: uncaught exceptions and console errors that were not expected. */
export interface PageProblems {
  pageErrors: string[];
  consoleErrors: string[];
}

export interface JourneyPage {
  page: Page;
  context: BrowserContext;
  problems: PageProblems;
}

export interface BrowserHarness {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (own cookies and localStorage) with one page, watched for errors. */
  newPage(): Promise<JourneyPage>;
  close(): Promise<void>;
}

/**
 * A 401 is how the app learns it is signed out (GET /api/auth/me before login) and how login reports a
 * wrong password; Chromium logs each failed response as a console error. Those two are expected.
 */
function isExpectedConsoleError(msg: ConsoleMessage): boolean {
  const url = msg.location().url;
  return /status of 401/.test(msg.text()) && /\/api\/auth\/(me|login)(\?|$)/.test(url);
}

export async function startBrowserHarness(dialect: Dialect = 'sqlite'): Promise<BrowserHarness> {
  assertBrowserPrerequisites();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const t = await buildTestApp(dialect, { webRoot: WEB_ROOT });
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  try {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as AddressInfo;
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    const started = browser;
    return {
      t,
      baseUrl,
      browser: started,
      async newPage() {
        // Wide enough for antd's lg breakpoint, so the side menu is shown rather than collapsed.
        const context = await started.newContext({ baseURL: baseUrl, viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
        contexts.push(context);
        context.setDefaultTimeout(10_000);
        const page = await context.newPage();
        const problems: PageProblems = { pageErrors: [], consoleErrors: [] };
        page.on('pageerror', (err) => problems.pageErrors.push(err.stack ?? err.message));
        page.on('console', (msg) => {
          if (msg.type() === 'error' && !isExpectedConsoleError(msg)) problems.consoleErrors.push(`${msg.text()} @ ${msg.location().url}`);
        });
        return { page, context, problems };
      },
      async close() {
        for (const c of contexts) await c.close().catch(() => {});
        await started.close();
        await t.close();
      },
    };
  } catch (err) {
    await browser?.close().catch(() => {});
    await t.close();
    throw err;
  }
}

/** Signs in through the login form and waits until the shell shows the signed-in user. */
export async function login(page: Page, username: string, password: string): Promise<void> {
  if (!page.url().includes('/login')) await page.goto('/login');
  const form = page.getByTestId('login-form');
  await form.locator('#username').fill(username);
  await form.locator('#password').fill(password);
  await page.getByTestId('btn-login').click();
  await page.getByTestId('current-user').waitFor();
}

/** Saves a full-page screenshot for humans looking at a run; not compared against anything. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Signs out from the header and waits for the login form. */
export async function logout(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await page.getByTestId('login-form').waitFor();
}

/**
 * One harness for the surrounding describe block: started before its tests, closed after them. The
 * returned object reads through to the started harness, so tests use it like the harness itself.
 */
export function useBrowserHarness(dialect: Dialect = 'sqlite'): BrowserHarness {
  let started: BrowserHarness | undefined;
  const current = () => {
    if (!started) throw new Error('the browser harness has not started');
    return started;
  };
  beforeAll(async () => {
    started = await startBrowserHarness(dialect);
  }, 60_000);
  afterAll(async () => {
    await started?.close();
  });
  return {
    get t() {
      return current().t;
    },
    get baseUrl() {
      return current().baseUrl;
    },
    get browser() {
      return current().browser;
    },
    newPage: () => current().newPage(),
    close: () => current().close(),
  };
}

/** A locator's text with runs of white space collapsed, for comparing what the user reads. */
export const textOf = (locator: Locator) => locator.textContent().then((s) => (s ?? '').replace(/\s+/g, ' ').trim());

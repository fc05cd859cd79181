import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, scopeOf, type Permission, type Role } from '../../src/domain';
import type { RouteEntry } from '../../src/server/policy';
import { buildTestApp, type Client, type TestApp } from '../helpers/build-test-app';
import { testDialects } from '../helpers/test-db';

// One signed-in user per role; `null` is the anonymous caller.
const CALLERS: { role: Role | null; username: string | null }[] = [
  { role: null, username: null },
  { role: 'admin', username: 'admin' },
  { role: 'office', username: 'office1' },
  { role: 'unit_lead', username: 'lead1' },
  { role: 'reporter', username: 'reporter1' },
  { role: 'viewer', username: 'viewer1' },
];

function expectedAccess(route: RouteEntry, role: Role | null): 'allowed' | 401 | 403 {
  if (route.permission === 'public') return 'allowed';
  if (role === null) return 401;
  if (route.permission === 'authenticated') return 'allowed';
  return scopeOf([role], route.permission as Permission) ? 'allowed' : 403;
}

describe.each(testDialects())('[%s] every route against every role', (dialect) => {
  let t: TestApp;
  const clients = new Map<string | null, Client>();
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    for (const c of CALLERS) clients.set(c.username, c.username ? await t.as(c.username) : t.anonymous);
  });
  afterAll(() => t.close());

  it('knows every /api route the server registered, each with a declared permission', () => {
    const table = t.app.routeTable;
    expect(table.length).toBeGreaterThanOrEqual(25);
    for (const r of table) expect(['public', 'authenticated', ...PERMISSIONS]).toContain(r.permission);
    expect(table).toContainEqual({ method: 'POST', url: '/api/auth/login', permission: 'public' });
    expect(table).toContainEqual({ method: 'PATCH', url: '/api/plans/:planId/nodes/:nodeId', permission: 'plan:edit' });
  });

  it('refuses to start with a route that declares no permission', async () => {
    const { buildApp } = await import('../../src/server/app');
    const app = await buildApp({ ctx: t.ctx, version: 'test', logLevel: 'silent' });
    expect(() => app.get('/api/oops', async () => 'x')).toThrow(/declares no permission/);
    await app.close();
  });

  it('answers each route as the role allows: 401 anonymous, 403 without the permission, neither with it', async () => {
    const failures: string[] = [];
    for (const route of t.app.routeTable) {
      // Logging out ends the caller's session; it gets its own fresh sessions below.
      if (route.url === '/api/auth/logout') continue;
      const url = route.url.replace(':planId', t.planId).replace(/:(\w+)/g, 'no-such-id');
      for (const caller of CALLERS) {
        const res = await clients.get(caller.username)!.request({ method: route.method as 'GET', url, ...(route.method !== 'GET' && route.method !== 'DELETE' && { payload: {} }) });
        const want = expectedAccess(route, caller.role);
        const ok = want === 'allowed' ? res.statusCode !== 401 && res.statusCode !== 403 && res.statusCode < 500 : res.statusCode === want;
        if (!ok) failures.push(`${route.method} ${route.url} as ${caller.role ?? 'anonymous'}: got ${res.statusCode}, want ${want}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('lets every signed-in role log out, and nobody else', async () => {
    expect((await t.anonymous.post('/api/auth/logout')).statusCode).toBe(401);
    for (const c of CALLERS.filter((c) => c.username)) {
      const fresh = await t.as(c.username!);
      expect((await fresh.post('/api/auth/logout')).statusCode).toBe(204);
    }
  });
});

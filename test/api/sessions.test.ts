import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_CACHE_MS } from '../../src/services/session-cache';
import { buildTestApp, USER_PASSWORD, type Client, type TestApp } from '../helpers/build-test-app';
import { testDialects } from '../helpers/test-db';

interface User {
  id: string;
  version: number;
}

// Idle expiry and the per-process session cache, on a clock the tests move (idle limit: 60 minutes).
describe.each(testDialects())('[%s] session idle expiry and the session cache', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let now = Date.parse('2026-06-01T02:00:00.000Z');
  const advance = (ms: number) => {
    now += ms;
  };
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: () => new Date(now) });
  });
  afterAll(() => t.close());

  const userNamed = async (username: string) => ((await admin.get(`/api/users?q=${username}`)).json() as { items: (User & { username: string })[] }).items.find((u) => u.username === username)!;
  const lastSeen = async (username: string) =>
    (await t.ctx.db.selectFrom('session').innerJoin('app_user', 'app_user.id', 'session.user_id').select('session.last_seen_at').where('app_user.username', '=', username).executeTakeFirstOrThrow()).last_seen_at;

  it('ends a session idle for longer than the idle minutes and slides it while it is used', async () => {
    const s = await t.as('office1');
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
    advance(50 * 60_000);
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
    advance(50 * 60_000); // 100 minutes after login, 50 after the last use
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
    advance(60 * 60_000 + 1);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('writes last_seen_at at most once a minute', async () => {
    const s = await t.as('lead1');
    const loggedIn = await lastSeen('lead1');
    advance(30_000);
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
    expect(await lastSeen('lead1')).toBe(loggedIn);
    advance(31_000);
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
    expect(await lastSeen('lead1')).toBe(new Date(now).toISOString());
  });

  it('sees a role change, a password change and a deactivation made in this process at once', async () => {
    admin = await t.as('admin'); // the moved clock has ended earlier sessions
    const s = await t.as('viewer1');
    expect((await s.get('/api/auth/me')).json()).toMatchObject({ user: { roles: ['viewer'] } });
    let user = await userNamed('viewer1');
    expect((await admin.patch(`/api/users/${user.id}`, { version: user.version, roles: ['reporter'] })).statusCode).toBe(200);
    expect((await s.get('/api/auth/me')).json()).toMatchObject({ user: { roles: ['reporter'] } });
    expect((await s.get(`/api/plans/${t.planId}/my-tasks`)).statusCode).toBe(200);

    const other = await t.as('viewer1');
    expect((await other.get('/api/auth/me')).statusCode).toBe(200);
    expect((await s.post('/api/auth/password', { currentPassword: USER_PASSWORD, newPassword: 'Cached-pass-2026' })).statusCode).toBe(204);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);

    user = await userNamed('viewer1');
    expect((await admin.patch(`/api/users/${user.id}`, { version: user.version, active: false })).statusCode).toBe(200);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses a session ended by another process: writes at once, reads within the cache bound', async () => {
    admin = await t.as('admin');
    const s = await t.as('reporter2');
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
    // Another process logs it out (or deactivates the user): only the database knows.
    await t.ctx.db.deleteFrom('session').where('user_id', '=', (await userNamed('reporter2')).id).execute();
    expect((await s.post('/api/auth/logout')).statusCode).toBe(401);
    advance(SESSION_CACHE_MS);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);

    const r = await t.as('reporter1');
    expect((await r.get('/api/auth/me')).statusCode).toBe(200);
    await t.ctx.db.updateTable('app_user').set({ active: 0 }).where('username', '=', 'reporter1').execute();
    expect((await r.post('/api/auth/logout')).statusCode).toBe(401);
    advance(SESSION_CACHE_MS);
    expect((await r.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('does not let a cached session outlive its idle expiry', async () => {
    await t.ctx.db.updateTable('app_user').set({ active: 1 }).where('username', '=', 'reporter1').execute();
    const s = await t.as('reporter1');
    // Read while half a second of its idle time is left: the cached copy must still end it on time.
    const at = new Date(now).toISOString();
    await t.ctx.db.updateTable('session').set({ last_seen_at: at, expires_at: new Date(now + 500).toISOString() }).where('created_at', '=', at).execute();
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
    advance(500);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
  });
});

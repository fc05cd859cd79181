import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, USER_PASSWORD, type TestApp } from '../helpers/build-test-app';
import { testDialects } from '../helpers/test-db';

describe.each(testDialects())('[%s] sign-in and sessions', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  const login = (username: string, password: string, lang = 'zh-CN') =>
    t.anonymous.request({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers: { 'accept-language': lang } });

  it('sets an httpOnly SameSite=Strict session cookie and returns the caller with permissions', async () => {
    const res = await login('reporter1', USER_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sc_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(res.json()).toMatchObject({ user: { username: 'reporter1', unitName: '省发展改革委', roles: ['reporter'], permissions: ['plan:read', 'unit:read', 'reference:read', 'report:read', 'report:write', 'supervision:respond', 'cockpit:read', 'assessment:read', 'assessment:appeal', 'project:report'] } });
  });

  it('answers a wrong password and an unknown user alike, in the caller’s language', async () => {
    const wrong = await login('reporter1', 'not-the-password1', 'en-US');
    const unknown = await login('nobody', 'not-the-password1', 'en-US');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: 'Wrong user name or password' } });
    expect((await login('nobody', 'x')).json()).toMatchObject({ error: { message: '用户名或密码错误' } });
  });

  it('locks an account after 5 failures, even against the right password, and audits it', async () => {
    for (let i = 0; i < 4; i++) expect((await login('viewer1', 'wrong-password-1')).statusCode).toBe(401);
    expect((await login('viewer1', 'wrong-password-1')).statusCode).toBe(423);
    expect((await login('viewer1', USER_PASSWORD)).json()).toMatchObject({ error: { code: 'ACCOUNT_LOCKED' } });
    const admin = await t.as('admin');
    const audit = (await admin.get('/api/audit?action=login_failed&pageSize=50')).json() as { items: { after: { username: string; lockedUntil: string | null } }[] };
    expect(audit.items.filter((e) => e.after.username === 'viewer1')).toHaveLength(5);
    expect(audit.items.some((e) => e.after.lockedUntil)).toBe(true);
  });

  it('lets the lock lapse after its minutes', async () => {
    await t.ctx.db.updateTable('app_user').set({ locked_until: new Date(Date.now() - 1000).toISOString() }).where('username', '=', 'viewer1').execute();
    expect((await login('viewer1', USER_PASSWORD)).statusCode).toBe(200);
  });

  it('requires the CSRF token on every state change', async () => {
    const res = await login('office1', USER_PASSWORD);
    const cookie = `sc_session=${res.cookies.find((c) => c.name === 'sc_session')!.value}`;
    const noToken = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json()).toMatchObject({ error: { code: 'CSRF_TOKEN_INVALID' } });
    const wrongToken = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': 'forged' } });
    expect(wrongToken.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
  });

  it('ends the session on logout', async () => {
    const res = await login('office1', USER_PASSWORD);
    const cookie = `sc_session=${res.cookies.find((c) => c.name === 'sc_session')!.value}`;
    const csrf = (res.json() as { csrfToken: string }).csrfToken;
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': csrf } })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('enforces the password policy and ends other sessions on a change', async () => {
    const first = await t.as('reporter2');
    const second = await t.as('reporter2');
    const weak = await second.post('/api/auth/password', { currentPassword: USER_PASSWORD, newPassword: 'short1' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json()).toMatchObject({ error: { code: 'PASSWORD_POLICY', fields: [{ path: 'password' }] } });
    expect((await second.post('/api/auth/password', { currentPassword: 'wrong-one-123', newPassword: 'Another-pass-42' })).json()).toMatchObject({ error: { code: 'PASSWORD_WRONG' } });
    expect((await second.post('/api/auth/password', { currentPassword: USER_PASSWORD, newPassword: 'Another-pass-42' })).statusCode).toBe(204);
    expect((await second.get('/api/auth/me')).statusCode).toBe(200);
    expect((await first.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login('reporter2', 'Another-pass-42')).statusCode).toBe(200);
  });

  it('sends security headers, a strict CSP among them', async () => {
    const res = await t.anonymous.get('/api/health');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('limits request size and rejects malformed JSON clearly', async () => {
    const big = await t.anonymous.request({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'a', password: 'x'.repeat(2 * 1024 * 1024) }) });
    expect(big.statusCode).toBe(413);
    const broken = await t.anonymous.request({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect((await t.anonymous.get('/api/no-such-thing')).json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('sqlite', { loginRateLimitPerMinute: 3 });
  });
  afterAll(() => t.close());

  it('answers 429 past the limit for one address and user name', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      codes.push((await t.anonymous.post('/api/auth/login', { username: 'office1', password: 'wrong-password-9' })).statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 429]);
    expect((await t.anonymous.post('/api/auth/login', { username: 'office1', password: 'x' })).json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
  });
});

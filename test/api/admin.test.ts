import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, USER_PASSWORD, type Client, type TestApp } from '../helpers/build-test-app';
import { testDialects } from '../helpers/test-db';

interface Unit {
  id: string;
  name: string;
  kind: string;
  side: string;
  version: number;
  active: boolean;
}
interface User {
  id: string;
  username: string;
  unitName: string;
  version: number;
  roles: string[];
}
interface Page<T> {
  items: T[];
  total: number;
}

describe.each(testDialects())('[%s] units, users and the audit log', (dialect) => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    admin = await t.as('admin');
  });
  afterAll(() => t.close());

  it('ships the unit catalogue: 21 Sichuan cities, 38 Chongqing districts and counties, departments under their short names', async () => {
    const cities = (await admin.get('/api/units?kind=city&side=sichuan&pageSize=50')).json() as Page<Unit>;
    expect(cities.total).toBe(21);
    expect((await admin.get('/api/units?kind=county&side=chongqing&pageSize=1')).json()).toMatchObject({ total: 38, page: 1, pageSize: 1 });
    const found = (await admin.get(`/api/units?q=${encodeURIComponent('发改委')}`)).json() as Page<Unit>;
    expect(found.items.map((u) => u.name)).toEqual(expect.arrayContaining(['省发展改革委']));
    const sorted = (await admin.get('/api/units?kind=city&sort=name&order=desc&pageSize=3&page=2')).json() as Page<Unit>;
    expect(sorted.items).toHaveLength(3);
  });

  it('creates and edits a unit, refuses duplicates and stale versions', async () => {
    const created = await admin.post('/api/units', { name: '测试企业', kind: 'enterprise', side: 'sichuan', aliases: ['测试公司'] });
    expect(created.statusCode).toBe(201);
    const unit = created.json() as Unit;
    expect((await admin.post('/api/units', { name: '测试企业', kind: 'enterprise', side: 'sichuan' })).json()).toMatchObject({ error: { code: 'UNIT_EXISTS', fields: [{ path: 'name' }] } });
    const off = await admin.patch(`/api/units/${unit.id}`, { version: unit.version, active: false });
    expect(off.json()).toMatchObject({ active: false, version: unit.version + 1 });
    expect((await admin.patch(`/api/units/${unit.id}`, { version: unit.version, name: '过期' })).statusCode).toBe(409);
    expect((await admin.patch(`/api/units/${unit.id}`, { version: unit.version + 1, parentId: unit.id })).json()).toMatchObject({ error: { code: 'NODE_CYCLE' } });
    const office = await t.as('office1');
    expect((await office.post('/api/units', { name: 'x', kind: 'other', side: 'sichuan' })).statusCode).toBe(403);
  });

  it('creates a user who must change the password, and validates the request', async () => {
    const unit = ((await admin.get(`/api/units?q=${encodeURIComponent('绵阳')}`)).json() as Page<Unit>).items[0]!;
    const bad = await admin.post('/api/users', { username: 'a b', displayName: '', unitId: unit.id, roles: [], password: 'short' });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path).sort()).toEqual(['displayName', 'roles', 'username']);
    expect((await admin.post('/api/users', { username: 'mianyang1', displayName: '绵阳填报人', unitId: unit.id, roles: ['reporter'], password: 'short' })).json()).toMatchObject({
      error: { code: 'PASSWORD_POLICY' },
    });
    const ok = await admin.post('/api/users', { username: 'mianyang1', displayName: '绵阳填报人', unitId: unit.id, roles: ['reporter'], password: 'Mianyang-2026' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ username: 'mianyang1', unitName: '绵阳市', mustChangePassword: true });
    expect((await admin.post('/api/users', { username: 'mianyang1', displayName: 'x', unitId: unit.id, roles: ['reporter'], password: 'Mianyang-2026' })).statusCode).toBe(409);
  });

  it('scopes the user list: a unit lead sees only the own unit, a reporter nothing', async () => {
    const lead = await t.as('lead1');
    const seen = (await lead.get('/api/users?pageSize=100')).json() as Page<User>;
    expect(seen.items.map((u) => u.username).sort()).toEqual(['lead1', 'reporter1']);
    const other = (await admin.get(`/api/units?q=${encodeURIComponent('成都市')}`)).json() as Page<Unit>;
    expect((await lead.get(`/api/users?unitId=${other.items[0]!.id}`)).json()).toMatchObject({ total: 0 });
    expect((await (await t.as('reporter1')).get('/api/users')).statusCode).toBe(403);
    expect(((await admin.get('/api/users?role=reporter&pageSize=100')).json() as Page<User>).items.every((u) => u.roles.includes('reporter'))).toBe(true);
  });

  it('deactivating a user ends their sessions; an admin cannot lock themself out', async () => {
    const session = await t.as('reporter2');
    const user = ((await admin.get('/api/users?q=reporter2')).json() as Page<User>).items[0]!;
    expect((await admin.patch(`/api/users/${user.id}`, { version: user.version, active: false })).statusCode).toBe(200);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    expect((await t.anonymous.post('/api/auth/login', { username: 'reporter2', password: USER_PASSWORD })).json()).toMatchObject({ error: { code: 'ACCOUNT_INACTIVE' } });
    const me = ((await admin.get('/api/users?q=admin')).json() as Page<User>).items.find((u) => u.username === 'admin')!;
    expect((await admin.patch(`/api/users/${me.id}`, { version: me.version, roles: ['office'] })).statusCode).toBe(403);
  });

  it('resets a password: old sessions end, the new one works once changed', async () => {
    const session = await t.as('viewer1');
    const user = ((await admin.get('/api/users?q=viewer1')).json() as Page<User>).items[0]!;
    expect((await admin.post(`/api/users/${user.id}/reset-password`, { password: 'Reset-pass-2026' })).statusCode).toBe(204);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    const login = await t.anonymous.post('/api/auth/login', { username: 'viewer1', password: 'Reset-pass-2026' });
    expect(login.json()).toMatchObject({ user: { mustChangePassword: true } });
  });

  it('records every change with who, when, before and after, filterable', async () => {
    const page = (await admin.get('/api/audit?entity=unit&action=unit.update')).json() as Page<{ action: string; actorName: string; before: { active: boolean }; after: { active: boolean } }>;
    expect(page.items[0]).toMatchObject({ action: 'unit.update', actorName: 'admin', before: { active: true }, after: { active: false } });
    const today = new Date().toISOString().slice(0, 10);
    expect(((await admin.get(`/api/audit?from=${today}&to=${today}&pageSize=1`)).json() as Page<unknown>).total).toBeGreaterThan(5);
    expect(((await admin.get('/api/audit?from=2000-01-01&to=2000-01-02')).json() as Page<unknown>).total).toBe(0);
  });

  it('detects a row edited or deleted behind the application’s back', async () => {
    expect((await admin.get('/api/audit/verify')).json()).toMatchObject({ ok: true, firstBroken: null });
    const target = await t.ctx.db.selectFrom('audit_log').select(['id', 'after']).where('action', '=', 'unit.update').orderBy('id').executeTakeFirstOrThrow();
    await t.ctx.db.updateTable('audit_log').set({ after: '{"active":true}' }).where('id', '=', target.id).execute();
    expect((await admin.get('/api/audit/verify')).json()).toMatchObject({ ok: false, firstBroken: { id: Number(target.id), reason: 'hash_mismatch' } });
    await t.ctx.db.updateTable('audit_log').set({ after: target.after }).where('id', '=', target.id).execute();
    expect((await admin.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
    await t.ctx.db.deleteFrom('audit_log').where('id', '=', 3).execute();
    expect((await admin.get('/api/audit/verify')).json()).toMatchObject({ ok: false, firstBroken: { id: 4, reason: 'gap' } });
  });
});

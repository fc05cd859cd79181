import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { migrateToLatest, openDatabase, type Database, type Dialect } from '../../src/db/connect';
import type { Role } from '../../src/domain';
import { loadShippedData } from '../../src/seed/load-shipped-data';
import { buildApp } from '../../src/server/app';
import { SYSTEM_ACTOR, type ServiceContext } from '../../src/services/context';
import { createUser } from '../../src/services/users';
import { scratchDatabase, type ScratchDatabase } from './test-db';

export const ADMIN_PASSWORD = 'Admin-pass-2026';
export const USER_PASSWORD = 'Test-pass-2026';

/** One user per role; the lead and reporter share a unit, reporter2 is in another. */
export const FIXTURE_USERS: { username: string; unit: string; roles: Role[] }[] = [
  { username: 'office1', unit: '省推进成渝地区双城经济圈建设办公室', roles: ['office'] },
  { username: 'lead1', unit: '省发展改革委', roles: ['unit_lead'] },
  { username: 'reporter1', unit: '省发展改革委', roles: ['reporter'] },
  { username: 'reporter2', unit: '成都市', roles: ['reporter'] },
  { username: 'viewer1', unit: '省统计局', roles: ['viewer'] },
];

export interface TestApp {
  app: FastifyInstance;
  ctx: ServiceContext;
  database: Database;
  dialect: Dialect;
  planId: string;
  /** Logs in and returns a client that sends the session cookie and CSRF header. */
  as(username: string, password?: string): Promise<Client>;
  anonymous: Client;
  close(): Promise<void>;
}

export interface Client {
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
}

function client(app: FastifyInstance, cookie?: string, csrf?: string): Client {
  const request = (opts: InjectOptions) =>
    app.inject({ ...opts, headers: { ...(cookie && { cookie }), ...(csrf && { 'x-csrf-token': csrf }), ...opts.headers } });
  return {
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, body) => request({ method: 'POST', url, ...(body !== undefined && { payload: body as object }) }),
    patch: (url, body) => request({ method: 'PATCH', url, payload: body as object }),
    del: (url) => request({ method: 'DELETE', url }),
  };
}

export async function buildTestApp(dialect: Dialect, opts: { clock?: () => Date; loginRateLimitPerMinute?: number; webRoot?: string } = {}): Promise<TestApp> {
  const scratch: ScratchDatabase = await scratchDatabase(dialect);
  const database = openDatabase(scratch.url);
  await migrateToLatest(database.db);
  const ctx: ServiceContext = {
    db: database.db,
    dialect: database.dialect,
    clock: opts.clock ?? (() => new Date()),
    security: { lockout: { threshold: 5, minutes: 15 }, sessionIdleMinutes: 60 },
  };
  await loadShippedData(ctx, { adminPassword: ADMIN_PASSWORD });
  const units = new Map((await ctx.db.selectFrom('unit').select(['id', 'name']).execute()).map((u) => [u.name, u.id]));
  for (const u of FIXTURE_USERS) {
    await createUser(ctx, SYSTEM_ACTOR, { username: u.username, displayName: u.username, unitId: units.get(u.unit)!, roles: u.roles, password: USER_PASSWORD }, { mustChangePassword: false });
  }
  const app = await buildApp({ ctx, version: 'test', logLevel: 'silent', loginRateLimitPerMinute: opts.loginRateLimitPerMinute ?? 1000, webRoot: opts.webRoot ?? null });
  await app.ready();
  const plan = await ctx.db.selectFrom('plan').select('id').executeTakeFirstOrThrow();
  return {
    app,
    ctx,
    database,
    dialect,
    planId: plan.id,
    anonymous: client(app),
    async as(username, password) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: password ?? (username === 'admin' ? ADMIN_PASSWORD : USER_PASSWORD) } });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      return client(app, cookie, (res.json() as { csrfToken: string }).csrfToken);
    },
    async close() {
      await app.close();
      await database.close();
      await scratch.drop();
    },
  };
}

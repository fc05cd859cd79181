/**
 * Where the authenticated floor goes (issue 4): a bare Fastify hello-world, then the app (all its plugins
 * and hooks) answering a public route, an authenticated route with an empty handler, and GET /api/auth/me,
 * each with autocannon in a worker thread against the app built in this process. Logs in once (one
 * session row and audit entry are added to the database).
 *
 *   npx tsx bench/auth-floor.ts [sqlite-file | postgres://…] [--duration 5]
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { APP_VERSION } from '../src/boot';
import { migrateToLatest, openDatabase } from '../src/db/connect';
import { buildApp } from '../src/server/app';
import type { ServiceContext } from '../src/services/context';
import { BENCH_PASSWORD } from './generate';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { duration: { type: 'string', default: '5' }, only: { type: 'string' } } });
const url = positionals[0] ?? 'bench/data/S.sqlite';
const database = openDatabase(/^postgres/.test(url) ? url : `sqlite:${url}`);
await migrateToLatest(database.db);
const ctx: ServiceContext = { db: database.db, dialect: database.dialect, clock: () => new Date(), security: { lockout: { threshold: 1000, minutes: 1 }, sessionIdleMinutes: 480 } };
const app = await buildApp({ ctx, version: APP_VERSION, logLevel: 'silent', loginRateLimitPerMinute: 10_000_000, webRoot: null });
app.get('/api/bench-public', { config: { permission: 'public' } }, async () => ({ hello: 'world' }));
app.get('/api/bench-authenticated', { config: { permission: 'authenticated' } }, async () => ({ hello: 'world' }));
await app.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const hello = Fastify({ logger: false });
hello.get('/hello', async () => ({ hello: 'world' }));
await hello.listen({ host: '127.0.0.1', port: 0 });
const helloBase = `http://127.0.0.1:${(hello.server.address() as { port: number }).port}`;

const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-office', password: BENCH_PASSWORD }) });
if (res.status !== 200) throw new Error(`login: ${res.status}`);
const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

const scenarios: [string, string, Record<string, string>?][] = [
  ['hello (bare fastify)', `${helloBase}/hello`],
  ['app, public, no db', `${base}/api/bench-public`],
  ['app, authenticated, no handler work', `${base}/api/bench-authenticated`, { cookie }],
  ['GET /api/auth/me', `${base}/api/auth/me`, { cookie }],
];
const duration = Number(values.duration);
for (const [name, u, headers] of scenarios) {
  if (values.only && !name.includes(values.only)) continue;
  const r = await autocannon({ url: u, connections: 20, duration, workers: 1, ...(headers && { headers }) });
  console.log(`${name.padEnd(38)} ${String(Math.round(r.requests.average)).padStart(7)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  non2xx ${r.non2xx} err ${r.errors}`);
}
await app.close();
await hello.close();
await database.close();

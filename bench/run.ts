/**
 * The HTTP benchmark (issue 4): runs each scenario with autocannon on loopback against the app started
 * in this process, next to a bare Fastify hello-world route (the ceiling), and appends a dated section
 * to bench/RESULTS.md.
 *
 *   npm run bench -- --size S --db sqlite            # bench/data/S.sqlite (made by bench/generate.ts)
 *   npm run bench -- --size S --db postgres          # TEST_PG_URL's server, database bench_s
 *   npm run bench -- --size M --db /path/file.sqlite | postgres://…/db
 *   options: --duration 10 (s per scenario) --connections 20 --no-write (print only)
 *            --only my-tasks,auth   (only the scenarios whose names contain one of these; the ceiling always runs,
 *                                    the report-save part and the sequential cockpit only when named: save, cockpit seq)
 *
 * The load generator runs in a worker thread (autocannon `workers: 1`) for the read scenarios, so it
 * does not share the server's event loop; the report-save scenario needs per-connection state
 * (report id, version) and runs the generator on the main thread, as does its ceiling figure.
 * RSS is process.memoryUsage().rss of this process (server + load generator), sampled every 100 ms.
 */
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon, { type Result } from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import { APP_VERSION } from '../src/boot';
import { migrateToLatest, openDatabase } from '../src/db/connect';
import { buildApp } from '../src/server/app';
import type { ServiceContext } from '../src/services/context';
import { BENCH_PASSWORD } from './generate';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'S' },
    db: { type: 'string', default: 'sqlite' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    'no-write': { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
const wanted = (name: string) => !only || name.startsWith('ceiling') || only.some((s) => name.includes(s));
const size = values.size!.toUpperCase();
const duration = Number(values.duration);
const connections = Number(values.connections);

function resolveDb(db: string): string {
  if (db === 'sqlite') return `sqlite:${join(here, 'data', `${size}.sqlite`)}`;
  if (db === 'postgres') {
    const base = process.env.TEST_PG_URL;
    if (!base) throw new Error('--db postgres needs TEST_PG_URL');
    const u = new URL(base);
    u.pathname = `/bench_${size.toLowerCase()}`;
    return u.toString();
  }
  if (/^postgres(ql)?:\/\//.test(db)) return db;
  return `sqlite:${resolve(db.replace(/^sqlite:(\/\/)?/, ''))}`;
}

interface Row {
  name: string;
  what: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  requests: number;
  errors: number;
  non2xx: number;
  rssMax: number;
  note?: string;
}

const mb = (b: number) => Math.round(b / 1024 / 1024);
let rssMax = 0;
const sampler = setInterval(() => {
  rssMax = Math.max(rssMax, process.memoryUsage().rss);
}, 100);

async function main() {
  const url = resolveDb(values.db!);
  if (url.startsWith('sqlite:') && !existsSync(url.slice(7))) throw new Error(`${url.slice(7)} does not exist: run bench/generate.ts first`);
  const database = openDatabase(url);
  await migrateToLatest(database.db);
  const ctx: ServiceContext = { db: database.db, dialect: database.dialect, clock: () => new Date(), security: { lockout: { threshold: 1000, minutes: 1 }, sessionIdleMinutes: 480 } };
  const app = await buildApp({ ctx, version: APP_VERSION, logLevel: 'silent', loginRateLimitPerMinute: 10_000_000, webRoot: null });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const hello: FastifyInstance = Fastify({ logger: false });
  hello.get('/hello', async () => ({ hello: 'world' }));
  await hello.listen({ host: '127.0.0.1', port: 0 });
  const helloBase = `http://127.0.0.1:${(hello.server.address() as { port: number }).port}`;
  const rows: Row[] = [];
  const extra: string[] = [];
  try {
    // ---- data facts and sessions --------------------------------------------------------------
    const count = async (t: 'plan_node' | 'report' | 'app_user' | 'unit' | 'assignment' | 'cycle' | 'audit_log') => Number((await ctx.db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const data = { nodes: await count('plan_node'), reports: await count('report'), users: await count('app_user'), units: await count('unit'), assignments: await count('assignment'), cycles: await count('cycle') };
    const planId = (await ctx.db.selectFrom('plan').select('id').executeTakeFirstOrThrow()).id;
    const latestCycle = (await ctx.db.selectFrom('cycle').select(['id', 'label']).orderBy('period_start', 'desc').limit(1).executeTakeFirstOrThrow()).id;
    // The unit that leads most tasks, and its reporter.
    const busiest = await ctx.db
      .selectFrom('assignment')
      .innerJoin('app_user', 'app_user.unit_id', 'assignment.unit_id')
      .select(['assignment.unit_id', 'app_user.username', (eb) => eb.fn.countAll().as('n')])
      .where('assignment.role', '=', 'lead')
      .where('app_user.username', 'like', 'b-u%-reporter')
      .groupBy(['assignment.unit_id', 'app_user.username'])
      .orderBy('n', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const task = await ctx.db
      .selectFrom('report')
      .select(['node_id', (eb) => eb.fn.countAll().as('n')])
      .where('unit_id', '=', busiest.unit_id)
      .where('role', '=', 'lead')
      .groupBy('node_id')
      .orderBy('n', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();

    const login = async (username: string, password = BENCH_PASSWORD) => {
      const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
      const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      return { cookie, csrf: csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
    };
    const office = await login('bench-office');
    const reporter = await login(busiest.username);

    // ---- scenarios ----------------------------------------------------------------------------
    const record = (name: string, what: string, conns: number, r: Result, peak: number, note?: string) => {
      const row: Row = { name, what, connections: conns, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, mean: r.latency.mean, requests: r.requests.total, errors: r.errors + r.timeouts, non2xx: r.non2xx, rssMax: peak, ...(note && { note }) };
      rows.push(row);
      console.log(`${name.padEnd(22)} ${String(Math.round(row.rps)).padStart(7)} req/s  p50 ${row.p50} ms  p99 ${row.p99} ms  n=${row.requests} err=${row.errors} non2xx=${row.non2xx} rss≤${mb(peak)} MB`);
      return row;
    };
    const run = async (name: string, what: string, opts: { url: string; headers?: Record<string, string>; method?: string; body?: string; connections?: number; inProcess?: boolean }, note?: string) => {
      if (!wanted(name)) return undefined;
      rssMax = process.memoryUsage().rss;
      const conns = opts.connections ?? connections;
      const r = await autocannon({
        url: opts.url,
        connections: conns,
        duration,
        timeout: 60,
        ...(opts.inProcess ? {} : { workers: 1 }),
        ...(opts.headers && { headers: opts.headers }),
        ...(opts.method && { method: opts.method }),
        ...(opts.body && { body: opts.body }),
      });
      return record(name, what, conns, r, rssMax, note);
    };
    // One level of the outline, as the plan tree asks for it when a node is expanded (`?parentId=`): the article holding the busiest task.
    const subtreeParent = (await ctx.db.selectFrom('plan_node').select('parent_id').where('id', '=', task.node_id).executeTakeFirstOrThrow()).parent_id!;

    // Warm up each route once (first-request compile costs are not what we measure).
    for (const u of [`/api/plans/${planId}/my-tasks?role=lead&sort=dueOn&page=1&pageSize=20`, `/api/plans/${planId}/nodes`, `/api/plans/${planId}/nodes?view=tree`, `/api/plans/${planId}/nodes?view=tree&parentId=${subtreeParent}`, `/api/reports?nodeId=${task.node_id}&pageSize=20`, `/api/plans/${planId}/cockpit`]) {
      const res = await fetch(base + u, { headers: u.includes('my-tasks') || u.includes('reports') ? reporter.headers : office.headers });
      if (res.status !== 200) throw new Error(`warm-up ${u}: ${res.status} ${(await res.text()).slice(0, 300)}`);
      await res.arrayBuffer();
    }

    const ceiling = (await run('ceiling (hello)', 'GET /hello on a bare Fastify instance', { url: `${helloBase}/hello` }))!;
    await run('my-tasks', 'GET /api/plans/:id/my-tasks?role=lead&sort=dueOn&page=1&pageSize=20 (reporter of the unit leading most tasks)', { url: `${base}/api/plans/${planId}/my-tasks?role=lead&sort=dueOn&page=1&pageSize=20`, headers: reporter.headers });
    await run('auth floor', 'GET /api/auth/me (session check and a tiny JSON: the most any authenticated read can reach here)', { url: `${base}/api/auth/me`, headers: reporter.headers });
    await run('nodes (whole plan)', 'GET /api/plans/:id/nodes (office; the whole live tree, full records)', { url: `${base}/api/plans/${planId}/nodes`, headers: office.headers });
    await run('tree (light)', 'GET /api/plans/:id/nodes?view=tree (office; the outline the plan tree shows, no texts)', { url: `${base}/api/plans/${planId}/nodes?view=tree`, headers: office.headers });
    await run('tree children', 'GET /api/plans/:id/nodes?view=tree&parentId=… (office; one level of the outline, what the tree loads on expand)', { url: `${base}/api/plans/${planId}/nodes?view=tree&parentId=${subtreeParent}`, headers: office.headers });
    await run('node detail', 'GET /api/plans/:id/nodes/:nodeId (office; one task with its texts)', { url: `${base}/api/plans/${planId}/nodes/${task.node_id}`, headers: office.headers });
    await run('task reports', 'GET /api/reports?nodeId=…&pageSize=20 (reporter, a task its unit leads)', { url: `${base}/api/reports?nodeId=${task.node_id}&pageSize=20`, headers: reporter.headers });
    await run('cockpit', 'GET /api/plans/:id/cockpit (office)', { url: `${base}/api/plans/${planId}/cockpit`, headers: office.headers });
    await run('export task-division', 'GET /api/plans/:id/exports/task-division (office; xlsx of the whole plan)', { url: `${base}/api/plans/${planId}/exports/task-division`, headers: office.headers, connections: 2 }, '2 connections');
    await run('login', 'POST /api/auth/login (argon2id verify + session)', { url: `${base}/api/auth/login`, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-viewer', password: BENCH_PASSWORD }), connections: 4 }, '4 connections; argon2id is meant to be slow');

    // Cockpit latency distribution, sequential (one request at a time): p95 is the target's figure.
    if (wanted('cockpit seq')) {
      const ms: number[] = [];
      const n = 100;
      const started = Date.now();
      for (let i = 0; i < n && Date.now() - started < 60_000; i++) {
        const s = performance.now();
        const res = await fetch(`${base}/api/plans/${planId}/cockpit`, { headers: office.headers });
        await res.arrayBuffer();
        ms.push(performance.now() - s);
      }
      ms.sort((a, b) => a - b);
      const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!.toFixed(1);
      extra.push(`- cockpit, sequential (1 connection, ${ms.length} requests): p50 ${q(0.5)} ms, p95 **${q(0.95)} ms**, p99 ${q(0.99)} ms`);
      console.log(extra[extra.length - 1]);
    }

    // ---- report save: each connection owns one draft report and carries its version -------------
    let ceilingInProcess: Row | undefined;
    if (wanted('save')) {
    const drafts = await ctx.db
      .selectFrom('report')
      .innerJoin('app_user', 'app_user.unit_id', 'report.unit_id')
      .select(['report.id', 'report.version', 'report.unit_id', 'app_user.username'])
      .where('report.cycle_id', '=', latestCycle)
      .where('report.state', '=', 'draft')
      .where('app_user.username', 'like', 'b-u%-reporter')
      .orderBy('report.id')
      .limit(connections + 40)
      .execute();
    const sessions = new Map<string, Awaited<ReturnType<typeof login>>>();
    for (const d of drafts) if (!sessions.has(d.username)) sessions.set(d.username, await login(d.username));
    const forLoad = drafts.slice(0, connections);
    const forSequential = drafts.slice(connections);
    // autocannon clears a connection's context before each request, so the drafts live in a pool: a request takes one,
    // its response puts it back with the new version. Pool size = connections, pipelining 1: one is always free.
    const pool = forLoad.map((d) => ({ id: d.id, version: Number(d.version), headers: sessions.get(d.username)!.headers, n: 0 }));
    ceilingInProcess = (await run('ceiling (hello, in-process)', 'GET /hello, load generator on the main thread (the save scenario\'s ceiling)', { url: `${helloBase}/hello`, inProcess: true }))!;
    const saveConns = pool.length;
    rssMax = process.memoryUsage().rss;
    const saveResult = await autocannon({
      url: base,
      connections: saveConns,
      duration,
      timeout: 60,
      requests: [
        {
          method: 'PATCH',
          setupRequest: (req, context) => {
            const d = pool.shift()!;
            context.draft = d;
            d.n++;
            return {
              ...req,
              path: `/api/reports/${d.id}`,
              headers: { ...d.headers, 'content-type': 'application/json' },
              body: JSON.stringify({ version: d.version, progressPct: d.n % 100, narrative: `基准保存 ${d.n}` }),
            };
          },
          onResponse: (status, body, context) => {
            const d = context.draft as (typeof pool)[number];
            if (status === 200) d.version = (JSON.parse(body) as { version: number }).version;
            pool.push(d);
          },
        },
      ],
    });
    const saveRow = record('report save', 'PATCH /api/reports/:id (a pool of drafts, one per connection, version carried)', saveConns, saveResult, rssMax, 'load generator on the main thread; ratio to the in-process ceiling');
    saveRow.note = `${saveRow.note}; ratio vs in-process ceiling ${(saveRow.rps / ceilingInProcess!.rps).toFixed(3)}`;

    // Sequential save + submit on distinct drafts (rollup is recomputed on the next status read).
    {
      const save: number[] = [];
      const submit: number[] = [];
      for (const d of forSequential.slice(0, 30)) {
        const h = { ...sessions.get(d.username)!.headers, 'content-type': 'application/json' };
        let s = performance.now();
        const r1 = await fetch(`${base}/api/reports/${d.id}`, { method: 'PATCH', headers: h, body: JSON.stringify({ version: Number(d.version), progressPct: 40, narrative: '基准：保存并提交。' }) });
        const saved = (await r1.json()) as { version: number };
        save.push(performance.now() - s);
        if (r1.status !== 200) throw new Error(`save ${d.id}: ${r1.status} ${JSON.stringify(saved)}`);
        s = performance.now();
        const r2 = await fetch(`${base}/api/reports/${d.id}/submit`, { method: 'POST', headers: h, body: JSON.stringify({ version: saved.version }) });
        await r2.arrayBuffer();
        submit.push(performance.now() - s);
        if (r2.status !== 200) throw new Error(`submit ${d.id}: ${r2.status}`);
      }
      const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]?.toFixed(1);
      const max = (xs: number[]) => Math.max(...xs).toFixed(1);
      extra.push(`- report save then submit, sequential on ${save.length} distinct drafts: save median ${med(save)} ms (max ${max(save)}), submit median ${med(submit)} ms (max ${max(submit)})`);
      console.log(extra[extra.length - 1]);
    }
    }

    // ---- write ------------------------------------------------------------------------------
    const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const ratio = (r: Row) => (r.name.startsWith('ceiling') ? '1' : (r.rps / (r.name === 'report save' ? ceilingInProcess!.rps : ceiling.rps)).toFixed(3));
    const lines = [
      '',
      `## ${when} — size ${size}, ${ctx.dialect}`,
      '',
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${mb(totalmem())} MB RAM, Node ${process.version}, ${process.platform}. ` +
        `Database: ${ctx.dialect}${ctx.dialect === 'sqlite' ? ` (${url.slice(7).replace(resolve(here, '..') + '/', '')})` : ` (${new URL(url).pathname.slice(1)} on ${new URL(url).host})`}.`,
      `Data: ${data.nodes} plan nodes, ${data.assignments} assignments, ${data.cycles} cycles, ${data.reports} reports, ${data.units} units, ${data.users} users.`,
      `Ceiling ratios against the authenticated floor (GET /api/auth/me): ${rows.filter((r) => /^(my-tasks|nodes|tree|tree children|node detail|task reports|cockpit)/.test(r.name)).map((r) => `${r.name} ${(r.rps / (rows.find((x) => x.name === 'auth floor')?.rps ?? NaN)).toFixed(2)}`).join(', ')}.`,
      `Each scenario: autocannon ${duration} s on loopback, ${connections} connections unless noted; server and load generator in one process (generator in a worker thread unless noted).`,
      '',
      '| scenario | conns | req/s | ÷ ceiling | p50 ms | ÷ ceiling | p99 ms | ÷ ceiling | requests | errors | non-2xx | RSS max MB |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|',
      ...rows.map((r) => {
        const c = (r.name === 'report save' || r.name === 'ceiling (hello, in-process)') && ceilingInProcess ? ceilingInProcess : ceiling;
        const lat = (a: number, b: number) => (a / Math.max(b, 0.1)).toFixed(1);
        return `| ${r.name} | ${r.connections} | ${Math.round(r.rps)} | ${ratio(r)} | ${r.p50} | ${lat(r.p50, Math.max(c.p50, c.mean))} | ${r.p99} | ${lat(r.p99, c.p99)} | ${r.requests} | ${r.errors} | ${r.non2xx} | ${mb(r.rssMax)} |`;
      }),
      'Ratios: req/s ÷ ceiling req/s; p50 ÷ max(ceiling p50, ceiling mean latency) (autocannon rounds latencies to whole ms, the ceiling\'s p50 is often 0); p99 ÷ ceiling p99.',
      '',
      ...rows.map((r) => `- ${r.name}: ${r.what}${r.note ? ` — ${r.note}` : ''}`),
      ...extra,
      `- RSS after the run: ${mb(process.memoryUsage().rss)} MB (server + load generator)`,
      '',
    ];
    const text = lines.join('\n');
    console.log(text);
    if (!values['no-write']) {
      const file = join(here, 'RESULTS.md');
      if (!existsSync(file)) writeFileSync(file, '# Benchmark results\n\nAppended by `npm run bench`; see the top sections for targets and findings.\n');
      appendFileSync(file, text);
      console.log(`appended to ${file}`);
    }
  } finally {
    clearInterval(sampler);
    await app.close();
    await hello.close();
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);

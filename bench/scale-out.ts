/**
 * Scale-out check (issue 4): two server processes against one PostgreSQL behind a round-robin proxy.
 *
 *   npm run bench:scale-out                        # TEST_PG_URL's server (default 127.0.0.1:55432)
 *   npm run bench:scale-out -- --seconds 20 --users 12 --keep
 *
 * 1. Creates a fresh database (`scaleout_<pid>`) and fills it with the S bench data (bench/generate.ts).
 * 2. Starts two `src/cli.ts start` processes on it (ports of their own, job interval 5 s) and a small
 *    Node proxy on loopback that sends each request to the next process in turn, so consecutive requests
 *    of one session land on different processes.
 * 3. Checks: a session made on one process is valid on the other and its logout there is honoured on the
 *    first (both ways: writes at once, reads within SESSION_CACHE_MS); a mixed load through the
 *    proxy (logins, My tasks, cockpit, report save + submit) ends with no error; jobs enqueued for both
 *    workers each ran exactly once (one claim, done); the daily job both processes enqueue exists once;
 *    the audit chain verifies.
 * Exit code 0 when every check passes. The database is dropped at the end unless --keep.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../src/db/connect';
import { enqueue } from '../src/jobs/job-queue';
import { verifyAuditChain } from '../src/services/audit';
import { SESSION_CACHE_MS } from '../src/services/session-cache';
import { ADMIN_PASSWORD, BENCH_PASSWORD, generate } from './generate';
import { login as loginAs, startServer } from './server-process';

const login = (base: string, username: string, password = BENCH_PASSWORD) => loginAs(base, username, password);

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '15' }, users: { type: 'string', default: '10' }, jobs: { type: 'string', default: '20' }, keep: { type: 'boolean', default: false } } });
const SECONDS = Number(values.seconds);
const VUS = Number(values.users);
const JOBS = Number(values.jobs);

const baseUrl = new URL(process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:55432/postgres');
const dbName = `scaleout_${process.pid}`;
const dbUrl = Object.assign(new URL(baseUrl.toString()), { pathname: `/${dbName}` }).toString();

const checks: { name: string; ok: boolean; detail: string }[] = [];
const check = (name: string, ok: boolean, detail: string) => {
  checks.push({ name, ok, detail });
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}: ${detail}`);
};

async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: baseUrl.toString() });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/** Round-robin per request (not per connection), so one client's requests alternate between processes. */
function startProxy(targets: string[]): Promise<{ server: http.Server; base: string; served: number[] }> {
  const served = targets.map(() => 0);
  let next = 0;
  const server = http.createServer((req, res) => {
    const i = next++ % targets.length;
    served[i]!++;
    const target = new URL(req.url ?? '/', targets[i]);
    const upstream = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host, 'x-forwarded-for': req.socket.remoteAddress ?? '' } }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', (e) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy: ${e.message}`);
    });
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}`, served })));
}

async function main() {
  await admin((c) => c.query(`create database ${dbName}`));
  const servers: ChildProcess[] = [];
  let proxy: http.Server | undefined;
  try {
    console.log(`database ${dbName}: generating S …`);
    await generate('S', dbUrl);

    // ---- two processes and the proxy ---------------------------------------------------------
    const jobEnv = { JOB_INTERVAL_SECONDS: '5' };
    const [a, b] = await Promise.all([startServer('A', dbUrl, jobEnv), startServer('B', dbUrl, jobEnv)]);
    servers.push(a.proc, b.proc);
    console.log(`processes: A ${a.base} (pid ${a.proc.pid}), B ${b.base} (pid ${b.proc.pid})`);
    const p = await startProxy([a.base, b.base]);
    proxy = p.server;
    console.log(`proxy: ${p.base}`);

    // ---- sessions across processes -----------------------------------------------------------
    for (const [from, to, label] of [[a.base, b.base, 'A → B'], [b.base, a.base, 'B → A']] as const) {
      const s = await login(from, 'bench-office');
      // The first process reads it too, so it holds the session in its cache (services/session-cache.ts).
      const mine = await fetch(`${from}/api/auth/me`, { headers: s.headers });
      const me = await fetch(`${to}/api/auth/me`, { headers: s.headers });
      const res = await fetch(`${to}/api/auth/logout`, { method: 'POST', headers: s.headers });
      // A write never trusts the cache; a read may for at most SESSION_CACHE_MS.
      const write = await fetch(`${from}/api/auth/logout`, { method: 'POST', headers: s.headers });
      await new Promise((r) => setTimeout(r, SESSION_CACHE_MS + 50));
      const after = await fetch(`${from}/api/auth/me`, { headers: s.headers });
      check(
        `session ${label}`,
        mine.status === 200 && me.status === 200 && res.status === 204 && write.status === 401 && after.status === 401,
        `login on one (/me there ${mine.status}), /me on the other ${me.status}, logout there ${res.status}; back on the first: a write ${write.status} at once, /me ${after.status} after ${SESSION_CACHE_MS} ms`,
      );
    }

    // ---- jobs for both workers ---------------------------------------------------------------
    const database = openDatabase(dbUrl);
    const db = database.db;
    const now = new Date().toISOString();
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const jobKeys: string[] = [];
    for (let i = 0; i < JOBS; i++) {
      const key = `scaleout:${randomUUID()}`;
      jobKeys.push(key);
      // Both processes run the same code path as the real daily job; its notifications are de-duplicated by key.
      await enqueue(db, { name: 'reminders.daily', dedupeKey: key, runAt: now, payload: { today } }, now);
    }

    // ---- mixed load through the proxy --------------------------------------------------------
    const planId = (await db.selectFrom('plan').select('id').executeTakeFirstOrThrow()).id;
    const latestCycle = (await db.selectFrom('cycle').select('id').orderBy('period_start', 'desc').limit(1).executeTakeFirstOrThrow()).id;
    const drafts = await db
      .selectFrom('report')
      .innerJoin('app_user', 'app_user.unit_id', 'report.unit_id')
      .select(['report.id', 'report.version', 'app_user.username'])
      .where('report.cycle_id', '=', latestCycle)
      .where('report.state', '=', 'draft')
      .where('app_user.username', 'like', 'b-u%-reporter')
      .orderBy('report.id')
      .execute();
    // One draft belongs to one virtual user, so saves never race each other on a version (that is the fault tests' job).
    const byUser = new Map<string, { id: string; version: number }[]>();
    for (const d of drafts) if (!byUser.has(d.username) || byUser.get(d.username)!.length < 20) byUser.set(d.username, [...(byUser.get(d.username) ?? []), { id: d.id, version: Number(d.version) }]);
    const reporters = [...byUser.keys()].slice(0, VUS);
    const counts: Record<string, number> = {};
    const failures: string[] = [];
    const hit = async (what: string, res: Response, ok = (s: number) => s >= 200 && s < 300) => {
      counts[what] = (counts[what] ?? 0) + 1;
      const body = await res.text();
      if (!ok(res.status)) failures.push(`${what}: ${res.status} ${body.slice(0, 200)}`);
      return body;
    };
    const office = await login(p.base, 'bench-office');
    const until = Date.now() + SECONDS * 1000;
    await Promise.all(
      reporters.map(async (username) => {
        let s = await login(p.base, username);
        const mine = byUser.get(username)!;
        for (let i = 0; Date.now() < until; i++) {
          const step = i % 10;
          if (step === 0 && i > 0) {
            s = await login(p.base, username);
            counts.login = (counts.login ?? 0) + 1;
          } else if (step <= 3) await hit('my-tasks', await fetch(`${p.base}/api/plans/${planId}/my-tasks?role=lead&sort=dueOn&page=1&pageSize=20`, { headers: s.headers }));
          else if (step <= 5) await hit('cockpit', await fetch(`${p.base}/api/plans/${planId}/cockpit`, { headers: office.headers }));
          else if (mine.length) {
            const d = mine[i % mine.length]!;
            const body = await hit('report save', await fetch(`${p.base}/api/reports/${d.id}`, { method: 'PATCH', headers: { ...s.headers, 'content-type': 'application/json' }, body: JSON.stringify({ version: d.version, progressPct: i % 100, narrative: `多进程保存 ${i}` }) }));
            try {
              d.version = (JSON.parse(body) as { version: number }).version ?? d.version;
            } catch {
              /* counted as a failure above */
            }
            if (step === 9) {
              const sub = await hit('report submit', await fetch(`${p.base}/api/reports/${d.id}/submit`, { method: 'POST', headers: { ...s.headers, 'content-type': 'application/json' }, body: JSON.stringify({ version: d.version }) }));
              mine.splice(mine.indexOf(d), 1);
              void sub;
            }
          }
        }
      }),
    );
    const total = Object.values(counts).reduce((x, y) => x + y, 0);
    check('mixed load through the proxy', failures.length === 0 && total > 0, `${total} requests in ${SECONDS} s by ${reporters.length} users (${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}); proxy sent ${p.served.join(' / ')} to A / B; ${failures.length} errors${failures.length ? `: ${failures.slice(0, 5).join(' | ')}` : ''}`);

    // ---- the jobs ran once each ----------------------------------------------------------------
    const jobsDeadline = Date.now() + 60_000;
    let rows: { dedupe_key: string; state: string; attempts: number | string }[] = [];
    while (Date.now() < jobsDeadline) {
      rows = await db.selectFrom('job').select(['dedupe_key', 'state', 'attempts']).where('dedupe_key', 'in', jobKeys).execute();
      if (rows.length === JOBS && rows.every((r) => r.state === 'done')) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const once = rows.filter((r) => r.state === 'done' && Number(r.attempts) === 1).length;
    check('enqueued jobs ran exactly once', once === JOBS, `${once} of ${JOBS} done after exactly one claim (states: ${[...new Set(rows.map((r) => `${r.state}×${r.attempts}`))].join(', ')})`);
    const daily = await db.selectFrom('job').select(['state', 'attempts']).where('dedupe_key', '=', `reminders.daily:${today}`).execute();
    check('daily job enqueued by both processes exists once', daily.length === 1 && daily[0]!.state === 'done' && Number(daily[0]!.attempts) === 1, `${daily.length} row(s): ${daily.map((d) => `${d.state}, ${d.attempts} claim(s)`).join('; ')}`);

    // ---- audit chain -----------------------------------------------------------------------------
    const viaApi = (await (await fetch(`${p.base}/api/audit/verify`, { headers: (await login(p.base, 'admin', ADMIN_PASSWORD)).headers })).json()) as { ok: boolean; checked: number };
    const direct = await verifyAuditChain(db);
    check('audit chain intact', viaApi.ok && direct.ok, `API: ${viaApi.ok ? 'ok' : 'BROKEN'} (${viaApi.checked} entries); direct: ${direct.ok ? 'ok' : `BROKEN at ${direct.firstBroken?.id}`} (${direct.checked})`);
    await database.close();
  } finally {
    proxy?.close();
    for (const s of servers) s.kill('SIGTERM');
    await Promise.all(servers.map((s) => new Promise((r) => (s.exitCode !== null ? r(null) : s.once('exit', r)))));
    if (!values.keep) await admin((c) => c.query(`drop database if exists ${dbName} with (force)`));
    else console.log(`kept database ${dbName}`);
  }
}

main().then(
  () => {
    const failed = checks.filter((c) => !c.ok);
    console.log(failed.length ? `\n${failed.length} check(s) FAILED` : `\nall ${checks.length} checks passed`);
    process.exit(failed.length ? 1 : 0);
  },
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);

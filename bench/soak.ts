/**
 * A bounded soak (issue 4): the real server in a child process, mixed load on loopback for a fixed time,
 * then two verdicts: no errors, and resident memory that does not grow (the second half's samples
 * against the first half's, after a warm-up, within a tolerance).
 *
 *   npx tsx bench/soak.ts                          # 60 s on a fresh SQLite file
 *   npx tsx bench/soak.ts --seconds 1800           # 30 minutes
 *   npx tsx bench/soak.ts --db postgres://…/postgres   # a fresh database on that server
 *   options: --connections 8 --tolerance-pct 15 --tolerance-mb 20
 *
 * Reads (My tasks, the cockpit, a task, a report, the session) go through autocannon; report saves run
 * beside them as a client would send them, each with the version the previous save returned, so none
 * is a conflict and every non-2xx answer counts as an error. Exit code 1 when a verdict fails.
 * test/faults/soak.test.ts runs a 10-second version in CI.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { migrateToLatest, openDatabase } from '../src/db/connect';
import { loadShippedData } from '../src/seed/load-shipped-data';
import { SYSTEM_ACTOR, type ServiceContext } from '../src/services/context';
import { createUser } from '../src/services/users';
import { call, login, rssMb, startChildServer } from '../test/faults/child-server';

export interface SoakOptions {
  seconds: number;
  /** sqlite:… file, or a postgres:// server URL on which a fresh database is created and dropped. */
  db?: string;
  connections?: number;
  tolerancePct?: number;
  toleranceMb?: number;
  log?: (line: string) => void;
}

export interface SoakResult {
  seconds: number;
  reads: number;
  saves: number;
  errors: string[];
  rssFirstHalfMb: number;
  rssSecondHalfMb: number;
  rssSamples: number;
  rssGrew: boolean;
  ok: boolean;
}

const PASSWORD = 'Soak-test-2026';

async function scratch(db: string | undefined): Promise<{ url: string; drop(): Promise<void> }> {
  if (!db || db.startsWith('sqlite:')) {
    if (db) return { url: db, drop: async () => undefined };
    const dir = mkdtempSync(join(tmpdir(), 'sc-soak-'));
    return { url: `sqlite:${join(dir, 'soak.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `sc_soak_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: db });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(db);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: db });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Shipped plan, an office user and a reporter whose unit leads the first task. */
async function prepare(url: string) {
  const database = openDatabase(url);
  await migrateToLatest(database.db);
  const ctx: ServiceContext = { db: database.db, dialect: database.dialect, clock: () => new Date(), security: { lockout: { threshold: 50, minutes: 1 }, sessionIdleMinutes: 600 } };
  await loadShippedData(ctx, { adminPassword: 'Soak-admin-2026' });
  const unit = async (name: string) => (await ctx.db.selectFrom('unit').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  for (const [username, unitName, role] of [['soak-office', '省推进成渝地区双城经济圈建设办公室', 'office'], ['soak-reporter', '省发展改革委', 'reporter']] as const) {
    const exists = await ctx.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst();
    if (!exists) await createUser(ctx, SYSTEM_ACTOR, { username, displayName: username, unitId: await unit(unitName), roles: [role], password: PASSWORD }, { mustChangePassword: false });
  }
  await database.close();
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
};

export async function runSoak(opts: SoakOptions): Promise<SoakResult> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const db = await scratch(opts.db);
  await prepare(db.url);
  const server = await startChildServer(db.url, { SHUANGCHENG_ADMIN_PASSWORD: 'Soak-admin-2026', LOG_LEVEL: 'warn' });
  const errors: string[] = [];
  try {
    const office = await login(server.base, 'soak-office', PASSWORD);
    const reporter = await login(server.base, 'soak-reporter', PASSWORD);
    const planId = ((await call(server.base, office, 'GET', '/api/plans')).json as { items: { id: string }[] }).items[0]!.id;
    const nodes = ((await call(server.base, office, 'GET', `/api/plans/${planId}/nodes`)).json as { items: { id: string; kind: string; version: number }[] }).items;
    const task = nodes.find((n) => n.kind === 'task')!;
    const units = (await call(server.base, office, 'GET', '/api/units?q=%E7%9C%81%E5%8F%91%E5%B1%95%E6%94%B9%E9%9D%A9%E5%A7%94&pageSize=5')).json as { items: { id: string; name: string }[] };
    const fgw = units.items.find((u) => u.name === '省发展改革委')!.id;
    await call(server.base, office, 'PUT', `/api/plans/${planId}/nodes/${task.id}/assignments`, { version: task.version, leads: [fgw], participants: [] });
    const cycle = await call(server.base, office, 'POST', `/api/plans/${planId}/cycles`, { frequency: 'monthly', year: 2026, index: 11 });
    const reports = (await call(server.base, reporter, 'GET', `/api/reports?cycleId=${String(cycle.json.id)}&pageSize=5`)).json as { items: { id: string }[] };
    const reportId = reports.items[0]!.id;

    // RSS every half second; the first quarter is warm-up (JIT, caches, pools) and is not judged.
    const samples: number[] = [];
    const sampler = setInterval(() => void rssMb(server.proc.pid!).then((mb) => samples.push(mb), () => undefined), 500);

    let saves = 0;
    let stopped = false;
    const writer = (async () => {
      let version = ((await call(server.base, reporter, 'GET', `/api/reports/${reportId}`)).json as { version: number }).version;
      while (!stopped) {
        const r = await call(server.base, reporter, 'PATCH', `/api/reports/${reportId}`, { version, narrative: `第${saves}次保存：成渝中线高铁前期工作推进中`, progressPct: saves % 100 });
        if (r.status !== 200) {
          errors.push(`save ${saves}: ${r.status} ${JSON.stringify(r.json).slice(0, 200)}`);
          version = ((await call(server.base, reporter, 'GET', `/api/reports/${reportId}`)).json as { version: number }).version;
        } else {
          version = (r.json as { version: number }).version;
          saves++;
        }
        await new Promise((res) => setTimeout(res, 20));
      }
    })();

    const read = (path: string) => ({ method: 'GET', path, headers: reporter.headers });
    const result = await autocannon({
      url: server.base,
      connections: opts.connections ?? 8,
      duration: opts.seconds,
      requests: [
        read(`/api/plans/${planId}/my-tasks?pageSize=20`),
        { method: 'GET', path: `/api/plans/${planId}/cockpit`, headers: office.headers },
        read(`/api/plans/${planId}/nodes/${task.id}`),
        read(`/api/reports/${reportId}`),
        read('/api/auth/me'),
      ],
    });
    stopped = true;
    await writer;
    clearInterval(sampler);
    if (result.errors || result.timeouts || result.non2xx) errors.push(`reads: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx of ${result.requests.total}`);

    const judged = samples.slice(Math.floor(samples.length * 0.25));
    const half = Math.floor(judged.length / 2);
    const first = median(judged.slice(0, half));
    const second = median(judged.slice(half));
    const allowance = Math.max((first * (opts.tolerancePct ?? 15)) / 100, opts.toleranceMb ?? 20);
    const rssGrew = judged.length >= 4 && second - first > allowance;
    const verify = await call(server.base, await login(server.base, 'soak-office', PASSWORD), 'GET', '/api/auth/me');
    if (verify.status !== 200) errors.push(`server unhealthy after the soak: ${verify.status}`);
    const out: SoakResult = {
      seconds: opts.seconds,
      reads: result.requests.total,
      saves,
      errors,
      rssFirstHalfMb: Math.round(first),
      rssSecondHalfMb: Math.round(second),
      rssSamples: judged.length,
      rssGrew,
      ok: errors.length === 0 && !rssGrew,
    };
    log(`soak ${opts.seconds} s: ${out.reads} reads (${Math.round(out.reads / opts.seconds)}/s, p99 ${result.latency.p99} ms), ${saves} saves, ${errors.length} errors; RSS median ${out.rssFirstHalfMb} → ${out.rssSecondHalfMb} MB (allowed +${Math.round(allowance)} MB) → ${out.ok ? 'OK' : 'FAILED'}`);
    for (const e of errors.slice(0, 10)) log(`  ${e}`);
    return out;
  } finally {
    await server.stop();
    await db.drop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '60' },
      db: { type: 'string' },
      connections: { type: 'string', default: '8' },
      'tolerance-pct': { type: 'string', default: '15' },
      'tolerance-mb': { type: 'string', default: '20' },
    },
  });
  const seconds = Number(values.seconds);
  if (!Number.isFinite(seconds) || seconds < 5 || seconds > 1800) {
    console.error('--seconds must be between 5 and 1800');
    process.exit(2);
  }
  runSoak({ seconds, db: values.db, connections: Number(values.connections), tolerancePct: Number(values['tolerance-pct']), toleranceMb: Number(values['tolerance-mb']) }).then(
    (r) => process.exit(r.ok ? 0 : 1),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}

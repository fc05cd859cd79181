/**
 * Server memory with a generated plan loaded (issue 4 target: RSS < 250 MB with L), and the cockpit's
 * latency on it, measured on the server process alone (bundled as deployed; see server-process.ts).
 *
 *   npm run bench:rss -- --size L --db sqlite        # bench/data/L.sqlite
 *   npm run bench:rss -- --size L --db postgres      # database bench_l on TEST_PG_URL's server
 *   options: --no-write (print only; otherwise a line is appended to bench/RESULTS.md)
 *
 * Starts the server, logs in, then reads what users read all day — My tasks, the tree (light list, and one
 * level below an article, as the tree loads it on expand when the plan is large), a
 * node, a task's reports, the cockpit (first request computes the plan's status) — then 100 sequential
 * cockpit requests (p50/p95), 20 more rounds of everything, and reports VmRSS after each phase and VmHWM.
 */
import { appendFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/connect';
import { BENCH_PASSWORD } from './generate';
import { login, rssOf, startServer } from './server-process';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({ options: { size: { type: 'string', default: 'L' }, db: { type: 'string', default: 'sqlite' }, 'no-write': { type: 'boolean', default: false } } });
const size = values.size!.toUpperCase();

function dbUrl(): string {
  if (values.db === 'postgres') return Object.assign(new URL(process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:55432/postgres'), { pathname: `/bench_${size.toLowerCase()}` }).toString();
  const file = join(here, 'data', `${size}.sqlite`);
  if (!existsSync(file)) throw new Error(`${file} does not exist: run bench/generate.ts first`);
  return `sqlite:${file}`;
}

async function main() {
  const url = dbUrl();
  const database = openDatabase(url);
  const db = database.db;
  const planId = (await db.selectFrom('plan').select('id').executeTakeFirstOrThrow()).id;
  const nodes = Number((await db.selectFrom('plan_node').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const reports = Number((await db.selectFrom('report').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const busiest = await db
    .selectFrom('assignment')
    .innerJoin('app_user', 'app_user.unit_id', 'assignment.unit_id')
    .select(['assignment.unit_id', 'assignment.node_id', 'app_user.username'])
    .where('assignment.role', '=', 'lead')
    .where('app_user.username', 'like', 'b-u%-reporter')
    .limit(1)
    .executeTakeFirstOrThrow();
  // The tree of a large plan opens with parts and articles and loads a level when one is expanded.
  const article = (await db.selectFrom('plan_node').select('parent_id').where('id', '=', busiest.node_id).executeTakeFirstOrThrow()).parent_id;
  await database.close();

  const server = await startServer(`server ${size}`, url);
  const pid = server.proc.pid!;
  const phases: string[] = [];
  const note = (label: string) => {
    const r = rssOf(pid);
    phases.push(`${label} ${r.rss}`);
    console.log(`${label.padEnd(28)} RSS ${r.rss} MB (peak ${r.peak} MB)`);
  };
  try {
    note('started');
    const office = await login(server.base, 'bench-office', BENCH_PASSWORD);
    const reporter = await login(server.base, busiest.username, BENCH_PASSWORD);
    const get = async (path: string, s = office) => {
      const t = performance.now();
      const res = await fetch(server.base + path, { headers: s.headers });
      const body = await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${Buffer.from(body).toString().slice(0, 300)}`);
      return { ms: performance.now() - t, bytes: body.byteLength };
    };
    const first: string[] = [];
    const round = async (record: boolean) => {
      const steps: [string, string, typeof office][] = [
        ['my-tasks', `/api/plans/${planId}/my-tasks?role=lead&sort=dueOn&page=1&pageSize=20`, reporter],
        ['tree', `/api/plans/${planId}/nodes?view=tree`, office],
        ['tree level', `/api/plans/${planId}/nodes?view=tree&parentId=${article}`, office],
        ['node', `/api/plans/${planId}/nodes/${busiest.node_id}`, office],
        ['task reports', `/api/reports?nodeId=${busiest.node_id}&pageSize=20`, reporter],
        ['cockpit', `/api/plans/${planId}/cockpit`, office],
      ];
      for (const [name, path, s] of steps) {
        const r = await get(path, s);
        if (record) first.push(`${name} ${(r.ms / 1000).toFixed(2)} s (${(r.bytes / 1024).toFixed(0)} KB)`);
      }
    };
    await round(true);
    console.log(`first requests: ${first.join(', ')}`);
    note('after first requests');
    const ms: number[] = [];
    for (let i = 0; i < 100; i++) ms.push((await get(`/api/plans/${planId}/cockpit`)).ms);
    ms.sort((a, b) => a - b);
    const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!.toFixed(1);
    console.log(`cockpit sequential (100): p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, p99 ${q(0.99)} ms`);
    note('after 100 cockpit');
    for (let i = 0; i < 20; i++) await round(false);
    note('after 20 more rounds');
    const r = rssOf(pid);
    const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const line =
      `- ${when} — server RSS, size ${size} (${nodes.toLocaleString('en')} nodes, ${reports.toLocaleString('en')} reports), ${url.startsWith('sqlite') ? 'sqlite' : 'postgres'}, bundled server process alone: ` +
      `${phases.join(' → ')} MB; **peak ${r.peak} MB**. First requests: ${first.join(', ')}. Cockpit sequential ×100 after that: p50 ${q(0.5)} ms, **p95 ${q(0.95)} ms**, p99 ${q(0.99)} ms.`;
    console.log(line);
    if (!values['no-write']) appendFileSync(join(here, 'RESULTS.md'), `\n${line}\n`);
  } finally {
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);

/**
 * 任务分工表 import of 10,000 rows (issue 4 target: < 3 s, < 300 MB RSS), through the HTTP API.
 *
 *   npm run bench:import                       # fresh SQLite file bench/data/import.sqlite
 *   npm run bench:import -- --db postgres      # fresh database bench_import on TEST_PG_URL's server
 *   options: --rows 10000 --no-write (print only; otherwise a line is appended to bench/RESULTS.md)
 *
 * The workbook has the shape offices send: a title, a header, sections matching the Decision's articles
 * (一、…), and key tasks merged down over five 具体工作 rows each (2,000 key tasks → 2,000 tasks with
 * 10,000 sub-tasks), lead and supporting units by name, deadlines as text. The server runs as its own
 * process (`src/cli.ts start`, see server-process.ts), so its RSS (/proc VmRSS every 20 ms, and VmHWM)
 * is the server's alone; the workbook is built here before the timed preview and apply.
 */
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { migrateToLatest, openDatabase } from '../src/db/connect';
import { loadShippedData } from '../src/seed/load-shipped-data';
import { SYSTEM_ACTOR, type ServiceContext } from '../src/services/context';
import { createUser } from '../src/services/users';
import { ADMIN_PASSWORD, BENCH_PASSWORD } from './generate';
import { login, rssOf, startServer } from './server-process';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({ strict: false, options: { db: { type: 'string', default: 'sqlite' }, rows: { type: 'string', default: '10000' }, 'no-write': { type: 'boolean', default: false } } });
let ROWS = Number(values.rows);
export const setRows = (n: number) => (ROWS = n);
const WORKS_PER_TASK = 5;
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];

async function freshUrl(): Promise<string> {
  if (values.db === 'postgres') {
    const base = new URL(process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:55432/postgres');
    const c = new pg.Client({ connectionString: base.toString() });
    await c.connect();
    await c.query('drop database if exists bench_import with (force)');
    await c.query('create database bench_import');
    await c.end();
    return Object.assign(base, { pathname: '/bench_import' }).toString();
  }
  const file = join(here, 'data', 'import.sqlite');
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) rmSync(f);
  return `sqlite:${file}`;
}

export async function buildWorkbook(articles: { title: string }[], units: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('重点任务分工');
  ws.columns = [6, 24, 36, 22, 26, 16, 12].map((width) => ({ width }));
  ws.getRow(1).values = ['《关于加快推动成渝地区双城经济圈建设的决定》重点任务分工方案（基准测试）'];
  ws.mergeCells('A1:G1');
  ws.getRow(3).values = ['序号', '重点任务', '具体工作', '牵头单位', '配合单位', '完成时限', '备注'];
  let r = 4;
  let seq = 0;
  let written = 0;
  const keyTasks = Math.ceil(ROWS / WORKS_PER_TASK);
  const perSection = Math.ceil(keyTasks / articles.length);
  for (let s = 0; s < articles.length && written < ROWS; s++) {
    ws.getRow(r).values = [`${NUMERALS[s] ?? s + 1}、${articles[s]!.title}`];
    ws.mergeCells(r, 1, r, 7);
    r++;
    for (let k = 0; k < perSection && written < ROWS; k++) {
      seq++;
      const first = r;
      const n = Math.min(WORKS_PER_TASK, ROWS - written);
      for (let w = 0; w < n; w++) {
        const year = 2021 + ((seq + w) % 5);
        ws.getRow(r).values = [
          w === 0 ? seq : null,
          w === 0 ? `重点任务${seq}：推进第${seq}项协同发展工作` : null,
          `具体工作${seq}-${w + 1}：完成第${w + 1}阶段目标`,
          units[(seq + w) % units.length],
          `${units[(seq + w + 7) % units.length]}、${units[(seq + w + 13) % units.length]}`,
          `${year}年${1 + ((seq + w) % 12)}月底前`,
        ];
        r++;
        written++;
      }
      if (n > 1) {
        ws.mergeCells(first, 1, r - 1, 1);
        ws.mergeCells(first, 2, r - 1, 2);
      }
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** CPU seconds (user + system) a process has used so far, from /proc; null when it cannot be read. */
function cpuSecondsOf(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * CPU used by the server process and, on PostgreSQL, by the backends serving it (the server must run on
 * this machine for /proc to show them). On a shared machine wall time follows the load; CPU time much less.
 */
async function cpuMeter(serverPid: number, dbUrl: string) {
  const pgClient = dbUrl.startsWith('postgres') ? new pg.Client({ connectionString: dbUrl }) : null;
  await pgClient?.connect();
  const backends = async (): Promise<number[]> =>
    pgClient ? (await pgClient.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()')).rows.map((r) => r.pid) : [];
  const sample = async () => new Map([serverPid, ...(await backends())].map((p) => [p, cpuSecondsOf(p)]));
  return {
    async start() {
      const before = await sample();
      return async () => {
        const after = await sample();
        const used = (p: number) => (after.get(p) ?? NaN) - (before.get(p) ?? 0);
        const db = [...after.keys()].filter((p) => p !== serverPid).reduce((n, p) => n + used(p), 0);
        return { server: used(serverPid), db: pgClient ? db : null };
      };
    },
    close: () => pgClient?.end(),
  };
}

function multipart(file: Buffer): { body: Buffer; type: string } {
  const boundary = '----bench' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="分工表.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

async function main() {
  const url = await freshUrl();
  const database = openDatabase(url);
  await migrateToLatest(database.db);
  const ctx: ServiceContext = { db: database.db, dialect: database.dialect, clock: () => new Date(), security: { lockout: { threshold: 1000, minutes: 1 }, sessionIdleMinutes: 480 } };
  await loadShippedData(ctx, { adminPassword: ADMIN_PASSWORD });
  const officeUnit = (await ctx.db.selectFrom('unit').select('id').where('name', '=', '省推进成渝地区双城经济圈建设办公室').executeTakeFirstOrThrow()).id;
  await createUser(ctx, SYSTEM_ACTOR, { username: 'bench-office', displayName: '基准办公室', unitId: officeUnit, roles: ['office'], password: BENCH_PASSWORD }, { mustChangePassword: false });
  const planId = (await ctx.db.selectFrom('plan').select('id').executeTakeFirstOrThrow()).id;
  const articles = await ctx.db.selectFrom('plan_node').select(['title']).where('plan_id', '=', planId).where('kind', '=', 'article').where('deleted_at', 'is', null).orderBy('sort_key').execute();
  // Provincial departments only: a city name alone is a group the office would be asked about.
  const units = (await ctx.db.selectFrom('unit').select('name').where('name', 'like', '省%').orderBy('sort_order').execute()).map((u) => u.name).filter((n) => !n.includes('办公室'));
  const nodesBefore = Number((await ctx.db.selectFrom('plan_node').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  await database.close();
  const workbook = await buildWorkbook(articles, units);
  const server = await startServer('import', url);
  const base = server.base;
  const pid = server.proc.pid!;
  try {
    const workbook = await buildWorkbook(articles, units);
    const { headers } = await login(base, 'bench-office', BENCH_PASSWORD);
    const post = async (step: 'preview' | 'apply') => {
      const { body, type } = multipart(workbook);
      const res = await fetch(`${base}/api/plans/${planId}/imports/task-division/${step}`, { method: 'POST', headers: { ...headers, 'content-type': type }, body: new Uint8Array(body) });
      const json = (await res.json()) as Record<string, unknown>;
      if (res.status !== 200) throw new Error(`${step}: ${res.status} ${JSON.stringify(json).slice(0, 1000)}`);
      return json;
    };

    const cpu = await cpuMeter(pid, url);
    const before = rssOf(pid);
    let rssPeak = before.rss;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssOf(pid).rss)), 20);
    let stopCpu = await cpu.start();
    let t = performance.now();
    const preview = await post('preview');
    const previewMs = performance.now() - t;
    const previewCpu = await stopCpu();
    const blocking = (preview.blocking as unknown[]).length;
    if (blocking) throw new Error(`preview has ${blocking} blocking problems: ${JSON.stringify(preview.blocking).slice(0, 800)}`);
    stopCpu = await cpu.start();
    t = performance.now();
    const applied = await post('apply');
    const applyMs = performance.now() - t;
    const applyCpu = await stopCpu();
    await cpu.close();
    clearInterval(sampler);
    const after = rssOf(pid);
    const check = openDatabase(url);
    const nodesAfter = Number((await check.db.selectFrom('plan_node').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const cpuText = (c: { server: number; db: number | null }) => `server ${c.server.toFixed(2)} s` + (c.db === null ? '' : ` + PostgreSQL ${c.db.toFixed(2)} s`);
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    const line =
      `- ${when} — import of a ${ROWS.toLocaleString('en')}-row 任务分工表 (${(workbook.length / 1024).toFixed(0)} KB xlsx; ${JSON.stringify(preview.counts)}), ${ctx.dialect}: ` +
      `preview **${(previewMs / 1000).toFixed(2)} s**, apply **${(applyMs / 1000).toFixed(2)} s** (total ${((previewMs + applyMs) / 1000).toFixed(2)} s; ` +
      `created ${JSON.stringify(applied)}; plan nodes ${nodesBefore} → ${nodesAfter}); CPU preview ${cpuText(previewCpu)}, apply ${cpuText(applyCpu)}; load average ${load}; server process RSS ${before.rss} MB before, **peak ${Math.max(rssPeak, after.peak)} MB** (VmHWM since start ${after.peak} MB), ${after.rss} MB after`;
    await check.close();
    console.log(line);
    if (!values['no-write']) appendFileSync(join(here, 'RESULTS.md'), `\n${line}\n`);
  } finally {
    await server.stop();
  }
}

const isMain = Boolean(process.argv[1]) && import.meta.url === pathToFileURL(resolve(process.argv[1]!)).href;
if (isMain) main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/connect';
import { buildTestApp, type TestApp } from '../helpers/build-test-app';
import { testDialects } from '../helpers/test-db';
import { ROOT, serverCommand } from './child-server';

const run = promisify(execFile);
const PG_BIN = '/usr/lib/postgresql/15/bin';
const cli = (args: string[], env: Record<string, string>) =>
  run(process.execPath, [...serverCommand(), ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent', ...env } }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

/** Every row of every table, order-independent: a digest per table, so a difference names its table. */
async function contentDigest(db: Database): Promise<Record<string, string>> {
  const tables = (await db.db.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith('kysely_')).sort();
  const out: Record<string, string> = {};
  for (const name of tables) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db.db)).rows;
    const lines = rows.map((r) => JSON.stringify(Object.keys(r).sort().map((k) => [k, Buffer.isBuffer(r[k]) ? createHash('sha256').update(r[k] as Buffer).digest('hex') : r[k]]))).sort();
    out[name] = `${rows.length}:${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`;
  }
  return out;
}

/** A database with a bit of everything: the shipped plan, a cycle with a saved report and an image, a meeting, audit entries. */
async function populated(dialect: 'sqlite' | 'postgres'): Promise<TestApp> {
  const t = await buildTestApp(dialect);
  const office = await t.as('office1');
  const reporter = await t.as('reporter1');
  const fgw = (await t.ctx.db.selectFrom('unit').select('id').where('name', '=', '省发展改革委').executeTakeFirstOrThrow()).id;
  const task = await t.ctx.db.selectFrom('plan_node').select(['id', 'version']).where('kind', '=', 'task').orderBy('sort_key').executeTakeFirstOrThrow();
  await office.request({ method: 'PUT', url: `/api/plans/${t.planId}/nodes/${task.id}/assignments`, payload: { version: Number(task.version), leads: [fgw], participants: [] } });
  const cycle = (await office.post(`/api/plans/${t.planId}/cycles`, { frequency: 'monthly', year: 2026, index: 11 })).json() as { id: string };
  const report = await t.ctx.db.selectFrom('report').select(['id', 'version']).where('cycle_id', '=', cycle.id).executeTakeFirstOrThrow();
  expect((await reporter.patch(`/api/reports/${report.id}`, { version: Number(report.version), narrative: '成渝中线高铁可研已报国家发展改革委', progressPct: 40 })).statusCode).toBe(200);
  expect((await office.post(`/api/plans/${t.planId}/meetings`, { layer: 'decision', title: '川渝党政联席会议', heldOn: '2026-10-01', body: '川渝党政联席会议' })).statusCode).toBe(201);
  return t;
}

const DIALECTS = testDialects();

describe.runIf(DIALECTS.includes('sqlite'))('[sqlite] backup → restore through the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sc-backup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('restores exactly the content that was backed up, after the live database changed', async () => {
    const t = await populated('sqlite');
    // The test app's scratch file, found through SQLite itself; the app is stopped, as a restore requires.
    const path = (await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(t.ctx.db)).rows[0]!.file;
    await t.app.close();
    await t.database.close();
    const copy = join(dir, 'live.db');
    await run('cp', [path, copy]);
    await t.close().catch(() => undefined);
    const env = { DATABASE_URL: `sqlite:${copy}` };

    const before = await digestOfFile(copy);
    const backup = join(dir, 'backup.db');
    const b = await cli(['backup', backup], env);
    expect(b.code, b.stderr).toBe(0);
    // The live database moves on after the backup…
    const live = openDatabase(`sqlite:${copy}`);
    await live.db.updateTable('report').set({ narrative: '备份之后的修改' }).execute();
    await live.db.deleteFrom('meeting').execute();
    await live.close();
    expect(await digestOfFile(copy)).not.toEqual(before);
    // … and the restore brings back exactly what was backed up, table by table.
    const r = await cli(['restore', backup], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('restored');
    expect(await digestOfFile(copy)).toEqual(before);
    const verify = await cli(['verify-audit'], env);
    expect(verify.code, verify.stderr).toBe(0);
  }, 120_000);
});

/** Opens, digests and closes: no connection may stay open across a restore, which replaces the file. */
async function digestOfFile(file: string): Promise<Record<string, string>> {
  const d = openDatabase(`sqlite:${file}`);
  try {
    return await contentDigest(d);
  } finally {
    await d.close();
  }
}

describe.runIf(DIALECTS.includes('postgres'))('[postgres] backup → restore with the pg_dump route the command line prints', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sc-pgbackup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.runIf(existsSync(join(PG_BIN, 'pg_dump')))('pg_dump → pg_restore into an empty database gives identical content', async () => {
    const t = await populated('postgres');
    const url = new URL(process.env.TEST_PG_URL!);
    const dbName = (await sql<{ d: string }>`select current_database() as d`.execute(t.ctx.db)).rows[0]!.d;
    const source = new URL(url);
    source.pathname = `/${dbName}`;
    const before = await contentDigest(t.database);
    // The CLI does not dump PostgreSQL itself: it prints the pg_dump command, which is what is run here.
    const printed = await cli(['backup', join(dir, 'x.dump')], { DATABASE_URL: source.toString() });
    expect(printed.stdout).toContain('pg_dump --format=custom');
    const dump = join(dir, 'shuangcheng.dump');
    await run(join(PG_BIN, 'pg_dump'), ['--format=custom', `--file=${dump}`, source.toString()]);
    const target = new URL(url);
    target.pathname = `/${dbName}_restored`;
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    await admin.query(`create database ${dbName}_restored`);
    try {
      await run(join(PG_BIN, 'pg_restore'), ['--no-owner', `--dbname=${target.toString()}`, dump]);
      const restored = openDatabase(target.toString());
      try {
        expect(await contentDigest(restored)).toEqual(before);
      } finally {
        await restored.close();
      }
      const verify = await cli(['verify-audit'], { DATABASE_URL: target.toString() });
      expect(verify.code, verify.stderr).toBe(0);
    } finally {
      await t.close();
      await admin.query(`drop database if exists ${dbName}_restored with (force)`);
      await admin.end();
    }
  }, 120_000);
});

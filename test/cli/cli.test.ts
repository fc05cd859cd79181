import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'sc-cli-'));
const env = { ...process.env, SHUANGCHENG_DATA_DIR: dir, SHUANGCHENG_ADMIN_PASSWORD: 'Cli-admin-2026', LOG_LEVEL: 'silent' };
const cli = (args: string[], extraEnv: Record<string, string> = {}) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { env: { ...env, ...extraEnv }, cwd: join(import.meta.dirname, '../..') }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

describe('the command line', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('seeds once, then finds nothing to apply', async () => {
    const first = await cli(['seed']);
    expect(first.stdout).toContain('applied: units, divisions, platforms, plan, network');
    const again = await cli(['seed']);
    expect(again.stdout).toContain('applied: -');
  });

  it('creates a user from the command line, refusing unknown roles', async () => {
    expect((await cli(['create-user', '--username', 'cdreport', '--unit', '成都市', '--roles', 'reporter', '--password', 'Chengdu-2026x'])).stdout).toContain('created cdreport (reporter) in 成都市');
    expect((await cli(['create-user', '--username', 'x1', '--unit', '成都市', '--roles', 'boss', '--password', 'Chengdu-2026x'])).code).toBe(2);
  });

  it('backs up a live database consistently and restores it', async () => {
    const backup = join(dir, 'backup.db');
    expect((await cli(['backup', backup])).code).toBe(0);
    const copy = new SQLite(backup, { readonly: true });
    expect((copy.prepare('select count(*) n from app_user').get() as { n: number }).n).toBe(2);
    copy.close();
    const live = new SQLite(join(dir, 'shuangcheng.db'));
    live.prepare("delete from session").run();
    live.prepare("update app_user set display_name = 'changed' where username = 'cdreport'").run();
    live.close();
    const restored = await cli(['restore', backup]);
    expect(restored.stdout).toContain('restored');
    const back = new SQLite(join(dir, 'shuangcheng.db'), { readonly: true });
    expect((back.prepare("select display_name from app_user where username = 'cdreport'").get() as { display_name: string }).display_name).toBe('cdreport');
    back.close();
  });

  it('verify-audit passes on an intact log and exits 1 naming the first tampered entry', async () => {
    const ok = await cli(['verify-audit']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/audit chain intact: \d+ entries/);
    const db = new SQLite(join(dir, 'shuangcheng.db'));
    db.prepare("update audit_log set actor_name = 'intruder', action = 'x' where id = 5").run();
    db.close();
    const broken = await cli(['verify-audit']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('BROKEN at entry 5');
  });

  it('stops at boot with every bad setting listed', async () => {
    const r = await cli(['migrate'], { PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PORT');
    expect(r.stderr).toContain('DATABASE_URL');
  });

  it('prints the pg_dump route for PostgreSQL backups', async () => {
    const r = await cli(['backup', 'x.dump'], { DATABASE_URL: 'postgres://u@127.0.0.1:1/none' });
    expect(r.stdout).toContain('pg_dump --format=custom');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Dialect } from '../../src/db/connect';
import { writeTaskDivisionSheet } from '../../src/documents/task-division';
import { loadShippedData } from '../../src/seed/load-shipped-data';
import { SYSTEM_ACTOR, type ServiceContext } from '../../src/services/context';
import { createUser } from '../../src/services/users';
import { scratchDatabase, testDialects, type ScratchDatabase } from '../helpers/test-db';
import { call, login, startChildServer, type ChildServer, type Session } from './child-server';

const PASSWORD = 'Crash-test-2026';
const ADMIN_PASSWORD = 'Crash-admin-2026';
const ROWS = 1_000;

/** A fresh database with the shipped plan and three users, prepared in this process; the server under test runs as a child. */
async function prepare(dialect: Dialect): Promise<ScratchDatabase> {
  const scratch = await scratchDatabase(dialect);
  const database = openDatabase(scratch.url);
  await migrateToLatest(database.db);
  const ctx: ServiceContext = { db: database.db, dialect: database.dialect, clock: () => new Date(), security: { lockout: { threshold: 50, minutes: 1 }, sessionIdleMinutes: 60 } };
  await loadShippedData(ctx, { adminPassword: ADMIN_PASSWORD });
  const unit = async (name: string) => (await ctx.db.selectFrom('unit').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  await createUser(ctx, SYSTEM_ACTOR, { username: 'crash-office', displayName: 'office', unitId: await unit('省推进成渝地区双城经济圈建设办公室'), roles: ['office'], password: PASSWORD }, { mustChangePassword: false });
  await createUser(ctx, SYSTEM_ACTOR, { username: 'crash-reporter', displayName: 'reporter', unitId: await unit('省发展改革委'), roles: ['reporter'], password: PASSWORD }, { mustChangePassword: false });
  await createUser(ctx, SYSTEM_ACTOR, { username: 'crash-auditor', displayName: 'auditor', unitId: await unit('省推进成渝地区双城经济圈建设办公室'), roles: ['admin'], password: PASSWORD }, { mustChangePassword: false });
  await database.close();
  return scratch;
}

async function importWorkbook(prefix: string): Promise<Buffer> {
  return writeTaskDivisionSheet({
    title: '崩溃测试任务分工方案',
    sections: [{ title: '加强交通基础设施建设', tasks: Array.from({ length: ROWS }, (_, i) => ({ title: `${prefix}任务${i + 1}`, lead: ['省发展改革委'], participants: [], deadlineText: '2026年底前', works: [] })) }],
  });
}

describe.each(testDialects())('[%s] SIGKILL in the middle of writes', (dialect) => {
  let scratch: ScratchDatabase;
  let server: ChildServer;
  const restart = async () => {
    const t0 = Date.now();
    server = await startChildServer(scratch.url, { SHUANGCHENG_ADMIN_PASSWORD: ADMIN_PASSWORD, LOG_LEVEL: 'silent' });
    console.log(`[${dialect}] server up in ${Date.now() - t0} ms`);
  };
  const consistent = async () => {
    const auditor = await login(server.base, 'crash-auditor', PASSWORD);
    return call(server.base, auditor, 'GET', '/api/audit/verify');
  };

  beforeAll(async () => {
    scratch = await prepare(dialect);
    await restart();
  }, 120_000);
  afterAll(async () => {
    await server.kill();
    await scratch.drop();
  });

  it(`an import of ${ROWS} rows killed mid-flight is all or nothing, and the audit chain verifies`, async () => {
    const office = await login(server.base, 'crash-office', PASSWORD);
    const plans = (await call(server.base, office, 'GET', '/api/plans')).json as { items: { id: string }[] };
    const planId = plans.items[0]!.id;
    const post = (step: string, file: Buffer, s: Session) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(file)]), '分工表.xlsx');
      return fetch(`${server.base}/api/plans/${planId}/imports/task-division/${step}`, { method: 'POST', headers: s.headers, body: form });
    };
    // A complete apply first: how long one takes, and the "all" of all-or-nothing.
    const full = await post('apply', await importWorkbook('完整-'), office);
    expect(full.status, await full.clone().text()).toBe(200);
    // Timed warm: the first apply pays for JIT and caches, and later ones run faster.
    const warm = await importWorkbook('完整2-');
    const t0 = Date.now();
    expect((await post('apply', warm, office)).status).toBe(200);
    const applyMs = Date.now() - t0;
    console.log(`[${dialect}] apply of ${ROWS} rows: ${applyMs} ms`);

    // Then kills at points through a second apply (reading comes first, the one writing transaction last).
    let interrupted = 0;
    const fractions = [0.5, 0.35, 0.65, 0.2, 0.1];
    for (let attempt = 0; attempt < fractions.length && interrupted < 1; attempt++) {
      const prefix = `崩溃${attempt}-`;
      const file = await importWorkbook(prefix);
      const s = await login(server.base, 'crash-office', PASSWORD);
      let answered = false;
      const apply = post('apply', file, s).then(
        (r) => void (answered = r.status === 200),
        () => undefined,
      );
      const delay = Math.round(applyMs * fractions[attempt]!);
      await new Promise((r) => setTimeout(r, delay));
      const wasAnswered = answered;
      await server.kill();
      await apply;
      await restart();
      const admin = await login(server.base, 'crash-auditor', PASSWORD);
      expect((await call(server.base, admin, 'GET', '/api/audit/verify')).json, `attempt ${attempt}`).toMatchObject({ ok: true });
      const database = openDatabase(scratch.url);
      const n = Number((await database.db.selectFrom('plan_node').select((eb) => eb.fn.countAll().as('n')).where('title', 'like', `${prefix}%`).executeTakeFirstOrThrow()).n);
      await database.close();
      console.log(`[${dialect}] attempt ${attempt}: killed after ${delay} ms, answered ${wasAnswered}, ${n} rows visible`);
      // All or nothing: every row, or none at all; an answered import is never lost.
      expect([0, ROWS], `attempt ${attempt}: ${n} of ${ROWS} rows visible`).toContain(n);
      if (wasAnswered) expect(n).toBe(ROWS);
      // Proof that a kill landed before the commit: nothing visible and no answer.
      if (!wasAnswered && n === 0) interrupted++;
    }
    expect(interrupted, 'at least one import was killed before it committed').toBeGreaterThan(0);
  }, 180_000);

  it('a burst of report saves killed mid-flight leaves the report and its audit trail in step', async () => {
    const office = await login(server.base, 'crash-office', PASSWORD);
    const planId = ((await call(server.base, office, 'GET', '/api/plans')).json as { items: { id: string }[] }).items[0]!.id;
    const database = openDatabase(scratch.url);
    const fgw = (await database.db.selectFrom('unit').select('id').where('name', '=', '省发展改革委').executeTakeFirstOrThrow()).id;
    const task = await database.db.selectFrom('plan_node').select(['id', 'version']).where('kind', '=', 'task').where('deleted_at', 'is', null).where('title', 'not like', '崩溃%').orderBy('sort_key').executeTakeFirstOrThrow();
    await database.close();
    expect((await call(server.base, office, 'PUT', `/api/plans/${planId}/nodes/${task.id}/assignments`, { version: Number(task.version), leads: [fgw], participants: [] })).status).toBe(200);
    const cycle = await call(server.base, office, 'POST', `/api/plans/${planId}/cycles`, { frequency: 'monthly', year: 2026, index: 11 });
    expect(cycle.status).toBe(201);
    const reporter = await login(server.base, 'crash-reporter', PASSWORD);
    const reports = (await call(server.base, reporter, 'GET', `/api/reports?cycleId=${String(cycle.json.id)}&nodeId=${task.id}`)).json as { items: { id: string }[] };
    const reportId = reports.items[0]!.id;

    let acknowledged = 0;
    let stop = false;
    const burst = (async () => {
      let version = ((await call(server.base, reporter, 'GET', `/api/reports/${reportId}`)).json as { version: number }).version;
      for (let i = 0; !stop && i < 10_000; i++) {
        const r = await call(server.base, reporter, 'PATCH', `/api/reports/${reportId}`, { version, narrative: `第${i}次保存：${'进展'.repeat(200)}`, progressPct: i % 100 }).catch(() => null);
        if (!r || r.status !== 200) return;
        acknowledged++;
        version = (r.json as { version: number }).version;
      }
    })();
    await new Promise((r) => setTimeout(r, 1_000));
    await server.kill();
    stop = true;
    await burst;
    await restart();
    expect((await consistent()).json).toMatchObject({ ok: true });
    const db = openDatabase(scratch.url);
    const row = await db.db.selectFrom('report').select(['version', 'narrative']).where('id', '=', reportId).executeTakeFirstOrThrow();
    const saves = await db.db.selectFrom('audit_log').select(['after']).where('entity_id', '=', reportId).where('action', '=', 'report.save').orderBy('id', 'desc').execute();
    await db.close();
    expect(acknowledged).toBeGreaterThan(0);
    // Every save the server acknowledged is there; at most one more (committed as the kill landed).
    expect(saves.length).toBeGreaterThanOrEqual(acknowledged);
    expect(saves.length).toBeLessThanOrEqual(acknowledged + 1);
    expect(Number(row.version)).toBe(1 + saves.length);
    expect(JSON.parse(saves[0]!.after!)).toMatchObject({ narrative: row.narrative, version: Number(row.version) });
  }, 120_000);
});

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendAgreementExpiryReminders } from '../../src/jobs/agreement-reminders';
import { tick } from '../../src/jobs/job-runner';
import { buildTestApp, type Client, type TestApp } from '../helpers/build-test-app';
import { testDialects } from '../helpers/test-db';

// Issue 8, second part: decision counts on the meetings list, the cockpit's coordination card, links
// from requests and agreements to tasks and major projects, the way back from a task to its source,
// and the agreements' expiry reminders.
interface Counts {
  total: number;
  done: number;
  onTrack: number;
  late: number;
}

describe.each(testDialects())('[%s] coordination: counts, links and reminders', (dialect) => {
  let t: TestApp;
  let office: Client;
  let reporter: Client;
  let viewer: Client;
  const now = new Date('2026-10-01T02:00:00Z');
  let units: Map<string, string>;
  let meetingId: string;
  const decisionIds: string[] = [];
  const projectTitle = new Map<string, string>();
  const zx = () => ({ id: 'chengyu-zhongxian', title: projectTitle.get('chengyu-zhongxian')! });
  const gt = () => ({ id: 'chengyu-gaotie', title: projectTitle.get('chengyu-gaotie')! });

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: () => now });
    office = await t.as('office1');
    reporter = await t.as('reporter1');
    viewer = await t.as('viewer1');
    units = new Map((await t.ctx.db.selectFrom('unit').select(['id', 'name']).execute()).map((u) => [u.name, u.id]));
    // Two projects of the library (shipped with these ids; added here if the library ships none).
    for (const [id, title] of [['chengyu-zhongxian', '成渝中线高铁'], ['chengyu-gaotie', '成渝高铁']] as const) {
      const have = await t.ctx.db.selectFrom('project').select('title').where('id', '=', id).executeTakeFirst();
      if (!have) {
        await t.ctx.db
          .insertInto('project')
          .values({ id, title, category: 'transport', phase: 'construction', side: 'joint', origin: 'shipped', created_at: now.toISOString(), updated_at: now.toISOString() } as never)
          .execute();
      }
      projectTitle.set(id, have?.title ?? title);
    }
  });
  afterAll(() => t.close());

  it('lists meetings with their decisions done / on track / late, in one page answer', async () => {
    const m = (await office.post(`/api/plans/${t.planId}/meetings`, { layer: 'execution', title: '交通专项工作组第三次会议', heldOn: '2026-09-20', body: '交通专项工作组' })).json() as { id: string };
    meetingId = m.id;
    await office.post(`/api/plans/${t.planId}/meetings`, { layer: 'coordination', title: '领导小组办公室会议', heldOn: '2026-09-25', body: '领导小组办公室' });
    for (const title of ['推进成渝中线高铁沿线站城一体化规划', '协调成达万高铁重庆段征地拆迁']) {
      const d = await office.post(`/api/meetings/${meetingId}/decisions`, { title, leads: [units.get('省发展改革委')], closureEvidence: '规划批复文件', dueOn: '2026-12-31' });
      expect(d.statusCode).toBe(201);
      decisionIds.push((d.json() as { nodeId: string }).nodeId);
    }
    const list = (await viewer.get(`/api/plans/${t.planId}/meetings`)).json() as { items: { id: string; counts: Counts }[] };
    expect(list.items.map((i) => [i.id === meetingId, i.counts])).toEqual([
      [false, { total: 0, done: 0, onTrack: 0, late: 0 }],
      [true, { total: 2, done: 0, onTrack: 2, late: 0 }],
    ]);
  });

  it('links a national request to tasks and projects, checks them, shows them and audits changes', async () => {
    const body = { title: '争取成渝中线高铁纳入国家中长期铁路网规划', type: 'project', addressedTo: '国家发展改革委', leadUnitId: units.get('省发展改革委'), nodeIds: [decisionIds[0]], projectIds: ['chengyu-zhongxian'] };
    expect((await office.post(`/api/plans/${t.planId}/national-requests`, { ...body, projectIds: ['no-such-project'] })).json()).toMatchObject({ error: { code: 'PROJECT_NOT_FOUND' } });
    const res = await office.post(`/api/plans/${t.planId}/national-requests`, body);
    expect(res.statusCode).toBe(201);
    const created = res.json() as { id: string; version: number; nodes: { id: string; code: string; title: string }[]; projects: unknown[]; projectIds: string[] };
    expect(created.nodes).toEqual([expect.objectContaining({ id: decisionIds[0], title: '推进成渝中线高铁沿线站城一体化规划' })]);
    expect(created.projects).toEqual([zx()]);

    const stale = { version: created.version, projectIds: ['chengyu-gaotie', 'chengyu-zhongxian'], nodeIds: decisionIds };
    const updated = (await office.patch(`/api/national-requests/${created.id}`, stale)).json() as { version: number; projectIds: string[]; nodes: unknown[] };
    expect(updated.projectIds.sort()).toEqual(['chengyu-gaotie', 'chengyu-zhongxian']);
    expect(updated.nodes).toHaveLength(2);
    expect((await office.patch(`/api/national-requests/${created.id}`, stale)).statusCode).toBe(409);
    expect((await reporter.patch(`/api/national-requests/${created.id}`, { ...stale, version: updated.version })).statusCode).toBe(403);

    const admin = await t.as('admin');
    const trail = (await admin.get(`/api/audit?entityId=${created.id}`)).json() as { items: { action: string; before: unknown; after: unknown }[] };
    expect(trail.items.map((i) => i.action).sort()).toEqual(['national_request.create', 'national_request.update']);

    const page = (await viewer.get(`/api/plans/${t.planId}/national-requests`)).json() as { items: { projects: { title: string }[] }[] };
    expect(page.items[0]!.projects.map((p) => p.title).sort()).toEqual([zx().title, gt().title].sort());
    const xlsx = await viewer.get(`/api/plans/${t.planId}/national-requests/export`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const row = wb.worksheets[0]!.getRow(2).values as unknown[];
    expect(row.slice(-2)).toEqual([expect.stringContaining('、'), page.items[0]!.projects.map((p) => p.title).join('、')]);
  });

  it('an agreement has major projects among its matters; edits are versioned and audited', async () => {
    const party = units.get('省发展改革委')!;
    const res = await office.post(`/api/plans/${t.planId}/agreements`, {
      title: '共建成渝中线高铁合作协议',
      parties: [{ name: '四川省发展改革委', side: 'sichuan', unitId: party }, { name: '重庆市发展改革委', side: 'chongqing' }],
      level: '部门间',
      signedOn: '2024-11-20',
      termUntil: '2026-11-15',
      projectIds: ['chengyu-zhongxian'],
    });
    expect(res.statusCode).toBe(201);
    const a = res.json() as { id: string; version: number; projects: unknown[] };
    expect(a.projects).toEqual([zx()]);
    const edited = await office.patch(`/api/agreements/${a.id}`, { version: a.version, title: '共建成渝中线高铁战略合作协议', projectIds: ['chengyu-gaotie'] });
    expect(edited.json()).toMatchObject({ version: 2, title: '共建成渝中线高铁战略合作协议', projectIds: ['chengyu-gaotie'] });
    expect((await office.patch(`/api/agreements/${a.id}`, { version: 1, level: '省市级' })).json()).toMatchObject({ error: { code: 'VERSION_CONFLICT' } });
    expect((await office.patch(`/api/agreements/${a.id}`, { version: 2, projectIds: ['nope'] })).statusCode).toBe(404);
    const admin = await t.as('admin');
    const trail = (await admin.get(`/api/audit?entityId=${a.id}`)).json() as { items: { action: string; before: Record<string, unknown> | null }[] };
    const update = trail.items.find((i) => i.action === 'agreement.update')!;
    expect(update.before).toMatchObject({ projectIds: ['chengyu-zhongxian'], title: '共建成渝中线高铁合作协议' });
  });

  it('the cockpit card counts requests, decisions and agreements (expiring within 60 days)', async () => {
    const card = await viewer.get(`/api/plans/${t.planId}/cockpit/coordination`);
    expect(card.statusCode).toBe(200);
    expect(card.json()).toEqual({
      asOf: '2026-10-01',
      requests: { total: 1, byStatus: { drafting: 1, submitted: 0, under_consideration: 0, approved: 0, partly_approved: 0, not_approved: 0 } },
      decisions: { total: 2, done: 0, onTrack: 2, late: 0 },
      agreements: { total: 1, byStatus: { no_matters: 1, in_progress: 0, lagging: 0, completed: 0 }, expiringSoon: 1, expiringWithinDays: 60 },
    });
    expect((await viewer.get('/api/plans/no-such-plan/cockpit/coordination')).statusCode).toBe(404);
  });

  it('every task view carries its source, for the one click back', async () => {
    const status = (await viewer.get(`/api/plans/${t.planId}/status`)).json() as { items: { nodeId: string; sourceKind: string | null; sourceId: string | null }[] };
    const mine = status.items.find((i) => i.nodeId === decisionIds[0])!;
    expect(mine).toMatchObject({ sourceKind: 'meeting_decision', sourceId: meetingId });
    expect(status.items.filter((i) => i.sourceKind === null).length).toBeGreaterThan(100);
    const node = (await viewer.get(`/api/plans/${t.planId}/nodes/${decisionIds[1]}`)).json() as { sourceKind: string; sourceId: string };
    expect(node).toMatchObject({ sourceKind: 'meeting_decision', sourceId: meetingId });
  });

  it('reminds the office and the parties once before an agreement expires', async () => {
    const notes = async (c: Client) => ((await c.get('/api/notifications')).json() as { items: { kind: string; title: string; link: string }[] }).items.filter((i) => i.kind === 'agreement_expiring');
    expect(await sendAgreementExpiryReminders(t.ctx.db, '2026-10-01', now.toISOString(), 30)).toEqual({ agreements: 0, notified: 0 });
    await Promise.all([tick({ ctx: t.ctx, smtp: null, workerId: 'a' }), tick({ ctx: t.ctx, smtp: null, workerId: 'b' })]);
    const first = await notes(office);
    expect(first).toEqual([expect.objectContaining({ title: expect.stringContaining('2026-11-15'), link: expect.stringMatching(/^\/agreements\?open=/) })]);
    expect(await notes(reporter)).toHaveLength(1); // reporter1's unit is a party
    expect(await notes(viewer)).toHaveLength(0);
    // a second run the same or the next day says nothing new
    expect((await sendAgreementExpiryReminders(t.ctx.db, '2026-10-02', now.toISOString())).notified).toBe(0);
    expect(await notes(office)).toHaveLength(1);
  });
});

import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../helpers/build-test-app';
import { testDialects } from '../helpers/test-db';

interface Node {
  id: string;
  kind: string;
  code: string;
  title: string;
  version: number;
  completedOn: string | null;
}
interface Report {
  id: string;
  state: string;
  version: number;
  role: string;
  unitName: string;
  allowedActions: string[];
  editable: boolean;
  returnComment: string | null;
  contributions: { unitName: string; state: string }[];
  attachments: { id: string; hasThumbnail: boolean; mime: string }[];
}

function multipart(fileName: string, content: Buffer) {
  const boundary = '----sc' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(testDialects())('[%s] reporting cycles and the review workflow', (dialect) => {
  let t: TestApp;
  let office: Client;
  let reporter: Client;
  let lead: Client;
  let chengdu: Client;
  let task: Node;
  let milestone: Node;
  let units: Map<string, string>;
  let cycleId: string;
  let reportId: string;
  const get = async (c: Client, id = reportId) => (await c.get(`/api/reports/${id}`)).json() as Report;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    office = await t.as('office1');
    reporter = await t.as('reporter1');
    lead = await t.as('lead1');
    chengdu = await t.as('reporter2');
    units = new Map((await t.ctx.db.selectFrom('unit').select(['id', 'name']).execute()).map((u) => [u.name, u.id]));
    const nodes = ((await office.get(`/api/plans/${t.planId}/nodes`)).json() as { items: Node[] }).items;
    task = nodes.find((n) => n.kind === 'task' && n.title.includes('成渝中线'))!;
    const m = await office.post(`/api/plans/${t.planId}/nodes`, { parentId: task.id, kind: 'milestone', title: '可研批复', dueOn: '2026-12-31', evidenceRequired: true, completionCriterion: '取得国家发展改革委可研批复文件' });
    milestone = m.json() as Node;
    task = ((await office.get(`/api/plans/${t.planId}/nodes/${task.id}`)).json() as Node);
  });
  afterAll(() => t.close());

  it('assigns lead and participating units, refusing a unit in both roles', async () => {
    const url = `/api/plans/${t.planId}/nodes/${task.id}/assignments`;
    const clash = await office.request({ method: 'PUT', url, payload: { version: task.version, leads: [units.get('省发展改革委')], participants: [units.get('省发展改革委')] } });
    expect(clash.json()).toMatchObject({ error: { code: 'ASSIGNMENT_ROLE_CLASH' } });
    const res = await office.request({ method: 'PUT', url, payload: { version: task.version, leads: [units.get('省发展改革委'), units.get('市发展改革委')], participants: [units.get('成都市')] } });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { assignments: { unitName: string; role: string; side: string }[]; node: Node };
    expect(body.assignments.filter((a) => a.role === 'lead').map((a) => a.side).sort()).toEqual(['chongqing', 'sichuan']);
    task = body.node;
    expect((await reporter.request({ method: 'PUT', url, payload: { version: task.version, leads: [], participants: [] } })).statusCode).toBe(403);
  });

  it('opens a monthly cycle with a report owed by every assigned unit', async () => {
    const res = await office.post(`/api/plans/${t.planId}/cycles`, { frequency: 'monthly', year: 2026, index: 11 });
    expect(res.statusCode).toBe(201);
    const cycle = res.json() as { id: string; label: string; dueOn: string; counts: { draft: number } };
    expect(cycle).toMatchObject({ label: '2026年11月', dueOn: '2026-12-05', counts: { draft: 3 } });
    cycleId = cycle.id;
    expect((await office.post(`/api/plans/${t.planId}/cycles`, { frequency: 'monthly', year: 2026, index: 11 })).json()).toMatchObject({ error: { code: 'CYCLE_OVERLAP' } });
    expect((await reporter.post(`/api/plans/${t.planId}/cycles`, { frequency: 'monthly', year: 2026, index: 12 })).statusCode).toBe(403);
  });

  it('shows each unit only its own reports', async () => {
    const mine = (await reporter.get(`/api/reports?cycleId=${cycleId}`)).json() as { items: Report[] };
    expect(mine.items.map((r) => `${r.unitName}:${r.role}`)).toEqual(['省发展改革委:lead']);
    reportId = mine.items[0]!.id;
    expect((await chengdu.get(`/api/reports/${reportId}`)).statusCode).toBe(404);
    expect(((await office.get(`/api/reports?cycleId=${cycleId}`)).json() as { total: number }).total).toBe(0);
  });

  it('saves a draft, refusing a stale save and an incomplete submission', async () => {
    const r = await get(reporter);
    expect(r).toMatchObject({ state: 'draft', editable: true, allowedActions: ['submit'] });
    const saved = await reporter.patch(`/api/reports/${reportId}`, { version: r.version, progressPct: 35, narrative: null });
    expect(saved.statusCode).toBe(200);
    expect((await reporter.patch(`/api/reports/${reportId}`, { version: r.version, progressPct: 99 })).statusCode).toBe(409);
    const incomplete = await reporter.post(`/api/reports/${reportId}/submit`, { version: r.version + 1 });
    expect(incomplete.json()).toMatchObject({ error: { code: 'REPORT_INCOMPLETE' } });
  });

  it('requires evidence for a milestone that asks for it, and accepts a real photo, not a disguised page', async () => {
    let r = await get(reporter);
    r = (await reporter.patch(`/api/reports/${reportId}`, {
      version: r.version,
      narrative: '先导段完成施工图设计，可研报告已获批复。',
      problems: '征地拆迁进度偏慢',
      coordinationRequest: '请省自然资源厅协调用地预审',
      milestoneUpdates: [{ nodeId: milestone.id, done: true, doneOn: '2026-11-20', note: '批复文号 发改基础〔2026〕1号' }],
    })).json() as Report;
    expect((await reporter.post(`/api/reports/${reportId}/submit`, { version: r.version })).json()).toMatchObject({ error: { code: 'REPORT_INCOMPLETE' } });
    const html = multipart('photo.jpg', Buffer.from('<html><script>alert(1)</script></html>'));
    const rejected = await reporter.request({ method: 'POST', url: `/api/reports/${reportId}/attachments`, ...html });
    expect(rejected.statusCode).toBe(415);
    const png = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#b22222' } }).png().toBuffer();
    const up = await reporter.request({ method: 'POST', url: `/api/reports/${reportId}/attachments`, ...multipart('现场照片.PNG', png) });
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ fileName: '现场照片.png', mime: 'image/png', hasThumbnail: true });
    const thumb = await reporter.get(`/api/attachments/${(up.json() as { id: string }).id}/thumbnail`);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(thumb.rawPayload).metadata()).width).toBe(320);
    expect((await chengdu.get(`/api/attachments/${(up.json() as { id: string }).id}`)).statusCode).toBe(404);
  });

  it('runs submit → approve → return by the office → resubmit → approve → accept, auditing each step', async () => {
    let r = await get(reporter);
    r = (await reporter.post(`/api/reports/${reportId}/submit`, { version: r.version })).json() as Report;
    expect(r).toMatchObject({ state: 'submitted', editable: false });
    expect((await reporter.patch(`/api/reports/${reportId}`, { version: r.version, progressPct: 50 })).json()).toMatchObject({ error: { code: 'REPORT_NOT_EDITABLE' } });
    expect((await reporter.post(`/api/reports/${reportId}/approve`, { version: r.version })).json()).toMatchObject({ error: { code: 'REPORT_TRANSITION_INVALID' } });
    expect((await office.post(`/api/reports/${reportId}/accept`, { version: r.version })).statusCode).toBe(422);
    expect((await get(lead)).allowedActions).toEqual(['approve', 'return']);
    r = (await lead.post(`/api/reports/${reportId}/approve`, { version: r.version })).json() as Report;
    expect(r.state).toBe('approved');
    expect((await office.post(`/api/reports/${reportId}/return`, { version: r.version })).statusCode).toBe(400);
    r = (await office.post(`/api/reports/${reportId}/return`, { version: r.version, comment: '请补充征地进度数据' })).json() as Report;
    expect(r).toMatchObject({ state: 'returned', returnComment: '请补充征地进度数据' });
    r = await get(reporter);
    r = (await reporter.patch(`/api/reports/${reportId}`, { version: r.version, problems: '征地完成60%，剩余涉及2个村' })).json() as Report;
    r = (await reporter.post(`/api/reports/${reportId}/submit`, { version: r.version })).json() as Report;
    r = (await lead.post(`/api/reports/${reportId}/approve`, { version: r.version })).json() as Report;
    r = (await office.post(`/api/reports/${reportId}/accept`, { version: r.version, qualityRating: 4 })).json() as Report;
    expect(r.state).toBe('accepted');
    const m = (await office.get(`/api/plans/${t.planId}/nodes/${milestone.id}`)).json() as Node;
    expect(m.completedOn).toBe('2026-11-20');
    const admin = await t.as('admin');
    const trail = (await admin.get(`/api/audit?entity=report&entityId=${reportId}&pageSize=50`)).json() as { items: { action: string }[] };
    expect(trail.items.map((e) => e.action).reverse()).toEqual([
      'report.save', 'report.save', 'attachment.add', 'report.submit', 'report.approve', 'report.return', 'report.save', 'report.submit', 'report.approve', 'report.accept',
    ]);
  });

  it('lets the lead unit see a participant’s contribution once it is submitted', async () => {
    const cd = ((await chengdu.get(`/api/reports?cycleId=${cycleId}`)).json() as { items: Report[] }).items[0]!;
    expect(cd.role).toBe('participant');
    expect((await get(reporter)).contributions).toEqual([]);
    const saved = (await chengdu.patch(`/api/reports/${cd.id}`, { version: cd.version, progressPct: 40, narrative: '成都段站前工程推进中' })).json() as Report;
    await chengdu.post(`/api/reports/${cd.id}/submit`, { version: saved.version });
    expect((await get(reporter)).contributions.map((c) => `${c.unitName}:${c.state}`)).toEqual(['成都市:submitted']);
    expect((await reporter.get(`/api/reports/${cd.id}`)).statusCode).toBe(200);
  });
});

import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../helpers/build-test-app';
import { testDialects } from '../helpers/test-db';

interface Decision {
  nodeId: string;
  code: string;
  title: string;
  status: string | null;
  dueOn: string | null;
  closureEvidence: string | null;
  leads: string[];
  evidence: { fileName: string }[];
}
interface Meeting {
  id: string;
  version: number;
  body: string;
  decisions: Decision[];
  counts: { total: number; done: number; onTrack: number; late: number };
  previous: { meeting: { id: string }; openDecisions: Decision[] } | null;
}

function multipart(fileName: string, content: Buffer) {
  const boundary = '----sc' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function decisionSheet(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('议定事项');
  ws.addRow(['川渝党政联席会议第五次会议议定事项分工表']);
  ws.addRow(['序号', '议定事项', '牵头单位', '配合单位', '完成时限']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(testDialects())('[%s] meetings, agreements and national requests', (dialect) => {
  let t: TestApp;
  let office: Client;
  let reporter: Client;
  let lead: Client;
  let viewer: Client;
  let now = new Date('2026-10-01T02:00:00Z');
  let units: Map<string, string>;
  let meeting: Meeting;
  let decision: Decision;

  const login = async () => {
    office = await t.as('office1');
    reporter = await t.as('reporter1');
    lead = await t.as('lead1');
    viewer = await t.as('viewer1');
  };
  const getMeeting = async (id = meeting.id) => (await office.get(`/api/meetings/${id}`)).json() as Meeting;

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: () => now });
    await login();
    units = new Map((await t.ctx.db.selectFrom('unit').select(['id', 'name']).execute()).map((u) => [u.name, u.id]));
  });
  afterAll(() => t.close());

  it('records a meeting of a layer; the office writes, everyone reads, a stale save is refused', async () => {
    const body = { layer: 'decision', title: '推动成渝地区双城经济圈建设川渝党政联席会议第五次会议', heldOn: '2026-10-01', place: '重庆', body: '川渝党政联席会议', unitIds: [units.get('省发展改革委')] };
    expect((await reporter.post(`/api/plans/${t.planId}/meetings`, body)).statusCode).toBe(403);
    const res = await office.post(`/api/plans/${t.planId}/meetings`, body);
    expect(res.statusCode).toBe(201);
    meeting = res.json() as Meeting;
    const patched = await office.patch(`/api/meetings/${meeting.id}`, { version: meeting.version, minutes: '会议审议通过了年度重点任务' });
    expect(patched.json()).toMatchObject({ version: 2, minutes: '会议审议通过了年度重点任务' });
    expect((await office.patch(`/api/meetings/${meeting.id}`, { version: meeting.version, place: '成都' })).statusCode).toBe(409);
    expect((await reporter.patch(`/api/meetings/${meeting.id}`, { version: 2, place: '成都' })).statusCode).toBe(403);
    const list = (await viewer.get(`/api/plans/${t.planId}/meetings?layer=decision&body=联席&from=2026-09-01`)).json() as { items: Meeting[]; total: number };
    expect(list.total).toBe(1);
    expect(((await viewer.get(`/api/plans/${t.planId}/meetings?layer=execution`)).json() as { total: number }).total).toBe(0);
    expect((await viewer.get('/api/meetings/no-such-meeting')).json()).toMatchObject({ error: { code: 'MEETING_NOT_FOUND' } });
  });

  it('turns a decision into a task under 4.1 with its source, units and closure evidence, audited', async () => {
    const body = { title: '联合争取国家支持成渝中线高铁加快建设', leads: [units.get('省发展改革委')], participants: [units.get('成都市')], dueOn: '2026-12-31', closureEvidence: '国家部委复函或会议纪要' };
    expect((await reporter.post(`/api/meetings/${meeting.id}/decisions`, body)).statusCode).toBe(403);
    const res = await office.post(`/api/meetings/${meeting.id}/decisions`, body);
    expect(res.statusCode).toBe(201);
    decision = res.json() as Decision;
    expect(decision).toMatchObject({ title: body.title, dueOn: '2026-12-31', closureEvidence: '国家部委复函或会议纪要', leads: ['省发展改革委'] });
    expect(decision.code).toMatch(/^4\.1\.\d+$/);
    const node = (await viewer.get(`/api/plans/${t.planId}/nodes/${decision.nodeId}`)).json();
    expect(node).toMatchObject({ kind: 'task', sourceKind: 'meeting_decision', sourceId: meeting.id, startOn: '2026-10-01', evidenceRequired: true });
    const admin = await t.as('admin');
    const trail = (await admin.get(`/api/audit?entityId=${meeting.id}`)).json() as { items: { action: string }[] };
    expect(trail.items.map((e) => e.action)).toContain('meeting.decision_add');
  });

  it('shows the decision in the lead unit’s My tasks, with a filter by source', async () => {
    const mine = (await reporter.get(`/api/plans/${t.planId}/my-tasks?sourceKind=meeting_decision`)).json() as { items: { nodeId: string; sourceKind: string; sourceId: string }[]; total: number };
    expect(mine.items).toEqual([expect.objectContaining({ nodeId: decision.nodeId, sourceKind: 'meeting_decision', sourceId: meeting.id })]);
    const plan = (await reporter.get(`/api/plans/${t.planId}/my-tasks?sourceKind=plan&pageSize=200`)).json() as { items: { nodeId: string }[] };
    expect(plan.items.some((x) => x.nodeId === decision.nodeId)).toBe(false);
  });

  it('goes red when a cycle passes without a report, is supervised, then closed with evidence', async () => {
    expect((await office.post(`/api/plans/${t.planId}/cycles`, { frequency: 'monthly', year: 2026, index: 10, dueOn: '2026-11-05' })).statusCode).toBe(201);
    now = new Date('2026-11-20T02:00:00Z');
    await login();
    let m = await getMeeting();
    expect(m.decisions[0]).toMatchObject({ nodeId: decision.nodeId, status: 'red' });
    expect(m.counts).toEqual({ total: 1, done: 0, onTrack: 0, late: 1 });
    expect(((await reporter.get(`/api/plans/${t.planId}/my-tasks?sourceKind=meeting_decision&status=red`)).json() as { total: number }).total).toBe(1);

    // The next meeting of the same body opens with the previous one's open decisions.
    const next = (await office.post(`/api/plans/${t.planId}/meetings`, { layer: 'decision', title: '川渝党政联席会议第六次会议', heldOn: '2026-11-20', body: '川渝党政联席会议' })).json() as Meeting;
    const nextDetail = await getMeeting(next.id);
    expect(nextDetail.previous?.meeting.id).toBe(meeting.id);
    expect(nextDetail.previous?.openDecisions.map((d) => d.nodeId)).toEqual([decision.nodeId]);
    expect((await getMeeting()).previous).toBeNull();

    const issued = await office.post(`/api/plans/${t.planId}/supervision`, { nodeId: decision.nodeId, unitId: units.get('省发展改革委'), level: 'remind', message: '请加快落实联席会议议定事项', responseDueOn: '2026-11-25' });
    expect(issued.statusCode).toBe(201);

    const reports = (await reporter.get(`/api/reports?role=lead&nodeId=${decision.nodeId}`)).json() as { items: { id: string; version: number }[] };
    const reportId = reports.items[0]!.id;
    let r = (await reporter.patch(`/api/reports/${reportId}`, { version: reports.items[0]!.version, progressPct: 100, narrative: '已取得国家部委复函' })).json() as { version: number };
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#1f4e79' } }).png().toBuffer();
    expect((await reporter.request({ method: 'POST', url: `/api/reports/${reportId}/attachments`, ...multipart('部委复函.png', png) })).statusCode).toBe(201);
    r = (await reporter.post(`/api/reports/${reportId}/submit`, { version: r.version })).json() as { version: number };
    r = (await lead.post(`/api/reports/${reportId}/approve`, { version: r.version })).json() as { version: number };
    const accepted = await office.post(`/api/reports/${reportId}/accept`, { version: r.version, qualityRating: 5 });
    expect(accepted.json()).toMatchObject({ state: 'accepted' });

    m = await getMeeting();
    expect(m.decisions[0]).toMatchObject({ status: 'completed', evidence: [{ fileName: '部委复函.png' }] });
    expect(m.counts).toMatchObject({ done: 1, late: 0 });
    expect((await getMeeting(next.id)).previous?.openDecisions).toEqual([]);
  });

  it('imports a decision list: a good sheet applies whole, a sheet with an unknown unit applies nothing', async () => {
    const m = (await office.post(`/api/plans/${t.planId}/meetings`, { layer: 'execution', title: '交通专项工作组第三次会议', heldOn: '2026-11-20', body: '交通互联互通专项工作组' })).json() as Meeting;
    const good = await decisionSheet([
      [1, '加快川渝省际高速公路建设', '省交通运输厅', '市发展改革委、成都市', '2027年6月底前'],
      [2, '编制毗邻地区公交一体化方案', '省发展改革委', '', '2027年3月'],
    ]);
    const url = `/api/meetings/${m.id}/decisions/import`;
    const preview = (await office.request({ method: 'POST', url: `${url}/preview`, ...multipart('议定事项.xlsx', good) })).json() as { rows: { title: string; dueOn: string }[]; blocking: unknown[] };
    expect(preview.blocking).toEqual([]);
    expect(preview.rows.map((r) => r.dueOn)).toEqual(['2027-06-30', '2027-03-31']);
    expect((await reporter.request({ method: 'POST', url: `${url}/apply`, ...multipart('议定事项.xlsx', good) })).statusCode).toBe(403);
    const applied = await office.request({ method: 'POST', url: `${url}/apply`, ...multipart('议定事项.xlsx', good) });
    expect(applied.json()).toMatchObject({ decisions: 2 });
    const detail = await getMeeting(m.id);
    expect(detail.decisions.map((d) => d.title)).toEqual(['加快川渝省际高速公路建设', '编制毗邻地区公交一体化方案']);
    expect(detail.decisions[0]!.leads).toEqual(['省交通运输厅']);

    const bad = await decisionSheet([
      [3, '共建川渝毗邻地区合作平台', '省发展改革委', '', '2027年底前'],
      [4, '推进跨省通办事项扩面', '省不存在的厅', '成都市', '2027年底前'],
      [5, '', '省发展改革委', '', ''],
    ]);
    const refused = await office.request({ method: 'POST', url: `${url}/apply`, ...multipart('议定事项.xlsx', bad) });
    expect(refused.statusCode).toBe(422);
    const problems = (refused.json() as { error: { code: string; details: { problems: { row: number; column: string; code: string; value: string }[] } } }).error;
    expect(problems.code).toBe('IMPORT_BLOCKED');
    expect(problems.details.problems).toEqual([
      expect.objectContaining({ row: 4, column: 'C', code: 'UNIT_UNKNOWN', value: '省不存在的厅' }),
      expect.objectContaining({ row: 5, column: 'B', code: 'TITLE_MISSING' }),
    ]);
    expect((await getMeeting(m.id)).decisions).toHaveLength(2);
  });

  it('keeps agreements with parties, matters as tasks, a derived status, filters and expiry reminders', async () => {
    const body = {
      title: '川渝共建西部陆海新通道合作协议',
      parties: [
        { name: '四川省交通运输厅', side: 'sichuan', unitId: units.get('省交通运输厅') },
        { name: '重庆市交通运输委员会', side: 'chongqing' },
      ],
      level: 'department',
      signedOn: '2026-11-01',
      termUntil: '2026-12-31',
    };
    expect((await reporter.post(`/api/plans/${t.planId}/agreements`, body)).statusCode).toBe(403);
    const created = await office.post(`/api/plans/${t.planId}/agreements`, body);
    expect(created.statusCode).toBe(201);
    const a = created.json() as { id: string; version: number; status: string };
    expect(a.status).toBe('no_matters');
    await office.post(`/api/plans/${t.planId}/agreements`, { title: '成德眉资同城化合作框架协议', parties: [{ name: '成都市', side: 'sichuan' }, { name: '德阳市', side: 'sichuan' }], level: 'city', signedOn: '2025-01-01', termUntil: '2029-12-31' });

    const matter = await office.post(`/api/agreements/${a.id}/matters`, { title: '开通川渝集装箱班列', leads: [units.get('省交通运输厅')], dueOn: '2027-12-31', closureEvidence: '班列开行通知' });
    expect(matter.statusCode).toBe(201);
    const node = (await viewer.get(`/api/plans/${t.planId}/nodes/${(matter.json() as Decision).nodeId}`)).json();
    expect(node).toMatchObject({ sourceKind: 'agreement_matter', sourceId: a.id });
    const detail = (await viewer.get(`/api/agreements/${a.id}`)).json() as { status: string; matters: Decision[]; counts: { total: number } };
    expect(detail).toMatchObject({ status: 'in_progress', counts: { total: 1 } });

    const list = async (q: string) => ((await viewer.get(`/api/plans/${t.planId}/agreements?${q}`)).json() as { items: { title: string }[] }).items.map((x) => x.title);
    expect(await list('party=重庆')).toEqual(['川渝共建西部陆海新通道合作协议']);
    expect(await list('side=chongqing')).toEqual(['川渝共建西部陆海新通道合作协议']);
    expect(await list('status=no_matters')).toEqual(['成德眉资同城化合作框架协议']);
    expect(await list('')).toHaveLength(2);

    const expiring = (await viewer.get(`/api/plans/${t.planId}/agreements/expiring?withinDays=60`)).json() as { asOf: string; items: { id: string; daysLeft: number }[] };
    expect(expiring).toMatchObject({ asOf: '2026-11-20', items: [{ id: a.id, daysLeft: 41 }] });

    const fresh = (await viewer.get(`/api/agreements/${a.id}`)).json() as { version: number };
    expect((await office.patch(`/api/agreements/${a.id}`, { version: fresh.version, termUntil: '2027-12-31' })).json()).toMatchObject({ version: fresh.version + 1, termUntil: '2027-12-31' });
    expect((await office.patch(`/api/agreements/${a.id}`, { version: fresh.version, termUntil: '2028-12-31' })).statusCode).toBe(409);
  });

  it('keeps the register of national requests with filters, counts, an xlsx export and 409 on stale saves', async () => {
    const body = { title: '争取国家支持成渝地区建设国际性综合交通枢纽', type: 'policy', addressedTo: '国家发展改革委', leadUnitId: units.get('省发展改革委'), jointWithChongqing: true, status: 'submitted', submittedOn: '2026-09-10', nodeIds: [decision.nodeId] };
    expect((await reporter.post(`/api/plans/${t.planId}/national-requests`, body)).statusCode).toBe(403);
    const created = await office.post(`/api/plans/${t.planId}/national-requests`, body);
    expect(created.statusCode).toBe(201);
    const r = created.json() as { id: string; version: number; leadUnitName: string };
    expect(r).toMatchObject({ leadUnitName: '省发展改革委', jointWithChongqing: true, nodeIds: [decision.nodeId] });
    await office.post(`/api/plans/${t.planId}/national-requests`, { title: '申请设立成渝金融改革试验区', type: 'pilot', addressedTo: '中国人民银行', leadUnitId: units.get('省发展改革委') });

    const list = async (q: string) => ((await viewer.get(`/api/plans/${t.planId}/national-requests?${q}`)).json() as { items: { title: string }[] }).items.map((x) => x.title);
    expect(await list('status=submitted')).toEqual([body.title]);
    expect(await list('type=pilot')).toEqual(['申请设立成渝金融改革试验区']);
    expect(await list('joint=true')).toEqual([body.title]);
    expect(await list('q=金融')).toEqual(['申请设立成渝金融改革试验区']);

    const updated = await office.patch(`/api/national-requests/${r.id}`, { version: r.version, status: 'partly_approved', outcome: '同意支持部分事项' });
    expect(updated.json()).toMatchObject({ status: 'partly_approved', version: r.version + 1 });
    expect((await office.patch(`/api/national-requests/${r.id}`, { version: r.version, status: 'approved' })).statusCode).toBe(409);
    expect((await reporter.patch(`/api/national-requests/${r.id}`, { version: r.version + 1, status: 'approved' })).statusCode).toBe(403);

    const counts = (await viewer.get(`/api/plans/${t.planId}/national-requests/counts`)).json() as { total: number; byStatus: Record<string, number> };
    expect(counts).toEqual({ total: 2, byStatus: { drafting: 1, submitted: 0, under_consideration: 0, approved: 0, partly_approved: 1, not_approved: 0 } });

    const task = await office.post(`/api/national-requests/${r.id}/tasks`, { title: '报送枢纽建设方案', leads: [units.get('省发展改革委')], dueOn: '2027-03-31', closureEvidence: '报送函' });
    expect(task.statusCode).toBe(201);
    expect(((await viewer.get(`/api/national-requests/${r.id}`)).json() as { tasks: Decision[] }).tasks.map((x) => x.title)).toEqual(['报送枢纽建设方案']);

    const xlsx = await viewer.get(`/api/plans/${t.planId}/national-requests/export`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(2).value).toBe('事项名称');
    const titles = [2, 3].map((n) => ws.getRow(n).getCell(2).value);
    expect(titles).toEqual(expect.arrayContaining([body.title, '申请设立成渝金融改革试验区']));
    expect(ws.getRow(titles.indexOf(body.title) + 2).getCell(10).value).toBe(decision.code);
  });

  it('files a decision under the article the office chooses, and refuses a task or an unknown node as the article', async () => {
    const m = (await office.post(`/api/plans/${t.planId}/meetings`, { layer: 'execution', title: '产业协作专项工作组第二次会议', heldOn: '2026-11-18', body: '产业协作专项工作组' })).json() as Meeting;
    const article = await t.ctx.db.selectFrom('plan_node').select(['id', 'code']).where('plan_id', '=', t.planId).where('kind', '=', 'article').where('code', '=', '3.2').executeTakeFirstOrThrow();
    const aTask = await t.ctx.db.selectFrom('plan_node').select('id').where('plan_id', '=', t.planId).where('kind', '=', 'task').executeTakeFirstOrThrow();
    const body = { title: '共建电子信息产业链协作平台', leads: [units.get('省经济和信息化厅') ?? units.get('省发展改革委')], closureEvidence: '平台运行方案' };
    const filed = await office.post(`/api/meetings/${m.id}/decisions`, { ...body, articleId: article.id });
    expect(filed.statusCode, filed.body).toBe(201);
    expect((filed.json() as Decision).code).toMatch(/^3\.2\.\d+$/);
    for (const articleId of [aTask.id, 'no-such-node']) {
      const refused = await office.post(`/api/meetings/${m.id}/decisions`, { ...body, articleId });
      expect(refused.json(), articleId).toMatchObject({ error: { code: 'VALIDATION_FAILED', fields: [{ path: 'articleId' }] } });
    }
    expect(((await viewer.get(`/api/meetings/${m.id}`)).json() as Meeting).decisions).toHaveLength(1);
  });
});

import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestPublishedLeagueTables } from '../../src/services/assessment/published-ranking';
import { buildTestApp, type Client, type TestApp } from '../helpers/build-test-app';
import { testDialects } from '../helpers/test-db';

interface Line { itemId: string; rule: string; points: number; text: { zh: string; en: string }; counts: Record<string, number>; evidence: { kind: string; id: string; status: string }[] }
interface Period { id: string; version: number; state: string; publishedNumber: number; items: { id: string; rule: string; title: string; maxPoints: number; params: object }[]; publications: { number: number; reason: string | null }[]; needsCompute: boolean }
interface Breakdown { score: number; rank: number; groupSize: number; lines: Line[]; appeals: { id: string; state: string; version: number }[] }

function multipart(fileName: string, content: Buffer) {
  const boundary = '----sc' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe.each(testDialects())('[%s] assessment', (dialect) => {
  let t: TestApp;
  let office: Client;
  let reporter: Client;
  let reporter2: Client;
  let viewer: Client;
  const now = new Date('2026-07-15T02:00:00Z');
  let ndrc: string;
  let chengdu: string;
  let period: Period;
  const reportIds = { onTime: randomUUID(), late: randomUUID(), missing: randomUUID() };

  const detail = async () => (period = (await office.get(`/api/assessment/periods/${period.id}`)).json() as Period);
  const breakdown = async (c: Client, unitId = ndrc) => (await c.get(`/api/assessment/periods/${period.id}/units/${unitId}`)).json() as Breakdown;
  const line = (b: Breakdown, rule: string) => b.lines.find((l) => l.rule === rule)!;
  const compute = async () => {
    await detail();
    const res = await office.post(`/api/assessment/periods/${period.id}/compute`, { version: period.version });
    expect(res.statusCode).toBe(200);
    return detail();
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: () => now });
    office = await t.as('office1');
    reporter = await t.as('reporter1');
    reporter2 = await t.as('reporter2');
    viewer = await t.as('viewer1');
    const units = new Map((await t.ctx.db.selectFrom('unit').select(['id', 'name']).execute()).map((u) => [u.name, u.id]));
    ndrc = units.get('省发展改革委')!;
    chengdu = units.get('成都市')!;
    // Evidence written directly: one cycle due in the quarter, two reports of the NDRC (one on time at
    // 18:00 Beijing on the due date, one late) and one Chengdu report never sent.
    const nodes = await t.ctx.db.selectFrom('plan_node').select('id').where('plan_id', '=', t.planId).where('kind', '=', 'task').where('deleted_at', 'is', null).orderBy('code').limit(3).execute();
    const at = now.toISOString();
    for (const [node, unit] of [[nodes[0]!.id, ndrc], [nodes[1]!.id, ndrc], [nodes[2]!.id, chengdu]] as const) {
      await t.ctx.db.deleteFrom('assignment').where('node_id', '=', node).where('unit_id', '=', unit).execute();
      await t.ctx.db.insertInto('assignment').values({ id: randomUUID(), plan_id: t.planId, node_id: node, unit_id: unit, role: 'lead', created_at: at }).execute();
    }
    const cycleId = randomUUID();
    await t.ctx.db.insertInto('cycle').values({ id: cycleId, plan_id: t.planId, label: '2026年4月', frequency: 'monthly', period_start: '2026-04-01', period_end: '2026-04-30', opens_on: '2026-04-01', due_on: '2026-05-10', created_at: at, updated_at: at }).execute();
    const report = (id: string, node: string, unit: string, submitted_at: string | null, quality_rating: number | null) => ({ id, cycle_id: cycleId, node_id: node, unit_id: unit, role: 'lead', submitted_at, quality_rating, created_at: at, updated_at: at });
    await t.ctx.db
      .insertInto('report')
      .values([
        report(reportIds.onTime, nodes[0]!.id, ndrc, '2026-05-10T10:00:00.000Z', 4),
        report(reportIds.late, nodes[1]!.id, ndrc, '2026-05-12T01:00:00.000Z', null),
        report(reportIds.missing, nodes[2]!.id, chengdu, null, null),
      ])
      .execute();
  });
  afterAll(() => t.close());

  it('the office creates a quarter with the default scheme; a stale save is refused', async () => {
    expect((await reporter.post(`/api/plans/${t.planId}/assessment/periods`, { kind: 'quarter', year: 2026, quarter: 2 })).statusCode).toBe(403);
    expect((await office.post(`/api/plans/${t.planId}/assessment/periods`, { kind: 'quarter', year: 2026 })).statusCode).toBe(400);
    const res = await office.post(`/api/plans/${t.planId}/assessment/periods`, { kind: 'quarter', year: 2026, quarter: 2 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ label: '2026年第二季度', periodStart: '2026-04-01', periodEnd: '2026-06-30', state: 'draft' });
    period = res.json() as Period;
    await detail();
    expect(period.items.map((i) => i.rule)).toEqual(['report_timeliness', 'milestone_timeliness', 'report_quality', 'supervision_response', 'bonus_penalty']);
    const items = period.items.map(({ rule, title, maxPoints, params }) => ({ rule, title, maxPoints, params }));
    items[0]!.maxPoints = 20;
    const saved = await office.request({ method: 'PUT', url: `/api/assessment/periods/${period.id}/items`, payload: { version: period.version, items } });
    expect(saved.statusCode).toBe(200);
    const stale = await office.request({ method: 'PUT', url: `/api/assessment/periods/${period.id}/items`, payload: { version: period.version, items } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'VERSION_CONFLICT' } });
    const bad = await office.request({ method: 'PUT', url: `/api/assessment/periods/${period.id}/items`, payload: { version: period.version + 1, items: [...items, { rule: 'bonus_penalty', title: 'x', maxPoints: 1 }] } });
    expect(bad.json()).toMatchObject({ error: { code: 'ASSESSMENT_SCHEME_INVALID' } });
    const list = (await viewer.get(`/api/plans/${t.planId}/assessment/periods?kind=quarter&year=2026`)).json() as { total: number };
    expect(list.total).toBe(1);
  });

  it('computes from the evidence and explains each line; units reach only their own breakdown', async () => {
    await compute();
    expect(period).toMatchObject({ state: 'computed', needsCompute: false });
    const mine = await breakdown(reporter);
    expect(line(mine, 'report_timeliness')).toMatchObject({ points: 10, counts: { on_time: 1, late: 1 } });
    expect(line(mine, 'report_timeliness').text.zh).toBe('报告按时率 1/2 → 10.0 分（迟报 1）');
    expect(line(mine, 'report_quality').points).toBe(16);
    expect(mine.score).toBe(10 + 40 + 16 + 20 + 0);
    expect(line(await breakdown(office, chengdu), 'report_timeliness').points).toBe(0);
    expect((await reporter.get(`/api/assessment/periods/${period.id}/units/${chengdu}`)).statusCode).toBe(403);
    expect((await reporter2.get(`/api/assessment/periods/${period.id}/units/${chengdu}`)).statusCode).toBe(200);
    // Unit staff see league tables once published; leaders see them at once.
    expect((await reporter.get(`/api/assessment/periods/${period.id}/league-tables`)).json()).toMatchObject({ error: { code: 'ASSESSMENT_NOT_PUBLISHED' } });
    const tables = (await viewer.get(`/api/assessment/periods/${period.id}/league-tables`)).json() as { groups: { group: string; rows: { unitId: string; rank: number }[] }[] };
    expect(tables.groups.find((g) => g.group === 'cities')!.rows.some((r) => r.unitId === chengdu)).toBe(true);
    // Recomputing the same evidence gives the same tables.
    const again = await compute();
    expect(again.state).toBe('computed');
    expect((await viewer.get(`/api/assessment/periods/${period.id}/league-tables`)).json()).toMatchObject({ groups: tables.groups });
  });

  it('an upheld appeal on the late report changes the score through the rule, after recompute', async () => {
    const item = period.items.find((i) => i.rule === 'report_timeliness')!;
    const other = await reporter.post(`/api/assessment/periods/${period.id}/appeals`, { unitId: chengdu, kind: 'appeal', itemId: item.id, evidenceKind: 'report', evidenceId: reportIds.missing, reason: '代成都市申诉' });
    expect(other.statusCode).toBe(403);
    const notMine = await reporter.post(`/api/assessment/periods/${period.id}/appeals`, { kind: 'appeal', itemId: item.id, evidenceKind: 'report', evidenceId: reportIds.missing, reason: '不是本单位的报告' });
    expect(notMine.statusCode).toBe(400);
    expect((await viewer.post(`/api/assessment/periods/${period.id}/appeals`, { kind: 'appeal', reason: 'x' })).statusCode).toBe(403);
    const res = await reporter.post(`/api/assessment/periods/${period.id}/appeals`, { kind: 'appeal', itemId: item.id, evidenceKind: 'report', evidenceId: reportIds.late, reason: '系统故障导致迟报，附运维证明' });
    expect(res.statusCode).toBe(201);
    const appeal = res.json() as { id: string; version: number; state: string; unitId: string };
    expect(appeal).toMatchObject({ state: 'submitted', unitId: ndrc });
    expect((await reporter.request({ method: 'POST', url: `/api/assessment/appeals/${appeal.id}/files`, ...multipart('运维证明.pdf', PDF) })).statusCode).toBe(201);
    expect((await reporter.request({ method: 'POST', url: `/api/assessment/appeals/${appeal.id}/files`, ...multipart('说明.pdf', Buffer.from('not really a pdf')) })).json()).toMatchObject({ error: { code: 'ATTACHMENT_TYPE_REJECTED' } });
    const fakePng = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('not an image')]);
    expect((await reporter.request({ method: 'POST', url: `/api/assessment/appeals/${appeal.id}/files`, ...multipart('截图.png', fakePng) })).statusCode).toBe(415);
    expect((await reporter2.request({ method: 'POST', url: `/api/assessment/appeals/${appeal.id}/files`, ...multipart('x.pdf', PDF) })).statusCode).toBe(403);
    const self = await reporter.post(`/api/assessment/periods/${period.id}/appeals`, { kind: 'self_assessment', itemId: item.id, reason: '本单位自评满分', claimedPoints: 20 });
    expect(self.statusCode).toBe(201);

    const queue = (await office.get(`/api/assessment/periods/${period.id}/appeals?state=submitted`)).json() as { total: number; items: { id: string; files: unknown[]; evidenceLabel: string | null }[] };
    expect(queue.total).toBe(2);
    expect(queue.items.find((a) => a.id === appeal.id)).toMatchObject({ files: [{ fileName: '运维证明.pdf' }], evidenceLabel: expect.stringContaining('2026年4月') });
    expect(((await reporter2.get(`/api/assessment/periods/${period.id}/appeals`)).json() as { total: number }).total).toBe(0);

    expect((await reporter.post(`/api/assessment/appeals/${appeal.id}/decide`, { version: 1, decision: 'upheld', comment: '情况属实' })).statusCode).toBe(403);
    expect((await office.post(`/api/assessment/appeals/${appeal.id}/decide`, { version: 9, decision: 'upheld', comment: '情况属实' })).statusCode).toBe(409);
    const decided = await office.post(`/api/assessment/appeals/${appeal.id}/decide`, { version: appeal.version, decision: 'upheld', comment: '情况属实，迟报免计' });
    expect(decided.json()).toMatchObject({ state: 'upheld', decisionComment: '情况属实，迟报免计' });
    expect((await office.post(`/api/assessment/appeals/${appeal.id}/decide`, { version: appeal.version + 1, decision: 'rejected', comment: '改判' })).json()).toMatchObject({ error: { code: 'APPEAL_DECIDED' } });
    expect((await detail()).needsCompute).toBe(true);
    // The decision alone does not touch the score; the recompute applies the rule.
    expect(line(await breakdown(reporter), 'report_timeliness').points).toBe(10);
    await compute();
    const after = await breakdown(reporter);
    expect(line(after, 'report_timeliness')).toMatchObject({ points: 20, counts: { on_time: 1, excused: 1 } });
    expect(after.appeals.find((a) => a.id === appeal.id)).toMatchObject({ state: 'upheld' });
  });

  it('bonus and penalty entries count after recompute', async () => {
    expect((await reporter.post(`/api/assessment/periods/${period.id}/adjustments`, { unitId: ndrc, points: 2, reason: '自加分' })).statusCode).toBe(403);
    const res = await office.post(`/api/assessment/periods/${period.id}/adjustments`, { unitId: ndrc, points: -1.5, reason: '重大事项未及时报告', evidenceRefs: ['督办通知〔2026〕3号'] });
    expect(res.statusCode).toBe(201);
    const entry = res.json() as { id: string };
    expect((await office.request({ method: 'POST', url: `/api/assessment/adjustments/${entry.id}/files`, ...multipart('通知.pdf', PDF) })).statusCode).toBe(201);
    await compute();
    const b = await breakdown(reporter);
    expect(line(b, 'bonus_penalty').points).toBe(-1.5);
    expect(b.score).toBe(20 + 40 + 16 + 20 - 1.5);
    const seen = (await reporter2.get(`/api/assessment/periods/${period.id}/adjustments`)).json() as { items: unknown[] };
    expect(seen.items).toHaveLength(0);
  });

  it('publication freezes the period; a correction is version 2 with its reason', async () => {
    const pub = await office.post(`/api/assessment/periods/${period.id}/publish`, { version: period.version });
    expect(pub.json()).toMatchObject({ state: 'published', publishedNumber: 1 });
    await detail();
    const items = period.items.map(({ rule, title, maxPoints, params }) => ({ rule, title, maxPoints, params }));
    expect((await office.request({ method: 'PUT', url: `/api/assessment/periods/${period.id}/items`, payload: { version: period.version, items } })).json()).toMatchObject({ error: { code: 'ASSESSMENT_PUBLISHED' } });
    expect((await office.post(`/api/assessment/periods/${period.id}/adjustments`, { unitId: ndrc, points: 1, reason: '补加分' })).statusCode).toBe(409);
    expect((await office.post(`/api/assessment/periods/${period.id}/compute`, { version: period.version })).statusCode).toBe(409);
    expect((await office.post(`/api/assessment/periods/${period.id}/publish`, { version: period.version })).statusCode).toBe(409);
    // Now unit staff read the published tables, and bulletins can quote them.
    expect((await reporter.get(`/api/assessment/periods/${period.id}/league-tables`)).statusCode).toBe(200);
    const published = await latestPublishedLeagueTables(t.ctx.db, t.planId, '2026-07-31');
    expect(published).toMatchObject({ periodLabel: '2026年第二季度' });
    const dept = published!.groups.find((g) => g.group === 'provincial_departments')!;
    expect(dept.groupLabel).toBe('省直部门');
    expect(dept.rows.find((r) => r.unitId === ndrc)!.score).toBe(94.5);
    expect(await latestPublishedLeagueTables(t.ctx.db, t.planId, '2026-03-31')).toBeNull();
    // A period under way counts when none has ended yet.
    expect(await latestPublishedLeagueTables(t.ctx.db, t.planId, '2026-05-15')).toMatchObject({ periodLabel: '2026年第二季度' });

    expect((await office.post(`/api/assessment/periods/${period.id}/reopen`, { version: period.version })).statusCode).toBe(400);
    const reopened = await office.post(`/api/assessment/periods/${period.id}/reopen`, { version: period.version, reason: '成都市补报材料，更正得分' });
    expect(reopened.json()).toMatchObject({ state: 'draft', publishedNumber: 1 });
    await detail();
    expect((await office.post(`/api/assessment/periods/${period.id}/publish`, { version: period.version })).json()).toMatchObject({ error: { code: 'ASSESSMENT_NOT_COMPUTED' } });
    // Reopened, the scheme can change again; items under appeal keep their identity.
    const edited = period.items.map(({ rule, title, maxPoints, params }) => ({ rule, title: rule === 'bonus_penalty' ? '加减分（更正）' : title, maxPoints, params }));
    const resaved = await office.request({ method: 'PUT', url: `/api/assessment/periods/${period.id}/items`, payload: { version: period.version, items: edited } });
    expect(resaved.statusCode).toBe(200);
    expect((resaved.json() as { items: { id: string }[] }).items.map((i) => i.id)).toEqual(period.items.map((i) => i.id));
    const appeals = (await office.get(`/api/assessment/periods/${period.id}/appeals?state=upheld`)).json() as { items: { itemTitle: string | null }[] };
    expect(appeals.items[0]!.itemTitle).toBe('报告按时率');
    // Still the first version for bulletins while the correction is under way.
    expect((await latestPublishedLeagueTables(t.ctx.db, t.planId, '2026-07-31'))!.groups.length).toBeGreaterThan(0);
    await compute();
    const second = await office.post(`/api/assessment/periods/${period.id}/publish`, { version: period.version });
    expect(second.json()).toMatchObject({ state: 'published', publishedNumber: 2 });
    await detail();
    expect(period.publications).toMatchObject([{ number: 2, reason: '成都市补报材料，更正得分' }, { number: 1, reason: null }]);
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', period.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['assessment.period_create', 'assessment.items_save', 'assessment.compute', 'assessment.adjustment_add', 'assessment.publish', 'assessment.reopen']));
  });

  it('exports a league table that opens in a spreadsheet, and shows a unit its history', async () => {
    const res = await viewer.get(`/api/assessment/periods/${period.id}/league-tables/export?group=provincial_departments`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('省直部门')!;
    expect(sheet).toBeDefined();
    const names = sheet.getColumn(2).values as unknown[];
    expect(names).toContain('省发展改革委');
    expect(wb.getWorksheet('得分说明')!.rowCount).toBeGreaterThan(1);
    const history = (await reporter.get(`/api/assessment/units/${ndrc}/history?planId=${t.planId}`)).json() as { periods: { score: number; publishedNumber: number }[] };
    expect(history.periods).toMatchObject([{ score: 94.5, publishedNumber: 2 }]);
    expect((await reporter.get(`/api/assessment/units/${chengdu}/history?planId=${t.planId}`)).statusCode).toBe(403);
  });

  it('of two concurrent publications one wins, the other is told the period changed', async () => {
    await detail();
    await office.post(`/api/assessment/periods/${period.id}/reopen`, { version: period.version, reason: '并发测试' });
    await compute();
    const both = await Promise.all([0, 1].map(() => office.post(`/api/assessment/periods/${period.id}/publish`, { version: period.version })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await detail()).publications.map((p) => p.number)).toEqual([3, 2, 1]);
  });

  it('bulletins quote the latest period that has ended, not a year still running', async () => {
    const year = (await office.post(`/api/plans/${t.planId}/assessment/periods`, { kind: 'year', year: 2026 })).json() as Period;
    await office.post(`/api/assessment/periods/${year.id}/compute`, { version: year.version });
    expect((await office.post(`/api/assessment/periods/${year.id}/publish`, { version: year.version + 1 })).statusCode).toBe(200);
    expect(await latestPublishedLeagueTables(t.ctx.db, t.planId, '2026-07-31')).toMatchObject({ periodLabel: '2026年第二季度' });
    expect(await latestPublishedLeagueTables(t.ctx.db, t.planId, '2026-12-31')).toMatchObject({ periodLabel: '2026年度' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../helpers/build-test-app';
import { testDialects } from '../helpers/test-db';

interface Node {
  id: string;
  kind: string;
  code: string;
  title: string;
  version: number;
  parentId: string | null;
}
interface StatusView {
  nodeId: string;
  code: string;
  status: string | null;
  reasons: { code: string; text: string }[];
  progressPct: number;
  counts: Record<string, number>;
  leads: string[];
}

describe.each(testDialects())('[%s] status, my tasks and the cockpit', (dialect) => {
  let t: TestApp;
  let office: Client;
  let reporter: Client;
  let lead: Client;
  let now = new Date('2026-11-02T02:00:00Z');
  let a: Node;
  let b: Node;

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: () => now });
    office = await t.as('office1');
    reporter = await t.as('reporter1');
    lead = await t.as('lead1');
    const fgw = (await t.ctx.db.selectFrom('unit').select('id').where('name', '=', '省发展改革委').executeTakeFirstOrThrow()).id;
    const deyang = (await t.ctx.db.selectFrom('unit').select('id').where('name', '=', '德阳市').executeTakeFirstOrThrow()).id;
    const nodes = ((await office.get(`/api/plans/${t.planId}/nodes`)).json() as { items: Node[] }).items;
    const tasks = nodes.filter((n) => n.kind === 'task' && n.code.startsWith('3.1.'));
    for (const [i, n] of tasks.slice(0, 2).entries()) {
      const dated = (await office.patch(`/api/plans/${t.planId}/nodes/${n.id}`, { version: n.version, startOn: '2026-01-01', dueOn: '2026-12-31', priority: i === 0 ? 'high' : 'normal' })).json() as Node;
      const assigned = (await office.request({ method: 'PUT', url: `/api/plans/${t.planId}/nodes/${n.id}/assignments`, payload: { version: dated.version, leads: [fgw], participants: i === 0 ? [deyang] : [] } })).json() as { node: Node };
      if (i === 0) a = assigned.node;
      else b = assigned.node;
    }
    await office.post(`/api/plans/${t.planId}/cycles`, { frequency: 'monthly', year: 2026, index: 10, dueOn: '2026-11-05' });
    const reports = ((await reporter.get('/api/reports?role=lead')).json() as { items: { id: string; nodeId: string; version: number }[] }).items;
    const rb = reports.find((r) => r.nodeId === b.id)!;
    const saved = (await reporter.patch(`/api/reports/${rb.id}`, { version: rb.version, progressPct: 95, narrative: '按计划推进' })).json() as { version: number };
    const submitted = (await reporter.post(`/api/reports/${rb.id}/submit`, { version: saved.version })).json() as { version: number };
    await lead.post(`/api/reports/${rb.id}/approve`, { version: submitted.version });
    now = new Date('2026-11-20T02:00:00Z');
    // Sessions idle out when the clock jumps weeks ahead: sign in again.
    office = await t.as('office1');
    reporter = await t.as('reporter1');
  });
  afterAll(() => t.close());

  const status = async (c: Client, lang = 'zh-CN') =>
    ((await c.request({ method: 'GET', url: `/api/plans/${t.planId}/status`, headers: { 'accept-language': lang } })).json() as { asOf: string; items: StatusView[] });

  it('derives each task’s status with reasons in words, as of today in China', async () => {
    const s = await status(office);
    expect(s.asOf).toBe('2026-11-20');
    const sa = s.items.find((x) => x.nodeId === a.id)!;
    expect(sa.status).toBe('red');
    expect(sa.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['behind_plan', 'report_missing']));
    expect(sa.reasons.find((r) => r.code === 'report_missing')!.text).toBe('2026年10月报告未提交');
    const sb = s.items.find((x) => x.nodeId === b.id)!;
    expect(sb).toMatchObject({ status: 'green', reasons: [] });
    expect((await status(office, 'en-US')).items.find((x) => x.nodeId === a.id)!.reasons.find((r) => r.code === 'report_missing')!.text).toMatch(/not/i);
  });

  it('rolls progress and counts up to the article and part', async () => {
    const s = await status(office);
    const article = s.items.find((x) => x.code === '3.1')!;
    expect(article.counts.red).toBe(1);
    expect(article.counts.green).toBe(1);
    expect(article.progressPct).toBeGreaterThan(0);
    const part = s.items.find((x) => x.code === '3')!;
    expect(part.counts.red).toBe(article.counts.red);
  });

  it('lists a unit’s tasks with filters and sorting; other units see their own', async () => {
    const mine = (await reporter.get(`/api/plans/${t.planId}/my-tasks?sort=status`)).json() as { items: (StatusView & { role: string })[]; total: number };
    expect(mine.total).toBe(2);
    expect(mine.items.map((x) => x.nodeId)).toEqual([a.id, b.id]);
    expect(((await reporter.get(`/api/plans/${t.planId}/my-tasks?status=green`)).json() as { items: StatusView[] }).items.map((x) => x.nodeId)).toEqual([b.id]);
    expect(((await reporter.get(`/api/plans/${t.planId}/my-tasks?priority=high`)).json() as { total: number }).total).toBe(1);
    const deyang = await t.as('admin');
    const deyangId = (await t.ctx.db.selectFrom('unit').select('id').where('name', '=', '德阳市').executeTakeFirstOrThrow()).id;
    const supported = (await deyang.get(`/api/plans/${t.planId}/my-tasks?unitId=${deyangId}`)).json() as { items: { role: string }[] };
    expect(supported.items.map((x) => x.role)).toEqual(['participant']);
    const chengdu = await t.as('reporter2');
    expect(((await chengdu.get(`/api/plans/${t.planId}/my-tasks?unitId=${deyangId}`)).json() as { total: number }).total).toBe(0);
  });

  it('lets the office override a status with a reason and an expiry, audited, and revoke it', async () => {
    const res = await office.request({ method: 'PUT', url: `/api/plans/${t.planId}/nodes/${a.id}/status-override`, payload: { status: 'yellow', reason: '已报省政府专题会协调', expiresOn: '2026-12-31' } });
    expect(res.statusCode).toBe(200);
    const sa = (await status(office)).items.find((x) => x.nodeId === a.id)!;
    expect(sa.status).toBe('yellow');
    expect(sa.reasons[0]!.code).toBe('override');
    expect(sa.reasons[0]!.text).toContain('已报省政府专题会协调');
    expect((await reporter.request({ method: 'PUT', url: `/api/plans/${t.planId}/nodes/${a.id}/status-override`, payload: { status: 'green', reason: '自己说了算', expiresOn: '2026-12-31' } })).statusCode).toBe(403);
    expect((await office.del(`/api/plans/${t.planId}/nodes/${a.id}/status-override`)).statusCode).toBe(204);
    expect((await status(office)).items.find((x) => x.nodeId === a.id)!.status).toBe('red');
    const audit = (await (await t.as('admin')).get(`/api/audit?entityId=${a.id}&action=status.`)).json() as { items: { action: string }[] };
    expect(audit.items.map((e) => e.action)).toEqual(['status.override_revoke', 'status.override']);
  });

  it('answers repeated reads from the kept page, with an ETag; a change gives a new page and tag', async () => {
    const url = `/api/plans/${t.planId}/my-tasks?sort=code&status=red`;
    const mine = await reporter.get(url);
    const again = await reporter.get(url);
    expect(again.body).toBe(mine.body);
    const tag = mine.headers.etag as string;
    expect(tag).toMatch(/^".+"$/);
    expect(again.headers.etag).toBe(tag);
    const notModified = await reporter.request({ method: 'GET', url, headers: { 'if-none-match': tag } });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
    const before = (mine.json() as { items: StatusView[] }).items.map((x) => x.nodeId);
    expect(before).toContain(a.id);
    // An override changes the status: the kept page must not be handed out again.
    await office.request({ method: 'PUT', url: `/api/plans/${t.planId}/nodes/${a.id}/status-override`, payload: { status: 'green', reason: '专题会已协调解决', expiresOn: '2026-12-31' } });
    const after = await reporter.request({ method: 'GET', url, headers: { 'if-none-match': tag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(tag);
    expect((after.json() as { items: StatusView[] }).items.map((x) => x.nodeId)).not.toContain(a.id);
    const statusTag = (await office.get(`/api/plans/${t.planId}/status`)).headers.etag as string;
    expect((await office.request({ method: 'GET', url: `/api/plans/${t.planId}/status`, headers: { 'if-none-match': statusTag } })).statusCode).toBe(304);
    expect((await office.del(`/api/plans/${t.planId}/nodes/${a.id}/status-override`)).statusCode).toBe(204);
    expect((await reporter.get(url)).body).toBe(mine.body);
  });

  it('builds the cockpit: overall, by part and key area, the lagging list, units and divisions', async () => {
    const c = (await office.get(`/api/plans/${t.planId}/cockpit`)).json() as {
      overall: { counts: Record<string, number> };
      parts: StatusView[];
      keyAreas: { key: string; counts: Record<string, number> }[];
      lagging: StatusView[];
      units: { unitName: string; leadTasks: number; red: number; reportsDue: number; reportsOnTime: number; reportsMissing: number }[];
      divisions: { code: string; worst: string; taskIds: string[] }[];
    };
    expect(c.overall.counts.red).toBe(1);
    // Articles without tasks are not counted as tasks.
    const tasks = await t.ctx.db.selectFrom('plan_node').select((eb) => eb.fn.countAll().as('n')).where('kind', '=', 'task').where('deleted_at', 'is', null).executeTakeFirstOrThrow();
    expect(Object.values(c.overall.counts).reduce((a, b) => a + b, 0)).toBe(Number(tasks.n));
    expect(c.parts).toHaveLength(4);
    expect(c.keyAreas.find((k) => k.key === 'transport')!.counts.green).toBe(1);
    expect(c.lagging.map((x) => x.nodeId)).toEqual([a.id]);
    expect(c.lagging[0]!.leads).toEqual(['省发展改革委']);
    expect(c.units[0]).toMatchObject({ unitName: '省发展改革委', leadTasks: 2, red: 1, reportsDue: 2, reportsOnTime: 1, reportsMissing: 1 });
    expect(c.divisions).toEqual([{ code: '510600', counts: expect.any(Object), worst: 'red', taskIds: [a.id] }]);
    expect((await (await t.as('viewer1')).get(`/api/plans/${t.planId}/cockpit`)).statusCode).toBe(200);
  });
});

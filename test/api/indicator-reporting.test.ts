import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cockpitIndicators } from '../../src/services/indicator';
import { buildTestApp, type Client, type TestApp } from '../helpers/build-test-app';
import { testDialects } from '../helpers/test-db';

interface Report {
  id: string;
  state: string;
  value: number | null;
  period: string;
  divisionCode: string;
  version: number;
  allowedActions: string[];
  editable: boolean;
  returnComment: string | null;
}
interface Due {
  indicatorId: string;
  cycleId: string;
  period: string;
  divisionCode: string;
  report: Report | null;
}
interface Detail {
  observations: { divisionCode: string; period: string; value: number | null; origin: string }[];
  status: { status: string; latest: { period: string; value: number } | null };
}

describe.each(testDialects())('[%s] indicators in delivery: task links and cycle reporting', (dialect) => {
  let t: TestApp;
  let office: Client;
  let reporter: Client;
  let reporter2: Client;
  let lead: Client;
  let viewer: Client;
  let indicatorId: string;
  let cycleId: string;
  let units: Map<string, string>;

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: () => new Date('2026-11-28T02:00:00Z') });
    office = await t.as('office1');
    reporter = await t.as('reporter1');
    reporter2 = await t.as('reporter2');
    lead = await t.as('lead1');
    viewer = await t.as('viewer1');
    units = new Map((await t.ctx.db.selectFrom('unit').select(['id', 'name']).execute()).map((u) => [u.name, u.id]));
    const created = await office.post('/api/indicators', {
      code: 'fixed_asset_investment',
      nameZh: '固定资产投资',
      nameEn: 'Fixed-asset investment',
      unit: '亿元',
      frequency: 'month',
      aggregation: 'sum',
      divisionLevel: 'province',
      ownerUnitId: units.get('省发展改革委'),
    });
    expect(created.statusCode).toBe(201);
    indicatorId = (created.json() as { id: string }).id;
    expect((await office.request({ method: 'PUT', url: `/api/indicators/${indicatorId}/targets`, payload: { divisionCode: '510000', period: '2026-12', value: 1000 } })).statusCode).toBe(200);
    const cycle = await office.post(`/api/plans/${t.planId}/cycles`, { frequency: 'monthly', year: 2026, index: 11 });
    expect(cycle.statusCode).toBe(201);
    cycleId = (cycle.json() as { id: string }).id;
  });
  afterAll(() => t.close());

  it('links an indicator to plan tasks, shows it on the task, and unlinks it, audited', async () => {
    const tasks = await t.ctx.db.selectFrom('plan_node').select(['id']).where('kind', '=', 'task').where('deleted_at', 'is', null).orderBy('sort_key').limit(2).execute();
    const ids = tasks.map((x) => x.id);
    expect((await reporter.post(`/api/indicators/${indicatorId}/tasks`, { nodeIds: ids })).statusCode).toBe(403);
    expect((await viewer.post(`/api/indicators/${indicatorId}/tasks`, { nodeIds: ids })).statusCode).toBe(403);
    const linked = (await office.post(`/api/indicators/${indicatorId}/tasks`, { nodeIds: [...ids, ids[0]] })).json() as { items: { nodeId: string }[] };
    expect(linked.items.map((i) => i.nodeId).sort()).toEqual([...ids].sort());
    expect((await office.post(`/api/indicators/${indicatorId}/tasks`, { nodeIds: ['no-such-node'] })).json()).toMatchObject({ error: { code: 'NODE_NOT_FOUND' } });
    expect((await office.post(`/api/indicators/${indicatorId}/tasks`, { nodeIds: [] })).statusCode).toBe(400);
    expect(((await viewer.get(`/api/indicators/${indicatorId}/tasks`)).json() as { items: unknown[] }).items).toHaveLength(2);
    const onTask = (await viewer.get(`/api/plans/${t.planId}/nodes/${ids[0]}/indicators`)).json() as { items: { indicatorId: string; code: string; ownerUnitName: string }[] };
    expect(onTask.items).toEqual([expect.objectContaining({ indicatorId, code: 'fixed_asset_investment', ownerUnitName: '省发展改革委' })]);
    expect((await viewer.get(`/api/plans/${t.planId}/nodes/no-such-node/indicators`)).json()).toEqual({ items: [] });

    const after = (await office.request({ method: 'DELETE', url: `/api/indicators/${indicatorId}/tasks/${ids[1]}` })).json() as { items: { nodeId: string }[] };
    expect(after.items.map((i) => i.nodeId)).toEqual([ids[0]]);
    expect((await office.request({ method: 'DELETE', url: `/api/indicators/${indicatorId}/tasks/${ids[1]}` })).statusCode).toBe(404);
    expect((await reporter.request({ method: 'DELETE', url: `/api/indicators/${indicatorId}/tasks/${ids[0]}` })).statusCode).toBe(403);
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', indicatorId).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['indicator.link_tasks', 'indicator.unlink_task']));
  });

  it("lists the figures due in the open cycle for the owner unit only", async () => {
    const due = (await reporter.get('/api/indicator-reports/due')).json() as { items: Due[] };
    const mine = due.items.filter((d) => d.indicatorId === indicatorId);
    expect(mine).toEqual([expect.objectContaining({ cycleId, cycleLabel: '2026年11月', cycleLabelEn: 'Nov 2026', period: '2026-11', divisionCode: '510000', report: null })]);
    // Another unit's reporter is not asked for it; the office and the leaders do not file.
    const other = (await reporter2.get('/api/indicator-reports/due')).json() as { items: Due[] };
    expect(other.items.some((d) => d.indicatorId === indicatorId)).toBe(false);
    expect((await office.get('/api/indicator-reports/due')).statusCode).toBe(403);
    expect((await viewer.get('/api/indicator-reports/due')).statusCode).toBe(403);
  });

  it('takes a figure from draft to accepted; only the accepted value counts', async () => {
    const body = { cycleId, divisionCode: '510000', period: '2026-11', value: 880.5, source: '省统计局月报', note: '快报数' };
    expect((await reporter2.post(`/api/indicators/${indicatorId}/reports`, body)).statusCode).toBe(403);
    expect((await office.post(`/api/indicators/${indicatorId}/reports`, body)).statusCode).toBe(403);
    expect((await reporter.post(`/api/indicators/${indicatorId}/reports`, { ...body, period: '2026-10' })).json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect((await reporter.post(`/api/indicators/${indicatorId}/reports`, { ...body, divisionCode: '999999' })).json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect((await reporter.post(`/api/indicators/${indicatorId}/reports`, { ...body, cycleId: 'no-such-cycle' })).statusCode).toBe(404);

    let r = (await reporter.post(`/api/indicators/${indicatorId}/reports`, { ...body, value: null })).json() as Report;
    expect(r).toMatchObject({ state: 'draft', editable: true, allowedActions: ['submit'], version: 1 });
    expect((await reporter.post(`/api/indicators/${indicatorId}/reports`, body)).statusCode).toBe(409);
    // A draft is the unit's own: the office does not see it yet, another unit never does.
    expect(((await office.get(`/api/indicator-reports?indicatorId=${indicatorId}`)).json() as { total: number }).total).toBe(0);
    expect(((await reporter2.get(`/api/indicator-reports?indicatorId=${indicatorId}`)).json() as { total: number }).total).toBe(0);

    expect((await reporter.post(`/api/indicator-reports/${r.id}/submit`, { version: 1 })).json()).toMatchObject({ error: { code: 'REPORT_INCOMPLETE' } });
    expect((await reporter2.request({ method: 'PATCH', url: `/api/indicator-reports/${r.id}`, payload: { version: 1, value: 1 } })).statusCode).toBe(404);
    r = (await reporter.request({ method: 'PATCH', url: `/api/indicator-reports/${r.id}`, payload: { version: 1, value: 880.5 } })).json() as Report;
    expect(r).toMatchObject({ value: 880.5, version: 2 });
    expect((await reporter.request({ method: 'PATCH', url: `/api/indicator-reports/${r.id}`, payload: { version: 1, value: 2 } })).statusCode).toBe(409);
    expect((await reporter.post(`/api/indicator-reports/${r.id}/accept`, { version: 2 })).statusCode).toBe(403);
    r = (await reporter.post(`/api/indicator-reports/${r.id}/submit`, { version: 2 })).json() as Report;
    expect(r).toMatchObject({ state: 'submitted', editable: false, allowedActions: [] });
    const toOffice = await t.ctx.db.selectFrom('notification').select('title').where('kind', '=', 'report_submitted').execute();
    expect(toOffice.some((n) => n.title.includes('待审核指标填报') && n.title.includes('固定资产投资'))).toBe(true);
    expect((await reporter.request({ method: 'PATCH', url: `/api/indicator-reports/${r.id}`, payload: { version: 3, value: 2 } })).json()).toMatchObject({ error: { code: 'REPORT_NOT_EDITABLE' } });

    // Submitted but not accepted: pending in the list, absent from the series and the status.
    const queue = (await office.get('/api/indicator-reports?state=submitted')).json() as { items: Report[]; total: number };
    expect(queue.items.find((x) => x.id === r.id)).toMatchObject({ allowedActions: ['accept', 'return'] });
    let d = (await viewer.get(`/api/indicators/${indicatorId}?division=510000`)).json() as Detail;
    expect(d.observations).toEqual([]);
    expect(d.status.latest).toBeNull();

    expect((await office.post(`/api/indicator-reports/${r.id}/return`, { version: 3 })).json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    r = (await office.post(`/api/indicator-reports/${r.id}/return`, { version: 3, comment: '请注明数据口径' })).json() as Report;
    expect(r).toMatchObject({ state: 'returned', returnComment: '请注明数据口径' });
    const note = await t.ctx.db.selectFrom('notification').select('title').where('kind', '=', 'report_returned').execute();
    expect(note.some((n) => n.title.includes('固定资产投资'))).toBe(true);
    r = (await reporter.request({ method: 'PATCH', url: `/api/indicator-reports/${r.id}`, payload: { version: 4, note: '快报数，全口径' } })).json() as Report;
    r = (await reporter.post(`/api/indicator-reports/${r.id}/submit`, { version: 5 })).json() as Report;
    expect((await office.post(`/api/indicator-reports/${r.id}/accept`, { version: 5 })).statusCode).toBe(409);
    r = (await office.post(`/api/indicator-reports/${r.id}/accept`, { version: 6 })).json() as Report;
    expect(r.state).toBe('accepted');
    expect((await office.post(`/api/indicator-reports/${r.id}/return`, { version: 7, comment: 'x' })).json()).toMatchObject({ error: { code: 'REPORT_TRANSITION_INVALID' } });

    d = (await viewer.get(`/api/indicators/${indicatorId}?division=510000`)).json() as Detail;
    expect(d.observations).toEqual([expect.objectContaining({ divisionCode: '510000', period: '2026-11', value: 880.5, origin: 'report' })]);
    expect(d.status).toMatchObject({ latest: { period: '2026-11', value: 880.5 }, status: 'on_track' });
    const cockpit = (await viewer.get(`/api/plans/${t.planId}/cockpit/indicators`)).json() as { items: { indicatorId: string; latest: { value: number } | null }[] };
    expect(cockpit.items.find((i) => i.indicatorId === indicatorId)?.latest?.value).toBe(880.5);

    const due = (await reporter.get(`/api/indicator-reports/due?cycleId=${cycleId}`)).json() as { items: Due[] };
    expect(due.items.find((x) => x.indicatorId === indicatorId)?.report).toMatchObject({ id: r.id, state: 'accepted' });
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', r.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['indicator_report.create', 'indicator_report.save', 'indicator_report.submit', 'indicator_report.return', 'indicator_report.accept']));
    // The unit lead and leaders read the unit's or all submitted figures; another unit sees none of them.
    expect(((await lead.get(`/api/indicator-reports?indicatorId=${indicatorId}`)).json() as { total: number }).total).toBe(1);
    expect(((await viewer.get(`/api/indicator-reports?indicatorId=${indicatorId}`)).json() as { total: number }).total).toBe(1);
    expect(((await reporter2.get(`/api/indicator-reports?indicatorId=${indicatorId}`)).json() as { total: number }).total).toBe(0);
  });

  it('refuses filing into a closed cycle and for an indicator without owner unit', async () => {
    const noOwner = (await office.post('/api/indicators', { code: 'no_owner', nameZh: '无牵头单位', nameEn: 'No owner', unit: '个', frequency: 'month', aggregation: 'sum', divisionLevel: 'province' })).json() as { id: string };
    expect((await reporter.post(`/api/indicators/${noOwner.id}/reports`, { cycleId, divisionCode: '510000', period: '2026-11', value: 1 })).json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const c = (await office.post(`/api/plans/${t.planId}/cycles`, { frequency: 'monthly', year: 2026, index: 10 })).json() as { id: string; version: number };
    expect((await office.request({ method: 'PATCH', url: `/api/cycles/${c.id}`, payload: { version: c.version, state: 'closed' } })).statusCode).toBe(200);
    expect((await reporter.post(`/api/indicators/${indicatorId}/reports`, { cycleId: c.id, divisionCode: '510000', period: '2026-10', value: 1, source: 's' })).json()).toMatchObject({ error: { code: 'CYCLE_CLOSED' } });
  });

  // Observed and derived indicators alike: the derived ones' inputs are read in one query, not one per indicator.
  it('feeds the cockpit with a fixed number of queries however many indicators have targets', async () => {
    let queries = 0;
    const counter: KyselyPlugin = { transformQuery: (a) => (queries++, a.node), transformResult: async (a) => a.result };
    const ctx = { ...t.ctx, db: t.ctx.db.withPlugin(counter) };
    const count = async () => {
      queries = 0;
      const feed = await cockpitIndicators(ctx, t.planId, '2026-11-28', 'zh');
      return { queries, items: feed.items.length };
    };
    const list = (await viewer.get('/api/indicators?pageSize=200')).json() as { items: { id: string; code: string }[] };
    const id = (code: string) => list.items.find((i) => i.code === code)!.id;
    const target = (code: string, divisionCode: string) => office.request({ method: 'PUT', url: `/api/indicators/${id(code)}/targets`, payload: { divisionCode, period: '2027', value: 1 } });
    expect((await target('gdp', '510000')).statusCode).toBe(200);
    expect((await target('gdp_share_chengdu_sichuan', '510100')).statusCode).toBe(200);
    const before = await count();
    expect((await target('gdp_circle', 'region:circle')).statusCode).toBe(200);
    expect((await target('gdp_share_chengdu_sc_cq', '510100')).statusCode).toBe(200);
    const after = await count();
    expect(after.items).toBe(before.items + 2);
    expect(after.queries).toBe(before.queries);
    expect(after.queries).toBeLessThanOrEqual(8);
  });
});

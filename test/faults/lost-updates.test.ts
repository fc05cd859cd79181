import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../helpers/build-test-app';
import { testDialects } from '../helpers/test-db';

/**
 * Every versioned resource, saved by many writers holding the same version at once: exactly one may win.
 * A service that compares the version it read but does not check that its guarded UPDATE touched a row lets
 * every writer "win" on PostgreSQL (each reads the old version before any commits) and each writes an audit row.
 */
const WRITERS = 20;

type Method = 'PATCH' | 'PUT' | 'POST';
interface Target {
  method: Method;
  url: string;
  version: number;
  /** The audit rows of this change are the ones naming this entity. */
  entityId: string;
  body: (writer: number, version: number) => object;
  /** A loser that reads the winner's committed change may be refused for what it sees (already published) rather than its version. */
  conflictCodes?: string[];
}

describe.each(testDialects())('[%s] concurrent saves with the same version', (dialect) => {
  let t: TestApp;
  let office: Client;
  let admin: Client;
  let reporter: Client;
  let fgw: string;
  let cycleId: string;
  let cycleVersion: number;

  const unitId = async (name: string) => (await t.ctx.db.selectFrom('unit').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const created = async (c: Client, url: string, body: object) => {
    const res = await c.post(url, body);
    // A project report is opened on first request (200 when it already exists, as here it may).
    expect([200, 201], `${url}: ${res.body}`).toContain(res.statusCode);
    return res.json() as { id: string; version: number };
  };
  const auditCount = async (entityId: string) => Number((await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('entity_id', '=', entityId).executeTakeFirstOrThrow()).n);
  const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const taskRow = async (code: string) => {
    const r = await t.ctx.db.selectFrom('plan_node').select(['id', 'version']).where('kind', '=', 'task').where('code', '=', code).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
    return { id: r.id, version: Number(r.version) };
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    office = await t.as('office1');
    admin = await t.as('admin');
    reporter = await t.as('reporter1');
    fgw = await unitId('省发展改革委');
    const cycle = await created(office, `/api/plans/${t.planId}/cycles`, { frequency: 'monthly', year: 2026, index: 10, dueOn: '2026-11-05' });
    cycleId = cycle.id;
    cycleVersion = cycle.version;
  });
  afterAll(() => t.close());

  /** Fires the writers together and checks one 200, the rest 409 VERSION_CONFLICT, and one new audit row. */
  async function race(who: Client, target: Target, writers = WRITERS) {
    const before = await auditCount(target.entityId);
    const results = await Promise.all(
      Array.from({ length: writers }, (_, i) => who.request({ method: target.method, url: target.url, payload: target.body(i, target.version) })),
    );
    const statuses = results.map((r) => r.statusCode);
    const shown = JSON.stringify(statuses) + ' ' + (results.find((r) => r.statusCode !== 200 && r.statusCode !== 409)?.body ?? '');
    expect(statuses.filter((s) => s === 200), shown).toHaveLength(1);
    expect(statuses.filter((s) => s === 409), shown).toHaveLength(writers - 1);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(target.conflictCodes ?? ['VERSION_CONFLICT']).toContain((r.json() as { error: { code: string } }).error.code);
    expect(await auditCount(target.entityId)).toBe(before + 1);
  }

  const patch = (url: string, r: { id: string; version: number }, body: (i: number) => object): Target => ({ method: 'PATCH', url, version: r.version, entityId: r.id, body: (i, version) => ({ version, ...body(i) }) });

  it('meeting', async () => {
    const m = await created(office, `/api/plans/${t.planId}/meetings`, { layer: 'execution', title: '交通专项工作组第三次会议', heldOn: '2026-09-20', body: '交通专项工作组' });
    await race(office, patch(`/api/meetings/${m.id}`, m, (i) => ({ title: `交通专项工作组第三次会议（第${i}稿）` })));
  });

  it('national request', async () => {
    const r = await created(office, `/api/plans/${t.planId}/national-requests`, { title: '争取成渝中线高铁纳入国家中长期铁路网规划', type: 'project', addressedTo: '国家发展改革委', leadUnitId: fgw });
    await race(office, patch(`/api/national-requests/${r.id}`, r, (i) => ({ outcome: `国家部委已复函（第${i}稿）` })));
  });

  it('agreement', async () => {
    const a = await created(office, `/api/plans/${t.planId}/agreements`, {
      title: '川渝共建西部陆海新通道合作协议',
      parties: [{ name: '四川省交通运输厅', side: 'sichuan' }, { name: '重庆市交通运输委员会', side: 'chongqing' }],
      level: 'department',
      signedOn: '2026-11-01',
    });
    await race(office, patch(`/api/agreements/${a.id}`, a, (i) => ({ title: `川渝共建西部陆海新通道合作协议（第${i}稿）` })));
  });

  it('unit', async () => {
    const u = await t.ctx.db.selectFrom('unit').select(['id', 'version']).where('name', '=', '省交通运输厅').executeTakeFirstOrThrow();
    await race(admin, patch(`/api/units/${u.id}`, { id: u.id, version: Number(u.version) }, (i) => ({ fullName: `四川省交通运输厅（${i}）` })));
  });

  it('user', async () => {
    const u = await t.ctx.db.selectFrom('app_user').select(['id', 'version']).where('username', '=', 'viewer1').executeTakeFirstOrThrow();
    await race(admin, patch(`/api/users/${u.id}`, { id: u.id, version: Number(u.version) }, (i) => ({ displayName: `观察员${i}` })));
  });

  it('cycle', async () => {
    await race(office, patch(`/api/cycles/${cycleId}`, { id: cycleId, version: cycleVersion }, (i) => ({ dueOn: `2026-11-${String(6 + i).padStart(2, '0')}` })));
  });

  it('project and its monthly report (save and submit)', async () => {
    const p = await created(office, '/api/projects', { title: '成都天府国际机场二期', category: 'transport.air', phase: 'preparation', budgetTotal: 300, divisionCodes: ['510100'], unitId: fgw });
    await race(office, patch(`/api/projects/${p.id}`, p, (i) => ({ title: `成都天府国际机场二期（第${i}稿）` })));
    const report = await created(reporter, `/api/projects/${p.id}/reports`, { cycleId });
    await race(reporter, patch(`/api/project-reports/${report.id}`, report, (i) => ({ investmentMonth: i, physicalPct: i, narrative: `完成航站楼桩基工程（第${i}稿）` })));
    await race(reporter, { method: 'POST', url: `/api/project-reports/${report.id}/submit`, version: report.version + 1, entityId: report.id, body: (_, version) => ({ version }) });
  });

  it('bulletin draft (edit, refresh, publish)', async () => {
    const b = await created(office, `/api/plans/${t.planId}/bulletins`, { cycleId });
    await race(office, patch(`/api/bulletins/${b.id}`, b, (i) => ({ title: `成渝地区双城经济圈建设工作简报（第${i}稿）` })));
    await race(office, { method: 'POST', url: `/api/bulletins/${b.id}/refresh`, version: b.version + 1, entityId: b.id, body: (_, version) => ({ version }) });
    // Each publisher renders the files first (about a second of CPU), so fewer of them race here.
    await race(office, { method: 'POST', url: `/api/bulletins/${b.id}/publish`, version: b.version + 2, entityId: b.id, body: (_, version) => ({ version }), conflictCodes: ['VERSION_CONFLICT', 'BULLETIN_PUBLISHED'] }, 4);
  });

  it('assessment period', async () => {
    const p = await created(office, `/api/plans/${t.planId}/assessment/periods`, { kind: 'quarter', year: 2026, quarter: 2 });
    await race(office, patch(`/api/assessment/periods/${p.id}`, p, (i) => ({ label: `2026年第二季度考核（${i}）` })));
    const detail = (await office.get(`/api/assessment/periods/${p.id}`)).json() as { version: number; items: { rule: string; title: string; maxPoints: number; params: object }[] };
    const items = detail.items.map(({ rule, title, maxPoints, params }) => ({ rule, title, maxPoints, params }));
    await race(office, { method: 'PUT', url: `/api/assessment/periods/${p.id}/items`, version: detail.version, entityId: p.id, body: (i, version) => ({ version, items: items.map((it, k) => (k === 0 ? { ...it, title: `${it.title}（${i}）` } : it)) }) });
  });

  it('indicator definition and target', async () => {
    const ind = await created(office, '/api/indicators', { code: 'rd_intensity_race', nameZh: 'R&D经费投入强度', nameEn: 'R&D intensity', unit: '%', frequency: 'year', aggregation: 'share', divisionLevel: 'province', source: '统计公报' });
    await race(office, patch(`/api/indicators/${ind.id}`, ind, (i) => ({ nameEn: `R&D intensity ${i}` })));
    const put = await office.request({ method: 'PUT', url: `/api/indicators/${ind.id}/targets`, payload: { divisionCode: '510000', period: '2027', value: 3 } });
    expect(put.statusCode, put.body).toBe(200);
    const saved = put.json() as { version: number };
    await race(office, { method: 'PUT', url: `/api/indicators/${ind.id}/targets`, version: saved.version, entityId: ind.id, body: (i, version) => ({ divisionCode: '510000', period: '2027', value: 3 + i, version }) });
  });

  it('plan task (edit, assign units) and a supervision item (respond, close)', async () => {
    const task = await taskRow('3.1.2');
    await race(office, { method: 'PATCH', url: `/api/plans/${t.planId}/nodes/${task.id}`, version: task.version, entityId: task.id, body: (i, version) => ({ version, title: `推动成渝中线高铁建设（第${i}稿）` }) });
    const assigned = await taskRow('3.1.2');
    await race(office, { method: 'PUT', url: `/api/plans/${t.planId}/nodes/${task.id}/assignments`, version: assigned.version, entityId: task.id, body: (_, version) => ({ version, leads: [fgw], participants: [] }) });
    const item = await created(office, `/api/plans/${t.planId}/supervision`, { nodeId: task.id, unitId: fgw, level: 'remind', message: '请加快推进并报送10月进展', responseDueOn: inDays(14) });
    await race(reporter, { method: 'POST', url: `/api/supervision/${item.id}/respond`, version: item.version, entityId: item.id, body: (i, version) => ({ version, response: `已召开专题会（第${i}稿）` }) });
    await race(office, { method: 'POST', url: `/api/supervision/${item.id}/close`, version: item.version + 1, entityId: item.id, body: (_, version) => ({ version, comment: '已整改' }) });
  });

  it('network link, station position and scenario', async () => {
    const link = await t.ctx.db.selectFrom('network_link').select(['id', 'version']).orderBy('id').executeTakeFirstOrThrow();
    await race(office, { method: 'PATCH', url: `/api/network/links/${link.id}`, version: Number(link.version), entityId: link.id, body: (i, version) => ({ version, minutesNote: `实测（第${i}次）` }) });
    const node = await t.ctx.db.selectFrom('network_node').select(['id', 'version']).orderBy('id').executeTakeFirstOrThrow();
    await race(office, { method: 'PATCH', url: `/api/network/nodes/${node.id}`, version: Number(node.version), entityId: node.id, body: (i, version) => ({ version, lon: 104 + i / 1000, lat: 30.6 }) });
    const s = await created(office, '/api/network/scenarios', { name: '成渝高铁提速至45分钟' });
    await race(office, patch(`/api/network/scenarios/${s.id}`, s, (i) => ({ name: `成渝高铁提速方案${i}` })));
  });

  // Removals carry no version: the row as read (present, not yet removed) is the guard, so of many
  // simultaneous removals one succeeds and the rest find nothing (404), with one audit row.
  it('scenario removal and assessment adjustment removal', async () => {
    const removeRace = async (who: Client, url: string, entityId: string) => {
      const before = await auditCount(entityId);
      const statuses = (await Promise.all(Array.from({ length: WRITERS }, () => who.request({ method: 'DELETE', url })))).map((r) => r.statusCode);
      expect(statuses.filter((s) => s === 204), JSON.stringify(statuses)).toHaveLength(1);
      expect(statuses.filter((s) => s === 404), JSON.stringify(statuses)).toHaveLength(WRITERS - 1);
      expect(await auditCount(entityId)).toBe(before + 1);
    };
    const s = await created(office, '/api/network/scenarios', { name: '成渝中线提前通车' });
    await removeRace(office, `/api/network/scenarios/${s.id}`, s.id);

    const period = await created(office, `/api/plans/${t.planId}/assessment/periods`, { kind: 'quarter', year: 2026, quarter: 3 });
    const adj = await created(office, `/api/assessment/periods/${period.id}/adjustments`, { unitId: fgw, points: 2, reason: '牵头完成成渝中线先期工程' });
    await removeRace(office, `/api/assessment/adjustments/${adj.id}`, period.id);
  });

  it('leaves an audit chain that still verifies', async () => {
    expect((await admin.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
  });
});

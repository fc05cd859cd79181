import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFresh, computePlanStatus, statusComputations, type PlanStatus } from '../../src/services/status/plan-status';
import { buildTestApp, type Client, type TestApp } from '../helpers/build-test-app';
import { testDialects } from '../helpers/test-db';

interface Node {
  id: string;
  kind: string;
  title: string;
  version: number;
}
interface Report {
  id: string;
  version: number;
}

/** The status as plain data, nodes in id order: what an updated status and a fresh one must agree on. */
const plain = (s: PlanStatus) => JSON.parse(JSON.stringify({ overall: s.overall, nodes: [...s.nodes.values()].sort((a, b) => a.node.id.localeCompare(b.node.id)) })) as unknown;

/**
 * The cached plan status is brought up to date from the audit entries of each write: one task's report,
 * edit, units or override re-derives that task only; cycles and new nodes recompute everything. After
 * every write the updated status must equal a fresh computation from the database.
 */
describe.each(testDialects())('[%s] the plan status kept up to date write by write', (dialect) => {
  let t: TestApp;
  let office: Client;
  let reporter: Client;
  let lead: Client;
  let units: Map<string, string>;
  let previous: PlanStatus;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    office = await t.as('office1');
    reporter = await t.as('reporter1');
    lead = await t.as('lead1');
    units = new Map((await t.ctx.db.selectFrom('unit').select(['id', 'name']).execute()).map((u) => [u.name, u.id]));
    previous = await computePlanStatus(t.ctx, t.planId);
  });
  afterAll(() => t.close());

  /** After a write: the next status was arrived at the expected way, is a new object, and equals a fresh one. */
  async function expectStatus(how: 'updated' | 'full', what: string) {
    const before = { ...statusComputations };
    const next = await computePlanStatus(t.ctx, t.planId);
    expect({ full: statusComputations.full - before.full, updated: statusComputations.updated - before.updated }, what).toEqual(how === 'full' ? { full: 1, updated: 0 } : { full: 0, updated: 1 });
    expect(next, what).not.toBe(previous);
    expect(plain(next), what).toEqual(plain(await computeFresh(t.ctx, t.planId)));
    previous = next;
    return next;
  }
  const ok = async <T = unknown>(res: { statusCode: number; body: string; json(): unknown }, code = 200): Promise<T> => {
    expect(res.statusCode, res.body).toBe(code);
    return (res.statusCode === 204 ? null : res.json()) as T;
  };

  it('follows reports, edits, units and overrides task by task, and recomputes for cycles and new nodes', async () => {
    const nodes = ((await office.get(`/api/plans/${t.planId}/nodes`)).json() as { items: Node[] }).items;
    let task = nodes.find((n) => n.kind === 'task' && n.title.includes('成渝中线'))!;
    const milestone = await ok<Node>(await office.post(`/api/plans/${t.planId}/nodes`, { parentId: task.id, kind: 'milestone', title: '可研批复', dueOn: '2026-12-31' }), 201);
    await expectStatus('full', 'a new milestone');

    task = (await ok<{ node: Node }>(await office.request({ method: 'PUT', url: `/api/plans/${t.planId}/nodes/${task.id}/assignments`, payload: { version: (await ok<Node>(await office.get(`/api/plans/${t.planId}/nodes/${task.id}`))).version, leads: [units.get('省发展改革委')], participants: [units.get('成都市')] } }))).node;
    const assigned = await expectStatus('updated', 'units assigned');
    expect(assigned.nodes.get(task.id)!.leads.map((u) => u.unitName)).toEqual(['省发展改革委']);

    await ok(await office.post(`/api/plans/${t.planId}/cycles`, { frequency: 'monthly', year: 2026, index: 11 }), 201);
    await expectStatus('full', 'a cycle opened');

    const mine = (await reporter.get(`/api/reports?nodeId=${task.id}`)).json() as { items: Report[] };
    let r = mine.items[0]!;
    r = await ok<Report>(await reporter.patch(`/api/reports/${r.id}`, { version: r.version, progressPct: 100, narrative: '可研已批复，先期工程开工' }));
    await expectStatus('updated', 'a report saved');
    r = await ok<Report>(await reporter.post(`/api/reports/${r.id}/submit`, { version: r.version }));
    await expectStatus('updated', 'a report submitted');
    r = await ok<Report>(await lead.post(`/api/reports/${r.id}/approve`, { version: r.version }));
    await expectStatus('updated', 'a report approved');
    await ok(await office.post(`/api/reports/${r.id}/accept`, { version: r.version }));
    const accepted = await expectStatus('updated', 'a report accepted (the task completes)');
    expect(accepted.nodes.get(task.id)!.task!.status).toBe('completed');

    const m = await ok<Node>(await office.get(`/api/plans/${t.planId}/nodes/${milestone.id}`));
    await ok(await office.patch(`/api/plans/${t.planId}/nodes/${milestone.id}`, { version: m.version, dueOn: '2027-06-30' }));
    await expectStatus('updated', 'a milestone edited (its task is derived again)');

    const other = nodes.filter((n) => n.kind === 'task')[3]!;
    const o = await ok<Node>(await office.get(`/api/plans/${t.planId}/nodes/${other.id}`));
    await ok(await office.patch(`/api/plans/${t.planId}/nodes/${other.id}`, { version: o.version, weight: 5 }));
    await expectStatus('updated', 'a task reweighted (the rollup changes)');

    await ok(await office.request({ method: 'PUT', url: `/api/plans/${t.planId}/nodes/${other.id}/status-override`, payload: { status: 'yellow', reason: '已报省政府专题会协调', expiresOn: '2026-12-31' } }));
    const overridden = await expectStatus('updated', 'a status override');
    expect(overridden.nodes.get(other.id)!.task!.status).toBe('yellow');
    await ok(await office.del(`/api/plans/${t.planId}/nodes/${other.id}/status-override`), 204);
    await expectStatus('updated', 'the override revoked');

    await ok(await office.post(`/api/plans/${t.planId}/supervision`, { nodeId: other.id, unitId: units.get('省发展改革委'), level: 'remind', message: '请报送进展', responseDueOn: '2026-12-20' }), 201);
    await expectStatus('updated', 'a supervision item (no status input)');

    await ok(await office.post(`/api/plans/${t.planId}/nodes`, { parentId: task.id, kind: 'task', title: '成渝中线先期工程' }), 201);
    await expectStatus('full', 'a new task');
  });
});

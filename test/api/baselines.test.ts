import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../helpers/build-test-app';
import { testDialects } from '../helpers/test-db';

describe.each(testDialects())('[%s] the approved blueprint and variance', (dialect) => {
  let t: TestApp;
  let office: Client;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    office = await t.as('office1');
  });
  afterAll(() => t.close());

  it('freezes numbered baselines and shows what moved since the latest', async () => {
    const task = await t.ctx.db.selectFrom('plan_node').select(['id', 'version']).where('code', '=', '3.1.2').executeTakeFirstOrThrow();
    const dated = (await office.patch(`/api/plans/${t.planId}/nodes/${task.id}`, { version: Number(task.version), startOn: '2026-01-01', dueOn: '2026-06-30' })).json() as { version: number };
    expect((await office.get(`/api/plans/${t.planId}/baselines/variance`)).statusCode).toBe(404);
    const v1 = await office.post(`/api/plans/${t.planId}/baselines`, { reason: '领导小组审定施工图' });
    expect(v1.statusCode).toBe(201);
    expect(v1.json()).toMatchObject({ number: 1 });
    await office.patch(`/api/plans/${t.planId}/nodes/${task.id}`, { version: dated.version, dueOn: '2026-09-30', weight: 3 });
    const variance = (await office.get(`/api/plans/${t.planId}/baselines/variance`)).json() as { number: number; items: { nodeId: string; change: string; dueSlipDays: number; weightDelta: number }[] };
    expect(variance.number).toBe(1);
    expect(variance.items).toEqual([expect.objectContaining({ nodeId: task.id, change: 'changed', dueSlipDays: 92, weightDelta: 2 })]);
    const v2 = (await office.post(`/api/plans/${t.planId}/baselines`, { reason: '征地延误，经领导小组同意调整' })).json() as { number: number };
    expect(v2.number).toBe(2);
    expect(((await office.get(`/api/plans/${t.planId}/baselines/variance`)).json() as { items: unknown[] }).items).toEqual([]);
    expect(((await office.get(`/api/plans/${t.planId}/baselines/variance?number=1`)).json() as { items: unknown[] }).items).toHaveLength(1);
    const list = (await office.get(`/api/plans/${t.planId}/baselines`)).json() as { items: { number: number; reason: string; approvedBy: string }[] };
    expect(list.items.map((b) => `${b.number}:${b.reason}`)).toEqual(['2:征地延误，经领导小组同意调整', '1:领导小组审定施工图']);
    expect((await office.post(`/api/plans/${t.planId}/baselines`, { reason: '' })).statusCode).toBe(400);
    expect((await (await t.as('reporter1')).post(`/api/plans/${t.planId}/baselines`, { reason: '擅自调整' })).statusCode).toBe(403);
  });
});

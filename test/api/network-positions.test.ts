import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedData } from '../../src/seed/load-shipped-data';
import { buildTestApp, type Client, type TestApp } from '../helpers/build-test-app';
import { testDialects } from '../helpers/test-db';

// Issue 7: the office corrects a node's position (kept over later shipped data), and the gap panel
// names each attributed project with its library title and the plan's transport tasks.
describe.each(testDialects())('[%s] network: node positions and gap projects', (dialect) => {
  let t: TestApp;
  let office: Client;

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: () => new Date('2026-11-28T02:00:00Z') });
    office = await t.as('office1');
  });
  afterAll(() => t.close());

  it('moves a node: versioned, audited, office only, and a reload of the shipped data keeps it', async () => {
    const net = (await office.get('/api/network')).json() as { nodes: { id: string; lon: number; lat: number; version: number; positionSource?: string }[] };
    const node = net.nodes[0]!;
    const moved = await office.patch(`/api/network/nodes/${node.id}`, { version: node.version, lon: 104.1, lat: 30.7 });
    expect(moved.statusCode).toBe(200);
    expect((await office.patch(`/api/network/nodes/${node.id}`, { version: node.version, lon: 104.2, lat: 30.7 })).statusCode).toBe(409);
    expect((await office.patch(`/api/network/nodes/${node.id}`, { version: node.version + 1, lon: 150, lat: 30.7 })).statusCode).toBe(400);
    expect((await (await t.as('reporter1')).patch(`/api/network/nodes/${node.id}`, { version: node.version + 1, lon: 104.3, lat: 30.7 })).statusCode).toBe(403);

    await t.ctx.db.deleteFrom('seed_state').where('key', '=', 'network').execute();
    expect((await loadShippedData(t.ctx)).applied).toContain('network');
    const after = ((await office.get('/api/network')).json() as typeof net).nodes.find((n) => n.id === node.id)!;
    expect(after).toMatchObject({ lon: 104.1, lat: 30.7, positionSource: 'set by the office', version: node.version + 1 });
    const audit = (await (await t.as('admin')).get(`/api/audit?entityId=${node.id}`)).json() as { items: { action: string }[] };
    expect(audit.items.map((i) => i.action)).toContain('network.node_move');
  });

  it('names each gap project by its library title and lists the plan’s transport tasks for it', async () => {
    const targets = (await office.get('/api/network/targets?date=2025-12-31')).json() as { items: { target: { id: string } }[] };
    const t2 = targets.items[1]!.target.id;
    const gaps = (await office.get(`/api/network/gaps?targetId=${t2}&date=2025-12-31`)).json() as {
      gaps: { projects: { projectId: string }[] }[];
      projectDetails: Record<string, { title: string | null; tasks: { nodeId: string; code: string; title: string; how: string }[] }>;
    };
    const zx = gaps.projectDetails['chengyu-zhongxian']!;
    expect(zx.tasks).toEqual(expect.arrayContaining([expect.objectContaining({ title: '加快推进成渝中线高铁等重大项目建设', how: 'mentioned' })]));
    const library = await t.ctx.db.selectFrom('project').select('title').where('id', '=', 'chengyu-zhongxian').executeTakeFirst();
    expect(zx.title).toBe(library?.title ?? null);
    for (const id of new Set(gaps.gaps.flatMap((g) => g.projects.map((p) => p.projectId)))) if (!id.startsWith('link:')) expect(gaps.projectDetails[id]).toBeDefined();
  });
});

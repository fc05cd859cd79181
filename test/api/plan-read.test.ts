import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedData } from '../../src/seed/load-shipped-data';
import { listTreeNodes } from '../../src/services/plan/read-plan';
import { buildTestApp, type Client, type TestApp } from '../helpers/build-test-app';
import { testDialects } from '../helpers/test-db';

interface Node {
  id: string;
  parentId: string | null;
  kind: string;
  code: string;
  title: string;
  body: string | null;
  sourceRef: { quote?: string } | null;
  keyArea: string | null;
}

describe.each(testDialects())('[%s] the shipped Decision', (dialect) => {
  let t: TestApp;
  let viewer: Client;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    viewer = await t.as('viewer1');
  });
  afterAll(() => t.close());

  it('reports health with the database kind', async () => {
    const res = await t.anonymous.get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', db: dialect });
  });

  it('serves an OpenAPI document listing the plan routes', async () => {
    const res = await t.anonymous.get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/plans', '/api/plans/{planId}/nodes', '/api/auth/login', '/api/audit/verify']));
  });

  it('has 4 parts and 18 articles with their seed text, and tasks that quote the seed', async () => {
    const plans = (await viewer.get('/api/plans')).json() as { items: { id: string; facts: { keyAreas: unknown[]; principles: unknown[]; goals: unknown[] } }[] };
    expect(plans.items).toHaveLength(1);
    expect(plans.items[0]!.facts.keyAreas).toHaveLength(7);
    expect(plans.items[0]!.facts.principles).toHaveLength(4);
    expect(plans.items[0]!.facts.goals).toHaveLength(5);
    const nodes = ((await viewer.get(`/api/plans/${t.planId}/nodes`)).json() as { items: Node[] }).items;
    const parts = nodes.filter((n) => n.kind === 'part');
    const articles = nodes.filter((n) => n.kind === 'article');
    expect(parts.map((p) => p.code).sort()).toEqual(['1', '2', '3', '4']);
    expect(articles).toHaveLength(18);
    expect(articles.filter((a) => a.code.startsWith('3.')).map((a) => a.title)).toContain('加强交通基础设施建设');
    const transport = articles.find((a) => a.title === '加强交通基础设施建设')!;
    expect(transport.code).toBe('3.1');
    expect(transport.body).toContain('交通基础设施是推动成渝地区双城经济圈建设的先行领域');
    const transportTasks = nodes.filter((n) => n.parentId === transport.id);
    expect(transportTasks.some((n) => n.title.includes('成渝中线'))).toBe(true);
    expect(transportTasks.every((n) => n.keyArea === 'transport' && n.code.startsWith('3.1.'))).toBe(true);
    expect(transportTasks.every((n) => (n.sourceRef?.quote ?? '').length > 0)).toBe(true);
  });

  it('lists the outline without texts for the tree, the texts coming with the node itself', async () => {
    const full = ((await viewer.get(`/api/plans/${t.planId}/nodes`)).json() as { items: Node[] }).items;
    const res = await viewer.get(`/api/plans/${t.planId}/nodes?view=tree`);
    expect(res.statusCode).toBe(200);
    const tree = (res.json() as { items: Record<string, unknown>[] }).items;
    expect(tree.map((n) => n.id).sort()).toEqual(full.map((n) => n.id).sort());
    const transport = tree.find((n) => n.title === '加强交通基础设施建设')!;
    expect(Object.keys(transport).sort()).toEqual(['cancelled', 'code', 'completedOn', 'dueOn', 'id', 'kind', 'parentId', 'priority', 'seq', 'startOn', 'title', 'version', 'weight']);
    expect(res.body.length).toBeLessThan(JSON.stringify({ items: full }).length / 2);
    const node = (await viewer.get(`/api/plans/${t.planId}/nodes/${transport.id as string}`)).json() as Node;
    expect(node.body).toContain('交通基础设施是推动成渝地区双城经济圈建设的先行领域');
    expect((await viewer.get(`/api/plans/${t.planId}/nodes?view=outline`)).statusCode).toBe(400);
    expect((res.json() as { complete: boolean }).complete).toBe(true);
  });

  it('lists one level of the outline below a node (what the tree loads on expand for a large plan)', async () => {
    const tree = ((await viewer.get(`/api/plans/${t.planId}/nodes?view=tree`)).json() as { items: Node[] }).items;
    const transport = tree.find((n) => n.title === '加强交通基础设施建设')!;
    const res = await viewer.get(`/api/plans/${t.planId}/nodes?view=tree&parentId=${transport.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: Node[]; complete: boolean };
    const expected = (tree as (Node & { seq: number })[]).filter((n) => n.parentId === transport.id).sort((a, b) => a.seq - b.seq);
    expect(body.items.map((n) => n.id)).toEqual(expected.map((n) => n.id));
    expect(body.items.length).toBeGreaterThan(0);
    expect(((await viewer.get(`/api/plans/${t.planId}/nodes?view=tree&parentId=no-such-node`)).json() as { items: Node[] }).items).toEqual([]);
  });

  it('answers a level read again from the kept body (ETag, 304) and shows a change at once', async () => {
    const office = await t.as('office1');
    const tree = ((await viewer.get(`/api/plans/${t.planId}/nodes?view=tree`)).json() as { items: Node[] }).items;
    const transport = tree.find((n) => n.title === '加强交通基础设施建设')!;
    const url = `/api/plans/${t.planId}/nodes?view=tree&parentId=${transport.id}`;
    const first = await viewer.get(url);
    const tag = first.headers.etag as string;
    expect(tag).toMatch(/^".+"$/);
    expect((await viewer.get(url)).body).toBe(first.body);
    expect((await viewer.request({ method: 'GET', url, headers: { 'if-none-match': tag } })).statusCode).toBe(304);
    const child = (first.json() as { items: (Node & { version: number })[] }).items[0]!;
    const renamed = await office.patch(`/api/plans/${t.planId}/nodes/${child.id}`, { version: child.version, title: `${child.title}（改）` });
    expect(renamed.statusCode).toBe(200);
    const after = await viewer.request({ method: 'GET', url, headers: { 'if-none-match': tag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(tag);
    expect((after.json() as { items: Node[] }).items.find((n) => n.id === child.id)!.title).toBe(`${child.title}（改）`);
    const back = await office.patch(`/api/plans/${t.planId}/nodes/${child.id}`, { version: (renamed.json() as { version: number }).version, title: child.title });
    expect(back.statusCode).toBe(200);
    const restored = (await viewer.get(url)).json() as { items: (Node & { version: number })[] };
    expect(restored.items.find((n) => n.id === child.id)).toEqual({ ...child, version: child.version + 2 });
  });

  it('keeps only the parts and articles in the outline of a plan above the whole-outline limit', async () => {
    const whole = await listTreeNodes(t.ctx, t.planId);
    expect(whole.complete).toBe(true);
    const upper = await listTreeNodes(t.ctx, t.planId, 100);
    expect(upper.complete).toBe(false);
    expect(upper.items.length).toBeGreaterThan(0);
    expect(upper.items.every((n) => n.kind === 'part' || n.kind === 'article')).toBe(true);
    expect(upper.items.map((n) => n.id).sort()).toEqual(whole.items.filter((n) => n.kind === 'part' || n.kind === 'article').map((n) => n.id).sort());
  });

  it('loads again without duplicating anything', async () => {
    const count = async () => Number((await t.ctx.db.selectFrom('plan_node').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const r = await loadShippedData(t.ctx);
    expect(r.applied).toEqual([]);
    expect(await count()).toBe(before);
  });

  it('applies a changed data file as an upgrade, keeping what the office edited', async () => {
    const office = await t.as('office1');
    const nodes = ((await viewer.get(`/api/plans/${t.planId}/nodes`)).json() as { items: (Node & { version: number })[] }).items;
    const [a, b] = nodes.filter((n) => n.kind === 'task');
    // The office rewords task a; task b drifts from the file (as if the file had changed) and is untouched by people.
    expect((await office.patch(`/api/plans/${t.planId}/nodes/${a!.id}`, { version: a!.version, title: '办公室改写的标题' })).statusCode).toBe(200);
    await t.ctx.db.updateTable('plan_node').set({ title: '旧版数据文件的标题' }).where('id', '=', b!.id).execute();
    await t.ctx.db.updateTable('seed_state').set({ checksum: 'old' }).where('key', '=', 'plan').execute();
    const r = await loadShippedData(t.ctx);
    expect(r.applied).toEqual(['plan']);
    const after = ((await viewer.get(`/api/plans/${t.planId}/nodes`)).json() as { items: Node[] }).items;
    expect(after.find((n) => n.id === a!.id)!.title).toBe('办公室改写的标题');
    expect(after.find((n) => n.id === b!.id)!.title).toBe(b!.title);
    expect(after).toHaveLength(nodes.length);
  });

  it('ships the divisions and cooperation platforms', async () => {
    const divisions = (await viewer.get('/api/divisions')).json() as { items: { code: string; side: string; roles: string[] }[] };
    expect(divisions.items.filter((d) => d.side === 'sichuan')).toHaveLength(21);
    expect(divisions.items.filter((d) => d.side === 'chongqing')).toHaveLength(38);
    expect(divisions.items.find((d) => d.code === '510100')!.roles).toContain('core');
    const platforms = (await viewer.get('/api/platforms')).json() as { items: unknown[] };
    expect(platforms.items).toHaveLength(10);
  });
});

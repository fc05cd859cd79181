import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../helpers/build-test-app';
import { testDialects } from '../helpers/test-db';

interface Node {
  id: string;
  parentId: string | null;
  kind: string;
  code: string;
  title: string;
  version: number;
  dueOn: string | null;
}

describe.each(testDialects())('[%s] editing the plan', (dialect) => {
  let t: TestApp;
  let office: Client;
  let nodesUrl: string;
  const list = async (deleted = false) => ((await office.get(`${nodesUrl}${deleted ? '?deleted=true' : ''}`)).json() as { items: Node[] }).items;
  const byTitle = async (title: string) => (await list()).find((n) => n.title === title)!;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    office = await t.as('office1');
    nodesUrl = `/api/plans/${t.planId}/nodes`;
  });
  afterAll(() => t.close());

  it('adds a task under an article and a milestone under it, with codes from position', async () => {
    const transport = await byTitle('加强交通基础设施建设');
    const siblings = (await list()).filter((n) => n.parentId === transport.id).length;
    const res = await office.post(nodesUrl, { parentId: transport.id, kind: 'task', title: '成渝中线高铁2026年度推进', priority: 'high', startOn: '2026-01-01', dueOn: '2026-12-31', weight: 2 });
    expect(res.statusCode).toBe(201);
    const task = res.json() as Node & { keyArea: string };
    expect(task.code).toBe(`3.1.${siblings + 1}`);
    expect(task.keyArea).toBe('transport');
    const m = await office.post(nodesUrl, { parentId: task.id, kind: 'milestone', title: '完成先导段施工招标', dueOn: '2026-06-30' });
    expect(m.statusCode).toBe(201);
    expect((m.json() as Node).code).toBe(`${task.code}.1`);
    const audit = (await (await t.as('admin')).get(`/api/audit?entity=plan_node&entityId=${task.id}`)).json() as { items: { action: string; after: { title: string } }[] };
    expect(audit.items[0]).toMatchObject({ action: 'plan_node.create', after: { title: '成渝中线高铁2026年度推进' } });
  });

  it('rejects bad input field by field, in the requested language, and changes nothing', async () => {
    const article = await byTitle('加强交通基础设施建设');
    const before = (await list()).length;
    const res = await office.request({
      method: 'POST',
      url: nodesUrl,
      headers: { 'accept-language': 'en-US' },
      payload: { parentId: article.id, kind: 'task', title: '', dueOn: '2026-13-45', colour: 'red' },
    });
    expect(res.statusCode).toBe(400);
    const err = res.json() as { error: { code: string; fields: { path: string; message: string }[] } };
    expect(err.error.code).toBe('VALIDATION_FAILED');
    expect(err.error.fields.map((f) => f.path).sort()).toEqual(['colour', 'dueOn', 'title']);
    const zh = await office.post(nodesUrl, { parentId: article.id, kind: 'task', title: 'x'.repeat(201) });
    expect((zh.json() as { error: { fields: { message: string }[] } }).error.fields[0]!.message).toBe('不能超过200个字符');
    const inverted = await office.post(nodesUrl, { parentId: article.id, kind: 'task', title: '日期倒置', startOn: '2026-05-01', dueOn: '2026-04-01' });
    expect(inverted.statusCode).toBe(422);
    expect(inverted.json()).toMatchObject({ error: { code: 'DATES_INVERTED', fields: [{ path: 'dueOn' }] } });
    const wrongKind = await office.post(nodesUrl, { parentId: article.id, kind: 'milestone', title: '里程碑不能直接挂在条下' });
    expect(wrongKind.json()).toMatchObject({ error: { code: 'NODE_KIND_INVALID' } });
    expect((await list()).length).toBe(before);
  });

  it('refuses a stale save with 409 and keeps the first save', async () => {
    const task = await byTitle('成渝中线高铁2026年度推进');
    const first = await office.patch(`${nodesUrl}/${task.id}`, { version: task.version, title: '第一次保存' });
    expect(first.statusCode).toBe(200);
    expect((first.json() as Node).version).toBe(task.version + 1);
    const stale = await office.patch(`${nodesUrl}/${task.id}`, { version: task.version, title: '过期的保存' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'VERSION_CONFLICT' } });
    expect((await byTitle('第一次保存')).id).toBe(task.id);
  });

  it('moves a task with its milestone to another article and renumbers both places', async () => {
    const task = await byTitle('第一次保存');
    const industry = await byTitle('加快现代产业体系建设');
    const res = await office.post(`${nodesUrl}/${task.id}/move`, { version: task.version, parentId: industry.id, position: 0 });
    expect(res.statusCode).toBe(200);
    const nodes = (res.json() as { items: Node[] }).items;
    const moved = nodes.find((n) => n.id === task.id)!;
    expect(moved.code).toBe(`${industry.code}.1`);
    expect(nodes.find((n) => n.parentId === task.id)!.code).toBe(`${industry.code}.1.1`);
    const codes = nodes.map((n) => n.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('refuses moves that make a cycle or touch the Decision’s structure', async () => {
    const task = await byTitle('第一次保存');
    const milestone = (await list()).find((n) => n.parentId === task.id)!;
    const sub = await office.post(nodesUrl, { parentId: task.id, kind: 'task', title: '子任务' });
    const cycle = await office.post(`${nodesUrl}/${task.id}/move`, { version: task.version, parentId: (sub.json() as Node).id, position: 0 });
    expect(cycle.json()).toMatchObject({ error: { code: 'NODE_CYCLE' } });
    const part = (await list()).find((n) => n.kind === 'part')!;
    const article = (await list()).find((n) => n.kind === 'article')!;
    expect((await office.post(`${nodesUrl}/${article.id}/move`, { version: article.version, parentId: part.id, position: 1 })).json()).toMatchObject({ error: { code: 'NODE_LOCKED' } });
    expect((await office.del(`${nodesUrl}/${part.id}?version=${part.version}`)).json()).toMatchObject({ error: { code: 'NODE_LOCKED' } });
    expect(milestone.kind).toBe('milestone');
  });

  it('deletes a subtree to the recycle bin and restores it in place', async () => {
    const task = await byTitle('第一次保存');
    const before = await list();
    const res = await office.del(`${nodesUrl}/${task.id}?version=${task.version}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ deleted: 3 });
    expect((await list()).length).toBe(before.length - 3);
    expect((await list(true)).map((n) => n.id)).toEqual([task.id]);
    const restored = await office.post(`${nodesUrl}/${task.id}/restore`);
    expect(restored.statusCode).toBe(200);
    const after = (restored.json() as { items: Node[] }).items;
    expect(after.map((n) => `${n.id}:${n.code}`).sort()).toEqual(before.map((n) => `${n.id}:${n.code}`).sort());
  });

  it('keeps the cached outline (?view=tree) in step with every write', async () => {
    const tree = async () => ((await office.get(`${nodesUrl}?view=tree`)).json() as { items: Node[] }).items;
    const transport = await byTitle('加强交通基础设施建设');
    const before = await tree();
    const created = (await office.post(nodesUrl, { parentId: transport.id, kind: 'task', title: '大纲缓存检查' })).json() as Node;
    expect((await tree()).find((n) => n.id === created.id)).toMatchObject({ title: '大纲缓存检查', code: created.code });
    await office.patch(`${nodesUrl}/${created.id}`, { version: created.version, title: '大纲缓存检查（改）' });
    expect((await tree()).find((n) => n.id === created.id)?.title).toBe('大纲缓存检查（改）');
    const current = (await tree()).find((n) => n.id === created.id)!;
    await office.del(`${nodesUrl}/${created.id}?version=${current.version}`);
    expect((await tree()).map((n) => n.id).sort()).toEqual(before.map((n) => n.id).sort());
  });

  it('keeps a sort key that orders codes as people read them', async () => {
    const article = await byTitle('加强现代产业体系建设'.replace('加强', '加快'));
    for (let i = 0; i < 11; i++) await office.post(nodesUrl, { parentId: article.id, kind: 'task', title: `排序${i}` });
    const rows = await t.ctx.db.selectFrom('plan_node').select('code').where('parent_id', '=', article.id).where('deleted_at', 'is', null).orderBy('sort_key').execute();
    const codes = rows.map((r) => Number(r.code.split('.').pop()));
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
    expect(codes.length).toBeGreaterThan(10);
  });

  it('lets a viewer read but not edit', async () => {
    const viewer = await t.as('viewer1');
    const task = await byTitle('第一次保存');
    expect((await viewer.get(`${nodesUrl}/${task.id}`)).statusCode).toBe(200);
    expect((await viewer.patch(`${nodesUrl}/${task.id}`, { version: task.version, title: 'x' })).statusCode).toBe(403);
  });
});

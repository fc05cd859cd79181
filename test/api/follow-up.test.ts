import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tick } from '../../src/jobs/job-runner';
import { buildTestApp, type Client, type TestApp } from '../helpers/build-test-app';
import { testDialects } from '../helpers/test-db';

interface Item {
  id: string;
  level: string;
  state: string;
  version: number;
  unitName: string;
}

describe.each(testDialects())('[%s] supervision, notifications and reminders', (dialect) => {
  let t: TestApp;
  let office: Client;
  let reporter: Client;
  let now = new Date('2026-11-02T02:00:00Z');
  let taskId: string;
  let fgw: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: () => now });
    office = await t.as('office1');
    fgw = (await t.ctx.db.selectFrom('unit').select('id').where('name', '=', '省发展改革委').executeTakeFirstOrThrow()).id;
    const task = await t.ctx.db.selectFrom('plan_node').select(['id', 'version']).where('kind', '=', 'task').where('code', '=', '3.1.2').executeTakeFirstOrThrow();
    taskId = task.id;
    const dated = (await office.patch(`/api/plans/${t.planId}/nodes/${task.id}`, { version: Number(task.version), startOn: '2026-01-01', dueOn: '2026-12-31' })).json() as { version: number };
    await office.request({ method: 'PUT', url: `/api/plans/${t.planId}/nodes/${task.id}/assignments`, payload: { version: dated.version, leads: [fgw], participants: [] } });
    await office.post(`/api/plans/${t.planId}/cycles`, { frequency: 'monthly', year: 2026, index: 10, dueOn: '2026-11-05' });
    await t.ctx.db.updateTable('app_user').set({ email: 'reporter1@example.gov.cn' }).where('username', '=', 'reporter1').execute();
    reporter = await t.as('reporter1');
  });
  afterAll(() => t.close());

  it('sends due-soon and overdue reminders once, however many workers run the day’s job', async () => {
    const workers = [tick({ ctx: t.ctx, smtp: null, workerId: 'a' }), tick({ ctx: t.ctx, smtp: null, workerId: 'b' }), tick({ ctx: t.ctx, smtp: null, workerId: 'c' })];
    expect((await Promise.all(workers)).reduce((a, b) => a + b, 0)).toBe(1);
    await tick({ ctx: t.ctx, smtp: null, workerId: 'd' });
    const n = (await reporter.get('/api/notifications')).json() as { unread: number; items: { kind: string; title: string }[] };
    expect(n.items.map((i) => i.kind)).toEqual(['due_soon']);
    expect(n.items[0]!.title).toContain('2026年10月');
    now = new Date('2026-11-20T02:00:00Z');
    reporter = await t.as('reporter1');
    office = await t.as('office1');
    await Promise.all([tick({ ctx: t.ctx, smtp: null, workerId: 'a' }), tick({ ctx: t.ctx, smtp: null, workerId: 'b' })]);
    const later = (await reporter.get('/api/notifications?unread=true')).json() as { unread: number; items: { kind: string }[] };
    expect(later.items.map((i) => i.kind).sort()).toEqual(['due_soon', 'overdue']);
    const jobs = await t.ctx.db.selectFrom('job').select(['dedupe_key', 'state']).orderBy('dedupe_key').execute();
    expect(jobs).toEqual([
      { dedupe_key: 'reminders.daily:2026-11-02', state: 'done' },
      { dedupe_key: 'reminders.daily:2026-11-20', state: 'done' },
    ]);
  });

  it('e-mails a copy through SMTP when configured, once', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, cb) {
        let data = '';
        stream.on('data', (c: Buffer) => (data += c.toString()));
        stream.on('end', () => {
          received.push(data);
          cb();
        });
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.server.address() as { port: number }).port;
    const smtp = { url: `smtp://127.0.0.1:${port}`, from: 'noreply@shuangcheng.test' };
    await Promise.all([tick({ ctx: t.ctx, smtp, workerId: 'a' }), tick({ ctx: t.ctx, smtp, workerId: 'b' })]);
    await new Promise<void>((r) => server.close(() => r()));
    expect(received).toHaveLength(2);
    expect(received.join('\n')).toContain('reporter1@example.gov.cn');
    const states = await t.ctx.db.selectFrom('notification').select('email_state').where('email_state', '!=', 'none').execute();
    expect(states.map((s) => s.email_state)).toEqual(['sent', 'sent']);
  });

  it('proposes a reminder for a red task and escalates 提醒 → 催办 with a ledger and a timeline', async () => {
    const proposals = (await office.get(`/api/plans/${t.planId}/supervision/proposals`)).json() as { items: { nodeId: string; suggestedLevel: string; leadUnits: { unitId: string }[] }[] };
    const p = proposals.items.find((x) => x.nodeId === taskId)!;
    expect(p).toMatchObject({ suggestedLevel: 'remind', leadUnits: [{ unitId: fgw }] });
    const issued = await office.post(`/api/plans/${t.planId}/supervision`, { nodeId: taskId, unitId: fgw, level: 'remind', message: '请加快推进并报送10月进展', responseDueOn: '2026-11-25' });
    expect(issued.statusCode).toBe(201);
    const item = issued.json() as Item;
    expect((await reporter.get('/api/notifications?unread=true')).json()).toMatchObject({ items: expect.arrayContaining([expect.objectContaining({ kind: 'supervision', link: `/supervision/${item.id}` })]) });
    expect(((await office.get(`/api/plans/${t.planId}/supervision/proposals`)).json() as { items: { nodeId: string }[] }).items.some((x) => x.nodeId === taskId)).toBe(false);
    const chengdu = await t.as('reporter2');
    expect((await chengdu.get(`/api/supervision/${item.id}`)).statusCode).toBe(404);
    expect((await chengdu.post(`/api/supervision/${item.id}/respond`, { version: 1, response: '不是我们的' })).statusCode).toBe(404);
    const responded = (await reporter.post(`/api/supervision/${item.id}/respond`, { version: item.version, response: '已召开专题会，11月底前完成' })).json() as Item;
    expect(responded.state).toBe('responded');
    expect((await reporter.post(`/api/supervision/${item.id}/respond`, { version: responded.version, response: '再答一次' })).json()).toMatchObject({ error: { code: 'SUPERVISION_TRANSITION_INVALID' } });
    const urged = await office.post(`/api/supervision/${item.id}/escalate`, { version: responded.version, message: '仍未按期完成，请说明原因', responseDueOn: '2026-11-30' });
    expect(urged.statusCode).toBe(201);
    const next = urged.json() as Item;
    expect(next.level).toBe('urge');
    const detail = (await office.get(`/api/supervision/${next.id}`)).json() as { chain: Item[] };
    expect(detail.chain.map((c) => `${c.level}:${c.state}`)).toEqual(['remind:escalated', 'urge:open']);
    const ledger = (await office.get(`/api/plans/${t.planId}/supervision?state=open`)).json() as { items: Item[]; total: number };
    expect(ledger.items.map((i) => i.level)).toEqual(['urge']);
    expect((await reporter.get(`/api/plans/${t.planId}/supervision`)).json()).toMatchObject({ total: 2 });
    expect((await reporter.post(`/api/plans/${t.planId}/supervision`, { nodeId: taskId, unitId: fgw, level: 'remind', message: 'x', responseDueOn: '2026-12-01' })).statusCode).toBe(403);
    const closed = await office.post(`/api/supervision/${next.id}/close`, { version: next.version, comment: '已整改' });
    expect(closed.json()).toMatchObject({ state: 'closed' });
  });

  it('marks notifications read, one or all, only one’s own', async () => {
    const list = (await reporter.get('/api/notifications')).json() as { unread: number; items: { id: string }[] };
    expect(list.unread).toBeGreaterThan(1);
    expect((await reporter.post(`/api/notifications/${list.items[0]!.id}/read`)).statusCode).toBe(204);
    expect(((await reporter.get('/api/notifications')).json() as { unread: number }).unread).toBe(list.unread - 1);
    expect((await office.post(`/api/notifications/${list.items[1]!.id}/read`)).statusCode).toBe(404);
    await reporter.post('/api/notifications/all/read');
    expect(((await reporter.get('/api/notifications')).json() as { unread: number }).unread).toBe(0);
  });
});

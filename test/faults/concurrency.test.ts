import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../helpers/build-test-app';
import { testDialects } from '../helpers/test-db';

const WRITERS = 50;

describe.each(testDialects())('[%s] concurrent saves of one report', (dialect) => {
  let t: TestApp;
  let reporter: Client;
  let reportId: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const office = await t.as('office1');
    reporter = await t.as('reporter1');
    const fgw = (await t.ctx.db.selectFrom('unit').select('id').where('name', '=', '省发展改革委').executeTakeFirstOrThrow()).id;
    const task = await t.ctx.db.selectFrom('plan_node').select(['id', 'version']).where('kind', '=', 'task').where('deleted_at', 'is', null).orderBy('sort_key').executeTakeFirstOrThrow();
    await office.request({ method: 'PUT', url: `/api/plans/${t.planId}/nodes/${task.id}/assignments`, payload: { version: Number(task.version), leads: [fgw], participants: [] } });
    const cycle = (await office.post(`/api/plans/${t.planId}/cycles`, { frequency: 'monthly', year: 2026, index: 11 })).json() as { id: string };
    reportId = (await t.ctx.db.selectFrom('report').select('id').where('cycle_id', '=', cycle.id).where('node_id', '=', task.id).executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());

  const auditSaves = async () => (await t.ctx.db.selectFrom('audit_log').select('after').where('entity_id', '=', reportId).where('action', 'like', 'report.%save%').execute()).length;

  it(`${WRITERS} writers with the same version: exactly one wins per round, the rest get 409, nothing lost`, async () => {
    for (let round = 0; round < 2; round++) {
      const { version } = (await reporter.get(`/api/reports/${reportId}`)).json() as { version: number };
      const savesBefore = await auditSaves();
      const results = await Promise.all(
        Array.from({ length: WRITERS }, (_, i) => reporter.patch(`/api/reports/${reportId}`, { version, narrative: `第${round}轮 写入者${i}：推进成渝中线高铁前期工作`, progressPct: i })),
      );
      const statuses = results.map((r) => r.statusCode);
      const winners = results.flatMap((r, i) => (r.statusCode === 200 ? [i] : []));
      expect(winners, `round ${round}: ${JSON.stringify(statuses)}`).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(WRITERS - 1);
      for (const r of results.filter((x) => x.statusCode === 409)) expect((r.json() as { error: { code: string; message: string } }).error).toMatchObject({ code: 'VERSION_CONFLICT', message: expect.stringMatching(/\S/) });
      // The winner's text is what is stored, at the next version, with exactly one audit entry for it.
      const w = winners[0]!;
      const stored = (await reporter.get(`/api/reports/${reportId}`)).json() as { version: number; narrative: string; progressPct: number };
      expect(stored).toMatchObject({ version: version + 1, narrative: `第${round}轮 写入者${w}：推进成渝中线高铁前期工作`, progressPct: w });
      expect(await auditSaves()).toBe(savesBefore + 1);
    }
    const admin = await t.as('admin');
    expect((await admin.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
  });
});

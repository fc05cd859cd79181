import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../helpers/build-test-app';
import { testDialects } from '../helpers/test-db';

interface Detail {
  id: string;
  state: 'draft' | 'published';
  version: number;
  number: string;
  title: string;
  sections: Record<string, string>;
  content: { blocks: { kind: string; text?: string; lead?: string; table?: { key: string; rows: unknown[][] } }[]; tables: { key: string; rows: unknown[][] }[] };
  files: { format: string; size: number; sha256: string }[];
}

describe.each(testDialects())('[%s] bulletins', (dialect) => {
  let t: TestApp;
  let office: Client;
  let reporter: Client;
  let viewer: Client;
  let cycleId: string;
  let draft: Detail;
  const now = new Date('2026-11-20T02:00:00Z');
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-api-'));

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: () => now });
    office = await t.as('office1');
    reporter = await t.as('reporter1');
    viewer = await t.as('viewer1');
    const unitId = (await t.ctx.db.selectFrom('unit').select('id').where('name', '=', '省发展改革委').executeTakeFirstOrThrow()).id;
    const nodes = ((await office.get(`/api/plans/${t.planId}/nodes`)).json() as { items: { id: string; kind: string; code: string; version: number }[] }).items;
    for (const n of nodes.filter((x) => x.kind === 'task' && x.code.startsWith('3.1.')).slice(0, 2)) {
      const dated = (await office.patch(`/api/plans/${t.planId}/nodes/${n.id}`, { version: n.version, startOn: '2026-01-01', dueOn: '2026-12-31' })).json() as { version: number };
      await office.request({ method: 'PUT', url: `/api/plans/${t.planId}/nodes/${n.id}/assignments`, payload: { version: dated.version, leads: [unitId], participants: [] } });
    }
    const cycle = await office.post(`/api/plans/${t.planId}/cycles`, { frequency: 'monthly', year: 2026, index: 10, dueOn: '2026-11-05' });
    expect(cycle.statusCode).toBe(201);
    cycleId = (cycle.json() as { id: string }).id;
    // Two lead reports filed, one on time with a request for coordination, one late with its problems.
    const rows = await t.ctx.db.selectFrom('report').select(['id']).where('cycle_id', '=', cycleId).where('unit_id', '=', unitId).where('role', '=', 'lead').orderBy('id').limit(2).execute();
    expect(rows).toHaveLength(2);
    await t.ctx.db.updateTable('report').set({ state: 'submitted', submitted_at: '2026-11-03T02:00:00Z', progress_pct: 30, coordination_request: '请省自然资源厅协调用地指标', next_steps: '开展初步设计' }).where('id', '=', rows[0]!.id).execute();
    await t.ctx.db.updateTable('report').set({ state: 'submitted', submitted_at: '2026-11-09T02:00:00Z', progress_pct: 5, problems: '=HYPERLINK("x") 配套资金未到位' }).where('id', '=', rows[1]!.id).execute();
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets only the office draft a bulletin for a cycle, numbered and worded from the data', async () => {
    expect((await reporter.post(`/api/plans/${t.planId}/bulletins`, { cycleId })).statusCode).toBe(403);
    expect((await viewer.post(`/api/plans/${t.planId}/bulletins`, { cycleId })).statusCode).toBe(403);
    expect((await office.post(`/api/plans/${t.planId}/bulletins`, { cycleId: 'no-such-cycle' })).json()).toMatchObject({ error: { code: 'CYCLE_NOT_FOUND' } });
    expect((await office.post(`/api/plans/${t.planId}/bulletins`, { cycleId, number: '2026年3号' })).statusCode).toBe(400);
    const res = await office.post(`/api/plans/${t.planId}/bulletins`, { cycleId });
    expect(res.statusCode).toBe(201);
    draft = res.json() as Detail;
    expect(draft).toMatchObject({ state: 'draft', version: 1, number: '〔2026〕1号', title: '关于2026年10月成渝地区双城经济圈建设重点任务推进情况的通报' });
    const headings = draft.content.blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
    expect(headings.slice(0, 2)).toEqual(['一、总体进展', '二、分领域推进情况']);
    expect(headings).toContain('（一）分部分推进情况');
    const coordination = draft.content.tables.find((x) => x.key === 'coordination')!;
    expect(coordination.rows).toEqual([[1, expect.any(String), expect.any(String), '省发展改革委', '请省自然资源厅协调用地指标']]);
    expect(draft.sections.overall).toContain('按时报告1份，逾期报告1份');
    const ranking = draft.content.tables.find((x) => x.key === 'ranking-department')!;
    expect(ranking.rows[0]).toEqual([expect.any(Number), expect.any(String), expect.any(Number), expect.stringMatching(/^按时\d+\/应报\d+$/)]);
    // A second draft of the year takes the next number.
    const second = (await office.post(`/api/plans/${t.planId}/bulletins`, { cycleId })).json() as Detail;
    expect(second.number).toBe('〔2026〕2号');
    expect((await office.del(`/api/bulletins/${second.id}?version=1`)).statusCode).toBe(204);
  });

  it('hides drafts from readers and lists with filters and pagination', async () => {
    expect((await viewer.get(`/api/bulletins/${draft.id}`)).json()).toMatchObject({ error: { code: 'BULLETIN_NOT_FOUND' } });
    expect((await viewer.get(`/api/bulletins/${draft.id}/files/docx`)).statusCode).toBe(404);
    expect(((await viewer.get(`/api/plans/${t.planId}/bulletins`)).json() as { total: number }).total).toBe(0);
    expect(((await viewer.get(`/api/plans/${t.planId}/bulletins?state=draft`)).json() as { total: number }).total).toBe(0);
    const list = (await office.get(`/api/plans/${t.planId}/bulletins?state=draft&cycleId=${cycleId}&pageSize=1`)).json() as { items: { id: string }[]; total: number };
    expect(list).toMatchObject({ total: 1, items: [{ id: draft.id }] });
    expect(((await office.get(`/api/plans/${t.planId}/bulletins?state=published`)).json() as { total: number }).total).toBe(0);
  });

  it('edits the wording with optimistic concurrency; a stale save gets 409', async () => {
    expect((await reporter.patch(`/api/bulletins/${draft.id}`, { version: 1, title: 'x' })).statusCode).toBe(403);
    const res = await office.patch(`/api/bulletins/${draft.id}`, { version: 1, sections: { nextSteps: '一要压实责任。\n二要加强调度。' }, number: '川渝办〔2026〕7号' });
    expect(res.statusCode).toBe(200);
    draft = res.json() as Detail;
    expect(draft).toMatchObject({ version: 2, number: '川渝办〔2026〕7号' });
    const steps = draft.content.blocks.slice(-2).map((b) => `${b.lead ?? ''}${b.text}`);
    expect(steps).toEqual(['1．一要压实责任。', '2．二要加强调度。']);
    expect((await office.patch(`/api/bulletins/${draft.id}`, { version: 1, title: '旧版本' })).statusCode).toBe(409);
    expect((await office.patch(`/api/bulletins/${draft.id}`, { version: 2, sections: { nonsense: 'x' } })).statusCode).toBe(400);
  });

  it('lets the office download a draft, recorded as such', async () => {
    const res = await office.get(`/api/bulletins/${draft.id}/files/xlsx`);
    expect(res.statusCode).toBe(200);
    expect(decodeURIComponent(res.headers['content-disposition'] as string)).toContain('（草稿）');
  });

  it('publishes once: files stored, every later edit refused, downloads recorded for readers', async () => {
    expect((await office.post(`/api/bulletins/${draft.id}/publish`, { version: 1 })).statusCode).toBe(409);
    const res = await office.post(`/api/bulletins/${draft.id}/publish`, { version: 2 });
    expect(res.statusCode).toBe(200);
    const published = res.json() as Detail;
    expect(published).toMatchObject({ state: 'published', version: 3 });
    expect(published.files.map((f) => f.format)).toEqual(['docx', 'pdf', 'xlsx']);

    for (const attempt of [
      office.patch(`/api/bulletins/${draft.id}`, { version: 3, title: '改' }),
      office.post(`/api/bulletins/${draft.id}/publish`, { version: 3 }),
      office.post(`/api/bulletins/${draft.id}/refresh`, { version: 3 }),
      office.del(`/api/bulletins/${draft.id}?version=3`),
    ]) {
      const r = await attempt;
      expect(r.statusCode).toBe(409);
      expect(r.json()).toMatchObject({ error: { code: 'BULLETIN_PUBLISHED' } });
    }

    const first = await viewer.get(`/api/bulletins/${draft.id}/files/pdf`);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    const again = await reporter.get(`/api/bulletins/${draft.id}/files/pdf`);
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    const pdf = join(dir, 'b.pdf');
    writeFileSync(pdf, first.rawPayload);
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain('川渝办〔2026〕7号');

    expect((await viewer.get(`/api/bulletins/${draft.id}/downloads`)).statusCode).toBe(403);
    const history = (await office.get(`/api/bulletins/${draft.id}/downloads`)).json() as { items: { format: string; userName: string; draft: boolean }[]; total: number };
    expect(history.total).toBe(3);
    // The test clock stands still, so the order among equal times is not asserted.
    expect(history.items.map((d) => [d.userName, d.format, d.draft])).toEqual(
      expect.arrayContaining([
        ['reporter1', 'pdf', false],
        ['viewer1', 'pdf', false],
        ['office1', 'xlsx', true],
      ]),
    );
    expect(((await viewer.get(`/api/plans/${t.planId}/bulletins`)).json() as { total: number }).total).toBe(1);

    const admin = await t.as('admin');
    const trail = (await admin.get(`/api/audit?entityId=${draft.id}`)).json() as { items: { action: string }[] };
    expect(new Set(trail.items.map((e) => e.action))).toEqual(new Set(['bulletin.generate', 'bulletin.update', 'bulletin.download', 'bulletin.publish']));
  });

  it('ranks by the latest published assessment when there is one, and keeps the published bulletin as it was', async () => {
    // A published assessment period as the assessment half stores it (its frozen league tables).
    const at = '2026-11-10T02:00:00Z';
    const snapshot = { periodLabel: '2026年第三季度', periodStart: '2026-07-01', periodEnd: '2026-09-30', asOf: '2026-10-10', computedAt: at, items: [], tables: [{ group: 'provincial_departments', rows: [{ rank: 1, unitId: 'u1', unitName: '省发展改革委', score: 96.5 }] }] };
    await t.ctx.db.insertInto('assessment_period').values({ id: 'p-q3', plan_id: t.planId, label: '2026年第三季度', kind: 'quarter', period_start: '2026-07-01', period_end: '2026-09-30', state: 'published', published_number: 1, created_by: 'x', created_at: at, updated_at: at }).execute();
    await t.ctx.db.insertInto('assessment_publication').values({ id: 'pub-1', period_id: 'p-q3', number: 1, snapshot: JSON.stringify(snapshot), published_by: 'x', published_at: at }).execute();
    const next = (await office.post(`/api/plans/${t.planId}/bulletins`, { cycleId })).json() as Detail;
    expect(next.content.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toContain('六、考核排名');
    expect(next.sections.rankings).toContain('2026年第三季度考核结果');
    expect(next.content.tables.find((x) => x.key === 'ranking-provincial_departments')!.rows).toEqual([[1, '省发展改革委', 96.5, '']]);
    const published = (await office.get(`/api/bulletins/${draft.id}`)).json() as Detail;
    expect(published.content.blocks.map((b) => b.text)).toContain('六、报告按时率排名');
  });
});

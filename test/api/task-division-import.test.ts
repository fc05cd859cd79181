import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRealisticTaskDivisionWorkbook, buildUnusualHeaderWorkbook } from '../fixtures/task-division/build-workbook';
import type { Transaction } from 'kysely';
import { insertRows } from '../../src/db/queries/bulk-insert';
import type { DB } from '../../src/db/schema';
import { verifyAuditChain } from '../../src/services/audit';
import { buildTestApp, type Client, type TestApp } from '../helpers/build-test-app';
import { testDialects } from '../helpers/test-db';

function multipart(file: Buffer, options?: unknown) {
  const boundary = '----sc' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  if (options !== undefined) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="options"\r\n\r\n${JSON.stringify(options)}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="分工表.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`), file, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

interface Problem {
  row: number;
  column: string;
  code: string;
  value: string;
}
interface Preview {
  counts: { sections: number; tasks: number; subTasks: number };
  blocking: Problem[];
  needsMapping: boolean;
  tree: { problems: Problem[]; nodes: { kind: string; title: string; sourceRow: number; match?: { kind: string; code?: string } }[] };
  articles: { id: string; code: string }[];
}

describe.each(testDialects())('[%s] importing a 任务分工表', (dialect) => {
  let t: TestApp;
  let office: Client;
  let workbook: Buffer;
  const url = (step: 'preview' | 'apply') => `/api/plans/${t.planId}/imports/task-division/${step}`;
  const count = async () => Number((await t.ctx.db.selectFrom('plan_node').select((eb) => eb.fn.countAll().as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    office = await t.as('office1');
    workbook = await buildRealisticTaskDivisionWorkbook();
  });
  afterAll(() => t.close());

  it('previews the sheet as it really is: sections, merged key tasks, problems by row and column', async () => {
    const res = await office.request({ method: 'POST', url: url('preview'), ...multipart(workbook) });
    expect(res.statusCode).toBe(200);
    const p = res.json() as Preview;
    expect(p.counts.sections).toBe(2);
    const first = p.tree.nodes[0]!;
    expect(first).toMatchObject({ kind: 'section', title: '加强交通基础设施建设', match: { kind: 'article', code: '3.1' } });
    const codes = p.blocking.map((b) => `${b.row}${b.column}:${b.code}`);
    expect(codes).toEqual(expect.arrayContaining(['11B:TITLE_MISSING', '12A:SECTION_UNMATCHED']));
    expect(p.blocking.some((b) => b.code === 'UNIT_GROUP_NEEDS_CHOICE' && b.value.includes('相关市'))).toBe(true);
    expect(await count()).toBeGreaterThan(0);
  });

  it('refuses to apply while problems remain, and writes nothing', async () => {
    const before = await count();
    const res = await office.request({ method: 'POST', url: url('apply'), ...multipart(workbook) });
    expect(res.statusCode).toBe(422);
    const err = res.json() as { error: { code: string; details: { problems: Problem[] } } };
    expect(err.error.code).toBe('IMPORT_BLOCKED');
    expect(err.error.details.problems.length).toBeGreaterThan(0);
    expect(await count()).toBe(before);
  });

  it('applies everything at once when the office has answered every question', async () => {
    const p = (await office.request({ method: 'POST', url: url('preview'), ...multipart(workbook) })).json() as Preview;
    const fgw = (await t.ctx.db.selectFrom('unit').select('id').where('name', '=', '省发展改革委').executeTakeFirstOrThrow()).id;
    const units: Record<string, string[]> = {};
    for (const b of p.blocking) if (b.code.startsWith('UNIT_')) units[b.value] = b.value.includes('市') ? [] : [fgw];
    const monitoring = p.articles.find((a) => a.code === '4.1')!.id;
    const resolutions = { units, sections: { '12': monitoring }, skipRows: [11] };
    const check = (await office.request({ method: 'POST', url: url('preview'), ...multipart(workbook, { resolutions }) })).json() as Preview;
    expect(check.blocking).toEqual([]);
    const before = await count();
    const res = await office.request({ method: 'POST', url: url('apply'), ...multipart(workbook, { resolutions }) });
    expect(res.statusCode).toBe(200);
    const created = res.json() as { tasks: number; subTasks: number; assignments: number };
    expect(created.tasks).toBeGreaterThanOrEqual(4);
    expect(created.subTasks).toBe(6);
    expect(await count()).toBe(before + created.tasks + created.subTasks);
    // One audit entry per created node, written in batches, and the hash chain still verifies.
    const imported = await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('action', '=', 'plan_node.import').executeTakeFirstOrThrow();
    expect(Number(imported.n)).toBe(created.tasks + created.subTasks);
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
    const zhongxian = await t.ctx.db.selectFrom('plan_node').select(['id', 'code', 'due_on', 'deadline_text']).where('title', '=', '开展成渝中线高铁可行性研究').executeTakeFirstOrThrow();
    expect(zhongxian).toMatchObject({ due_on: '2020-12-31', deadline_text: '2020年底前' });
    expect(zhongxian.code).toMatch(/^3\.1\.\d+\.1$/);
    const ongoing = await t.ctx.db.selectFrom('plan_node').select(['due_on', 'deadline_text']).where('title', '=', '推进城际公交一体化').executeTakeFirstOrThrow();
    expect(ongoing).toEqual({ due_on: null, deadline_text: '持续推进' });
    // 省发展改革委（牵头）、省交通运输厅 in the lead column: the marked one leads, the other participates.
    const roles = await t.ctx.db.selectFrom('assignment').innerJoin('unit', 'unit.id', 'assignment.unit_id').select(['unit.name', 'assignment.role']).where('node_id', '=', zhongxian.id).execute();
    expect(roles.filter((r) => r.role === 'lead').map((l) => l.name)).toEqual(['省发展改革委']);
    expect(roles.filter((r) => r.role === 'participant').map((l) => l.name)).toEqual(expect.arrayContaining(['省交通运输厅', '市发展改革委', '国铁成都局']));
  });

  it('writes bulk rows exactly as a multi-row insert would: text, numbers, nulls; a lone surrogate as U+FFFD', async () => {
    const texts = ['成渝中线高铁', 'quote " and \\ backslash', 'line\nbreak\ttab', '😀 emoji', 'text \\ud800 escaped', ' ', ''];
    const row = (id: number, i: number, list = texts) => ({ id, at: `2026-01-0${1 + (i % 9)}T00:00:00.000Z`, actor_id: i % 2 ? null : 'u', actor_name: list[i % list.length]!, action: 'x', entity: 'y', entity_id: list[(i + 3) % list.length]!, before: i % 3 ? null : '{"a":1}', after: list[(i + 5) % list.length]!, prev_hash: 'p', hash: 'h' });
    const n = texts.length * 2;
    const read = (tx: Transaction<DB>, from: number, to = from + n) => tx.selectFrom('audit_log').selectAll().where('id', '>', from).where('id', '<=', to).orderBy('id').execute();
    await expect(
      t.ctx.db.transaction().execute(async (tx) => {
        await tx.insertInto('audit_log').values(Array.from({ length: n }, (_, i) => row(1_000_001 + i, i))).execute();
        await insertRows(tx, 'audit_log', Array.from({ length: n }, (_, i) => row(2_000_001 + i, i)));
        const [a, b] = await Promise.all([read(tx, 1_000_000), read(tx, 2_000_000)].map((p) => p.then((rows) => rows.map((r) => ({ ...r, id: Number(r.id) % 1_000_000 })))));
        expect(a).toHaveLength(n);
        expect(b).toEqual(a);
        // What the audit chain hashes (UTF-8 of the JS string) is what is stored, so the entry still verifies.
        await insertRows(tx, 'audit_log', [row(3_000_001, 0, ['lone \ud800 high', 'lone \udc00 low'])]);
        expect((await read(tx, 3_000_000, 3_000_001)).map((r) => [r.actor_name, r.after])).toEqual([['lone \ufffd high', 'lone \ufffd low']]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
  });

  it('skipping a section skips the problems of its tasks too', async () => {
    const p = (await office.request({ method: 'POST', url: url('preview'), ...multipart(workbook) })).json() as Preview;
    const units: Record<string, string[]> = {};
    for (const b of p.blocking) if (b.code.startsWith('UNIT_') && b.row < 12) units[b.value] = [];
    const res = (await office.request({ method: 'POST', url: url('preview'), ...multipart(workbook, { resolutions: { units, skipRows: [11, 12] } }) })).json() as Preview;
    expect(res.blocking).toEqual([]);
  });

  it('asks for a column mapping when the header is unusual, and refuses what is not a workbook', async () => {
    const odd = await buildUnusualHeaderWorkbook();
    const res = await office.request({ method: 'POST', url: url('preview'), ...multipart(odd) });
    if (res.statusCode === 200) expect((res.json() as Preview).needsMapping).toBe(true);
    else expect((res.json() as { error: { code: string } }).error.code).toBe('IMPORT_NO_HEADER');
    const notXlsx = await office.request({ method: 'POST', url: url('preview'), ...multipart(Buffer.from('序号,任务\n1,x')) });
    expect(notXlsx.statusCode).toBe(415);
    expect((await (await t.as('reporter1')).request({ method: 'POST', url: url('preview'), ...multipart(workbook) })).statusCode).toBe(403);
  });

  it('exports the plan back to the same layout', async () => {
    const res = await office.get(`/api/plans/${t.planId}/exports/task-division`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const texts: string[] = [];
    ws.eachRow((row) => texts.push(row.values ? JSON.stringify(row.values) : ''));
    expect(texts.join('\n')).toContain('开展成渝中线高铁可行性研究');
    expect(texts.join('\n')).toContain('2020年底前');
    const reread = (await office.request({ method: 'POST', url: url('preview'), ...multipart(Buffer.from(res.rawPayload)) })).json() as Preview;
    expect(reread.counts.sections).toBeGreaterThan(10);
  });
});

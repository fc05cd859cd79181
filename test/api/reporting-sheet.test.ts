import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../helpers/build-test-app';
import { testDialects } from '../helpers/test-db';

function multipart(file: Buffer) {
  const boundary = '----sc' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="sheet.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function fill(sheet: Buffer, edit: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(sheet as unknown as ArrayBuffer);
  edit(wb.getWorksheet('进展填报')!);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(testDialects())('[%s] bulk reporting through a sheet', (dialect) => {
  let t: TestApp;
  let reporter: Client;
  let cycleId: string;
  let sheet: Buffer;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const office = await t.as('office1');
    reporter = await t.as('reporter1');
    const fgw = (await t.ctx.db.selectFrom('unit').select('id').where('name', '=', '省发展改革委').executeTakeFirstOrThrow()).id;
    const tasks = await t.ctx.db.selectFrom('plan_node').select(['id', 'version']).where('kind', '=', 'task').where('code', 'like', '3.2.%').orderBy('seq').limit(3).execute();
    for (const task of tasks) await office.request({ method: 'PUT', url: `/api/plans/${t.planId}/nodes/${task.id}/assignments`, payload: { version: Number(task.version), leads: [fgw], participants: [] } });
    cycleId = ((await office.post(`/api/plans/${t.planId}/cycles`, { frequency: 'quarterly', year: 2026, index: 4 })).json() as { id: string }).id;
  });
  afterAll(() => t.close());

  it('downloads a prefilled sheet with one row per report of the unit', async () => {
    const res = await reporter.get(`/api/cycles/${cycleId}/reporting-sheet`);
    expect(res.statusCode).toBe(200);
    sheet = Buffer.from(res.rawPayload);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sheet as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('进展填报')!;
    expect(String(ws.getCell('A1').value)).toContain('2026年第四季度');
    expect(ws.getRow(3).values).toContain('进度(%)');
    expect(ws.rowCount).toBe(6);
  });

  it('previews row-level errors and applies nothing while any remain', async () => {
    const bad = await fill(sheet, (ws) => {
      ws.getCell('G4').value = 150;
      ws.getCell('H4').value = '完成前期研究';
      ws.getCell('G5').value = '一半';
      ws.getCell('G6').value = 30;
      ws.getCell('H6').value = '推进中';
    });
    const preview = await reporter.request({ method: 'POST', url: '/api/reporting-sheets/preview', ...multipart(bad) });
    expect(preview.statusCode).toBe(200);
    const p = preview.json() as { problems: { row: number; column: string; code: string }[]; changes: unknown[] };
    expect(p.problems.map((x) => `${x.row}${x.column}:${x.code}`)).toEqual(['4G:PROGRESS_INVALID', '5G:PROGRESS_INVALID']);
    const apply = await reporter.request({ method: 'POST', url: '/api/reporting-sheets/apply', ...multipart(bad) });
    expect(apply.statusCode).toBe(422);
    const reports = await t.ctx.db.selectFrom('report').select(['progress_pct', 'version']).where('cycle_id', '=', cycleId).execute();
    expect(reports.every((r) => r.progress_pct === null && Number(r.version) === 1)).toBe(true);
  });

  it('applies a good sheet in one go, submitting every row, and refuses the same sheet again as stale', async () => {
    const good = await fill(sheet, (ws) => {
      for (const r of [4, 5, 6]) {
        ws.getCell(`G${r}`).value = 20 * (r - 3);
        ws.getCell(`H${r}`).value = `第${r}行进展`;
      }
      ws.getCell('J5').value = '请协调用地指标';
    });
    const incomplete = await fill(sheet, (ws) => {
      ws.getCell('G4').value = 10;
    });
    const refused = await reporter.request({ method: 'POST', url: '/api/reporting-sheets/preview?submit=true', ...multipart(incomplete) });
    expect((refused.json() as { problems: { code: string }[] }).problems.map((p) => p.code)).toContain('INCOMPLETE');
    const res = await reporter.request({ method: 'POST', url: '/api/reporting-sheets/apply?submit=true', ...multipart(good) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ saved: 3, submitted: 3 });
    const reports = await t.ctx.db.selectFrom('report').select(['state', 'progress_pct', 'coordination_request']).where('cycle_id', '=', cycleId).orderBy('progress_pct').execute();
    expect(reports.map((r) => `${r.state}:${Number(r.progress_pct)}`)).toEqual(['submitted:20', 'submitted:40', 'submitted:60']);
    expect(reports[1]!.coordination_request).toBe('请协调用地指标');
    const again = (await reporter.request({ method: 'POST', url: '/api/reporting-sheets/preview', ...multipart(good) })).json() as { problems: { code: string }[] };
    expect(again.problems.map((p) => p.code)).toEqual(['VERSION_STALE', 'VERSION_STALE', 'VERSION_STALE']);
  });

  it('refuses another unit’s sheet and files that are not sheets', async () => {
    const chengdu = await t.as('reporter2');
    const other = (await chengdu.request({ method: 'POST', url: '/api/reporting-sheets/preview', ...multipart(sheet) })).json() as { problems: { code: string }[] };
    expect(other.problems.every((p) => p.code === 'REPORT_UNKNOWN')).toBe(true);
    expect((await reporter.request({ method: 'POST', url: '/api/reporting-sheets/preview', ...multipart(Buffer.from('hello')) })).statusCode).toBe(415);
    expect((await (await t.as('viewer1')).request({ method: 'POST', url: '/api/reporting-sheets/preview', ...multipart(sheet) })).statusCode).toBe(403);
  });
});

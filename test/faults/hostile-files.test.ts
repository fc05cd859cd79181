import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../helpers/build-test-app';
import { testDialects } from '../helpers/test-db';
import { buildZip, zipBombWorkbook } from './zip-kit';

const DIALECTS = testDialects();
const FORMULA_START = /^[=+\-@\t\r]/;
const HARMLESS = /^(?:[+-]?\d+(?:[.,]\d+)*%?|-+)$/;
const HOSTILE = { hyperlink: '=HYPERLINK("http://evil.example/x","点此查看")', cmd: "=cmd|' /C calc'!A0", plus: '+1+cmd|x', at: '@SUM(1+1)*cmd|x', minus: '-2+3+cmd|x' };

function multipart(fileName: string, content: Buffer, fields: Record<string, string> = {}) {
  const boundary = '----sc' + Math.random().toString(16).slice(2);
  const parts = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { payload: Buffer.concat([...parts, head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function workbook(rows: ExcelJS.CellValue[][], sheet = 'Sheet1'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Every problem an exported workbook has: a formula cell, or text a spreadsheet would take for one. */
async function dangerousCells(xlsx: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Formula || cell.formula) out.push(`${ws.name}!${cell.address}: formula ${cell.formula}`);
        if (cell.type === ExcelJS.ValueType.Hyperlink) out.push(`${ws.name}!${cell.address}: hyperlink`);
        const text = typeof cell.value === 'string' ? cell.value : cell.value && typeof cell.value === 'object' && 'richText' in cell.value ? cell.value.richText.map((t) => t.text).join('') : '';
        if (FORMULA_START.test(text) && !HARMLESS.test(text)) out.push(`${ws.name}!${cell.address}: ${text}`);
      }),
    );
  }
  return out;
}

async function allTexts(xlsx: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const out: string[] = [];
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && out.push(c.value))));
  return out;
}

const errorOf = (res: { json(): unknown }) => (res.json() as { error: { code: string; message: string } }).error;

describe.each(DIALECTS)('[%s] hostile files through the upload routes, and exports that never execute', (dialect) => {
  let t: TestApp;
  let office: Client;
  let reporter: Client;
  let meetingId: string;
  let cycleId: string;
  let reportId: string;
  let taskId: string;
  let validXlsx: Buffer;
  const importRoutes = () => [
    `/api/plans/${t.planId}/imports/task-division/preview`,
    `/api/meetings/${meetingId}/decisions/import/preview`,
    '/api/reporting-sheets/preview',
    '/api/projects/import/preview',
    '/api/projects/import/apply',
  ];
  // These also take CSV, so only a file that claims to be a zip (PK…) is a workbook they must refuse.
  const csvOrXlsxRoutes = ['/api/indicators/observations/import/preview', '/api/indicators/observations/import/apply'];
  const clientFor = (url: string) => (url.startsWith('/api/reporting-sheets') ? reporter : office);

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    office = await t.as('office1');
    reporter = await t.as('reporter1');
    validXlsx = await workbook([['序号', '重点任务', '牵头单位']]);
    const fgw = (await t.ctx.db.selectFrom('unit').select('id').where('name', '=', '省发展改革委').executeTakeFirstOrThrow()).id;
    const task = await t.ctx.db.selectFrom('plan_node').select(['id', 'version']).where('kind', '=', 'task').where('deleted_at', 'is', null).orderBy('sort_key').executeTakeFirstOrThrow();
    taskId = task.id;
    expect((await office.request({ method: 'PUT', url: `/api/plans/${t.planId}/nodes/${task.id}/assignments`, payload: { version: Number(task.version), leads: [fgw], participants: [] } })).statusCode).toBe(200);
    const cycle = await office.post(`/api/plans/${t.planId}/cycles`, { frequency: 'monthly', year: 2026, index: 11 });
    cycleId = (cycle.json() as { id: string }).id;
    reportId = (await t.ctx.db.selectFrom('report').select('id').where('cycle_id', '=', cycleId).where('node_id', '=', task.id).executeTakeFirstOrThrow()).id;
    const meeting = await office.post(`/api/plans/${t.planId}/meetings`, { layer: 'decision', title: '川渝党政联席会议', heldOn: '2026-10-01', body: '川渝党政联席会议' });
    meetingId = (meeting.json() as { id: string }).id;
  });
  afterAll(() => t.close());

  it('refuses what is not a workbook on every import route, with a message', async () => {
    const gbkCsv = Buffer.from([0xd0, 0xf2, 0xba, 0xc5, 0x2c, 0xc8, 0xce, 0xce, 0xf1, 0x0a, 0x31, 0x2c, 0xb2, 0xe2, 0xca, 0xd4]); // 序号,任务 in GBK
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('序号,任务\n', 'utf16le')]);
    const notXlsx = [Buffer.from('序号,任务\n1,x'), gbkCsv, utf16, Buffer.from('%PDF-1.4\n%…'), Buffer.alloc(0), Buffer.from('PK\x03\x04garbage'), buildZip([{ name: 'readme.txt', data: Buffer.from('not a workbook') }])];
    for (const url of importRoutes()) {
      for (const file of notXlsx) {
        const res = await clientFor(url).request({ method: 'POST', url, ...multipart('../../分工表.xlsx', file) });
        expect(res.statusCode, `${url} ${file.subarray(0, 8).toString('hex')}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
        expect(errorOf(res).message).toBeTruthy();
        expect(['IMPORT_NOT_XLSX', 'VALIDATION_FAILED', 'IMPORT_EMPTY']).toContain(errorOf(res).code);
      }
    }
      const brokenZips = [Buffer.from('PK\x03\x04garbage'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(4096, 0xab)]), buildZip([{ name: 'readme.txt', data: Buffer.from('not a workbook') }])];
    for (const url of csvOrXlsxRoutes) {
      for (const file of brokenZips) {
        const res = await office.request({ method: 'POST', url, ...multipart('观测值.xlsx', file) });
        expect(res.statusCode, `${url} ${file.subarray(0, 8).toString('hex')}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
        expect(['IMPORT_NOT_XLSX', 'IMPORT_EMPTY']).toContain(errorOf(res).code);
      }
    }
  });

  it('refuses a zip bomb, honest or lying about its size, before unpacking it', async () => {
    const bombs = [zipBombWorkbook(validXlsx, 200 * 1024 * 1024), zipBombWorkbook(validXlsx, 200 * 1024 * 1024, true)];
    for (const url of [...importRoutes(), ...csvOrXlsxRoutes]) {
      for (const bomb of bombs) {
        const started = Date.now();
        const res = await clientFor(url).request({ method: 'POST', url, ...multipart('bomb.xlsx', bomb) });
        expect(res.statusCode, url).toBe(413);
        expect(errorOf(res)).toMatchObject({ code: 'IMPORT_TOO_LARGE', message: expect.stringMatching(/\S/) });
        expect(Date.now() - started).toBeLessThan(5_000);
      }
    }
    // As evidence, too: a reviewer's Excel would unpack it.
    const res = await reporter.request({ method: 'POST', url: `/api/reports/${reportId}/attachments`, ...multipart('evidence.xlsx', bombs[0]!) });
    expect(res.statusCode).toBe(415);
    expect(errorOf(res).code).toBe('ATTACHMENT_TYPE_REJECTED');
  });

  it.runIf(dialect === DIALECTS[0])('refuses a 50,000-row sheet with a clear message, within limits', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('任务分工');
    ws.addRow(['序号', '重点任务', '具体工作', '牵头单位', '配合单位', '完成时限']);
    for (let i = 1; i <= 50_000; i++) ws.addRow([i, `任务${i}`, '', '省发展改革委', '', '2026年底前']);
    const big = Buffer.from(await wb.xlsx.writeBuffer());
    const rss = process.memoryUsage().rss;
    const started = Date.now();
    const res = await office.request({ method: 'POST', url: importRoutes()[0]!, ...multipart('big.xlsx', big) });
    expect(res.statusCode).toBe(413);
    expect(errorOf(res)).toMatchObject({ code: 'IMPORT_TOO_LARGE', message: expect.stringContaining('20') });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(800 * 1024 * 1024);
  }, 60_000);

  it('refuses attachments that are not what they claim, and keeps path tricks out of file names', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } }).png().toBuffer();
    const fakes: [string, Buffer][] = [
      ['photo.jpg', Buffer.from('just text')],
      ['photo.png', Buffer.concat([png.subarray(0, 16), Buffer.alloc(200, 0x41)])],
      ['drawing.png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
      ['report.pdf', Buffer.from('<html><script>alert(1)</script></html>')],
      ['run.exe', Buffer.from('MZ\x90\x00')],
      ['notes.docx', buildZip([{ name: 'readme.txt', data: Buffer.from('x') }])],
    ];
    const before = await t.ctx.db.selectFrom('attachment').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    for (const [name, content] of fakes) {
      const res = await reporter.request({ method: 'POST', url: `/api/reports/${reportId}/attachments`, ...multipart(name, content) });
      expect(res.statusCode, name).toBe(415);
      expect(errorOf(res)).toMatchObject({ code: 'ATTACHMENT_TYPE_REJECTED', message: expect.stringMatching(/\S/) });
    }
    const after = await t.ctx.db.selectFrom('attachment').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const ok = await reporter.request({ method: 'POST', url: `/api/reports/${reportId}/attachments`, ...multipart('..\\..\\..\\etc/passwd\u202Egnp.png', png) });
    expect(ok.statusCode).toBe(201);
    const a = ok.json() as { id: string; fileName: string };
    expect(a.fileName).not.toMatch(/[\\/]|\.\./);
    expect(a.fileName.endsWith('.png')).toBe(true);
    const tooBig = await reporter.request({ method: 'POST', url: `/api/reports/${reportId}/attachments`, ...multipart('big.png', Buffer.concat([png, Buffer.alloc(11 * 1024 * 1024)])) });
    expect(tooBig.statusCode).toBe(413);
    expect(errorOf(tooBig).message).toBeTruthy();
  });

  it('imports formula cells as their text, never as formulas', async () => {
    const sheet = await workbook([
      ['川渝党政联席会议议定事项分工表'],
      ['序号', '议定事项', '牵头单位', '配合单位', '完成时限'],
      [1, { formula: 'HYPERLINK("http://evil.example/x","联合争取国家支持成渝中线高铁")', result: '联合争取国家支持成渝中线高铁' }, '省发展改革委', '', '2026-12-31'],
      [2, HOSTILE.cmd, '省发展改革委', '', '2026-12-31'],
      [3, { formula: 'CONCATENATE("共建","西部科学城")', result: '共建西部科学城' }, { formula: '"省发展改革委"', result: '省发展改革委' }, '', '2026-12-31'],
    ]);
    const res = await office.request({ method: 'POST', url: `/api/meetings/${meetingId}/decisions/import/apply`, ...multipart('议定事项.xlsx', sheet) });
    expect(res.statusCode, res.body).toBe(200);
    const nodeIds = (res.json() as { nodeIds: string[] }).nodeIds;
    const titles = (await t.ctx.db.selectFrom('plan_node').select('title').where('id', 'in', nodeIds).execute()).map((n) => n.title).sort();
    expect(titles).toEqual([HOSTILE.cmd, '共建西部科学城', '联合争取国家支持成渝中线高铁'].sort());
    const stored = await t.ctx.db.selectFrom('plan_node').select('title').where('title', 'like', '%HYPERLINK(%').execute();
    expect(stored).toEqual([]);
  });

  it('exports never hold a cell Excel would execute: task division, national requests, network matrix, reporting sheet', async () => {
    // Values a user typed, each starting with a formula character, entered through the API.
    const node = (await office.get(`/api/plans/${t.planId}/nodes/${taskId}`)).json() as { version: number };
    const patched = await office.patch(`/api/plans/${t.planId}/nodes/${taskId}`, { version: node.version, title: HOSTILE.hyperlink });
    expect(patched.statusCode, patched.body).toBe(200);
    const fgw = (await t.ctx.db.selectFrom('unit').select('id').where('name', '=', '省发展改革委').executeTakeFirstOrThrow()).id;
    const request = await office.post(`/api/plans/${t.planId}/national-requests`, { title: HOSTILE.cmd, type: 'funds', addressedTo: HOSTILE.at, leadUnitId: fgw, outcome: HOSTILE.plus });
    expect(request.statusCode, request.body).toBe(201);
    const report = (await reporter.get(`/api/reports/${reportId}`)).json() as { version: number };
    const saved = await reporter.patch(`/api/reports/${reportId}`, { version: report.version, narrative: HOSTILE.cmd, problems: HOSTILE.minus, nextSteps: HOSTILE.at, progressPct: 10 });
    expect(saved.statusCode, saved.body).toBe(200);
    // The network's names come from shipped data files, not the API: one is made hostile as a bad data file would.
    await t.ctx.db.updateTable('network_node').set({ name: HOSTILE.hyperlink }).where('id', '=', (await t.ctx.db.selectFrom('network_node').select('id').executeTakeFirstOrThrow()).id).execute();

    const exports: [string, Client, string][] = [
      ['task division', office, `/api/plans/${t.planId}/exports/task-division`],
      ['national requests', office, `/api/plans/${t.planId}/national-requests/export`],
      ['network matrix', office, '/api/network/export'],
      ['reporting sheet', reporter, `/api/cycles/${cycleId}/reporting-sheet`],
    ];
    for (const [name, client, url] of exports) {
      const res = await client.get(url);
      expect(res.statusCode, `${name}: ${res.body.slice(0, 200)}`).toBe(200);
      const xlsx = Buffer.from(res.rawPayload);
      expect(await dangerousCells(xlsx), name).toEqual([]);
      const texts = await allTexts(xlsx);
      // Neutralised, not dropped: the text is there behind Excel's apostrophe.
      expect(texts.some((x) => x.startsWith("'=") || x.startsWith("'@") || x.startsWith("'+")), name).toBe(true);
    }

    // Round trip: the reporting sheet comes back with the apostrophes read off, so nothing looks changed.
    const sheet = Buffer.from((await reporter.get(`/api/cycles/${cycleId}/reporting-sheet`)).rawPayload);
    const preview = await reporter.request({ method: 'POST', url: '/api/reporting-sheets/preview', ...multipart('sheet.xlsx', sheet) });
    expect(preview.statusCode, preview.body).toBe(200);
    expect((preview.json() as { changes: unknown[] }).changes).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../helpers/build-test-app';
import { testDialects } from '../helpers/test-db';

const RAIL_IDS = ['chengyu-zhongxian', 'chengyu-gaotie', 'chengsuiyu', 'chengziyi', 'chengdawan', 'yukun', 'xiyu', 'chenglan-chuanqing', 'chengzi-s3'];

interface Project {
  id: string;
  title: string;
  category: string;
  phase: string;
  side: string;
  unitId: string | null;
  budgetTotal: number | null;
  budgetPlan: { year: number; amount: number; source: string | null }[];
  divisionCodes: string[];
  locations: { geometry: { type: string; coordinates: unknown[] } | null; schematic: boolean }[];
  source: string[];
  version: number;
}
interface ProjectReport {
  id: string;
  state: string;
  version: number;
  allowedActions: string[];
  editable: boolean;
}

function multipart(fileName: string, content: Buffer, fields: Record<string, string> = {}) {
  const boundary = '----sc' + Math.random().toString(16).slice(2);
  const parts = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { payload: Buffer.concat([...parts, head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** An annual list as the offices write it: a title row, the header, section rows merged across, a unit merged down two rows. */
async function annualList(rows: (string | number)[][], opts: { planHeader?: string } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2026年重大项目');
  ws.addRow(['2026年共建成渝地区双城经济圈重大项目清单']);
  ws.mergeCells('A1:I1');
  ws.addRow(['序号', '项目名称', '建设内容及规模', '建设年限', '总投资(亿元)', opts.planHeader ?? '2026年度计划投资(亿元)', '责任单位/业主单位', '所在地', '备注']);
  for (const r of rows) {
    const added = ws.addRow(r);
    if (r.length === 1) ws.mergeCells(added.number, 1, added.number, 9);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(testDialects())('[%s] major-project library', (dialect) => {
  let t: TestApp;
  let office: Client;
  let reporter: Client;
  let reporter2: Client;
  let lead: Client;
  let viewer: Client;
  let units: Map<string, string>;
  const now = new Date('2026-10-10T02:00:00Z');

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: () => now });
    office = await t.as('office1');
    reporter = await t.as('reporter1');
    reporter2 = await t.as('reporter2');
    lead = await t.as('lead1');
    viewer = await t.as('viewer1');
    units = new Map((await t.ctx.db.selectFrom('unit').select(['id', 'name']).execute()).map((u) => [u.name, u.id]));
  });
  afterAll(() => t.close());

  it('holds the nine shipped rail projects with their sources and schematic lines', async () => {
    const page = (await viewer.get('/api/projects?category=transport.rail&pageSize=50')).json() as { items: Project[]; total: number };
    expect(page.items.map((p) => p.id).sort()).toEqual([...RAIL_IDS].sort());
    for (const p of page.items) expect(p.source.length).toBeGreaterThan(0);
    const zx = (await viewer.get('/api/projects/chengyu-zhongxian')).json() as Project & { divisions: { code: string }[] };
    expect(zx).toMatchObject({ title: expect.stringContaining('成渝中线'), phase: 'implementation', side: 'joint', budgetTotal: 692.73, category: 'transport.rail' });
    expect(zx.locations[0]).toMatchObject({ schematic: true, geometry: { type: 'LineString' } });
    expect(zx.divisionCodes).toEqual(expect.arrayContaining(['510100', '500151']));
    // Every network link that names a project finds it in the library.
    const linked = await t.ctx.db.selectFrom('network_link').select('project_id').where('project_id', 'is not', null).execute();
    for (const l of linked) expect(RAIL_IDS).toContain(l.project_id);
    // A second load changes nothing (checksums).
    const { loadShippedData } = await import('../../src/seed/load-shipped-data');
    const again = await loadShippedData(t.ctx);
    expect(again.skipped).toContain('projects');
    expect((await viewer.get('/api/projects?pageSize=50')).json()).toMatchObject({ total: 9 });
    const doc = (await t.anonymous.get('/api/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/projects', '/api/projects/{id}', '/api/project-reports/{id}/{action}', '/api/projects/import/apply']));
  });

  it('filters, sorts and pages the list', async () => {
    const byDivision = (await viewer.get('/api/projects?division=500101&pageSize=50')).json() as { items: Project[] };
    expect(byDivision.items.map((p) => p.id).sort()).toEqual(['chengdawan', 'xiyu']);
    const sorted = (await viewer.get('/api/projects?sort=budgetTotal&order=desc&pageSize=2')).json() as { items: Project[]; total: number; page: number };
    expect(sorted.items[0]!.id).toBe('xiyu');
    expect(sorted.items).toHaveLength(2);
    expect(sorted.total).toBe(9);
    expect(((await viewer.get('/api/projects?q=成渝中线')).json() as { items: Project[] }).items.map((p) => p.id)).toEqual(['chengyu-zhongxian']);
    expect(((await viewer.get('/api/projects?phase=completed&side=sichuan&pageSize=50')).json() as { total: number }).total).toBeGreaterThan(0);
    expect((await viewer.get('/api/projects?sort=nonsense')).statusCode).toBe(400);
    const map = (await viewer.get('/api/projects/map?category=transport')).json() as { items: unknown[] };
    expect(map.items).toHaveLength(9);
  });

  it('lets the office create and edit projects (audited, 409 on a stale version); others may not', async () => {
    const body = { title: '成都天府国际机场二期', category: 'transport.air', phase: 'preparation', budgetTotal: 300, divisionCodes: ['510100'], unitId: units.get('省发展改革委'), budgetPlan: [{ year: 2026, amount: 12, source: '企业自筹' }] };
    expect((await reporter.post('/api/projects', body)).statusCode).toBe(403);
    expect((await viewer.post('/api/projects', body)).statusCode).toBe(403);
    const created = await office.post('/api/projects', body);
    expect(created.statusCode).toBe(201);
    const p = created.json() as Project;
    expect(p).toMatchObject({ side: 'sichuan', version: 1 });
    const patched = await office.patch(`/api/projects/${p.id}`, { version: 1, phase: 'implementation' });
    expect(patched.json()).toMatchObject({ phase: 'implementation', version: 2 });
    const stale = await office.patch(`/api/projects/${p.id}`, { version: 1, phase: 'cancelled' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'VERSION_CONFLICT' } });
    expect((await office.patch(`/api/projects/${p.id}`, { version: 2, endDate: '2020-01-01', startDate: '2025-01-01' })).statusCode).toBe(422);
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', p.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['project.create', 'project.update']));
    expect((await viewer.get('/api/projects/no-such')).json()).toMatchObject({ error: { code: 'PROJECT_NOT_FOUND' } });
  });

  it('links plan tasks and unlinks them', async () => {
    const task = await t.ctx.db.selectFrom('plan_node').select(['id', 'code']).where('kind', '=', 'task').where('deleted_at', 'is', null).limit(1).executeTakeFirstOrThrow();
    expect((await reporter.post('/api/projects/chengyu-zhongxian/tasks', { nodeIds: [task.id] })).statusCode).toBe(403);
    const linked = (await office.post('/api/projects/chengyu-zhongxian/tasks', { nodeIds: [task.id, task.id] })).json() as { items: { nodeId: string }[] };
    expect(linked.items.map((i) => i.nodeId)).toEqual([task.id]);
    expect((await office.post('/api/projects/chengyu-zhongxian/tasks', { nodeIds: ['nope'] })).json()).toMatchObject({ error: { code: 'NODE_NOT_FOUND' } });
    const detail = (await viewer.get('/api/projects/chengyu-zhongxian')).json() as { tasks: { nodeId: string }[] };
    expect(detail.tasks).toHaveLength(1);
    expect(((await office.request({ method: 'DELETE', url: `/api/projects/chengyu-zhongxian/tasks/${task.id}` })).json() as { items: unknown[] }).items).toEqual([]);
  });

  it('takes monthly reports through the task-report workflow and draws plan vs actual', async () => {
    const p = (await office.post('/api/projects', { title: '川渝高竹新区产业园基础设施', category: 'industry', phase: 'implementation', unitId: units.get('省发展改革委'), budgetPlan: [{ year: 2026, amount: 12, source: null }] })).json() as Project;
    const cycle = (await office.post(`/api/plans/${t.planId}/cycles`, { frequency: 'monthly', year: 2026, index: 9 })).json() as { id: string };
    expect((await reporter2.post(`/api/projects/${p.id}/reports`, { cycleId: cycle.id })).statusCode).toBe(403);
    expect((await viewer.post(`/api/projects/${p.id}/reports`, { cycleId: cycle.id })).statusCode).toBe(403);
    let r = (await reporter.post(`/api/projects/${p.id}/reports`, { cycleId: cycle.id })).json() as ProjectReport;
    expect(r).toMatchObject({ state: 'draft', editable: true, allowedActions: ['submit'], cycleLabel: '2026年9月', cycleLabelEn: 'Sep 2026' });
    // Asking twice gives the same report.
    expect(((await reporter.post(`/api/projects/${p.id}/reports`, { cycleId: cycle.id })).json() as ProjectReport).id).toBe(r.id);
    expect((await reporter.post(`/api/project-reports/${r.id}/submit`, { version: r.version })).json()).toMatchObject({ error: { code: 'REPORT_INCOMPLETE' } });
    r = (await reporter.patch(`/api/project-reports/${r.id}`, { version: r.version, investmentMonth: 1.5, investmentCumulative: 9, physicalPct: 40, narrative: '主体工程推进中' })).json() as ProjectReport;
    expect((await reporter.patch(`/api/project-reports/${r.id}`, { version: 1, narrative: 'x' })).statusCode).toBe(409);
    // Another unit's draft is not even found by the office.
    expect((await office.get(`/api/project-reports/${r.id}`)).statusCode).toBe(404);
    r = (await reporter.post(`/api/project-reports/${r.id}/submit`, { version: r.version })).json() as ProjectReport;
    expect(r.state).toBe('submitted');
    expect((await reporter.post(`/api/project-reports/${r.id}/approve`, { version: r.version })).json()).toMatchObject({ error: { code: 'REPORT_TRANSITION_INVALID' } });
    r = (await lead.post(`/api/project-reports/${r.id}/approve`, { version: r.version })).json() as ProjectReport;
    expect(r.state).toBe('approved');
    expect((await office.post(`/api/project-reports/${r.id}/return`, { version: r.version })).json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const ret = await office.post(`/api/project-reports/${r.id}/return`, { version: r.version, comment: '请核实累计完成投资' });
    expect(ret.json()).toMatchObject({ state: 'returned' });
    r = ret.json() as ProjectReport;
    expect(r.state).toBe('returned');
    r = (await reporter.patch(`/api/project-reports/${r.id}`, { version: r.version, investmentCumulative: 8.5 })).json() as ProjectReport;
    r = (await reporter.post(`/api/project-reports/${r.id}/submit`, { version: r.version })).json() as ProjectReport;
    r = (await lead.post(`/api/project-reports/${r.id}/approve`, { version: r.version })).json() as ProjectReport;
    r = (await office.post(`/api/project-reports/${r.id}/accept`, { version: r.version })).json() as ProjectReport;
    expect(r.state).toBe('accepted');
    const series = (await viewer.get(`/api/projects/${p.id}/series`)).json() as { points: { month: string; planned: number; actual: number | null }[]; latestPhysicalPct: number };
    expect(series.points.find((x) => x.month === '2026-09')).toEqual({ month: '2026-09', planned: 9, actual: 8.5 });
    expect(series.latestPhysicalPct).toBe(40);
    const actions = (await t.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', r.id).execute()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['project_report.open', 'project_report.submit', 'project_report.approve', 'project_report.return', 'project_report.accept']));
  });

  it('imports an annual list: section rows, merged cells, amounts in 亿元 and 万元, all or nothing', async () => {
    const bad = await annualList([
      ['一、交通基础设施（3个）'],
      [1, '成渝中线高铁配套枢纽', '综合交通枢纽', '2024-2027', '12.5亿元', '30000万元', '省交通运输厅/蜀道集团', '成都市', ''],
      [2, '渝西高铁连接线', '连接线', '2025—2028年', '125000万元', '2', '省发展改革委', '资阳市', ''],
      [3, '沱江航道整治', '航道', '2026', '待定', '1', '不存在的单位', '内江市', ''],
      ['二、科技创新（1个）'],
      [1, '', '中试平台', '2026', '5', '1', '省科技厅', '成都市', ''],
    ]);
    const before = ((await viewer.get('/api/projects?pageSize=1')).json() as { total: number }).total;
    const preview = (await office.request({ method: 'POST', url: '/api/projects/import/preview', ...multipart('清单.xlsx', bad) })).json() as { rows: { title: string; total: number | null; annualPlan: number | null; unitId: string | null; owner: string | null; category: string | null }[]; problems: { row: number; column: string; code: string }[]; year: number };
    expect(preview.year).toBe(2026);
    expect(preview.rows[0]).toMatchObject({ title: '成渝中线高铁配套枢纽', total: 12.5, annualPlan: 3, unitId: units.get('省交通运输厅'), owner: '蜀道集团', category: 'transport.road' });
    expect(preview.rows[1]).toMatchObject({ total: 12.5, annualPlan: 2 });
    expect(preview.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 6, column: 'E', code: 'AMOUNT_INVALID' }),
        expect.objectContaining({ row: 6, column: 'G', code: 'UNIT_UNKNOWN' }),
        expect.objectContaining({ row: 8, column: 'B', code: 'TITLE_MISSING' }),
        expect.objectContaining({ row: 7, code: 'SECTION_COUNT_MISMATCH' }),
      ]),
    );
    const refused = await office.request({ method: 'POST', url: '/api/projects/import/apply', ...multipart('清单.xlsx', bad) });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ error: { code: 'IMPORT_BLOCKED' } });
    expect(((await viewer.get('/api/projects?pageSize=1')).json() as { total: number }).total).toBe(before);
    expect((await reporter.request({ method: 'POST', url: '/api/projects/import/preview', ...multipart('清单.xlsx', bad) })).statusCode).toBe(403);

    // The same list fixed, the unit cell merged down two rows, the plan column in 万元.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await annualList(
      [
        ['一、交通基础设施（2个）'],
        [1, '成渝中线高铁配套枢纽', '综合交通枢纽', '2024-2027', '12.5亿元', '30000', '省交通运输厅/蜀道集团', '成都市', ''],
        [2, '渝西高铁连接线', '连接线', '2025—2028年', '125000万元', '20000', '', '资阳市', ''],
        ['二、科技创新（1个）'],
        [1, '天府实验室中试平台', '中试平台', '2026', '1.2万亿元', '10000', '省科技厅', '成都市', ''],
      ],
      { planHeader: '2026年度计划投资(万元)' },
    )) as unknown as ArrayBuffer);
    wb.worksheets[0]!.mergeCells('G4:G5');
    const good = Buffer.from(await wb.xlsx.writeBuffer());
    const ok = await office.request({ method: 'POST', url: '/api/projects/import/apply', ...multipart('清单.xlsx', good) });
    expect(ok.json()).toEqual({ created: 3, updated: 0, year: 2026 });
    const imported = (await viewer.get('/api/projects?q=渝西高铁连接线')).json() as { items: Project[] };
    expect(imported.items[0]).toMatchObject({ budgetTotal: 12.5, unitId: units.get('省交通运输厅'), budgetPlan: [{ year: 2026, amount: 2, source: null }], divisionCodes: ['512000'] });
    const lab = (await viewer.get('/api/projects?q=天府实验室')).json() as { items: Project[] };
    expect(lab.items[0]).toMatchObject({ budgetTotal: 12000, category: 'innovation' });
    // Importing again updates the same projects instead of adding them.
    expect((await office.request({ method: 'POST', url: '/api/projects/import/apply', ...multipart('清单.xlsx', good) })).json()).toEqual({ created: 0, updated: 3, year: 2026 });
  });

  it('exports xlsx that imports back, and an OC4IDS package that validates against the 0.9.5 schema', async () => {
    const x = await viewer.get('/api/projects/export/xlsx?category=transport.rail');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const preview = (await office.request({ method: 'POST', url: '/api/projects/import/preview', ...multipart('export.xlsx', x.rawPayload) })).json() as { rows: { existingId: string | null }[]; problems: { blocking: boolean }[] };
    expect(preview.rows).toHaveLength(9);
    expect(preview.rows.every((r) => r.existingId)).toBe(true);
    expect(preview.problems.filter((p) => p.blocking)).toEqual([]);

    const res = await viewer.get('/api/projects/export/oc4ids');
    expect(res.statusCode).toBe(200);
    const pkg = res.json() as { projects: { id: string; status: string; sector: string[]; locations?: unknown[] }[] };
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addSchema(JSON.parse(readFileSync('/work/shared/data/oc4ids/project-schema.json', 'utf8')));
    const validate = ajv.compile(JSON.parse(readFileSync('/work/shared/data/oc4ids/project-package-schema.json', 'utf8')));
    const valid = validate(pkg);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The committed sample (scripts/generate-oc4ids-sample.ts) is valid too.
    expect(validate(JSON.parse(readFileSync('docs/samples/oc4ids-projects.json', 'utf8')))).toBe(true);
    const zx = pkg.projects.find((p) => p.id === 'chengyu-zhongxian')!;
    expect(zx).toMatchObject({ status: 'implementation', sector: ['transport', 'transport.rail'] });
    expect(pkg.projects.length).toBeGreaterThanOrEqual(9);
  });
});

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedData } from '../../src/seed/load-shipped-data';
import { buildTestApp, type Client, type TestApp } from '../helpers/build-test-app';
import { testDialects } from '../helpers/test-db';

interface Indicator {
  id: string;
  code: string;
  name: string;
  unit: string;
  frequency: string;
  divisionLevel: string;
  version: number;
  derived: boolean;
}
interface Observation {
  divisionCode: string;
  period: string;
  value: number | null;
  source: string | null;
  reliability: string | null;
  note: string | null;
  origin: string;
  version: number | null;
  missing: { indicator: string; division: string }[];
}
interface Detail {
  indicator: Indicator;
  division: string | null;
  observations: Observation[];
  targets: { id: string; period: string; value: number; version: number }[];
  trajectory: { period: string; value: number; kind: string }[];
  status: { status: string; latest: { period: string; value: number } | null; trajectoryValue: number | null };
}

// gdp,德阳市,2021年,2656.56 … and a row for 眉山 recorded as 缺失, written in GBK as Excel saves a CSV on Chinese Windows.
const GBK_CSV = Buffer.from(
  '1rix6rT6wussx/i7rsP7s8YsxOq33SzK/da1LMC01LQsv8m/v9DULLG416INCmdkcCy1wtH0ytAsMjAyMcTqLDI2NTYuNTYssuLK1KO6tcLR9MrQzbO8xrmrsagsudm3vSxHQkvOxLz+DQpnZHAsw7zJvSwyMDIxLMixyqcsLCzOtLmrsrwNCg==',
  'base64',
);

function multipart(fileName: string, content: Buffer, fields: Record<string, string> = {}) {
  const boundary = '----ind' + Math.random().toString(16).slice(2);
  const parts = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { payload: Buffer.concat([...parts, head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(testDialects())('[%s] indicators', (dialect) => {
  let t: TestApp;
  let office: Client;
  let viewer: Client;
  let reporter: Client;
  const byCode = new Map<string, Indicator>();
  const detail = async (code: string, q = '') => (await viewer.get(`/api/indicators/${byCode.get(code)!.id}${q}`)).json() as Detail;
  const upload = (c: Client, url: string, name: string, content: Buffer, fields?: Record<string, string>) => c.request({ method: 'POST', url, ...multipart(name, content, fields) });

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: () => new Date('2026-11-28T02:00:00Z') });
    office = await t.as('office1');
    viewer = await t.as('viewer1');
    reporter = await t.as('reporter1');
    const list = (await viewer.get('/api/indicators?pageSize=200')).json() as { items: Indicator[]; total: number };
    for (const i of list.items) byCode.set(i.code, i);
  });
  afterAll(() => t.close());

  it('ships the GDP, economic-circle and joint-project indicators with the fields the map needs', async () => {
    expect([...byCode.keys()]).toEqual(expect.arrayContaining(['gdp', 'gdp_circle', 'gdp_share_chengdu_sichuan', 'gdp_share_chengdu_sc_cq', 'joint_projects_count', 'joint_projects_investment', 'joint_projects_completed']));
    expect(byCode.get('gdp')).toMatchObject({ unit: '亿元', frequency: 'year', divisionLevel: 'division', name: '地区生产总值' });
    const searched = (await viewer.get('/api/indicators?q=比重&derived=true')).json() as { items: Indicator[] };
    expect(searched.items.map((i) => i.code).sort()).toEqual(['gdp_share_chengdu_sc_cq', 'gdp_share_chengdu_sichuan']);
    expect(((await viewer.get('/api/indicators?frequency=month')).json() as { total: number }).total).toBe(0);
    const doc = (await t.anonymous.get('/api/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/indicators', '/api/indicators/{id}/map', '/api/plans/{planId}/cockpit/indicators', '/api/indicators/observations/import/preview']));
  });

  it("reproduces the seed's figures: Chengdu's 2019 GDP is 36.5 % of Sichuan's and 24.2 % of Sichuan's plus Chongqing's", async () => {
    const a = (await detail('gdp_share_chengdu_sichuan')).observations.find((o) => o.period === '2019')!;
    const b = (await detail('gdp_share_chengdu_sc_cq')).observations.find((o) => o.period === '2019')!;
    expect(a.value!.toFixed(1)).toBe('36.5');
    expect(b.value!.toFixed(1)).toBe('24.2');
    expect(a).toMatchObject({ origin: 'derived', divisionCode: '510100', missing: [] });
    expect(a.reliability).toContain('low (teaching material)');
  });

  it('keeps gaps as gaps: missing inputs are named, bounds are not turned into values', async () => {
    const share2024 = (await detail('gdp_share_chengdu_sc_cq')).observations.find((o) => o.period === '2024')!;
    expect(share2024.value).toBeNull();
    expect(share2024.missing).toEqual([expect.objectContaining({ indicator: 'gdp', division: '510000' })]);
    const scope = (await detail('gdp_outline_scope')).observations.find((o) => o.period === '2019')!;
    expect(scope.value).toBeNull();
    expect(scope.missing.length).toBeGreaterThan(10);
    expect(scope.missing.map((m) => m.division)).toContain('510300');
    expect(scope.missing.map((m) => m.division)).not.toContain('510100');
    const investment = (await detail('joint_projects_investment')).observations;
    expect(investment.find((o) => o.period === '2020')!.value).toBe(5563);
    expect(investment.find((o) => o.period === '2022')).toMatchObject({ value: null, note: expect.stringContaining('>20000') });
    expect(investment.find((o) => o.period === '2024')).toMatchObject({ value: 36000, note: expect.stringContaining('约') });
    const count = (await detail('joint_projects_count')).observations.map((o) => [o.period, o.value]);
    expect(count).toEqual([['2020', 31], ['2021', 67], ['2022', 160], ['2023', 248], ['2024', 300], ['2025', 320]]);
    const gdp = await detail('gdp', '?division=510000');
    expect(gdp.observations.find((o) => o.divisionCode === '510000' && o.period === '2024')).toMatchObject({ value: null, reliability: 'unknown' });
  });

  it('serves one period across the map divisions, with null where nothing is known', async () => {
    const res = await viewer.get(`/api/indicators/${byCode.get('gdp')!.id}/map?period=2019`);
    expect(res.statusCode).toBe(200);
    const map = res.json() as { period: string; periods: string[]; unit: string; values: { divisionCode: string; value: number | null }[] };
    expect(map.period).toBe('2019');
    expect(map.unit).toBe('亿元');
    expect(map.periods).toContain('2023');
    expect(map.values).toHaveLength(59);
    expect(map.values.find((v) => v.divisionCode === '510100')!.value).toBe(17012.65);
    expect(map.values.find((v) => v.divisionCode === '510400')!.value).toBeNull();
    const latest = (await viewer.get(`/api/indicators/${byCode.get('gdp')!.id}/map`)).json() as { period: string };
    expect(latest.period).toBe('2024');
  });

  it('restarting never duplicates, and a reload keeps what the office edited', async () => {
    const gdp = byCode.get('gdp')!;
    const chengdu2018 = (await detail('gdp')).observations.find((o) => o.divisionCode === '510100' && o.period === '2018')!;
    const saved = await office.request({ method: 'PUT', url: `/api/indicators/${gdp.id}/observations`, payload: { divisionCode: '510100', period: '2018', value: 15698.94, source: '修订数（经济普查后）', reliability: 'official', note: null, version: chengdu2018.version } });
    expect(saved.statusCode).toBe(200);
    const count = async () => Number((await t.ctx.db.selectFrom('indicator_observation').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    await t.ctx.db.deleteFrom('seed_state').where('key', '=', 'indicators').execute();
    await loadShippedData(t.ctx);
    expect(await count()).toBe(before);
    expect((await detail('gdp')).observations.find((o) => o.divisionCode === '510100' && o.period === '2018')).toMatchObject({ value: 15698.94, origin: 'entry', source: '修订数（经济普查后）' });
  });

  it('lets the office define indicators, refuses others, and refuses a stale or duplicate save', async () => {
    const body = { code: 'rd_intensity', nameZh: 'R&D经费投入强度', nameEn: 'R&D intensity', unit: '%', frequency: 'year', aggregation: 'share', divisionLevel: 'province', source: '统计公报' };
    expect((await reporter.post('/api/indicators', body)).statusCode).toBe(403);
    expect((await viewer.post('/api/indicators', body)).statusCode).toBe(403);
    const created = await office.post('/api/indicators', body);
    expect(created.statusCode).toBe(201);
    const ind = created.json() as Indicator;
    expect((await office.post('/api/indicators', body)).json()).toMatchObject({ error: { code: 'INDICATOR_EXISTS' } });
    expect((await office.post('/api/indicators', body)).statusCode).toBe(409);
    const patched = await office.patch(`/api/indicators/${ind.id}`, { version: 1, nameEn: 'R&D expenditure intensity' });
    expect(patched.json()).toMatchObject({ version: 2, nameEn: 'R&D expenditure intensity' });
    expect((await office.patch(`/api/indicators/${ind.id}`, { version: 1, unit: '‰' })).statusCode).toBe(409);
    const bad = await office.post('/api/indicators', { ...body, code: 'bad_share', aggregation: 'share', derivation: { kind: 'share', division: '510100', numerator: { indicator: 'gdp_circle', members: ['510100'] }, denominator: { indicator: 'nope', members: ['510000'] } } });
    expect(bad.statusCode).toBe(400);
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', ind.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['indicator.create', 'indicator.update']);
    expect((await viewer.get('/api/indicators/no-such')).json()).toMatchObject({ error: { code: 'INDICATOR_NOT_FOUND' } });
  });

  it('rolls a monthly indicator up to years only when every month is there, naming the missing months', async () => {
    const created = await office.post('/api/indicators', { code: 'freight_rail', nameZh: '川渝间铁路货运量', nameEn: 'Rail freight between Sichuan and Chongqing', unit: '万吨', frequency: 'month', aggregation: 'sum', divisionLevel: 'region' });
    const ind = created.json() as Indicator;
    for (let m = 1; m <= 12; m++) {
      if (m === 5) continue;
      const res = await office.request({ method: 'PUT', url: `/api/indicators/${ind.id}/observations`, payload: { divisionCode: 'region:circle', period: `2025-${String(m).padStart(2, '0')}`, value: 10 } });
      expect(res.statusCode).toBe(200);
    }
    expect((await office.request({ method: 'PUT', url: `/api/indicators/${ind.id}/observations`, payload: { divisionCode: 'region:circle', period: '2025', value: 10 } })).statusCode).toBe(400);
    let d = (await viewer.get(`/api/indicators/${ind.id}`)).json() as Detail & { annual: { period: string; value: number | null; missing: string[] }[] };
    expect(d.annual).toEqual([{ period: '2025', value: null, missing: ['2025-05'] }]);
    await office.request({ method: 'PUT', url: `/api/indicators/${ind.id}/observations`, payload: { divisionCode: 'region:circle', period: '2025-05', value: 10 } });
    d = (await viewer.get(`/api/indicators/${ind.id}`)).json() as typeof d;
    expect(d.annual).toEqual([{ period: '2025', value: 120, missing: [] }]);
  });

  it('computes a trajectory to the targets and the status of the latest value, and feeds the cockpit', async () => {
    const share = byCode.get('gdp_share_chengdu_sichuan')!;
    expect((await reporter.request({ method: 'PUT', url: `/api/indicators/${share.id}/targets`, payload: { divisionCode: '510100', period: '2025', value: 40 } })).statusCode).toBe(403);
    const put = await office.request({ method: 'PUT', url: `/api/indicators/${share.id}/targets`, payload: { divisionCode: '510100', period: '2025', value: 40, source: '测试目标' } });
    expect(put.statusCode).toBe(200);
    expect((await office.request({ method: 'PUT', url: `/api/indicators/${share.id}/targets`, payload: { divisionCode: '510100', period: '2025', value: 41 } })).statusCode).toBe(409);
    const d = await detail('gdp_share_chengdu_sichuan');
    expect(d.trajectory[0]).toMatchObject({ kind: 'base' });
    expect(d.trajectory.at(-1)).toMatchObject({ period: '2025', value: 40, kind: 'target' });
    expect(d.status.status).toMatch(/on_track|behind|far_behind|no_data/);

    // A target on GDP itself, where the latest value is known: Chongqing 2025 against 2019 → 2025.
    const gdp = byCode.get('gdp')!;
    await office.request({ method: 'PUT', url: `/api/indicators/${gdp.id}/targets`, payload: { divisionCode: '500000', period: '2025', value: 40000, source: '测试目标' } });
    const cq = await detail('gdp', '?division=500000');
    expect(cq.status).toMatchObject({ status: 'far_behind', latest: { period: '2025', value: 33757.93 }, trajectoryValue: 40000 });
    const cockpit = await viewer.get(`/api/plans/${t.planId}/cockpit/indicators`);
    expect(cockpit.statusCode).toBe(200);
    const feed = cockpit.json() as { items: { code: string; divisionCode: string; status: string; trajectoryValue: number | null }[]; counts: Record<string, number> };
    expect(feed.items[0]).toMatchObject({ code: 'gdp', divisionCode: '500000', status: 'far_behind' });
    expect(feed.items.map((i) => i.code)).toContain('gdp_share_chengdu_sichuan');
    expect(feed.counts.far_behind).toBeGreaterThanOrEqual(1);
    const target = cq.targets[0]!;
    expect((await office.del(`/api/indicators/${gdp.id}/targets/${target.id}?version=${target.version + 1}`)).statusCode).toBe(409);
    expect((await office.del(`/api/indicators/${gdp.id}/targets/${target.id}?version=${target.version}`)).statusCode).toBe(204);
  });

  it('imports observations from xlsx: preview first, then all at once', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('GDP');
    ws.addRow(['各市（州）地区生产总值（亿元）']);
    ws.addRow(['指标代码', '区划名称', '年份', '数值', '来源', '可靠性']);
    ws.addRow(['gdp', '绵阳市', 2021, 3350.29, '测试来源', '官方']);
    ws.addRow(['gdp', '510500', '2021年', '2,406.1', '测试来源', '官方']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const url = '/api/indicators/observations/import';
    expect((await upload(reporter, `${url}/preview`, 'gdp.xlsx', file)).statusCode).toBe(403);
    const preview = (await upload(office, `${url}/preview`, 'gdp.xlsx', file)).json() as { format: string; headerRow: number; rows: { divisionCode: string; value: number; action: string }[]; problems: unknown[] };
    expect(preview).toMatchObject({ format: 'xlsx', headerRow: 2, problems: [] });
    expect(preview.rows.map((r) => [r.divisionCode, r.value, r.action])).toEqual([['510700', 3350.29, 'insert'], ['510500', 2406.1, 'insert']]);
    expect((await detail('gdp')).observations.some((o) => o.divisionCode === '510700' && o.period === '2021')).toBe(false);
    const applied = await upload(office, `${url}/apply`, 'gdp.xlsx', file);
    expect(applied.json()).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect((await detail('gdp')).observations.find((o) => o.divisionCode === '510700' && o.period === '2021')).toMatchObject({ value: 3350.29, origin: 'import', source: '测试来源' });
  });

  it('imports a CSV in UTF-8 with BOM or in GBK, names every bad row and column, and writes nothing while any is left', async () => {
    const url = '/api/indicators/observations/import';
    const gdp = byCode.get('gdp')!;
    const bad = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('区划,期间,数值,来源\n遂宁市,2021,1614.47,测试\n不存在市,2021,1,测试\n内江市,2021-05,1,测试\n乐山市,2021,约2000,测试\n遂宁市,2021,1614.47,测试\n'),
    ]);
    const preview = (await upload(office, `${url}/preview`, 'gdp.csv', bad, { indicatorId: gdp.id })).json() as { encoding: string; problems: { row: number; column: string; code: string }[] };
    expect(preview.encoding).toBe('utf-8-bom');
    expect(preview.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'A', 'DIVISION_UNKNOWN'],
      [4, 'B', 'PERIOD_INVALID'],
      [5, 'C', 'VALUE_INVALID'],
      [6, 'B', 'DUPLICATE_ROW'],
    ]);
    const blocked = await upload(office, `${url}/apply`, 'gdp.csv', bad, { indicatorId: gdp.id });
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json()).toMatchObject({ error: { code: 'IMPORT_BLOCKED', details: { problems: expect.any(Array) } } });
    expect((await detail('gdp')).observations.some((o) => o.divisionCode === '510900' && o.period === '2021')).toBe(false);

    const gbk = (await upload(office, `${url}/preview`, 'gdp-gbk.csv', GBK_CSV)).json() as { encoding: string; rows: { divisionCode: string; value: number | null; note: string | null }[]; problems: unknown[] };
    expect(gbk).toMatchObject({ encoding: 'gbk', problems: [] });
    expect(gbk.rows).toEqual([expect.objectContaining({ divisionCode: '510600', value: 2656.56 }), expect.objectContaining({ divisionCode: '511400', value: null, note: '未公布' })]);
    expect((await upload(office, `${url}/apply`, 'gdp-gbk.csv', GBK_CSV)).json()).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    const deyang = (await detail('gdp')).observations.find((o) => o.divisionCode === '510600' && o.period === '2021')!;
    expect(deyang).toMatchObject({ value: 2656.56, source: '测试：德阳市统计公报', reliability: '官方' });

    const garbage = await upload(office, `${url}/preview`, 'x.csv', Buffer.from([0x81, 0x20, 0xff, 0xfe, 0x00, 0x80, 0x81]));
    expect(garbage.statusCode).toBe(415);
    expect(garbage.json()).toMatchObject({ error: { code: 'IMPORT_ENCODING_UNKNOWN' } });
    const noHeader = await upload(office, `${url}/preview`, 'x.csv', Buffer.from('a,b\n1,2\n'));
    expect(noHeader.json()).toMatchObject({ error: { code: 'IMPORT_NO_HEADER' } });
  });

  it('exports an indicator to xlsx with missing values marked, and the export imports back unchanged', async () => {
    const gdp = byCode.get('gdp')!;
    const res = await viewer.get(`/api/indicators/${gdp.id}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('观测值')!;
    const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
    const sichuan2024 = rows.find((r) => r[3] === '510000' && r[5] === '2024')!;
    expect(sichuan2024[6]).toBe('缺失');
    expect(wb.getWorksheet('指标说明')).toBeTruthy();
    const back = (await upload(office, '/api/indicators/observations/import/preview', 'back.xlsx', res.rawPayload)).json() as { problems: unknown[]; counts: { insert: number; update: number; unchanged: number } };
    expect(back.problems).toEqual([]);
    expect(back.counts).toMatchObject({ insert: 0, update: 0 });
    const share = await viewer.get(`/api/indicators/${byCode.get('gdp_share_chengdu_sichuan')!.id}/export`);
    expect(share.statusCode).toBe(200);
  });
});

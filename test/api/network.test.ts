import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../helpers/build-test-app';
import { testDialects } from '../helpers/test-db';

const CHENGDU = '510100';
const CHONGQING = '500103';

interface Reading {
  thresholdMinutes: number;
  met: { from: string; to: string; minutes: number | null }[];
  notMet: { from: string; to: string; minutes: number | null }[];
  share: number;
}

describe.each(testDialects())('[%s] the one-hour transport networks', (dialect) => {
  let t: TestApp;
  let office: Client;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: () => new Date('2026-11-28T02:00:00Z') });
    office = await t.as('office1');
  });
  afterAll(() => t.close());

  const minutes = async (date: string, extra = '') =>
    ((await office.get(`/api/network/travel-times?date=${date}&from=${CHENGDU}${extra}`)).json() as { nodes: { id: string }[]; row: (number | null)[] });
  const chengduChongqing = async (date: string, extra = '') => {
    const r = await minutes(date, extra);
    return r.row[r.nodes.findIndex((n) => n.id === CHONGQING)];
  };

  it('loads the shipped network with a source for every timed link', async () => {
    const net = (await office.get('/api/network')).json() as { nodes: unknown[]; links: { mode: string; minutes: number | null; source: string[] }[]; targets: { id: string }[] };
    expect(net.nodes.length).toBeGreaterThan(50);
    expect(net.targets.map((x) => x.id)).toHaveLength(3);
    expect(net.links.filter((l) => l.mode !== 'access' && l.minutes !== null).every((l) => l.source.length > 0)).toBe(true);
  });

  it('reproduces the seed: about an hour since the 2020 upgrade, 50 minutes once 成渝中线 opens', async () => {
    expect(await chengduChongqing('2019-06-01')).toBeGreaterThan(60);
    expect(await chengduChongqing('2021-01-01')).toBe(60);
    expect(await chengduChongqing('2028-01-01')).toBe(50);
    expect(await chengduChongqing('2028-01-01', '&assumePlanned=false')).toBe(60);
  });

  it('evaluates target 1 by date and shows the route with its legs', async () => {
    const targets = (await office.get('/api/network/targets?date=2026-12-31')).json() as { items: { target: { id: string }; evaluation: { readings: Reading[] } }[] };
    const t1 = targets.items[0]!;
    expect(t1.evaluation.readings[0]).toMatchObject({ thresholdMinutes: 60, share: 1 });
    const r = (await office.get(`/api/network/route?from=${CHENGDU}&to=${CHONGQING}&date=2028-06-30`)).json() as { minutes: number; legs: { line: string | null }[] };
    expect(r.minutes).toBe(50);
    expect(r.legs.some((l) => l.line?.includes('成渝中线'))).toBe(true);
    const years = (await office.get(`/api/network/first-year?targetId=${t1.target.id}`)).json() as { items: { firstYear: { year: number | null }[] }[] };
    expect(years.items[0]!.firstYear[0]!.year).toBe(2020);
  });

  it('attributes gaps to the projects that would close them', async () => {
    const targets = (await office.get('/api/network/targets?date=2025-12-31')).json() as { items: { target: { id: string } }[] };
    const t2 = targets.items[1]!.target.id;
    const gaps = (await office.get(`/api/network/gaps?targetId=${t2}&date=2025-12-31`)).json() as { gaps: { from: string; to: string; thresholdMinutes: number; projects: { projectId: string; closesAlone: boolean }[] }[] };
    const luzhou = gaps.gaps.find((g) => g.from === CHENGDU && g.to === '510500' && g.thresholdMinutes === 90);
    expect(luzhou?.projects.find((p) => p.projectId === 'chengyu-zhongxian')?.closesAlone).toBe(true);
  });

  it('lets the office enter an unknown time, audited, and compare a what-if scenario with the base', async () => {
    const net = (await office.get('/api/network')).json() as { links: { id: string; line: string | null; minutes: number | null; version: number }[] };
    const unknown = net.links.find((l) => l.minutes === null)!;
    const edited = await office.patch(`/api/network/links/${unknown.id}`, { version: unknown.version, minutes: 75, minutesNote: '办公室据时刻表填写' });
    expect(edited.json()).toMatchObject({ minutes: 75, version: unknown.version + 1 });
    expect((await office.patch(`/api/network/links/${unknown.id}`, { version: unknown.version, minutes: 80 })).statusCode).toBe(409);
    expect((await (await t.as('viewer1')).patch(`/api/network/links/${unknown.id}`, { version: unknown.version + 1, minutes: 1 })).statusCode).toBe(403);
    const gaotie = net.links.find((l) => l.line === '成渝高铁' && l.minutes === 60)!;
    const s = (await office.post('/api/network/scenarios', { name: '成渝高铁提速至45分钟' })).json() as { id: string; version: number };
    const updated = await office.patch(`/api/network/scenarios/${s.id}`, { version: s.version, overrides: { add: [], remove: [], retime: { [gaotie.id]: 45 } } });
    expect(updated.statusCode).toBe(200);
    expect(await chengduChongqing('2026-06-30', `&scenarioId=${s.id}`)).toBe(45);
    const cmp = (await office.get(`/api/network/scenarios/${s.id}/compare?date=2026-06-30`)).json() as { items: { from: string; to: string; delta: number }[] };
    expect(cmp.items.some((d) => [d.from, d.to].sort().join() === [CHENGDU, CHONGQING].sort().join() && d.delta === -15)).toBe(true);
    const audit = (await (await t.as('admin')).get('/api/audit?action=network.')).json() as { items: { action: string }[] };
    expect(audit.items.map((a) => a.action)).toEqual(['network.scenario_update', 'network.scenario_create', 'network.link_update']);
  });

  it('exports the matrix, the targets and the links with their sources', async () => {
    const res = await office.get('/api/network/export?date=2026-12-31');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['通行时间矩阵', '目标', '线路']);
  });
});

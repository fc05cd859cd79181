import { describe, expect, it } from 'vitest';
import type { TNetwork, TTravelTimes } from '../../api/network';
import {
  bandOf,
  compareMinutes,
  countOf,
  firstYearReadings,
  gapsOfPair,
  isPartialDate,
  mainCityIds,
  matrixRows,
  minutesByDivision,
  minutesInYear,
  pairsNotMet,
  projectNamer,
  sourceParts,
  unknownProjectIds,
  yearAsOf,
} from './network-helpers';

const link = (id: string, from: string, to: string, extra: Partial<TNetwork['links'][number]> = {}): TNetwork['links'][number] => ({
  id,
  from,
  to,
  mode: 'hsr',
  line: '成渝高铁',
  minutes: 60,
  status: 'open',
  openFrom: null,
  plannedOpening: null,
  closedFrom: null,
  projectId: null,
  source: [],
  version: 1,
  ...extra,
});
const node = (id: string, name: string, kind: 'seat' | 'station', divisionCode: string | null) => ({ id, name, kind, divisionCode, lon: 0, lat: 0 });

describe('network helpers', () => {
  it('reads a year on 31 December, assuming planned openings only after the current year', () => {
    expect(yearAsOf(2026, 2026)).toEqual({ date: '2026-12-31', assumePlanned: false });
    expect(yearAsOf(2028, 2026, 's1')).toEqual({ date: '2028-12-31', assumePlanned: true, scenarioId: 's1' });
    expect(yearAsOf(2015, 2026).assumePlanned).toBe(false);
  });

  it('bands minutes, 60 inside the hour, null as no path', () => {
    expect([0, 60, 61, 90, 120, 121].map(bandOf)).toEqual(['le60', 'le60', 'le90', 'le90', 'le120', 'gt120']);
    expect(bandOf(null)).toBe('none');
  });

  it('counts readings given as numbers or pair lists, and lists the pairs not met slowest first', () => {
    expect(countOf(3)).toBe(3);
    expect(countOf([{}, {}])).toBe(2);
    const pairs = [
      { from: 'a', to: 'b', minutes: 60 },
      { from: 'a', to: 'c', minutes: 75 },
      { from: 'a', to: 'd', minutes: null },
      { from: 'a', to: 'e', minutes: 96 },
    ];
    expect(pairsNotMet(pairs, { thresholdMinutes: 60 }).map((p) => p.to)).toEqual(['d', 'e', 'c']);
    expect(pairsNotMet(pairs, { thresholdMinutes: 90 }).map((p) => p.to)).toEqual(['d', 'e']);
  });

  it('takes the seats at the end of links, and the seats of linked stations, as the main cities', () => {
    const network = {
      nodes: [node('510100', '成都市', 'seat', '510100'), node('500103', '重庆主城', 'seat', '500103'), node('st-cd', '成都东站', 'station', '510100'), node('st-mx', '茂县站', 'station', '513200'), node('513200', '阿坝州', 'seat', '513200'), node('511900', '巴中市', 'seat', '511900')],
      links: [link('l1', 'st-cd', '500103'), link('l2', 'st-cd', 'st-mx')],
    };
    expect(mainCityIds(network)).toEqual(['510100', '500103', '513200']);
  });

  it('lists each pair once at its slower direction, null when either way has no path', () => {
    const tt: Pick<TTravelTimes, 'nodes' | 'minutes'> = {
      nodes: [node('a', 'A', 'seat', 'a'), node('b', 'B', 'seat', 'b'), node('c', 'C', 'seat', 'c')],
      minutes: [
        [0, 50, null],
        [55, 0, 30],
        [null, 30, 0],
      ],
    };
    expect(matrixRows(tt, ['a', 'b', 'c', 'zz']).map((r) => [r.fromName, r.toName, r.minutes])).toEqual([
      ['A', 'B', 55],
      ['A', 'C', null],
      ['B', 'C', 30],
    ]);
  });

  it('maps a row of minutes onto seat division codes, stations left out', () => {
    const m = minutesByDivision({ nodes: [node('510100', '成都市', 'seat', '510100'), node('st', '站', 'station', '510100'), node('500103', '重庆主城', 'seat', '500103')], row: [0, 0, null] });
    expect([...m]).toEqual([
      ['510100', 0],
      ['500103', null],
    ]);
  });

  it('sorts no path after every number', () => {
    expect([null, 90, 10].sort(compareMinutes)).toEqual([10, 90, null]);
  });

  it('reads the first year as one year or per reading, and minutes by year as a list or a record', () => {
    expect(firstYearReadings({ firstYear: 2020 })).toEqual([{ thresholdMinutes: null, year: 2020 }]);
    expect(firstYearReadings({ firstYear: [{ thresholdMinutes: 60, year: null }, { thresholdMinutes: 90, year: 2027 }] })).toEqual([
      { thresholdMinutes: 60, year: null },
      { thresholdMinutes: 90, year: 2027 },
    ]);
    expect(minutesInYear({ minutesByYear: [{ year: 2027, minutes: 50 }] }, 2027)).toBe(50);
    expect(minutesInYear({ minutesByYear: { '2026': 60 } }, 2026)).toBe(60);
    expect(minutesInYear({ minutesByYear: { '2026': 60 } }, 2030)).toBeNull();
  });

  it('finds a pair’s gaps in either direction and the projects without times', () => {
    const gaps = {
      gaps: [
        { from: 'a', to: 'b', thresholdMinutes: 60, minutesNow: 96, minutesWithAllPlanned: 86, closedByAllPlanned: false, projects: [] },
        { from: 'a', to: 'c', thresholdMinutes: 60, minutesNow: null, minutesWithAllPlanned: null, closedByAllPlanned: false, projects: [] },
      ],
      projectsWithUnknownTimes: [{ projectId: 'xiyu', linkIds: ['x'] }, 'chengdawan'],
    };
    expect(gapsOfPair(gaps, 'b', 'a').map((g) => g.minutesNow)).toEqual([96]);
    expect(unknownProjectIds(gaps)).toEqual(['xiyu', 'chengdawan']);
  });

  it('names a project by its lines', () => {
    const name = projectNamer([link('z', 'a', 'b', { projectId: 'chengyu-zhongxian', line: '成渝中线高铁' }), link('y', 'a', 'c', { projectId: null, line: 'X' })]);
    expect(name('chengyu-zhongxian')).toBe('成渝中线高铁');
    expect(name('link:y')).toBe('link:y');
    expect(name('unknown')).toBe('unknown');
  });

  it('splits a source text into parts with their URLs', () => {
    expect(sourceParts('规划A, per x.json: https://a.example/1 ; 规划B: http://b.example/2')).toEqual([
      { text: '规划A, per x.json: https://a.example/1', url: 'https://a.example/1' },
      { text: '规划B: http://b.example/2', url: 'http://b.example/2' },
    ]);
    expect(sourceParts(['https://c.example/3'])).toEqual([{ text: 'https://c.example/3', url: 'https://c.example/3' }]);
    expect(sourceParts([])).toEqual([]);
  });

  it('accepts a year, a month or a day as a planned opening', () => {
    expect(['2028', '2027-11', '2027-11-30'].every(isPartialDate)).toBe(true);
    expect(['2027-13', '27-11', '2027-11-31x'].some(isPartialDate)).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attributeGaps } from './gap-attribution';
import { LINK_MODES, LINK_STATUSES, type NetworkLink, type NetworkNode, type NetworkTarget } from './network-types';
import { linksOpenOn, plannedOpeningDate } from './open-links';
import { evaluateTarget, firstYearMet } from './targets';
import { computeTravelTimes, route, travelTime } from './travel-times';

// data/network/network.json: the network the office starts from (data/network/README.md).
const shipped = JSON.parse(readFileSync(join(import.meta.dirname, '../../../data/network/network.json'), 'utf8')) as {
  nodes: NetworkNode[];
  links: NetworkLink[];
  targets: NetworkTarget[];
};
const CHENGDU = '510100';
const CHONGQING = '500103'; // 重庆主城, see data/network/README.md
const nodeIds = shipped.nodes.map((n) => n.id);
const target = (id: string) => shipped.targets.find((t) => t.id === id)!;
const matrixOn = (date: string, assumePlannedOpenings = false) =>
  computeTravelTimes(nodeIds, linksOpenOn(shipped.links, date, { assumePlannedOpenings }).links);

describe('data/network/network.json: integrity', () => {
  const ids = new Set(nodeIds);

  it('has unique node and link ids, and every link joins known nodes', () => {
    expect(ids.size).toBe(nodeIds.length);
    expect(new Set(shipped.links.map((l) => l.id)).size).toBe(shipped.links.length);
    for (const l of shipped.links) expect([ids.has(l.from), ids.has(l.to)], l.id).toEqual([true, true]);
  });

  it('has a seat for each of the 21 Sichuan and 38 Chongqing divisions, within the region', () => {
    const seats = shipped.nodes.filter((n) => n.kind === 'seat');
    expect(seats).toHaveLength(59);
    for (const n of shipped.nodes) {
      expect(n.lon, n.id).toBeGreaterThan(97);
      expect(n.lon, n.id).toBeLessThan(111);
      expect(n.lat, n.id).toBeGreaterThan(26);
      expect(n.lat, n.id).toBeLessThan(35);
    }
  });

  it('gives every line a source and every unknown time a note', () => {
    for (const l of shipped.links) {
      expect(LINK_MODES, l.id).toContain(l.mode);
      expect(LINK_STATUSES, l.id).toContain(l.status);
      if (l.mode !== 'access') expect(l.source.length, l.id).toBeGreaterThan(0);
      if (l.minutes === null) expect(l.minutesNote, l.id).toMatch(/^unknown: the office enters it/);
      if (l.plannedOpening !== null) expect(plannedOpeningDate(l.plannedOpening), l.id).not.toBeNull();
      if (l.status === 'open') expect(l.plannedOpening, l.id).toBeNull();
    }
  });

  it('has the three targets, over known nodes, each threshold with its source', () => {
    expect(shipped.targets.map((t) => t.id)).toEqual(['t1-chengdu-chongqing', 't2-cores-regional-cities', 't3-chengdu-metro']);
    for (const t of shipped.targets) {
      for (const id of [...t.from, ...t.to]) expect(ids.has(id), `${t.id} ${id}`).toBe(true);
      for (const th of t.thresholds) expect(th.source).toMatch(/https?:\/\//);
    }
    expect(target('t2-cores-regional-cities').thresholds.map((t) => t.minutes)).toEqual([60, 90]);
  });
});

describe('data/network/network.json reproduces the published figures', () => {
  it('Chengdu–Chongqing about 1.5 h before the 2020 upgrade', () => {
    const m = matrixOn('2019-06-01');
    expect(travelTime(m, CHENGDU, CHONGQING)).toBe(90);
    expect(travelTime(m, CHENGDU, CHONGQING)).toBeGreaterThan(60);
  });

  it('Chengdu–Chongqing in 1 hour since the 2020 upgrade', () => {
    const m = matrixOn('2021-01-01');
    expect(travelTime(m, CHENGDU, CHONGQING)).toBeLessThanOrEqual(60);
    expect(route(m, CHENGDU, CHONGQING)!.legs.filter((l) => l.line !== null).map((l) => l.line)).toEqual(['成渝高铁']);
  });

  it('50 minutes once 成渝中线 opens (2027-11, projected)', () => {
    expect(travelTime(matrixOn('2027-11-29', true), CHENGDU, CHONGQING)).toBe(60);
    const m = matrixOn('2028-01-01', true);
    expect(travelTime(m, CHENGDU, CHONGQING)).toBe(50);
    expect(travelTime(m, CHONGQING, CHENGDU)).toBe(50);
    expect(route(m, CHENGDU, CHONGQING)!.legs.map((l) => [l.line, l.from, l.to])).toEqual([
      [null, CHENGDU, 'st-chengdu'], ['成渝中线高铁', 'st-chengdu', 'st-chongqingbei'], [null, 'st-chongqingbei', CHONGQING],
    ]);
  });

  it('without the projection the line under construction is not counted', () =>
    expect(travelTime(matrixOn('2028-01-01'), CHENGDU, CHONGQING)).toBe(60));

  it('target 1 is first met in 2020', () =>
    expect(firstYearMet(target('t1-chengdu-chongqing'), shipped.links, [2016, 2019, 2020, 2025, 2028])[0]!.firstYear.map((f) => f.year)).toEqual([2020]));

  it('成宜 and 渝宜 timings: 成都–宜宾 73, 重庆–宜宾 48, 成都–自贡 51 (2025)', () => {
    const m = matrixOn('2025-06-30');
    expect([travelTime(m, CHENGDU, '511500'), travelTime(m, CHONGQING, '511500'), travelTime(m, CHENGDU, '510300')]).toEqual([73, 48, 51]);
  });

  it('target 3 cannot be judged yet: no 成德眉资 time is in the sources', () => {
    const e = evaluateTarget(target('t3-chengdu-metro'), matrixOn('2025-06-30'), '2025-06-30');
    expect(e.pairs.every((p) => p.minutes === Infinity)).toBe(true);
    expect(linksOpenOn(shipped.links, '2025-06-30').unknownMinutes.map((l) => l.id)).toContain('chengzi-s3');
  });

  it('成渝中线 alone brings 成都–泸州 under the rail plan’s 1.5 h (2025)', () => {
    const gaps = attributeGaps(target('t2-cores-regional-cities'), shipped.links, '2025-06-30');
    const luzhou = gaps.gaps.filter((g) => g.from === CHENGDU && g.to === '510500');
    expect(luzhou.map((g) => [g.thresholdMinutes, g.minutesNow, g.minutesWithAllPlanned])).toEqual([[60, 96, 86], [90, 96, 86]]);
    expect(luzhou[1]!.projects.map((p) => [p.projectId, p.onlyThisMinutes, p.closesAlone, p.needed])).toEqual([['chengyu-zhongxian', 86, true, true]]);
    expect(gaps.projectsWithUnknownTimes.map((p) => p.projectId).sort()).toEqual(['chengdawan', 'xiyu']);
  });
});

import { describe, expect, it } from 'vitest';
import type { GeoCollection } from '../../api/cockpit';
import type { MapDivision } from '../../charts/build-division-map-option';
import type { StatusCounts } from '../../charts/status-colors';
import { mergeGeoLayers, placeDivisions } from './chengyu-geo';

const feature = (id: string | undefined, properties: Record<string, unknown>) => ({ type: 'Feature' as const, id, properties, geometry: { type: 'Polygon', coordinates: [] } });
const counts = (partial: Partial<StatusCounts>): StatusCounts => ({ red: 0, yellow: 0, green: 0, not_started: 0, completed: 0, cancelled: 0, ...partial });

describe('mergeGeoLayers', () => {
  it('merges Sichuan and Chongqing into one collection keyed by code, reading the code from id or properties', () => {
    const sichuan: GeoCollection = { type: 'FeatureCollection', features: [feature('510100', { name: '成都市' }), feature(undefined, { adcode: 510300, name: '自贡市' })] };
    const chongqing: GeoCollection = { type: 'FeatureCollection', features: [feature(undefined, { code: '500103', name: '渝中区' }), feature(undefined, { name: '无编码' })] };
    const { collection, regions } = mergeGeoLayers([sichuan, chongqing]);
    expect(regions).toEqual([
      { code: '510100', name: '成都市' },
      { code: '510300', name: '自贡市' },
      { code: '500103', name: '渝中区' },
    ]);
    expect(collection.features.map((f) => [f.id, f.properties?.code])).toEqual([
      ['510100', '510100'],
      ['510300', '510300'],
      ['500103', '500103'],
    ]);
  });
});

describe('placeDivisions', () => {
  const mapCodes = new Set(['510100', '500103']);

  it('keeps divisions that have a shape and folds Sichuan counties into their prefecture', () => {
    const divisions: MapDivision[] = [
      { code: '510100', worst: 'green', counts: counts({ green: 2 }), taskIds: ['a', 'b'] },
      { code: '510104', worst: 'red', counts: counts({ red: 1 }), taskIds: ['c'] },
      { code: '500103', worst: 'yellow', counts: counts({ yellow: 1 }), taskIds: ['d'] },
    ];
    const { placed, unplaced } = placeDivisions(divisions, mapCodes);
    expect(unplaced).toEqual([]);
    expect(placed).toEqual([
      { code: '510100', worst: 'red', counts: counts({ red: 1, green: 2 }), taskIds: ['a', 'b', 'c'] },
      { code: '500103', worst: 'yellow', counts: counts({ yellow: 1 }), taskIds: ['d'] },
    ]);
  });

  it('does not count a task twice when it sits in a county and its prefecture', () => {
    const divisions: MapDivision[] = [
      { code: '510100', worst: 'red', counts: counts({ red: 1, green: 1 }), taskIds: ['a', 'b'] },
      { code: '510104', worst: 'red', counts: counts({ red: 1 }), taskIds: ['a'] },
    ];
    expect(placeDivisions(divisions, mapCodes).placed[0]).toMatchObject({ counts: counts({ red: 1, green: 1 }), taskIds: ['a', 'b'] });
  });

  it('reports codes with no shape at any level', () => {
    const divisions: MapDivision[] = [{ code: '510000', worst: 'green', counts: counts({ green: 1 }), taskIds: ['x'] }, { code: '500000', worst: null, counts: counts({}), taskIds: [] }];
    expect(placeDivisions(divisions, mapCodes)).toEqual({ placed: [], unplaced: ['510000', '500000'] });
  });
});

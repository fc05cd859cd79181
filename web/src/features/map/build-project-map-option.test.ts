import { describe, expect, it } from 'vitest';
import type { TMapProject } from '../../api/projects';
import { makeT } from '../../charts/test-t';
import { zhCN } from '../../i18n/zh-CN';
import { buildProjectMapOption, PHASE_COLOR, platformMemberCodes, projectShapes, shapeCentres, type MapLayers } from './build-project-map-option';

const t = makeT(zhCN);
const regions = [
  { code: '510100', name: '成都市' },
  { code: '511700', name: '达州市' },
  { code: '500101', name: '万州区' },
];
const divisions = [
  { code: '510100', name: '成都市', level: 'prefecture' as const, side: 'sichuan' as const, parentCode: '510000', roles: ['core'], outlineScope: 'full', bordersChongqing: false },
  { code: '511700', name: '达州市', level: 'prefecture' as const, side: 'sichuan' as const, parentCode: '510000', roles: ['regional_central'], outlineScope: 'partial', bordersChongqing: true },
  { code: '500101', name: '万州区', level: 'county' as const, side: 'chongqing' as const, parentCode: '500000', roles: [], outlineScope: 'full', bordersChongqing: false },
];
const line: TMapProject = {
  id: 'chengdawan', title: '成达万高铁', category: 'transport.rail', phase: 'implementation', side: 'joint', budgetTotal: null, divisionCodes: ['510100', '511700', '500101'],
  locations: [{ id: 'line', description: null, schematic: true, geometry: { type: 'MultiLineString', coordinates: [[[104, 30.6], [107.5, 31.2]], [[107.5, 31.2], [108.4, 30.8]]] } }],
};
const point: TMapProject = { ...line, id: 'hub', title: '枢纽', phase: 'completed', locations: [{ id: 'p', description: null, schematic: false, geometry: { type: 'Point', coordinates: [104.1, 30.7] } }] };
const all: MapLayers = { projects: true, scope: true, borders: true, platforms: true, cities: true, indicator: false };
const centres = new Map<string, [number, number]>([['510100', [104, 30.6]], ['511700', [107.5, 31.2]]]);
const base = { mapName: 'chengyu', regions, centres, divisions, projects: [line, point], platform: null, layers: all, selectedDivision: null, indicator: null };
type Series = { type: string; data: { projectId?: string; divisionCode?: string; lineStyle?: { color: string }; core?: boolean; value?: unknown }[] };

describe('buildProjectMapOption', () => {
  it('draws each line segment and point, coloured by phase, carrying the project id for the click', () => {
    const series = buildProjectMapOption(base, t).series as Series[];
    const lines = series.find((s) => s.type === 'lines')!;
    expect(lines.data).toHaveLength(2);
    expect(lines.data.every((d) => d.projectId === 'chengdawan' && d.lineStyle?.color === PHASE_COLOR.implementation)).toBe(true);
    expect(series[2]!.data[0]).toMatchObject({ projectId: 'hub', value: [104.1, 30.7] });
    expect(projectShapes([line, point])).toMatchObject({ lines: [{}, {}], points: [{}] });
  });
  it('marks the core and the regional central cities, and every division is clickable by code', () => {
    const series = buildProjectMapOption(base, t).series as Series[];
    expect(series[3]!.data.map((d) => [d.divisionCode, d.core])).toEqual([['510100', true], ['511700', false]]);
    expect(series[0]!.data.map((d) => d.divisionCode)).toEqual(['510100', '511700', '500101']);
  });
  it('paints scope, border counties, a platform and the selected division; hides projects when the layer is off', () => {
    const platform = { id: 'wandakai', name: '万达开', cluster: null, focus: null, members: { sichuan: ['达州市'], chongqing: ['万州区'] } };
    expect(platformMemberCodes(platform, divisions)).toEqual(['511700', '500101']);
    const option = buildProjectMapOption({ ...base, platform, selectedDivision: '510100' }, t) as { geo: { regions: { name: string; itemStyle: Record<string, unknown> }[] }; series: Series[] };
    const style = (code: string) => option.geo.regions.find((r) => r.name === code)!.itemStyle;
    expect(style('510100')).toMatchObject({ areaColor: '#bae0ff', borderWidth: 2.5 });
    expect(style('511700')).toMatchObject({ areaColor: '#d3adf7', borderType: 'dashed' });
    const off = buildProjectMapOption({ ...base, layers: { ...all, projects: false } }, t).series as Series[];
    expect(off[1]!.data).toEqual([]);
  });
  it('colours divisions by an indicator with a continuous scale, leaving missing values empty', () => {
    const indicator = { unit: '亿元', values: new Map<string, number | null>([['510100', 17716.7], ['511700', null]]) };
    const option = buildProjectMapOption({ ...base, layers: { ...all, indicator: true }, indicator }, t) as { visualMap: { min: number; max: number }; series: Series[] };
    expect(option.visualMap).toMatchObject({ min: 17716.7, max: 17716.7 });
    expect(option.series[0]!.data.map((d) => d.value)).toEqual([17716.7, undefined, undefined]);
  });
  it('finds a marker position in the middle of the largest ring', () => {
    const c = shapeCentres({ features: [{ id: '510100', properties: null, geometry: { type: 'Polygon', coordinates: [[[100, 30], [102, 30], [102, 32], [100, 32], [100, 30]]] } }] });
    expect(c.get('510100')).toEqual([101, 31]);
  });
});

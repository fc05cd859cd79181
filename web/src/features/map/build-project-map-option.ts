import type { EChartsOption } from 'echarts';
import type { TDivision, TPlatform } from '../../../../src/server/schemas';
import type { TMapProject } from '../../api/projects';
import { escapeHtml } from '../../charts/chart-text';
import type { MapRegion } from '../../charts/build-division-map-option';
import type { TFn } from '../../i18n/use-t';

/** Phase colours: planned work cool, work under way warm, finished green, cancelled grey. */
export const PHASE_COLOR: Record<TMapProject['phase'], string> = {
  identification: '#8c8c8c',
  preparation: '#1677ff',
  implementation: '#fa8c16',
  completion: '#faad14',
  completed: '#52c41a',
  cancelled: '#bfbfbf',
};

export type MapLayers = { projects: boolean; scope: boolean; borders: boolean; platforms: boolean; cities: boolean; indicator: boolean };

export type ProjectMapInput = {
  mapName: string;
  regions: readonly MapRegion[];
  /** A point for each division (its shape's centre), for the city markers. */
  centres: ReadonlyMap<string, [number, number]>;
  divisions: readonly TDivision[];
  projects: readonly TMapProject[];
  platform: TPlatform | null;
  layers: MapLayers;
  selectedDivision: string | null;
  indicator: { unit: string; values: ReadonlyMap<string, number | null> } | null;
};

/** The codes of a platform's members, matched by name against the divisions (members are written as names). */
export function platformMemberCodes(platform: TPlatform, divisions: readonly TDivision[]): string[] {
  const names = [...platform.members.sichuan, ...platform.members.chongqing];
  return divisions.filter((d) => names.some((n) => n === d.name || n.includes(d.name) || d.name.includes(n))).map((d) => d.code);
}

type Line = { coords: number[][]; projectId: string; name: string; phase: TMapProject['phase'] };

/** Each project's drawable parts: lines (one per segment of a MultiLineString) and points. */
export function projectShapes(projects: readonly TMapProject[]): { lines: Line[]; points: (Line & { value: number[] })[] } {
  const lines: Line[] = [];
  const points: (Line & { value: number[] })[] = [];
  for (const p of projects) {
    for (const l of p.locations) {
      const g = l.geometry;
      if (!g) continue;
      const base = { projectId: p.id, name: p.title, phase: p.phase };
      if (g.type === 'LineString') lines.push({ ...base, coords: g.coordinates as number[][] });
      else if (g.type === 'MultiLineString') for (const c of g.coordinates as number[][][]) lines.push({ ...base, coords: c });
      else if (g.type === 'Point') points.push({ ...base, coords: [], value: g.coordinates as number[] });
      else if (g.type === 'MultiPoint') for (const c of g.coordinates as number[][]) points.push({ ...base, coords: [], value: c });
    }
  }
  return { lines, points };
}

/**
 * The one map: divisions on a geo component (scope, border counties, platform members, indicator values),
 * project lines and points coloured by phase, and the core and regional central cities. Every project item
 * carries `projectId`, every division item its code, for the click handler.
 */
export function buildProjectMapOption(input: ProjectMapInput, t: TFn): EChartsOption {
  const { layers, divisions } = input;
  const nameOf = new Map(input.regions.map((r) => [r.code, r.name]));
  const members = new Set(layers.platforms && input.platform ? platformMemberCodes(input.platform, divisions) : []);
  const regions = input.regions.map((r) => {
    const d = divisions.find((x) => x.code === r.code);
    const scope = layers.scope && !layers.indicator ? d?.outlineScope : null;
    const areaColor = members.has(r.code) ? '#d3adf7' : scope === 'full' ? '#bae0ff' : scope === 'partial' ? '#e6f4ff' : undefined;
    const border = layers.borders && d?.bordersChongqing;
    const selected = input.selectedDivision === r.code;
    return {
      name: r.code,
      itemStyle: {
        ...(areaColor && { areaColor }),
        ...(border && { borderColor: '#d4380d', borderWidth: 2, borderType: 'dashed' as const }),
        ...(selected && { borderColor: '#000', borderWidth: 2.5 }),
      },
    };
  });
  const shapes = layers.projects ? projectShapes(input.projects) : { lines: [], points: [] };
  const cities = layers.cities
    ? divisions
        .filter((d) => d.roles.includes('core') || d.roles.includes('regional_central'))
        .flatMap((d) => {
          const at = input.centres.get(d.code);
          return at ? [{ name: d.name, value: at, divisionCode: d.code, core: d.roles.includes('core') }] : [];
        })
    : [];
  const values = input.indicator?.values;
  const known = values ? [...values.values()].filter((v): v is number => v !== null) : [];
  const tooltipOf = (params: unknown) => {
    const p = params as { seriesType?: string; name?: string; data?: { name?: string; phase?: TMapProject['phase']; core?: boolean } };
    if (p.seriesType === 'lines' || (p.seriesType === 'scatter' && p.data?.phase)) return `<b>${escapeHtml(p.data?.name ?? '')}</b><br/>${escapeHtml(t(`project.phase.${p.data!.phase!}`))}`;
    if (p.seriesType === 'scatter') return `<b>${escapeHtml(p.data?.name ?? '')}</b><br/>${escapeHtml(t(p.data?.core ? 'map.core' : 'map.regionalCentral'))}`;
    const code = String(p.name ?? '');
    const d = divisions.find((x) => x.code === code);
    const lines = [`<b>${escapeHtml(nameOf.get(code) ?? code)}</b>`];
    if (values) {
      const v = values.get(code);
      lines.push(v === null || v === undefined ? escapeHtml(t('map.indicator.missing')) : `${v.toLocaleString()} ${escapeHtml(input.indicator!.unit)}`);
    }
    if (d?.outlineScope && d.outlineScope !== 'outside') lines.push(`${escapeHtml(t('map.layer.scope'))}: ${escapeHtml(t(d.outlineScope === 'full' ? 'map.scope.full' : 'map.scope.partial'))}`);
    if (d?.bordersChongqing) lines.push(`${escapeHtml(t('map.layer.borders'))} (${escapeHtml(t('map.layer.bordersDerived'))})`);
    return lines.join('<br/>');
  };
  return {
    tooltip: { trigger: 'item', formatter: tooltipOf },
    geo: {
      map: input.mapName,
      nameProperty: 'code',
      roam: true,
      scaleLimit: { min: 0.8, max: 10 },
      top: 8,
      bottom: 8,
      left: 8,
      right: 8,
      label: { show: false },
      emphasis: { label: { show: false } },
      selectedMode: false,
      regions,
    },
    ...(values && known.length
      ? { visualMap: { type: 'continuous' as const, seriesIndex: 0, min: Math.min(...known), max: Math.max(...known), calculable: true, left: 8, bottom: 8, text: [input.indicator!.unit, ''], inRange: { color: ['#e6f4ff', '#0958d9'] } } }
      : {}),
    series: [
      {
        // Shares the geo's shapes: carries the divisions' values and their clicks.
        type: 'map',
        geoIndex: 0,
        data: input.regions.map((r) => ({ name: r.code, value: values?.get(r.code) ?? undefined, divisionCode: r.code })),
      },
      {
        type: 'lines',
        coordinateSystem: 'geo',
        polyline: true,
        zlevel: 2,
        lineStyle: { width: 3, opacity: 0.9 },
        emphasis: { lineStyle: { width: 5 } },
        data: shapes.lines.map((l) => ({ ...l, lineStyle: { color: PHASE_COLOR[l.phase] } })),
      },
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        zlevel: 3,
        symbolSize: 10,
        data: shapes.points.map((p) => ({ name: p.name, value: p.value, projectId: p.projectId, phase: p.phase, itemStyle: { color: PHASE_COLOR[p.phase] } })),
      },
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        zlevel: 4,
        symbol: 'pin',
        label: { show: true, formatter: '{b}', position: 'right', fontSize: 11 },
        data: cities.map((c) => ({ ...c, symbolSize: c.core ? 26 : 16, itemStyle: { color: c.core ? '#cf1322' : '#d46b08' } })),
      },
    ],
  };
}

/** The centre of each division's shape: the middle of the bounding box of its largest ring (good enough for a marker). */
export function shapeCentres(collection: { features: { id?: string | number; properties: Record<string, unknown> | null; geometry: unknown }[] }): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const f of collection.features) {
    const code = String(f.id ?? f.properties?.code ?? '');
    const g = f.geometry as { type?: string; coordinates?: unknown } | null;
    if (!code || !g?.coordinates) continue;
    const polygons = (g.type === 'MultiPolygon' ? g.coordinates : [g.coordinates]) as number[][][][];
    let best: number[][] | null = null;
    for (const poly of polygons) if (poly[0] && (!best || poly[0].length > best.length)) best = poly[0];
    if (!best?.length) continue;
    const xs = best.map((p) => p[0]!);
    const ys = best.map((p) => p[1]!);
    out.set(code, [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2]);
  }
  return out;
}

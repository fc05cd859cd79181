import type { GeoCollection } from '../../api/cockpit';
import type { MapDivision, MapRegion } from '../../charts/build-division-map-option';
import { STATUS_ORDER, type StatusCounts } from '../../charts/status-colors';

/** The GB/T 2260 code of a feature: its `id`, else `properties.code` or `properties.adcode` (as other GeoJSON sources use). */
export function featureCode(feature: GeoCollection['features'][number]): string | null {
  const raw = feature.id ?? feature.properties?.code ?? feature.properties?.adcode;
  return typeof raw === 'string' || typeof raw === 'number' ? String(raw) : null;
}

/**
 * One FeatureCollection for the map 'chengyu' (Sichuan prefectures + Chongqing districts). Each feature gets
 * `properties.code` so the map series can key regions by code; features without a code are dropped.
 */
export function mergeGeoLayers(layers: readonly GeoCollection[]): { collection: GeoCollection; regions: MapRegion[] } {
  const features: GeoCollection['features'] = [];
  const regions: MapRegion[] = [];
  for (const layer of layers) {
    for (const f of layer.features) {
      const code = featureCode(f);
      if (!code) continue;
      const name = typeof f.properties?.name === 'string' ? f.properties.name : code;
      features.push({ ...f, id: code, properties: { ...f.properties, code, name } });
      regions.push({ code, name });
    }
  }
  return { collection: { type: 'FeatureCollection', features }, regions };
}

/**
 * Put the cockpit's divisions onto the map's shapes. A Sichuan county (510104) is drawn inside its prefecture
 * (510100); a code with no shape at either level (a province, a typo) is returned in `unplaced`.
 */
export function placeDivisions(divisions: readonly MapDivision[], mapCodes: ReadonlySet<string>): { placed: MapDivision[]; unplaced: string[] } {
  const merged = new Map<string, { counts: StatusCounts; taskIds: Set<string> }>();
  const unplaced: string[] = [];
  for (const d of divisions) {
    const prefecture = `${d.code.slice(0, 4)}00`;
    const code = mapCodes.has(d.code) ? d.code : mapCodes.has(prefecture) ? prefecture : null;
    if (!code) {
      unplaced.push(d.code);
      continue;
    }
    let into = merged.get(code);
    if (!into) merged.set(code, (into = { counts: Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as StatusCounts, taskIds: new Set() }));
    // Counts come per division, not per task. Disjoint task sets add up exactly; when a task sits in both a county
    // and its prefecture the sets overlap, and the larger count per status is the best figure (exact when one
    // set contains the other). The drawer lists the exact tasks either way.
    const overlaps = d.taskIds.some((id) => into.taskIds.has(id));
    for (const s of STATUS_ORDER) into.counts[s] = overlaps ? Math.max(into.counts[s], d.counts[s]) : into.counts[s] + d.counts[s];
    for (const id of d.taskIds) into.taskIds.add(id);
  }
  const placed = [...merged].map(([code, m]) => ({ code, counts: m.counts, worst: STATUS_ORDER.find((s) => m.counts[s] > 0) ?? null, taskIds: [...m.taskIds] }));
  return { placed, unplaced };
}

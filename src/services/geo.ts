import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../domain';
import { projectRoot } from '../seed/project-root';

export const GEO_LAYERS = { sichuan: 'sichuan-prefectures.geojson', chongqing: 'chongqing-districts.geojson' } as const;
export type GeoLayer = keyof typeof GEO_LAYERS;

/**
 * Division boundaries for the cockpit map. The shipped files are schematic (decoded from the echarts
 * 4.9 package, not a surveyed map); an operator with an approved map points SHUANGCHENG_GEO_DIR at it.
 */
export function createGeoSource(customDir: string | undefined) {
  const cache = new Map<GeoLayer, { body: string; schematic: boolean }>();
  return (layer: GeoLayer) => {
    let hit = cache.get(layer);
    if (!hit) {
      const custom = customDir ? join(customDir, GEO_LAYERS[layer]) : null;
      const path = custom && existsSync(custom) ? custom : join(projectRoot(), 'data', 'geo', GEO_LAYERS[layer]);
      if (!existsSync(path)) throw new DomainError('NOT_FOUND', { layer });
      hit = { body: readFileSync(path, 'utf8'), schematic: path !== custom };
      cache.set(layer, hit);
    }
    return hit;
  };
}

import { useQuery } from '@tanstack/react-query';
import type { TCockpit, TNodeStatus } from '../../../src/server/schemas';
import { ApiError, api } from './client';

export type { TCockpit, TNodeStatus };

/** One GeoJSON layer as served by GET /api/geo/:layer, plus the header that says it is only a sketch. */
export type GeoFeature = { type: 'Feature'; id?: string | number; properties: Record<string, unknown> | null; geometry: unknown };
export type GeoCollection = { type: 'FeatureCollection'; features: GeoFeature[] };
export type GeoLayerData = { collection: GeoCollection; schematic: boolean };

export const cockpitKey = (planId: string) => ['plans', planId, 'cockpit'] as const;

export function useCockpit(planId: string | undefined) {
  return useQuery({
    queryKey: cockpitKey(planId ?? ''),
    queryFn: ({ signal }) => api.get<TCockpit>(`/plans/${planId}/cockpit`, undefined, signal),
    enabled: Boolean(planId),
  });
}

/** Status of every part, article and task; the cockpit only asks for it when a drawer opens. */
export function useCockpitPlanStatus(planId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...cockpitKey(planId ?? ''), 'status'],
    queryFn: ({ signal }) => api.get<{ asOf: string; items: TNodeStatus[] }>(`/plans/${planId}/status`, undefined, signal),
    enabled: Boolean(planId) && enabled,
    select: (data) => data.items,
  });
}

// The client's `request` returns the body only; the map also needs the x-map-schematic header.
async function fetchGeoLayer(layer: 'sichuan' | 'chongqing', signal: AbortSignal): Promise<GeoLayerData> {
  const response = await fetch(`/api/geo/${layer}`, { credentials: 'same-origin', headers: { Accept: 'application/geo+json, application/json' }, signal });
  if (!response.ok) throw new ApiError(response.status, response.status >= 500 ? 'INTERNAL' : 'NOT_FOUND', response.statusText);
  return { collection: (await response.json()) as GeoCollection, schematic: response.headers.get('x-map-schematic') === 'true' };
}

/** Sichuan prefectures and Chongqing districts; fetched only when the cockpit map mounts, then cached for the session. */
export function useChengyuGeo() {
  return useQuery({
    queryKey: ['geo', 'chengyu'],
    queryFn: async ({ signal }) => {
      const [sichuan, chongqing] = await Promise.all([fetchGeoLayer('sichuan', signal), fetchGeoLayer('chongqing', signal)]);
      return { layers: [sichuan.collection, chongqing.collection], schematic: sichuan.schematic || chongqing.schematic };
    },
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

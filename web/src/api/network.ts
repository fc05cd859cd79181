// The travel-time network (issue 7): docs/api.md "Travel-time network". The shapes are written out here from
// the contract; minutes are `null` where the server has no open path (JSON has no Infinity).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, type Query } from './client';
import { downloadFile } from './imports';
import type { TItems } from './types';

export type TLinkMode = 'hsr' | 'rail' | 'suburban' | 'expressway' | 'air' | 'access';
export const LINK_MODES = ['hsr', 'rail', 'suburban', 'expressway', 'air', 'access'] as const satisfies readonly TLinkMode[];
export type TLinkStatus = 'open' | 'under_construction' | 'planned';
export const LINK_STATUSES = ['open', 'under_construction', 'planned'] as const satisfies readonly TLinkStatus[];

export type TNetworkNode = {
  id: string;
  name: string;
  kind: 'seat' | 'station';
  divisionCode: string | null;
  lon: number;
  lat: number;
  positionSource?: string;
  note?: string;
  version?: number;
};

export type TNetworkLink = {
  id: string;
  from: string;
  to: string;
  mode: TLinkMode;
  line: string | null;
  /** In-vehicle minutes as published; null = unknown, the office enters it. */
  minutes: number | null;
  minutesNote?: string | null;
  headwayMinutes?: number | null;
  status: TLinkStatus;
  openFrom: string | null;
  /** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' as the source gives it. */
  plannedOpening: string | null;
  closedFrom: string | null;
  projectId: string | null;
  source: string[];
  reliability?: string | null;
  oneWay?: boolean;
  version: number;
};

export type TThreshold = { minutes: number; source: string; label?: string };
export type TNetworkTarget = {
  id: string;
  title: string;
  pairs: 'cross' | 'within';
  from: string[];
  to: string[];
  thresholds: TThreshold[];
  note?: string;
};

export type TNetwork = { nodes: TNetworkNode[]; links: TNetworkLink[]; targets: TNetworkTarget[] };

export type TPairTime = { from: string; to: string; minutes: number | null };
export type TReading = {
  thresholdMinutes: number;
  source: string;
  /** The contract reads "met, notMet": counts or the pairs themselves; the view accepts either. */
  met: number | TPairTime[];
  notMet: number | TPairTime[];
  share: number;
};
export type TTargetEvaluation = { pairs: TPairTime[]; readings: TReading[]; worst: TPairTime[] };
export type TTargetsResponse = { items: { target: TNetworkTarget; evaluation: TTargetEvaluation }[] };

export type TMatrixNode = { id: string; name: string; kind: 'seat' | 'station'; divisionCode: string | null };
export type TTravelTimes = { date: string; nodes: TMatrixNode[]; minutes?: (number | null)[][]; row?: (number | null)[]; unknownLinks: string[] };

export type TRouteLeg = { line: string | null; mode: TLinkMode; from: string; to: string; minutes: number; linkIds: string[]; transferBefore: boolean };
export type TRoute = { from: string; to: string; minutes: number; inVehicleMinutes: number; transfers: number; transferMinutes: number; legs: TRouteLeg[] };

export type TFirstYearThreshold = { thresholdMinutes: number; source?: string; year: number | null };
export type TFirstYearItem = {
  from: string;
  to: string;
  /** The contract gives one year (or null); a per-reading list is accepted too. */
  firstYear: number | null | TFirstYearThreshold[];
  minutesByYear: { year: number; minutes: number | null }[] | Record<string, number | null>;
};

export type TProjectEffect = {
  projectId: string;
  linkIds: string[];
  plannedOpenings?: (string | null)[];
  withAllMinutes: number | null;
  withoutThisMinutes: number | null;
  onlyThisMinutes: number | null;
  closesAlone: boolean;
  needed: boolean;
};
export type TPairGap = {
  from: string;
  to: string;
  thresholdMinutes: number;
  thresholdSource?: string;
  minutesNow: number | null;
  minutesWithAllPlanned: number | null;
  closedByAllPlanned: boolean;
  projects: TProjectEffect[];
};
/** An attributed project: its title in the project library (null when the library lacks it) and the plan's transport tasks it serves. */
export type TGapProject = { title: string | null; tasks: { nodeId: string; code: string; title: string; how: 'linked' | 'mentioned' }[] };
export type TGaps = { gaps: TPairGap[]; projectsWithUnknownTimes: ({ projectId: string; linkIds: string[] } | string)[]; projectDetails?: Record<string, TGapProject> };

export type TScenarioOverrides = { add: TNetworkLink[]; remove: string[]; retime: Record<string, number> };
export type TScenario = { id: string; name: string; overrides: TScenarioOverrides; version: number; createdAt: string };
export type TScenarioDelta = { from: string; to: string; baseMinutes: number | null; scenarioMinutes: number | null; delta: number | null };

export type TLinkPatch = {
  version: number;
  minutes?: number | null;
  status?: TLinkStatus;
  openFrom?: string | null;
  plannedOpening?: string | null;
  closedFrom?: string | null;
  headwayMinutes?: number | null;
  minutesNote?: string | null;
};

/** What every reading of the network depends on: the day, whether planned openings count, the scenario. */
export type NetworkAsOf = { date: string; assumePlanned: boolean; scenarioId?: string };

const asOfQuery = (a: NetworkAsOf): Query => ({ date: a.date, assumePlanned: a.assumePlanned, scenarioId: a.scenarioId });

export const networkKey = ['network'] as const;

export function useNetwork() {
  return useQuery({ queryKey: [...networkKey, 'base'], queryFn: ({ signal }) => api.get<TNetwork>('/network', undefined, signal) });
}

/** One row of the matrix: minutes from `from` to every node. */
export function useTravelTimesFrom(asOf: NetworkAsOf, from: string) {
  return useQuery({
    queryKey: [...networkKey, 'travel-times', asOf, from],
    queryFn: ({ signal }) => api.get<TTravelTimes>('/network/travel-times', { ...asOfQuery(asOf), from }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTravelTimes(asOf: NetworkAsOf) {
  return useQuery({
    queryKey: [...networkKey, 'travel-times', asOf],
    queryFn: ({ signal }) => api.get<TTravelTimes>('/network/travel-times', asOfQuery(asOf), signal),
    placeholderData: keepPreviousData,
  });
}

/** The fastest route; `null` when the server answers 404 (no open path on that date). */
export function useRoute(asOf: NetworkAsOf, from: string | undefined, to: string | undefined) {
  return useQuery({
    queryKey: [...networkKey, 'route', asOf, from, to],
    queryFn: async ({ signal }) => {
      try {
        return await api.get<TRoute>('/network/route', { ...asOfQuery(asOf), from, to }, signal);
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
    enabled: Boolean(from && to && from !== to),
  });
}

export function useTargets(asOf: NetworkAsOf) {
  return useQuery({
    queryKey: [...networkKey, 'targets', asOf],
    queryFn: ({ signal }) => api.get<TTargetsResponse>('/network/targets', asOfQuery(asOf), signal),
    placeholderData: keepPreviousData,
  });
}

export function useFirstYear(targetId: string, fromYear: number, toYear: number, enabled: boolean) {
  return useQuery({
    queryKey: [...networkKey, 'first-year', targetId, fromYear, toYear],
    queryFn: ({ signal }) => api.get<TItems<TFirstYearItem>>('/network/first-year', { targetId, fromYear, toYear }, signal),
    select: (data) => data.items,
    enabled,
  });
}

export function useGaps(targetId: string | undefined, asOf: NetworkAsOf) {
  return useQuery({
    queryKey: [...networkKey, 'gaps', targetId, asOf],
    queryFn: ({ signal }) => api.get<TGaps>('/network/gaps', { targetId, ...asOfQuery(asOf) }, signal),
    enabled: Boolean(targetId),
  });
}

export function useScenarios() {
  return useQuery({
    queryKey: [...networkKey, 'scenarios'],
    queryFn: ({ signal }) => api.get<TItems<TScenario>>('/network/scenarios', undefined, signal),
    select: (data) => data.items,
  });
}

export function useScenarioCompare(scenarioId: string | undefined, asOf: Omit<NetworkAsOf, 'scenarioId'>) {
  return useQuery({
    queryKey: [...networkKey, 'compare', scenarioId, asOf],
    queryFn: ({ signal }) => api.get<TItems<TScenarioDelta>>(`/network/scenarios/${scenarioId}/compare`, { date: asOf.date, assumePlanned: asOf.assumePlanned }, signal),
    select: (data) => data.items,
    enabled: Boolean(scenarioId),
  });
}

/** Every write changes what the readings say, so each one refreshes the whole network cache. */
function useNetworkMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: networkKey }) });
}

/** The office moves a node on the map (kept over later shipped data); the version it read guards against a lost update. */
export function usePatchNode() {
  return useNetworkMutation(({ id, body }: { id: string; body: { version: number; lon: number; lat: number } }) => api.patch<unknown>(`/network/nodes/${encodeURIComponent(id)}`, body));
}

export function usePatchLink() {
  return useNetworkMutation(({ id, patch }: { id: string; patch: TLinkPatch }) => api.patch<TNetworkLink>(`/network/links/${encodeURIComponent(id)}`, patch));
}

export function useCreateScenario() {
  return useNetworkMutation((name: string) => api.post<TScenario>('/network/scenarios', { name }));
}

export function usePatchScenario() {
  return useNetworkMutation(({ id, body }: { id: string; body: { version: number; name?: string; overrides?: TScenarioOverrides } }) =>
    api.patch<TScenario>(`/network/scenarios/${encodeURIComponent(id)}`, body),
  );
}

export function useDeleteScenario() {
  return useNetworkMutation((id: string) => api.delete<void>(`/network/scenarios/${encodeURIComponent(id)}`));
}

export function downloadNetworkExport(asOf: NetworkAsOf): Promise<void> {
  return downloadFile('/network/export', `travel-times-${asOf.date}.xlsx`, asOfQuery(asOf));
}

import type { IsoDate } from '../schedule/iso-date';

/** How a link is travelled. `access` ties a station to the city it serves: it is no line, so it never counts as a change of line. */
export const LINK_MODES = ['hsr', 'rail', 'suburban', 'expressway', 'air', 'access'] as const;
export type LinkMode = (typeof LINK_MODES)[number];

export const LINK_STATUSES = ['open', 'under_construction', 'planned'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

/** A place in the network: a division's seat (id = its GB/T 2260 code) or a station where lines meet. */
export interface NetworkNode {
  id: string;
  name: string;
  kind: 'seat' | 'station';
  /** GB/T 2260 code of the division the node stands for; null for a station whose district the sources do not give. */
  divisionCode: string | null;
  lon: number;
  lat: number;
  positionSource?: string;
  note?: string;
}

/**
 * One segment of one line between two nodes, undirected unless `oneWay`. `minutes` is in-vehicle time
 * as published; null when no source gives it (the office enters it). Links with the same `line` can be
 * ridden through without a transfer penalty; `line` is null only for `access` links.
 */
export interface NetworkLink {
  id: string;
  from: string;
  to: string;
  mode: LinkMode;
  line: string | null;
  minutes: number | null;
  minutesNote?: string;
  headwayMinutes?: number | null;
  status: LinkStatus;
  /** First day of service; null = open before any date the office asks about. */
  openFrom: IsoDate | null;
  /** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' as the source gives it; null when no date is published. */
  plannedOpening: string | null;
  /** First day out of service (e.g. a timing superseded by an upgrade). */
  closedFrom: IsoDate | null;
  projectId: string | null;
  source: string[];
  reliability?: string;
  oneWay?: boolean;
}

/** A what-if copy of the network: the base links plus the office's edits. */
export interface NetworkScenario {
  base: NetworkLink[];
  overrides: { add: NetworkLink[]; remove: string[]; retime: Record<string, number> };
}

/** One reading of a target's threshold; two readings when the plans disagree (1 h vs 1.5 h). */
export interface TargetThreshold {
  minutes: number;
  source: string;
  label?: string;
}

/**
 * A travel-time target. `cross`: every node of `from` with every node of `to`; `within`: every
 * unordered pair of the nodes in `from` ∪ `to`. A pair is judged on the slower of its two directions.
 */
export interface NetworkTarget {
  id: string;
  title: string;
  pairs: 'cross' | 'within';
  from: string[];
  to: string[];
  thresholds: TargetThreshold[];
  note?: string;
}

import type { IsoDate } from '../schedule/iso-date';
import type { NetworkLink, NetworkTarget } from './network-types';
import { linksOpenOn } from './open-links';
import { computeTravelTimes, type TravelTimeMatrix, type TravelTimeOptions } from './travel-times';

export interface PairTime {
  from: string;
  to: string;
  /** The slower direction's minutes; Infinity when no open link with known minutes joins them. */
  minutes: number;
}

export interface ThresholdReading {
  thresholdMinutes: number;
  source: string;
  met: PairTime[];
  notMet: PairTime[];
  /** met / all pairs, 0…1; 0 for a target without pairs. */
  share: number;
}

export interface TargetEvaluation {
  targetId: string;
  date: IsoDate;
  pairs: PairTime[];
  readings: ThresholdReading[];
  /** The slowest pairs first (unreachable ones lead), at most `worstCount`. */
  worst: PairTime[];
}

/** The target's pairs, each unordered pair once, in the order the target lists its nodes. */
export function targetPairs(target: NetworkTarget): [string, string][] {
  const out: [string, string][] = [];
  const seen = new Set<string>();
  const add = (a: string, b: string) => {
    if (a === b) return;
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push([a, b]);
  };
  if (target.pairs === 'cross') {
    for (const a of target.from) for (const b of target.to) add(a, b);
  } else {
    const all = [...target.from, ...target.to];
    all.forEach((a, i) => all.slice(i + 1).forEach((b) => add(a, b)));
  }
  return out;
}

function pairMinutes(m: TravelTimeMatrix, a: string, b: string): number {
  const i = m.indexOf.get(a);
  const j = m.indexOf.get(b);
  if (i === undefined || j === undefined) return Infinity;
  const n = m.nodeIds.length;
  return Math.max(m.minutes[i * n + j]!, m.minutes[j * n + i]!);
}

/**
 * The target on the date `matrix` was computed for: per threshold reading, the pairs at or under it
 * (≤ is met: "1小时通达" includes 60 minutes) and the share. A pair counts at its slower direction;
 * a node missing from the matrix counts as unreachable.
 */
export function evaluateTarget(target: NetworkTarget, matrix: TravelTimeMatrix, date: IsoDate, worstCount = 5): TargetEvaluation {
  const pairs = targetPairs(target).map(([from, to]) => ({ from, to, minutes: pairMinutes(matrix, from, to) }));
  const readings = target.thresholds.map((t) => {
    const met = pairs.filter((p) => p.minutes <= t.minutes);
    const notMet = pairs.filter((p) => p.minutes > t.minutes);
    return { thresholdMinutes: t.minutes, source: t.source, met, notMet, share: pairs.length ? met.length / pairs.length : 0 };
  });
  const worst = [...pairs].sort((a, b) => b.minutes - a.minutes).slice(0, worstCount);
  return { targetId: target.id, date, pairs, readings, worst };
}

export interface PairFirstYear {
  from: string;
  to: string;
  /** Minutes at the end of each year asked for (Infinity when not connected). */
  minutesByYear: { year: number; minutes: number }[];
  /** Per threshold reading, the first year whose year-end time meets it; null when none does. */
  firstYear: { thresholdMinutes: number; source: string; year: number | null }[];
}

/** Every node a set of links and a target refer to, in first-seen order. */
export function nodesOf(links: readonly NetworkLink[], extra: readonly string[] = []): string[] {
  const ids = new Set<string>();
  for (const l of links) ids.add(l.from).add(l.to);
  for (const id of extra) ids.add(id);
  return [...ids];
}

/**
 * For each pair of the target, the first of `years` in which it meets each threshold as links open.
 * Each year is judged on its last day (YYYY-12-31) with planned openings assumed, so a line due to
 * open in 2027-11 counts from 2027. Links without minutes are left out, as everywhere.
 */
export function firstYearMet(target: NetworkTarget, links: readonly NetworkLink[], years: readonly number[], options: TravelTimeOptions = {}): PairFirstYear[] {
  const pairs = targetPairs(target);
  const nodeIds = nodesOf(links, [...target.from, ...target.to]);
  const sorted = [...years].sort((a, b) => a - b);
  const byYear = sorted.map((year) => {
    const open = linksOpenOn(links, `${year}-12-31`, { assumePlannedOpenings: true }).links;
    // pairs are read both ways between the target's cities: their rows are all that is needed
    return { year, matrix: computeTravelTimes(nodeIds, open, { ...options, sources: [...target.from, ...target.to] }) };
  });
  return pairs.map(([from, to]) => {
    const minutesByYear = byYear.map(({ year, matrix }) => ({ year, minutes: pairMinutes(matrix, from, to) }));
    const firstYear = target.thresholds.map((t) => ({
      thresholdMinutes: t.minutes,
      source: t.source,
      year: minutesByYear.find((y) => y.minutes <= t.minutes)?.year ?? null,
    }));
    return { from, to, minutesByYear, firstYear };
  });
}

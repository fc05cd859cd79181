// Pure helpers of the travel-time network page: reading dates, bands, pairs and the contract's flexible shapes.
import type { TravelBand } from '../../charts/build-travel-time-map-option';
import { TRAVEL_BAND_COLOR } from '../../charts/build-travel-time-map-option';
import type { NetworkAsOf, TFirstYearItem, TGaps, TNetwork, TNetworkNode, TPairGap, TPairTime, TReading, TTravelTimes } from '../../api/network';

export const YEAR_MIN = 2015;
export const YEAR_MAX = 2035;
export const DEFAULT_ORIGIN = '510100';
export const CHONGQING_CORE = '500103';

/** Each year is read on its last day; years after the current one assume planned openings (issue 7). */
export function yearAsOf(year: number, currentYear: number, scenarioId?: string): NetworkAsOf {
  return { date: `${year}-12-31`, assumePlanned: year > currentYear, ...(scenarioId ? { scenarioId } : {}) };
}

export type Band = TravelBand;

/** ≤60 / 60–90 / 90–120 / >120 minutes, or no open path. */
export function bandOf(minutes: number | null | undefined): Band {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return 'none';
  if (minutes <= 60) return 'le60';
  if (minutes <= 90) return 'le90';
  if (minutes <= 120) return 'le120';
  return 'gt120';
}

export const BAND_COLOR = TRAVEL_BAND_COLOR;

/** Readings may carry counts or the pairs themselves. */
export function countOf(value: number | readonly unknown[]): number {
  return typeof value === 'number' ? value : value.length;
}

export function meets(minutes: number | null, threshold: number): boolean {
  return minutes !== null && Number.isFinite(minutes) && minutes <= threshold;
}

/** The pairs missing a reading, unreachable ones first, then the slowest. */
export function pairsNotMet(pairs: readonly TPairTime[], reading: Pick<TReading, 'thresholdMinutes'>): TPairTime[] {
  return pairs.filter((p) => !meets(p.minutes, reading.thresholdMinutes)).sort((a, b) => (b.minutes ?? Infinity) - (a.minutes ?? Infinity));
}

export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export function nodeNamer(nodes: readonly Pick<TNetworkNode, 'id' | 'name'>[]): (id: string) => string {
  const names = new Map(nodes.map((n) => [n.id, n.name]));
  return (id) => names.get(id) ?? id;
}

/** The cities the matrix shows: seats at the end of a link, and the seats of the stations that are. */
export function mainCityIds(network: Pick<TNetwork, 'nodes' | 'links'>): string[] {
  const byId = new Map(network.nodes.map((n) => [n.id, n]));
  const seatOfCode = new Map(network.nodes.filter((n) => n.kind === 'seat' && n.divisionCode).map((n) => [n.divisionCode!, n.id]));
  const ids = new Set<string>();
  for (const l of network.links) {
    for (const end of [l.from, l.to]) {
      const node = byId.get(end);
      if (!node) continue;
      if (node.kind === 'seat') ids.add(node.id);
      else if (node.divisionCode && seatOfCode.has(node.divisionCode)) ids.add(seatOfCode.get(node.divisionCode)!);
    }
  }
  return network.nodes.filter((n) => ids.has(n.id)).map((n) => n.id);
}

export type MatrixRow = { key: string; from: string; to: string; fromName: string; toName: string; minutes: number | null };

/** Each unordered pair of `ids` once, at its slower direction (as the targets judge a pair). */
export function matrixRows(tt: Pick<TTravelTimes, 'nodes' | 'minutes'>, ids: readonly string[]): MatrixRow[] {
  const index = new Map(tt.nodes.map((n, i) => [n.id, i]));
  const name = nodeNamer(tt.nodes);
  const present = ids.filter((id) => index.has(id));
  const cell = (a: string, b: string) => tt.minutes?.[index.get(a)!]?.[index.get(b)!] ?? null;
  const rows: MatrixRow[] = [];
  present.forEach((a, i) => {
    for (const b of present.slice(i + 1)) {
      const ab = cell(a, b);
      const ba = cell(b, a);
      const minutes = ab === null || ba === null ? null : Math.max(ab, ba);
      rows.push({ key: `${a}|${b}`, from: a, to: b, fromName: name(a), toName: name(b), minutes });
    }
  });
  return rows;
}

/** Minutes from the row's origin to each division code (seat nodes only; stations stand for their city). */
export function minutesByDivision(tt: Pick<TTravelTimes, 'nodes' | 'row'>): Map<string, number | null> {
  const out = new Map<string, number | null>();
  tt.nodes.forEach((n, i) => {
    if (n.kind !== 'seat' || !n.divisionCode) return;
    out.set(n.divisionCode, tt.row?.[i] ?? null);
  });
  return out;
}

/** Sort nulls (no path) after every number, whatever the direction. */
export function compareMinutes(a: number | null, b: number | null): number {
  return (a ?? Number.MAX_SAFE_INTEGER) - (b ?? Number.MAX_SAFE_INTEGER);
}

export type FirstYearReading = { thresholdMinutes: number | null; year: number | null };

/** The first year a pair meets each reading: the contract's single year, or a list per reading. */
export function firstYearReadings(item: Pick<TFirstYearItem, 'firstYear'>): FirstYearReading[] {
  if (Array.isArray(item.firstYear)) return item.firstYear.map((r) => ({ thresholdMinutes: r.thresholdMinutes, year: r.year }));
  return [{ thresholdMinutes: null, year: item.firstYear }];
}

export function minutesInYear(item: Pick<TFirstYearItem, 'minutesByYear'>, year: number): number | null {
  const m = item.minutesByYear;
  if (Array.isArray(m)) return m.find((y) => y.year === year)?.minutes ?? null;
  return m[String(year)] ?? null;
}

/** The gap entries (one per threshold reading) of one pair, in either direction. */
export function gapsOfPair(gaps: TGaps | undefined, from: string, to: string): TPairGap[] {
  const key = pairKey(from, to);
  return (gaps?.gaps ?? []).filter((g) => pairKey(g.from, g.to) === key);
}

export function unknownProjectIds(gaps: TGaps | undefined): string[] {
  return (gaps?.projectsWithUnknownTimes ?? []).map((p) => (typeof p === 'string' ? p : p.projectId));
}

/** A project's name for people: the lines its links ride on, else its id. */
export function projectNamer(links: TNetwork['links']): (projectId: string) => string {
  const lines = new Map<string, Set<string>>();
  for (const l of links) {
    if (!l.projectId || !l.line) continue;
    const set = lines.get(l.projectId) ?? new Set<string>();
    set.add(l.line);
    lines.set(l.projectId, set);
  }
  return (id) => {
    const names = lines.get(id) ?? (id.startsWith('link:') ? lines.get(id.slice(5)) : undefined);
    return names ? [...names].join('、') : id;
  };
}

/** Split a source text into its parts ("A: url ; B: url"): the text and the first URL of each. */
export function sourceParts(source: string | readonly string[]): { text: string; url: string | null }[] {
  const parts = typeof source === 'string' ? source.split(/\s+;\s+/) : [...source];
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .map((text) => ({ text, url: /https?:\/\/\S+/.exec(text)?.[0] ?? null }));
}

/** Accepts YYYY, YYYY-MM or YYYY-MM-DD (empty = none); the server has the last word. */
export function isPartialDate(value: string): boolean {
  return /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(value);
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(value);
}

/** A calendar day as 'YYYY-MM-DD'. Plans are kept in days, not instants, so ISO strings compare correctly as strings. */
export type IsoDate = string;

const DAY_MS = 86_400_000;

function utcDay(d: IsoDate): number {
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / DAY_MS;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). Uses UTC, so no day is 23 or 25 hours long. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return utcDay(to) - utcDay(from);
}

/** One decimal place, the precision the office quotes percentages in (计划进度 62.5%). */
export function roundPct(x: number): number {
  return Math.round(x * 10) / 10;
}

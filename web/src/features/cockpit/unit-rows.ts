import type { TCockpit } from '../../api/cockpit';

export type CockpitUnitRow = TCockpit['units'][number];

/** Share of due lead reports filed by the due date, in percent; null when nothing was due yet. */
export function onTimeRate(row: Pick<CockpitUnitRow, 'reportsDue' | 'reportsOnTime'>): number | null {
  return row.reportsDue > 0 ? Math.round((row.reportsOnTime / row.reportsDue) * 1000) / 10 : null;
}

/** Sorter for a nullable rate: units with nothing due sort below every real rate. */
export function compareRates(a: number | null, b: number | null): number {
  return (a ?? -1) - (b ?? -1);
}

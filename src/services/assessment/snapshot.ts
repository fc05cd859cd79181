import type { LeagueTable, SchemeItem } from '../../domain/assessment';

/** What a publication freezes: the scheme as it was and every unit's lines, so later edits cannot change it. */
export interface ResultsSnapshot {
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
  asOf: string;
  computedAt: string;
  items: SchemeItem[];
  tables: LeagueTable[];
}

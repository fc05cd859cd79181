import { scoreItem, toTenths, type AssessmentEvidence, type BreakdownLine, type SchemeItem } from './rules';

/** Ranked separately: provincial departments; cities and prefectures; Chongqing-side units when included. */
export const UNIT_GROUPS = ['provincial_departments', 'cities', 'chongqing'] as const;
export type UnitGroup = (typeof UNIT_GROUPS)[number];

export const GROUP_LABELS: Record<UnitGroup, { zh: string; en: string }> = {
  provincial_departments: { zh: '省直部门', en: 'Provincial departments' },
  cities: { zh: '市（州）', en: 'Cities and prefectures' },
  chongqing: { zh: '重庆方面单位', en: 'Chongqing-side units' },
};

/** A unit's group from its kind and side; null when it is not assessed (the offices themselves, enterprises). */
export function groupOf(unit: { kind: string; side: string }, includeChongqing: boolean): UnitGroup | null {
  if (unit.kind === 'office' || unit.kind === 'enterprise' || unit.kind === 'other') return null;
  if (unit.side === 'chongqing') return includeChongqing ? 'chongqing' : null;
  if (unit.kind === 'city' || unit.kind === 'county') return 'cities';
  return 'provincial_departments';
}

export interface AssessedUnit { id: string; name: string; group: UnitGroup; sortOrder: number }

export interface UnitScore { unitId: string; unitName: string; group: UnitGroup; score: number; rank: number; lines: BreakdownLine[] }

export interface LeagueTable { group: UnitGroup; rows: UnitScore[] }

/** Every unit's lines and total; the total is the sum of the lines as shown, so a unit can add it up itself. */
export function scoreUnit(items: SchemeItem[], unit: AssessedUnit, ev: AssessmentEvidence): Omit<UnitScore, 'rank'> {
  const lines = items.map((item) => scoreItem(item, unit.id, ev));
  const tenths = lines.reduce((s, l) => s + toTenths(l.points), 0);
  return { unitId: unit.id, unitName: unit.name, group: unit.group, score: tenths / 10, lines };
}

/**
 * League tables per group. Equal scores share a rank (1, 1, 3); within a tie units are listed in the
 * unit register's order, then by name and id, so the table reads the same on every recompute.
 */
export function leagueTables(items: SchemeItem[], units: AssessedUnit[], ev: AssessmentEvidence): LeagueTable[] {
  const byUnit = splitByUnit(ev);
  const tables: LeagueTable[] = [];
  for (const group of UNIT_GROUPS) {
    const members = units.filter((u) => u.group === group);
    if (!members.length) continue;
    const order = new Map(members.map((u) => [u.id, u]));
    const scored = members.map((u) => scoreUnit(items, u, byUnit.get(u.id) ?? { ...ev, reports: [], milestones: [], supervision: [], adjustments: [] }));
    scored.sort((a, b) => {
      if (a.score !== b.score) return b.score - a.score;
      const ua = order.get(a.unitId)!;
      const ub = order.get(b.unitId)!;
      if (ua.sortOrder !== ub.sortOrder) return ua.sortOrder - ub.sortOrder;
      if (ua.name !== ub.name) return ua.name < ub.name ? -1 : 1;
      return ua.id < ub.id ? -1 : ua.id > ub.id ? 1 : 0;
    });
    const rows: UnitScore[] = [];
    scored.forEach((s, i) => {
      const rank = i > 0 && rows[i - 1]!.score === s.score ? rows[i - 1]!.rank : i + 1;
      rows.push({ ...s, rank });
    });
    tables.push({ group, rows });
  }
  return tables;
}

/** Each unit's share of the evidence, split once, so scoring a plan's units is linear in the evidence. */
function splitByUnit(ev: AssessmentEvidence): Map<string, AssessmentEvidence> {
  const out = new Map<string, AssessmentEvidence>();
  const of = (unitId: string) => {
    let e = out.get(unitId);
    if (!e) out.set(unitId, (e = { ...ev, reports: [], milestones: [], supervision: [], adjustments: [] }));
    return e;
  };
  for (const r of ev.reports) of(r.unitId).reports.push(r);
  for (const m of ev.milestones) of(m.unitId).milestones.push(m);
  for (const s of ev.supervision) of(s.unitId).supervision.push(s);
  for (const a of ev.adjustments) of(a.unitId).adjustments.push(a);
  return out;
}

/** Items of a scheme must add up to something sensible; the office sees these problems before computing. */
export function schemeProblems(items: { rule: string; maxPoints: number }[]): string[] {
  const problems: string[] = [];
  if (!items.length) problems.push('EMPTY');
  if (items.some((i) => !(i.maxPoints > 0))) problems.push('NON_POSITIVE_POINTS');
  if (items.filter((i) => i.rule === 'bonus_penalty').length > 1) problems.push('DUPLICATE_BONUS_PENALTY');
  return problems;
}

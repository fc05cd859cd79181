import { nameSimilarity } from './similarity';

export type UnitKind = 'office' | 'department' | 'central' | 'city' | 'county';
export type UnitSide = 'sichuan' | 'chongqing';

/** What the matcher needs of a catalogue entry (data/units.json, keyed by the database id). */
export interface CatalogueUnit {
  id: string;
  name: string;
  fullName: string;
  aliases: readonly string[];
  kind: UnitKind;
  side: UnitSide;
}

export type UnitGroup = 'all_cities' | 'related_cities' | 'related_departments' | 'all_units';

export interface UnitSuggestion {
  unitId: string;
  name: string;
  /** 0–1, higher is closer. */
  score: number;
}

export type UnitMatch =
  | { kind: 'exact'; unitId: string }
  | { kind: 'group'; group: UnitGroup; unitIds: string[] }
  | { kind: 'unknown'; suggestions: UnitSuggestion[] };

// Group names offices write instead of listing units. Only 各市（州） can be expanded by itself; the
// others name "the relevant ones", which only the office can choose.
const GROUPS: { re: RegExp; group: UnitGroup }[] = [
  { re: /^各市(?:\(州\)|州)?(?:党委和)?(?:人民)?(?:政府)?$/, group: 'all_cities' },
  { re: /^(?:相关|有关)市(?:\(州\)|州)?(?:党委和)?(?:人民)?(?:政府)?$/, group: 'related_cities' },
  { re: /^(?:省直|省级)(?:各|有关|相关)?(?:部门|单位)(?:和单位)?$/, group: 'related_departments' },
  { re: /^各?(?:有关|相关)部门$/, group: 'related_departments' },
  { re: /^各?(?:有关|相关)?单位$/, group: 'all_units' },
];

const SUGGESTION_COUNT = 3;
const SUGGESTION_FLOOR = 0.25;
// A name written for the other side (省… vs 市…) is only half as likely to be meant.
const OTHER_SIDE_PENALTY = 0.5;

interface NormalisedName {
  core: string;
  side: UnitSide | null;
}

/**
 * Prefixes tell the side: 四川省 / 省 → Sichuan, 重庆市 / 市 → Chongqing (Chongqing's municipal
 * departments are written 市发展改革委). 中共 and the suffix 人民政府 / 政府 (after a place name) are
 * dropped, brackets made ASCII and spaces removed, so 四川省发展和改革委员会 and the catalogue's full
 * name meet on 发展和改革委员会.
 */
export function normaliseUnitName(name: string): NormalisedName {
  let s = name.normalize('NFKC').replace(/\s+/g, '');
  s = s.replace(/^中共/, '');
  let side: UnitSide | null = null;
  for (const [prefix, prefixSide] of [['四川省', 'sichuan'], ['重庆市', 'chongqing'], ['省', 'sichuan'], ['市', 'chongqing']] as const) {
    if (s.startsWith(prefix) && s.length > prefix.length + 1) {
      s = s.slice(prefix.length);
      side = prefixSide;
      break;
    }
  }
  s = s.replace(/(?<=[市县区州])(?:人民)?政府$/, '');
  return { core: s, side };
}

export type UnitMatcher = (name: string) => UnitMatch;

/**
 * Builds a matcher over a catalogue once, for matching the many names of one sheet. Order of tests:
 * a group name; the exact name, full name or an alias; the same after `normaliseUnitName` (the side
 * must agree when the name shows one); else up to three suggestions by similarity (the better of a
 * bigram Dice coefficient and edit similarity, against name, full name and aliases). A normalised name
 * that fits two units (发展改革委 without 省 or 市) is not guessed: both come back as suggestions.
 */
export function createUnitMatcher(catalogue: readonly CatalogueUnit[]): UnitMatcher {
  const entries = catalogue.map((unit) => ({
    unit,
    raw: new Set([unit.name, unit.fullName, ...unit.aliases].map((n) => n.normalize('NFKC').replace(/\s+/g, ''))),
    names: [unit.name, unit.fullName, ...unit.aliases].map(normaliseUnitName),
  }));
  const cities = catalogue.filter((u) => u.side === 'sichuan' && u.kind === 'city').map((u) => u.id);
  const cache = new Map<string, UnitMatch>();

  const match = (name: string): UnitMatch => {
    const compact = name.normalize('NFKC').replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
    const group = GROUPS.find((g) => g.re.test(compact))?.group;
    if (group) return { kind: 'group', group, unitIds: group === 'all_cities' ? [...cities] : [] };

    const raw = entries.find((e) => e.raw.has(compact));
    if (raw) return { kind: 'exact', unitId: raw.unit.id };

    const wanted = normaliseUnitName(compact);
    const sideAgrees = (side: UnitSide) => wanted.side === null || wanted.side === side;
    const exact = entries.filter((e) => sideAgrees(e.unit.side) && e.names.some((n) => n.core === wanted.core));
    if (exact.length === 1) return { kind: 'exact', unitId: exact[0]!.unit.id };

    const scored = entries.map((e) => {
      const best = Math.max(...e.names.map((n) => nameSimilarity(wanted.core, n.core)));
      return { unitId: e.unit.id, name: e.unit.name, score: Math.round(best * (sideAgrees(e.unit.side) ? 1 : OTHER_SIDE_PENALTY) * 100) / 100 };
    });
    const suggestions = scored
      .filter((s) => s.score >= SUGGESTION_FLOOR)
      .sort((a, b) => b.score - a.score)
      .slice(0, Math.max(SUGGESTION_COUNT, exact.length));
    return { kind: 'unknown', suggestions };
  };

  return (name) => {
    let result = cache.get(name);
    if (!result) cache.set(name, (result = match(name)));
    return result;
  };
}

/** Matches one unit name as written in a 任务分工表 against the catalogue; see `createUnitMatcher`. */
export function matchUnit(name: string, catalogue: readonly CatalogueUnit[]): UnitMatch {
  return createUnitMatcher(catalogue)(name);
}

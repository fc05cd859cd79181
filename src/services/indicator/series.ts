import { comparePeriods, derivationInputs, evaluateDerivation, operandMembers, type ExplainLang, type MissingInput } from '../../domain';
import type { Executor } from '../../db/schema';
import { indicatorsByCode, type Indicator } from './definitions';
import { divisionName, loadDivisionCatalogue, type DivisionCatalogue } from './regions';

export interface Observation {
  id: string | null;
  divisionCode: string;
  divisionName: string;
  period: string;
  /** Null = missing: shown as such, never filled in. */
  value: number | null;
  source: string | null;
  reliability: string | null;
  note: string | null;
  /** 'seed' | 'entry' | 'import' | 'report' | 'derived'. */
  origin: string;
  enteredBy: string | null;
  version: number | null;
  updatedAt: string | null;
  /** For a derived value: the inputs without a value, named so the office knows what to collect. */
  missing: (MissingInput & { divisionName: string })[];
}

export interface Series {
  catalogue: DivisionCatalogue;
  observations: Observation[];
}

type ObsRow = { id: string; indicator_id: string; division_code: string; period: string; value: number | null; source: string | null; reliability: string | null; note: string | null; origin: string; entered_by: string | null; version: number; updated_at: string };

async function observationRows(db: Executor, indicatorIds: string[]): Promise<ObsRow[]> {
  if (!indicatorIds.length) return [];
  const rows = await db
    .selectFrom('indicator_observation')
    .leftJoin('app_user', 'app_user.id', 'indicator_observation.entered_by')
    .select(['indicator_observation.id', 'indicator_id', 'division_code', 'period', 'value', 'source', 'reliability', 'note', 'origin', 'app_user.display_name as entered_by', 'indicator_observation.version', 'indicator_observation.updated_at'])
    .where('indicator_id', 'in', indicatorIds)
    .execute();
  return rows.map((r) => ({ ...r, value: r.value === null ? null : Number(r.value), version: Number(r.version), entered_by: r.entered_by ?? null }));
}

/**
 * Every observation of an indicator, stored or derived, sorted by division and period. A derived value
 * is computed for each period any input has, and is null (with the missing inputs named) unless all are there.
 */
export async function loadSeries(db: Executor, indicator: Indicator, lang: ExplainLang, catalogue?: DivisionCatalogue): Promise<Series> {
  const cat = catalogue ?? (await loadDivisionCatalogue(db));
  const [observations] = await loadSeriesOf(db, [indicator], lang, cat);
  return { catalogue: cat, observations: observations ?? [] };
}

/**
 * The series of many indicators in two queries: the derived ones' inputs by code, then every needed
 * observation at once (the cockpit reads all indicators with a target this way).
 */
export async function loadSeriesOf(db: Executor, indicators: Indicator[], lang: ExplainLang, cat: DivisionCatalogue): Promise<Observation[][]> {
  const inputCodes = [...new Set(indicators.flatMap((i) => (i.derivation ? derivationInputs(i.derivation) : [])))];
  const inputs = await indicatorsByCode(db, inputCodes, lang);
  const ids = new Set([...indicators.filter((i) => !i.derivation).map((i) => i.id), ...[...inputs.values()].map((i) => i.id)]);
  const rows = await observationRows(db, [...ids]);
  const rowsOf = new Map<string, ObsRow[]>();
  for (const r of rows) rowsOf.set(r.indicator_id, [...(rowsOf.get(r.indicator_id) ?? []), r]);
  return indicators.map((indicator) => {
    if (!indicator.derivation) return sortObservations((rowsOf.get(indicator.id) ?? []).map((r) => stored(r, cat, lang)));
    const own = derivationInputs(indicator.derivation).flatMap((code) => {
      const input = inputs.get(code);
      return input ? (rowsOf.get(input.id) ?? []) : [];
    });
    return derive(indicator, own, inputs, cat, lang);
  });
}

function stored(r: ObsRow, cat: DivisionCatalogue, lang: ExplainLang): Observation {
  return {
    id: r.id,
    divisionCode: r.division_code,
    divisionName: divisionName(cat, r.division_code, lang),
    period: r.period,
    value: r.value,
    source: r.source,
    reliability: r.reliability,
    note: r.note,
    origin: r.origin,
    enteredBy: r.entered_by,
    version: r.version,
    updatedAt: r.updated_at,
    missing: [],
  };
}

function derive(indicator: Indicator, rows: ObsRow[], inputs: Map<string, Indicator>, cat: DivisionCatalogue, lang: ExplainLang): Observation[] {
  const d = indicator.derivation!;
  const codeOf = new Map([...inputs.values()].map((i) => [i.id, i.code]));
  const byKey = new Map(rows.map((r) => [`${codeOf.get(r.indicator_id)}|${r.division_code}|${r.period}`, r]));
  const members = new Set((d.kind === 'sum' ? [d.operand] : [d.numerator, d.denominator]).flatMap((op) => operandMembers(op, cat.regions)));
  const periods = [...new Set(rows.filter((r) => members.has(r.division_code)).map((r) => r.period))].sort(comparePeriods);
  return periods.map((period) => {
    const result = evaluateDerivation(d, period, (ind, div, p) => byKey.get(`${ind}|${div}|${p}`)?.value ?? null, cat.regions);
    const used = [...members].map((m) => ({ m, rows: derivationInputs(d).map((code) => byKey.get(`${code}|${m}|${period}`)).filter((r): r is ObsRow => Boolean(r && r.value !== null)) }));
    // The inputs' reliability travels with the derived figure: a share is only as good as its weakest input.
    const reliability = used.flatMap(({ m, rows: rs }) => rs.filter((r) => r.reliability).map((r) => `${divisionName(cat, m, lang)}: ${r.reliability}`)).slice(0, 6).join('; ') || null;
    return {
      id: null,
      divisionCode: d.division,
      divisionName: divisionName(cat, d.division, lang),
      period,
      value: result.value,
      source: indicator.source,
      reliability,
      note: null,
      origin: 'derived',
      enteredBy: null,
      version: null,
      updatedAt: null,
      missing: result.missing.map((m) => ({ ...m, divisionName: divisionName(cat, m.division, lang) })),
    };
  });
}

function sortObservations(list: Observation[]): Observation[] {
  return list.sort((a, b) => (a.divisionCode === b.divisionCode ? comparePeriods(a.period, b.period) : a.divisionCode < b.divisionCode ? -1 : 1));
}

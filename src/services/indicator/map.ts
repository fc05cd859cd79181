import { comparePeriods, type ExplainLang } from '../../domain';
import type { ServiceContext } from '../context';
import { requireIndicator } from './definitions';
import { loadSeries } from './series';

export interface IndicatorMap {
  period: string | null;
  periods: string[];
  unit: string;
  /** Every division the map draws, with null where no value is known, so a gap shows as a gap. */
  values: { divisionCode: string; value: number | null }[];
}

/** One period of an indicator across the map's divisions (Sichuan prefectures, Chongqing districts) for a choropleth. */
export async function indicatorMap(ctx: ServiceContext, id: string, period: string | undefined, lang: ExplainLang): Promise<IndicatorMap> {
  const indicator = await requireIndicator(ctx.db, id, lang);
  const { catalogue, observations } = await loadSeries(ctx.db, indicator, lang);
  const onMap = new Set(catalogue.mapCodes);
  const mapped = observations.filter((o) => onMap.has(o.divisionCode));
  const periods = [...new Set(mapped.map((o) => o.period))].sort(comparePeriods);
  const withValues = periods.filter((p) => mapped.some((o) => o.period === p && o.value !== null));
  const chosen = period ?? withValues[withValues.length - 1] ?? periods[periods.length - 1] ?? null;
  const byCode = new Map(mapped.filter((o) => o.period === chosen).map((o) => [o.divisionCode, o.value]));
  return { period: chosen, periods, unit: indicator.unit, values: catalogue.mapCodes.map((code) => ({ divisionCode: code, value: byCode.get(code) ?? null })) };
}

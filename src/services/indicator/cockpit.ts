import { INDICATOR_STATUSES, type ExplainLang, type IndicatorStatus } from '../../domain';
import type { ServiceContext } from '../context';
import { requirePlan } from '../plan/read-plan';
import { indicatorsById } from './definitions';
import { loadTargets, trackDivision, type TrackStatus } from './detail';
import { divisionName, loadDivisionCatalogue } from './regions';
import { loadSeriesOf } from './series';

export interface CockpitIndicator extends TrackStatus {
  indicatorId: string;
  code: string;
  name: string;
  unit: string;
  divisionCode: string;
  divisionName: string;
}

export interface CockpitIndicators {
  items: CockpitIndicator[];
  counts: Record<IndicatorStatus, number>;
}

// Worst first, so the cockpit card leads with what needs attention.
const ORDER: IndicatorStatus[] = ['far_behind', 'behind', 'no_data', 'on_track', 'no_trajectory'];

/** Each indicator and division with a target: its latest value, the trajectory value for that period and its status. */
export async function cockpitIndicators(ctx: ServiceContext, planId: string, today: string, lang: ExplainLang): Promise<CockpitIndicators> {
  await requirePlan(ctx.db, planId);
  const ids = (await ctx.db.selectFrom('indicator_target').select('indicator_id').distinct().execute()).map((r) => r.indicator_id);
  const cat = await loadDivisionCatalogue(ctx.db);
  const targets = await loadTargets(ctx.db, ids, cat, lang);
  const items: CockpitIndicator[] = [];
  // All series in two grouped queries (derived inputs, then observations), however many indicators have targets.
  const indicators = await indicatorsById(ctx.db, ids, lang);
  const series = await loadSeriesOf(ctx.db, indicators, lang, cat);
  indicators.forEach((indicator, n) => {
    const id = indicator.id;
    const observations = series[n]!;
    const list = targets.get(id) ?? [];
    for (const division of [...new Set(list.map((t) => t.divisionCode))]) {
      const { status } = trackDivision(observations.filter((o) => o.divisionCode === division), list.filter((t) => t.divisionCode === division), indicator.frequency, indicator.direction, today);
      items.push({ indicatorId: id, code: indicator.code, name: indicator.name, unit: indicator.unit, divisionCode: division, divisionName: divisionName(cat, division, lang), ...status });
    }
  });
  items.sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || a.code.localeCompare(b.code));
  const counts = Object.fromEntries(INDICATOR_STATUSES.map((s) => [s, items.filter((i) => i.status === s).length])) as Record<IndicatorStatus, number>;
  return { items, counts };
}

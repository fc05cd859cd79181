import type { EChartsOption } from 'echarts';
import type { TIndicatorDetail, TIndicatorMap } from '../../api/indicators';
import { escapeHtml } from '../../charts/chart-text';
import { divisionMapSeries } from '../../charts/division-map-series';
import type { TFn } from '../../i18n/use-t';

export const INDICATOR_MAP = 'chengyu';
const MISSING_COLOR = '#d9d9d9';
const SCALE = ['#deebf7', '#9ecae1', '#4292c6', '#2171b5', '#08306b'];

export const formatValue = (v: number, unit: string) => `${Number.isInteger(v) ? v : v.toFixed(unit === '%' ? 1 : 2)}${unit === '%' ? '%' : ` ${unit}`}`;

/**
 * Actual values of one division against its targets and the straight trajectory between them. A missing
 * period is a gap in the line (not a zero, not a bridged segment), so the reader sees it is missing.
 */
export function buildIndicatorLineOption(detail: TIndicatorDetail, t: TFn): EChartsOption {
  const { indicator, division } = detail;
  const observations = detail.observations.filter((o) => o.divisionCode === division);
  const targets = detail.targets.filter((x) => x.divisionCode === division);
  const periods = [...new Set([...observations.map((o) => o.period), ...targets.map((x) => x.period), ...detail.trajectory.map((p) => p.period)])].sort();
  const actual = new Map(observations.map((o) => [o.period, o.value]));
  const target = new Map(targets.map((x) => [x.period, x.value]));
  const path = new Map(detail.trajectory.map((p) => [p.period, p.value]));
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? formatValue(v, indicator.unit) : t('ind.missing')),
    },
    legend: { top: 0, data: [t('ind.chart.actual'), t('ind.chart.target'), t('ind.chart.trajectory')] },
    grid: { left: 56, right: 24, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: periods, boundaryGap: false },
    yAxis: { type: 'value', name: indicator.unit, scale: true },
    series: [
      { name: t('ind.chart.actual'), type: 'line', data: periods.map((p) => actual.get(p) ?? null), connectNulls: false, symbolSize: 7, z: 3 },
      { name: t('ind.chart.target'), type: 'line', data: periods.map((p) => target.get(p) ?? null), lineStyle: { opacity: 0 }, symbol: 'diamond', symbolSize: 12 },
      { name: t('ind.chart.trajectory'), type: 'line', data: periods.map((p) => path.get(p) ?? null), lineStyle: { type: 'dashed' }, symbol: 'none', connectNulls: false },
    ],
  };
}

/** Five equal-count classes over the known values; divisions without a value stay grey and are labelled missing. */
export function buildIndicatorMapOption(map: TIndicatorMap, names: ReadonlyMap<string, string>, t: TFn): EChartsOption {
  const known = map.values.filter((v): v is { divisionCode: string; value: number } => v.value !== null).map((v) => v.value).sort((a, b) => a - b);
  const breaks = known.length ? [0.2, 0.4, 0.6, 0.8].map((q) => known[Math.min(known.length - 1, Math.floor(q * known.length))]!) : [];
  const edges = [known[0] ?? 0, ...breaks, known[known.length - 1] ?? 0];
  const pieces = SCALE.map((color, i) => ({ min: edges[i]!, max: edges[i + 1]!, color }))
    .filter((p, i, all) => i === 0 || p.max > all[i - 1]!.max)
    .map((p) => ({ ...p, label: p.min === p.max ? formatValue(p.min, map.unit) : `${formatValue(p.min, map.unit)} – ${formatValue(p.max, map.unit)}` }));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const code = String((params as { name?: unknown }).name ?? '');
        const v = map.values.find((x) => x.divisionCode === code)?.value ?? null;
        return `<b>${escapeHtml(names.get(code) ?? code)}</b><br/>${escapeHtml(v === null ? t('ind.map.missing') : formatValue(v, map.unit))}`;
      },
    },
    visualMap: known.length
      ? { type: 'piecewise', seriesIndex: 0, orient: 'horizontal', left: 'center', bottom: 0, itemWidth: 12, itemHeight: 8, pieces, outOfRange: { color: MISSING_COLOR } }
      : undefined,
    series: [
      divisionMapSeries(
        INDICATOR_MAP,
        map.values.map((v) => (v.value === null ? { name: v.divisionCode, value: NaN, itemStyle: { areaColor: MISSING_COLOR } } : { name: v.divisionCode, value: v.value })),
      ),
    ],
  };
}

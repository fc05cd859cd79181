import { divisionMapSeries } from './division-map-series';
import type { EChartsOption } from 'echarts';
import type { TFn } from '../i18n/use-t';
import { escapeHtml } from './chart-text';
import { drillId } from './drill';
import { STATUS_COLOR, STATUS_ORDER, type Status, type StatusCounts } from './status-colors';

export const CHENGYU_MAP = 'chengyu';

/** A shape on the map (from the GeoJSON) and what the cockpit knows about the tasks located there. */
export type MapRegion = { code: string; name: string };
export type MapDivision = { code: string; worst: Status | null; counts: StatusCounts; taskIds: readonly string[] };

/**
 * Divisions coloured by the worst status of their tasks. The colour is a piecewise visualMap over the status'
 * index in STATUS_ORDER, so the legend doubles as a filter; divisions without tasks keep the theme's area colour.
 */
export function buildDivisionMapOption(regions: readonly MapRegion[], divisions: readonly MapDivision[], t: TFn, mapName = CHENGYU_MAP): EChartsOption {
  const nameOf = new Map(regions.map((r) => [r.code, r.name]));
  const byCode = new Map(divisions.map((d) => [d.code, d]));
  const located = divisions.filter((d) => d.worst !== null && nameOf.has(d.code));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const code = String((params as { name?: unknown }).name ?? '');
        const d = byCode.get(code);
        const title = `<b>${escapeHtml(nameOf.get(code) ?? code)}</b>`;
        if (!d) return `${title}<br/>${escapeHtml(t('cockpit.chart.noTasks'))}`;
        const total = STATUS_ORDER.reduce((sum, s) => sum + d.counts[s], 0);
        const lines = STATUS_ORDER.filter((s) => d.counts[s] > 0).map(
          (s) => `<span style="display:inline-block;width:8px;height:8px;border-radius:4px;background:${STATUS_COLOR[s]};margin-right:4px"></span>${escapeHtml(t(`cockpit.status.${s}`))} ${d.counts[s]}`,
        );
        return [title, `${escapeHtml(t('cockpit.chart.tasks'))}: ${total}`, ...lines].join('<br/>');
      },
    },
    visualMap: {
      type: 'piecewise',
      seriesIndex: 0,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemWidth: 12,
      itemHeight: 12,
      pieces: STATUS_ORDER.map((s, i) => ({ value: i, label: t(`cockpit.status.${s}`), color: STATUS_COLOR[s] })),
    },
    series: [divisionMapSeries(mapName, located.map((d) => ({ id: drillId({ kind: 'division', code: d.code }), name: d.code, value: STATUS_ORDER.indexOf(d.worst as Status) })))],
  };
}

import type { EChartsOption } from 'echarts';
import { isMessageKey, type TFn } from '../i18n/use-t';
import { escapeHtml, formatPct, shorten } from './chart-text';
import { drillId, type DrillTarget } from './drill';
import { STATUS_COLOR, STATUS_ORDER, type StatusCounts } from './status-colors';

// Reads on both the light and the dark theme.
const TRACK_COLOR = 'rgba(128, 128, 128, 0.14)';

/** One bar: what the axis shows, what the tooltip shows, and where a click leads. */
export type ProgressBar = { label: string; fullLabel: string; progressPct: number; counts: StatusCounts; target: DrillTarget };
type NodeRow = { nodeId: string; code: string; title: string; progressPct: number; counts: StatusCounts };
type KeyAreaRow = { key: string; title: string; progressPct: number; counts: StatusCounts };

/** Outline order: 3.10 after 3.9 (the payload lists articles in database order). */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

function nodeBars(nodes: readonly NodeRow[], maxTitle: number): ProgressBar[] {
  return [...nodes]
    .sort((a, b) => compareCodes(a.code, b.code))
    .map((n) => ({
      label: `${n.code} ${shorten(n.title, maxTitle)}`,
      fullLabel: `${n.code} ${n.title}`,
      progressPct: n.progressPct,
      counts: n.counts,
      target: { kind: 'node', nodeId: n.nodeId },
    }));
}

function tooltipHtml(bar: ProgressBar, t: TFn): string {
  const counts = STATUS_ORDER.filter((s) => bar.counts[s] > 0).map(
    (s) => `<span style="display:inline-block;width:8px;height:8px;border-radius:4px;background:${STATUS_COLOR[s]};margin-right:4px"></span>${escapeHtml(t(`cockpit.status.${s}`))} ${bar.counts[s]}`,
  );
  return [`<b>${escapeHtml(bar.fullLabel)}</b>`, `${escapeHtml(t('cockpit.chart.progress'))}: ${formatPct(bar.progressPct)}`, ...counts].join('<br/>');
}

/** Progress bars (0–100 %) with a background track; horizontal bars list top-down in the given order. */
export function buildProgressBarOption(bars: readonly ProgressBar[], t: TFn, orientation: 'vertical' | 'horizontal'): EChartsOption {
  const horizontal = orientation === 'horizontal';
  const shown = horizontal ? [...bars].reverse() : [...bars];
  const categoryAxis = {
    type: 'category' as const,
    data: shown.map((b) => b.label),
    axisTick: { show: false },
    axisLabel: horizontal ? { width: 150, overflow: 'truncate' as const } : { interval: 0, width: 90, overflow: 'break' as const, lineHeight: 14 },
  };
  const valueAxis = { type: 'value' as const, min: 0, max: 100, axisLabel: { formatter: '{value}%' } };
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const index = (params as { dataIndex?: number }).dataIndex ?? -1;
        const bar = shown[index];
        return bar ? tooltipHtml(bar, t) : '';
      },
    },
    grid: horizontal ? { left: 8, right: 48, top: 8, bottom: 8, containLabel: true } : { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    // The grey track is a second stacked series rather than `showBackground`, so that a click anywhere on the
    // row (also on a 0 % bar, which has no width) reaches the drill id.
    series: [
      {
        type: 'bar',
        name: t('cockpit.chart.progress'),
        stack: 'progress',
        barMaxWidth: horizontal ? 14 : 36,
        label: { show: true, position: horizontal ? 'right' : 'top', formatter: (p: unknown) => formatPct(Number((p as { value?: unknown }).value ?? 0)) },
        data: shown.map((b) => ({ id: drillId(b.target), value: b.progressPct })),
      },
      {
        type: 'bar',
        stack: 'progress',
        barMaxWidth: horizontal ? 14 : 36,
        itemStyle: { color: TRACK_COLOR },
        emphasis: { disabled: true },
        data: shown.map((b) => ({ id: drillId(b.target), value: Math.max(0, 100 - b.progressPct) })),
      },
    ],
  };
}

/** The Decision's four parts, as columns. */
export function buildPartsBarOption(parts: readonly NodeRow[], t: TFn): EChartsOption {
  return buildProgressBarOption(nodeBars(parts, 10), t, 'vertical');
}

/** The 18 articles, top-down in outline order, each labelled with its code and a short title. */
export function buildArticlesBarOption(articles: readonly NodeRow[], t: TFn): EChartsOption {
  return buildProgressBarOption(nodeBars(articles, 8), t, 'horizontal');
}

/** The seven key areas (重点领域); the label follows the UI language where a translation exists. */
export function buildKeyAreasBarOption(keyAreas: readonly KeyAreaRow[], t: TFn): EChartsOption {
  const bars: ProgressBar[] = keyAreas.map((k) => {
    const key = `cockpit.keyArea.${k.key}`;
    const title = isMessageKey(key) ? t(key) : k.title;
    return { label: shorten(title, 12), fullLabel: title, progressPct: k.progressPct, counts: k.counts, target: { kind: 'keyArea', key: k.key } };
  });
  return buildProgressBarOption(bars, t, 'horizontal');
}

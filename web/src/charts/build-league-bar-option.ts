import type { EChartsOption } from 'echarts';
import { escapeHtml, shorten } from './chart-text';

export type LeagueBar = { unitId: string; unitName: string; rank: number; score: number };

/** A group's scores as horizontal bars, best at the top; each bar carries its unit id for a click. */
export function buildLeagueBarOption(rows: readonly LeagueBar[], maxScore: number, scoreLabel: string): EChartsOption {
  // ECharts draws a category axis bottom-up: reverse so rank 1 is on top.
  const ordered = [...rows].reverse();
  return {
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const row = ordered[(p as { dataIndex: number }).dataIndex];
        return row ? `${escapeHtml(row.unitName)}<br/>#${row.rank} · ${scoreLabel} ${row.score.toFixed(1)}` : '';
      },
    },
    xAxis: { type: 'value', min: 0, max: Math.max(maxScore, ...rows.map((r) => r.score)) },
    yAxis: { type: 'category', data: ordered.map((r) => shorten(r.unitName, 10)), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        data: ordered.map((r) => ({ value: r.score, unitId: r.unitId })),
        label: { show: true, position: 'right', formatter: (p) => Number(p.value).toFixed(1) },
      },
    ],
  };
}

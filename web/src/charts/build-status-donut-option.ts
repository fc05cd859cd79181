import type { EChartsOption } from 'echarts';
import type { TFn } from '../i18n/use-t';
import { drillId } from './drill';
import { STATUS_COLOR, STATUS_ORDER, type StatusCounts } from './status-colors';

/** Tasks by status as a donut; every status keeps its legend entry, empty ones just draw no slice or label. */
export function buildStatusDonutOption(counts: StatusCounts, t: TFn): EChartsOption {
  const total = STATUS_ORDER.reduce((sum, s) => sum + counts[s], 0);
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, icon: 'circle', itemWidth: 10, itemHeight: 10 },
    title: { text: String(total), subtext: t('cockpit.chart.tasks'), left: 'center', top: '34%', textStyle: { fontSize: 26, fontWeight: 'bold' } },
    series: [
      {
        type: 'pie',
        radius: ['48%', '70%'],
        center: ['50%', '44%'],
        avoidLabelOverlap: true,
        label: { formatter: '{b}\n{c}' },
        data: STATUS_ORDER.map((s) => ({
          id: drillId({ kind: 'status', status: s }),
          name: t(`cockpit.status.${s}`),
          value: counts[s],
          itemStyle: { color: STATUS_COLOR[s] },
          label: { show: counts[s] > 0 },
          labelLine: { show: counts[s] > 0 },
        })),
      },
    ],
  };
}

import type { EChartsOption } from 'echarts';
import type { TProjectDetail } from '../../api/projects';
import type { TFn } from '../../i18n/use-t';

/** Two cumulative lines in 亿元 by month: the annual plan spread over its months, and what the reports say was done. */
export function buildPlanVsActualOption(series: TProjectDetail['series'], t: TFn): EChartsOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('project.series.planned'), t('project.series.actual')], bottom: 0 },
    grid: { left: 48, right: 16, top: 24, bottom: 48 },
    xAxis: { type: 'category', data: series.points.map((p) => p.month) },
    yAxis: { type: 'value', name: series.unit },
    series: [
      { name: t('project.series.planned'), type: 'line', showSymbol: false, lineStyle: { type: 'dashed' }, data: series.points.map((p) => p.planned) },
      { name: t('project.series.actual'), type: 'line', connectNulls: false, data: series.points.map((p) => p.actual) },
    ],
  };
}

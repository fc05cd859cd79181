import { Empty } from 'antd';
import { useMemo } from 'react';
import type { TIndicatorDetail } from '../../api/indicators';
import { EChart } from '../../charts/echart';
import { useT } from '../../i18n/use-t';
import { buildIndicatorLineOption } from './build-indicator-options';

/** Its own chunk (with ECharts): the page's table and notes show before the chart code arrives. */
export default function IndicatorChart({ detail }: { detail: TIndicatorDetail }) {
  const t = useT();
  const option = useMemo(() => buildIndicatorLineOption(detail, t), [detail, t]);
  const any = detail.observations.some((o) => o.divisionCode === detail.division) || detail.targets.some((x) => x.divisionCode === detail.division);
  if (!any) return <Empty description={t('ind.chart.empty')} />;
  return <EChart option={option} height={320} testId="indicator-chart" ariaLabel={t('ind.chart.title')} />;
}

import { Alert, Empty, Flex, Select, Skeleton, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useChengyuGeo } from '../../api/cockpit';
import { useIndicatorMap } from '../../api/indicators';
import { EChart, registerGeoMap } from '../../charts/echart';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { mergeGeoLayers } from '../cockpit/chengyu-geo';
import { buildIndicatorMapOption, INDICATOR_MAP } from './build-indicator-options';

/** A small choropleth of one period across Sichuan's prefectures and Chongqing's districts; its own chunk. */
export default function IndicatorMapCard({ indicatorId }: { indicatorId: string }) {
  const t = useT();
  const errorText = useErrorText();
  const [period, setPeriod] = useState<string | undefined>();
  const data = useIndicatorMap(indicatorId, period);
  const geo = useChengyuGeo();
  const regions = useMemo(() => {
    if (!geo.data) return null;
    const merged = mergeGeoLayers(geo.data.layers);
    registerGeoMap(INDICATOR_MAP, merged.collection);
    return new Map(merged.regions.map((r) => [r.code, r.name]));
  }, [geo.data]);
  const option = useMemo(() => (data.data && regions ? buildIndicatorMapOption(data.data, regions, t) : null), [data.data, regions, t]);

  if (data.error || geo.error) return <Alert type="warning" showIcon title={errorText(data.error ?? geo.error)} />;
  if (!option || !data.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (!data.data.periods.length) return <Empty description={t('ind.map.noData')} />;
  return (
    <Flex vertical gap={8} data-testid="indicator-map">
      <Flex gap={8} align="center" justify="space-between">
        <Select
          size="small"
          style={{ width: 120 }}
          value={data.data.period ?? undefined}
          onChange={setPeriod}
          options={data.data.periods.map((p) => ({ value: p, label: p }))}
          aria-label={t('ind.map.period')}
          data-testid="indicator-map-period"
        />
        {geo.data?.schematic && <Tag>{t('ind.map.schematic')}</Tag>}
      </Flex>
      <EChart option={option} height={360} ariaLabel={t('ind.map.title')} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('ind.map.missingLegend', { count: data.data.values.filter((v) => v.value === null).length })}
      </Typography.Text>
    </Flex>
  );
}

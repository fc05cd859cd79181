import { Alert, Card, Skeleton, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useChengyuGeo, type TCockpit } from '../../api/cockpit';
import { buildDivisionMapOption, CHENGYU_MAP } from '../../charts/build-division-map-option';
import { drillTargetOf } from '../../charts/drill';
import { EChart, registerGeoMap } from '../../charts/echart';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { mergeGeoLayers, placeDivisions } from './chengyu-geo';
import type { TaskSelection } from './task-list-drawer';

type Props = { divisions: TCockpit['divisions']; dark: boolean; height: number; onSelect: (selection: TaskSelection) => void };

/** Sichuan prefectures and Chongqing districts, coloured by the worst status of the tasks located there. */
export function DivisionMapCard({ divisions, dark, height, onSelect }: Props) {
  const t = useT();
  const errorText = useErrorText();
  const geo = useChengyuGeo();

  const map = useMemo(() => {
    if (!geo.data) return null;
    const merged = mergeGeoLayers(geo.data.layers);
    registerGeoMap(CHENGYU_MAP, merged.collection);
    return { regions: merged.regions, codes: new Set(merged.regions.map((r) => r.code)) };
  }, [geo.data]);
  const placement = useMemo(() => (map ? placeDivisions(divisions, map.codes) : null), [map, divisions]);
  const option = useMemo(() => (map && placement ? buildDivisionMapOption(map.regions, placement.placed, t) : null), [map, placement, t]);

  const onClick = (params: Parameters<typeof drillTargetOf>[0]) => {
    const target = drillTargetOf(params);
    if (target?.kind !== 'division' || !map || !placement) return;
    const division = placement.placed.find((d) => d.code === target.code);
    const name = map.regions.find((r) => r.code === target.code)?.name ?? target.code;
    if (division) onSelect({ kind: 'division', code: division.code, name, taskIds: division.taskIds });
  };

  return (
    <Card
      title={t('cockpit.chart.map')}
      size="small"
      style={{ height: '100%' }}
      styles={{ body: { padding: 12, position: 'relative' } }}
      extra={geo.data?.schematic && <Tag data-testid="map-schematic-label">{t('cockpit.map.schematic')}</Tag>}
    >
      <div data-testid="cockpit-map">
        {geo.error ? (
          <Alert type="warning" showIcon title={t('cockpit.map.loadFailed')} description={errorText(geo.error)} />
        ) : option ? (
          <EChart option={option} height={height} dark={dark} onClick={onClick} ariaLabel={t('cockpit.chart.map')} />
        ) : (
          <Skeleton active paragraph={{ rows: 8 }} />
        )}
        {placement && placement.unplaced.length > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('cockpit.map.unplaced', { count: placement.unplaced.length, codes: placement.unplaced.join('、') })}
          </Typography.Text>
        )}
      </div>
    </Card>
  );
}

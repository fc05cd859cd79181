import { Alert, Card, Skeleton, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useChengyuGeo } from '../../api/cockpit';
import type { TTravelTimes } from '../../api/network';
import { CHENGYU_MAP } from '../../charts/build-division-map-option';
import { buildTravelTimeMapOption } from '../../charts/build-travel-time-map-option';
import { drillTargetOf } from '../../charts/drill';
import { EChart, registerGeoMap, type ChartClick } from '../../charts/echart';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { mergeGeoLayers } from '../cockpit/chengyu-geo';
import { minutesByDivision } from './network-helpers';

type Props = {
  travelTimes: TTravelTimes | undefined;
  originId: string;
  originName: string;
  destinationId: string | null;
  /** The node a division code stands for (its seat). */
  nodeOfDivision: (code: string) => string | null;
  onPickDestination: (nodeId: string) => void;
  height: number;
};

/** The shipped boundaries coloured by travel time from the origin; a click picks the destination. */
export function TravelTimeMapCard({ travelTimes, originId, originName, destinationId, nodeOfDivision, onPickDestination, height }: Props) {
  const t = useT();
  const errorText = useErrorText();
  const geo = useChengyuGeo();

  const regions = useMemo(() => {
    if (!geo.data) return null;
    const merged = mergeGeoLayers(geo.data.layers);
    registerGeoMap(CHENGYU_MAP, merged.collection);
    return merged.regions;
  }, [geo.data]);

  const codeOf = (nodeId: string | null) => (nodeId ? (travelTimes?.nodes.find((n) => n.id === nodeId)?.divisionCode ?? null) : null);
  const originCode = codeOf(originId) ?? originId;
  const destinationCode = codeOf(destinationId);
  const option = useMemo(
    () => (regions && travelTimes?.row ? buildTravelTimeMapOption({ regions, minutes: minutesByDivision(travelTimes), originCode, destinationCode }, t) : null),
    [regions, travelTimes, originCode, destinationCode, t],
  );

  const onClick = (params: ChartClick) => {
    const target = drillTargetOf(params);
    if (target?.kind !== 'division') return;
    const nodeId = nodeOfDivision(target.code);
    if (nodeId) onPickDestination(nodeId);
  };

  return (
    <Card
      title={t('network.map.title', { name: originName })}
      size="small"
      styles={{ body: { padding: 12 } }}
      extra={geo.data?.schematic && <Tag data-testid="map-schematic-label">{t('cockpit.map.schematic')}</Tag>}
    >
      <div data-testid="network-map">
        {geo.error ? (
          <Alert type="warning" showIcon title={t('network.map.loadFailed')} description={errorText(geo.error)} />
        ) : option ? (
          <EChart option={option} height={height} onClick={onClick} ariaLabel={t('network.map.title', { name: originName })} />
        ) : (
          <Skeleton active paragraph={{ rows: 8 }} />
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('network.map.clickHint')}
        </Typography.Text>
      </div>
    </Card>
  );
}

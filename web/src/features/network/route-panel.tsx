import { Alert, Card, Descriptions, Empty, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useRoute, type NetworkAsOf, type TNetworkLink, type TRouteLeg } from '../../api/network';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { SourceInfo } from './source-info';

type Props = {
  asOf: NetworkAsOf;
  from: string;
  to: string | null;
  nameOf: (id: string) => string;
  links: readonly TNetworkLink[];
  destinations: { value: string; label: string }[];
  onChangeDestination: (id: string) => void;
};

/** The fastest route from the origin to the chosen destination on the date: total, transfers and each leg with its sources. */
export function RoutePanel({ asOf, from, to, nameOf, links, destinations, onChangeDestination }: Props) {
  const t = useT();
  const errorText = useErrorText();
  const route = useRoute(asOf, from, to ?? undefined);
  const linkById = new Map(links.map((l) => [l.id, l]));
  const minutes = (m: number) => t('network.minutes', { count: m });

  const legSources = (leg: TRouteLeg) => [...new Set(leg.linkIds.flatMap((id) => linkById.get(id)?.source ?? []))];
  const legNotes = (leg: TRouteLeg) =>
    leg.linkIds
      .map((id) => linkById.get(id)?.minutesNote)
      .filter(Boolean)
      .join('；');

  return (
    <Card
      size="small"
      title={t('network.route.title')}
      data-testid="route-panel"
      extra={
        <Select
          data-testid="destination-select"
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('network.destination')}
          value={to ?? undefined}
          options={destinations.filter((d) => d.value !== from)}
          onChange={onChangeDestination}
          style={{ width: 200 }}
        />
      }
    >
      {!to || to === from ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('network.route.pick')} />
      ) : route.error ? (
        <Alert type="error" showIcon title={errorText(route.error)} />
      ) : route.isPending ? (
        <Skeleton active />
      ) : !route.data ? (
        <Alert data-testid="route-no-path" type="warning" showIcon title={`${nameOf(from)} → ${nameOf(to)}`} description={t('network.route.noPath', { date: asOf.date })} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text strong data-testid="route-summary">
            {nameOf(route.data.from)} → {nameOf(route.data.to)}：{minutes(route.data.minutes)}
          </Typography.Text>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t('network.route.total')}>
              <span data-testid="route-total">{minutes(route.data.minutes)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('network.route.inVehicle')}>{minutes(route.data.inVehicleMinutes)}</Descriptions.Item>
            <Descriptions.Item label={t('network.route.transfers')}>
              <span data-testid="route-transfers">{route.data.transfers}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('network.route.transferMinutes')}>{minutes(route.data.transferMinutes)}</Descriptions.Item>
          </Descriptions>
          <Table<TRouteLeg>
            data-testid="route-legs"
            size="small"
            pagination={false}
            rowKey={(leg, i) => `${i}-${leg.linkIds.join(',')}`}
            dataSource={route.data.legs.filter((leg) => leg.mode !== 'access')}
            columns={[
              {
                title: t('network.route.line'),
                key: 'line',
                render: (_, leg) => (
                  <Space size={4}>
                    {leg.transferBefore && <Tag color="orange">{t('network.route.transfer')}</Tag>}
                    {leg.line ?? t('network.route.access')}
                    {leg.mode !== 'access' && <SourceInfo source={legSources(leg)} note={legNotes(leg)} />}
                  </Space>
                ),
              },
              { title: t('network.route.mode'), dataIndex: 'mode', render: (m: TRouteLeg['mode']) => t(`network.mode.${m}`) },
              { title: t('network.route.from'), dataIndex: 'from', render: (id: string) => nameOf(id) },
              { title: t('network.route.to'), dataIndex: 'to', render: (id: string) => nameOf(id) },
              { title: t('network.route.minutes'), dataIndex: 'minutes', align: 'right', render: (m: number) => minutes(m) },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}

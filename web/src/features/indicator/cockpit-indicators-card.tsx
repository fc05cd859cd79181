import { Card, Empty, Skeleton, Table } from 'antd';
import { Link } from 'react-router';
import { useCockpitIndicators, type TCockpitIndicators } from '../../api/indicators';
import { useT } from '../../i18n/use-t';
import { formatValue } from './build-indicator-options';
import { IndicatorStatusTag } from './indicator-status-tag';

type Item = TCockpitIndicators['items'][number];

/** On the cockpit: each indicator with a target, its latest value against the trajectory, worst first. */
export function CockpitIndicatorsCard({ planId }: { planId: string }) {
  const t = useT();
  const feed = useCockpitIndicators(planId);
  const fmt = (v: number | null, unit: string) => (v === null ? '—' : formatValue(v, unit));
  return (
    <Card title={t('ind.cockpit.title')} size="small" extra={<Link to="/indicators">{t('ind.cockpit.more')}</Link>} data-testid="cockpit-indicators">
      {feed.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : !feed.data?.items.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ind.cockpit.empty')} />
      ) : (
        <Table<Item>
          size="small"
          rowKey={(r) => `${r.indicatorId}|${r.divisionCode}`}
          dataSource={feed.data.items}
          pagination={{ pageSize: 8, hideOnSinglePage: true }}
          columns={[
            { title: t('ind.field.name'), key: 'name', render: (_, r) => <Link to={`/indicators/${r.indicatorId}?division=${encodeURIComponent(r.divisionCode)}`}>{`${r.name} · ${r.divisionName}`}</Link> },
            { title: t('ind.latest'), key: 'latest', align: 'right', render: (_, r) => (r.latest ? `${fmt(r.latest.value, r.unit)}（${r.latest.period}）` : t('ind.missing')) },
            { title: t('ind.trajectoryValue'), dataIndex: 'trajectoryValue', align: 'right', render: (v: number | null, r) => fmt(v, r.unit) },
            { title: t('ind.status'), dataIndex: 'status', render: (s: Item['status']) => <IndicatorStatusTag status={s} /> },
          ]}
        />
      )}
    </Card>
  );
}

import { Card, Empty, Table } from 'antd';
import { useState } from 'react';
import { useIndicatorReports, type TIndicatorReport } from '../../api/indicator-reports';
import { useCycleLabel } from '../../i18n/use-cycle-label';
import { useT } from '../../i18n/use-t';
import { usePermissions } from '../auth/use-permissions';
import { formatValue } from './build-indicator-options';
import { IndicatorReviewActions } from './indicator-review-actions';
import { IndicatorReportStateTag } from './report-state-tag';

/**
 * The owner unit's figures filed through the cycles, with their review state. Until accepted a figure is
 * pending: it shows here, never in the chart or the status.
 */
export function IndicatorReportsCard({ indicatorId, unit }: { indicatorId: string; unit: string }) {
  const t = useT();
  const can = usePermissions();
  const cycleLabel = useCycleLabel();
  const [page, setPage] = useState(1);
  const reports = useIndicatorReports({ indicatorId, page, pageSize: 10 }, can('report:read'));
  if (!can('report:read')) return null;
  return (
    <Card size="small" title={t('ind.report.title')} data-testid="indicator-reports">
      <Table<TIndicatorReport>
        size="small"
        rowKey="id"
        loading={reports.isFetching}
        dataSource={reports.data?.items ?? []}
        pagination={{ current: page, pageSize: 10, total: reports.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ind.report.empty')} /> }}
        columns={[
          { title: t('ind.report.cycle'), dataIndex: 'cycleLabel', render: (_, r) => cycleLabel(r) },
          { title: t('ind.period'), dataIndex: 'period' },
          { title: t('ind.division'), dataIndex: 'divisionName' },
          { title: t('ind.report.unit'), dataIndex: 'unitName' },
          { title: t('ind.value'), dataIndex: 'value', align: 'right', render: (v: number | null) => (v === null ? '—' : formatValue(v, unit)) },
          { title: t('ind.field.source'), dataIndex: 'source', render: (v: string | null) => v ?? '—' },
          { title: t('ind.report.state'), dataIndex: 'state', render: (s: TIndicatorReport['state'], r) => <span title={r.returnComment ?? undefined}><IndicatorReportStateTag state={s} /></span> },
          { key: 'actions', render: (_: unknown, r) => <IndicatorReviewActions report={r} /> },
        ]}
      />
    </Card>
  );
}

import { Button, Card, Empty, Flex, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { INDICATOR_REPORT_STATES, useDueIndicatorReports, useIndicatorReports, type IndicatorReportState, type TDueIndicatorReport, type TIndicatorReport } from '../api/indicator-reports';
import { usePermissions } from '../features/auth/use-permissions';
import { formatValue } from '../features/indicator/build-indicator-options';
import { IndicatorReportModal } from '../features/indicator/indicator-report-modal';
import { IndicatorReviewActions } from '../features/indicator/indicator-review-actions';
import { IndicatorReportStateTag } from '../features/indicator/report-state-tag';
import { useCycleLabel } from '../i18n/use-cycle-label';
import { useT } from '../i18n/use-t';

/** 我的指标填报: the figures the unit owes in the open cycles; for the office, the figures waiting for review. */
export default function IndicatorReportsPage() {
  const can = usePermissions();
  return (
    <Flex vertical gap={16} data-testid="indicator-reports-page">
      {can('report:write') && <DueCard />}
      {can('report:read') && <ReviewCard />}
    </Flex>
  );
}

function DueCard() {
  const t = useT();
  const cycleLabel = useCycleLabel();
  const due = useDueIndicatorReports();
  const [filing, setFiling] = useState<TDueIndicatorReport | null>(null);
  const key = (d: TDueIndicatorReport) => `${d.cycleId}|${d.indicatorId}|${d.period}`;
  return (
    <Card title={t('ind.report.dueTitle')} size="small" data-testid="indicator-due">
      <Typography.Paragraph type="secondary">{t('ind.report.dueHint')}</Typography.Paragraph>
      <Table<TDueIndicatorReport>
        size="small"
        rowKey={key}
        loading={due.isFetching}
        dataSource={due.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ind.report.dueEmpty')} /> }}
        columns={[
          { title: t('ind.field.name'), dataIndex: 'indicatorName', render: (v: string, d) => <Link to={`/indicators/${d.indicatorId}`}>{v}</Link> },
          { title: t('ind.report.cycle'), dataIndex: 'cycleLabel', render: (_, r) => cycleLabel(r) },
          { title: t('ind.period'), dataIndex: 'period' },
          { title: t('ind.report.dueOn'), dataIndex: 'dueOn' },
          { title: t('ind.report.unit'), dataIndex: 'unitName' },
          { title: t('ind.value'), key: 'value', align: 'right', render: (_: unknown, d) => (d.report?.value == null ? '—' : formatValue(d.report.value, d.measureUnit)) },
          { title: t('ind.report.state'), key: 'state', render: (_: unknown, d) => <IndicatorReportStateTag state={d.report?.state ?? null} /> },
          {
            key: 'actions',
            render: (_: unknown, d) =>
              !d.report || d.report.editable ? (
                <Button size="small" type="link" onClick={() => setFiling(d)} data-testid={`ind-report-file-${d.indicatorCode}-${d.period}`}>
                  {d.report ? t('ind.report.edit') : t('ind.report.file')}
                </Button>
              ) : null,
          },
        ]}
      />
      {filing && <IndicatorReportModal due={filing} onClose={() => setFiling(null)} />}
    </Card>
  );
}

function ReviewCard() {
  const t = useT();
  const can = usePermissions();
  const cycleLabel = useCycleLabel();
  const [state, setState] = useState<IndicatorReportState | undefined>(can('report:review') ? 'submitted' : undefined);
  const [page, setPage] = useState(1);
  const reports = useIndicatorReports({ state, page, pageSize: 20 });
  return (
    <Card
      title={t(can('report:review') ? 'ind.report.reviewTitle' : 'ind.report.title')}
      size="small"
      data-testid="indicator-review"
      extra={
        <Select
          allowClear
          placeholder={t('ind.report.state')}
          style={{ minWidth: 140 }}
          value={state}
          onChange={(v) => (setState(v), setPage(1))}
          options={INDICATOR_REPORT_STATES.map((s) => ({ value: s, label: t(`ind.report.state.${s}`) }))}
          data-testid="ind-report-state-filter"
        />
      }
    >
      <Table<TIndicatorReport>
        size="small"
        rowKey="id"
        loading={reports.isFetching}
        dataSource={reports.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: reports.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ind.report.empty')} /> }}
        columns={[
          { title: t('ind.field.name'), dataIndex: 'indicatorName', render: (v: string, r) => <Link to={`/indicators/${r.indicatorId}`}>{v}</Link> },
          { title: t('ind.report.cycle'), dataIndex: 'cycleLabel', render: (_, r) => cycleLabel(r) },
          { title: t('ind.period'), dataIndex: 'period' },
          { title: t('ind.division'), dataIndex: 'divisionName' },
          { title: t('ind.report.unit'), dataIndex: 'unitName' },
          { title: t('ind.value'), dataIndex: 'value', align: 'right', render: (v: number | null, r) => (v === null ? '—' : formatValue(v, r.measureUnit)) },
          { title: t('ind.field.source'), dataIndex: 'source', render: (v: string | null) => v ?? '—' },
          { title: t('ind.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
          { title: t('ind.report.state'), dataIndex: 'state', render: (s: IndicatorReportState) => <IndicatorReportStateTag state={s} /> },
          { key: 'actions', render: (_: unknown, r) => <IndicatorReviewActions report={r} /> },
        ]}
      />
    </Card>
  );
}

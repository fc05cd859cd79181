import { Empty, Flex, Progress, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate } from 'react-router';
import type { ReportListParams } from '../../api/reporting';
import type { TList, TReportSummary } from '../../api/types';
import { useT } from '../../i18n/use-t';
import { formatTime } from '../common/format-time';
import { ReportStateTag } from './report-state-tag';
import { useCycleLabel } from '../../i18n/use-cycle-label';

type Props = { data: TList<TReportSummary> | undefined; loading: boolean; params: ReportListParams; onPage: (page: number, pageSize: number) => void };

export function ReportsTable({ data, loading, params, onPage }: Props) {
  const t = useT();
  const cycleLabel = useCycleLabel();
  const navigate = useNavigate();
  const columns: ColumnsType<TReportSummary> = [
    {
      key: 'task',
      title: t('report.task'),
      render: (_, r) => (
        <Flex gap={6}>
          <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
            {r.nodeCode}
          </Typography.Text>
          <span>{r.nodeTitle}</span>
        </Flex>
      ),
    },
    { key: 'unit', title: t('report.unit'), dataIndex: 'unitName', width: 200 },
    { key: 'role', title: t('report.role'), width: 80, render: (_, r) => <Tag color={r.role === 'lead' ? 'blue' : undefined}>{t(`assign.role.${r.role}`)}</Tag> },
    { key: 'cycle', title: t('report.cycle'), dataIndex: 'cycleLabel', width: 150, render: (_: unknown, r: TReportSummary) => cycleLabel(r) },
    { key: 'state', title: t('report.state'), width: 90, render: (_, r) => <ReportStateTag state={r.state} /> },
    { key: 'progress', title: t('report.progress'), width: 150, render: (_, r) => (r.progressPct === null ? '—' : <Progress size="small" percent={Math.round(r.progressPct)} />) },
    { key: 'submittedAt', title: t('report.submittedAt'), width: 150, render: (_, r) => formatTime(r.submittedAt) },
  ];
  return (
    <Table<TReportSummary>
      data-testid="reports-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.empty')} /> }}
      onRow={(r) => ({ onClick: () => navigate(`/reports/${r.id}`), style: { cursor: 'pointer' } })}
      pagination={{
        current: params.page,
        pageSize: params.pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (count) => t('common.total', { count }),
        onChange: onPage,
      }}
    />
  );
}

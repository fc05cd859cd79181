import { Empty, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TCycle } from '../../api/types';
import { useT } from '../../i18n/use-t';
import { ReportStateCounts } from '../reports/report-state-tag';
import { CycleStateButton } from './cycle-state-button';
import { useCycleLabel } from '../../i18n/use-cycle-label';

type Props = { planId: string; cycles: readonly TCycle[]; loading: boolean; manage: boolean; onOpenReports: (cycle: TCycle) => void };

export function CyclesTable({ planId, cycles, loading, manage, onOpenReports }: Props) {
  const t = useT();
  const cycleLabel = useCycleLabel();
  const columns: ColumnsType<TCycle> = [
    { key: 'label', title: t('cycle.label'), dataIndex: 'label', render: (_, c) => <a onClick={() => onOpenReports(c)}>{cycleLabel(c)}</a> },
    { key: 'frequency', title: t('cycle.frequency'), width: 100, render: (_, c) => t(`cycle.frequency.${c.frequency}`) },
    { key: 'period', title: t('cycle.period'), width: 210, render: (_, c) => `${c.periodStart} ~ ${c.periodEnd}` },
    { key: 'dueOn', title: t('cycle.dueOn'), dataIndex: 'dueOn', width: 120 },
    {
      key: 'state',
      title: t('cycle.state'),
      width: 100,
      render: (_, c) => <Tag color={c.state === 'open' ? 'green' : 'default'}>{t(`cycle.state.${c.state}`)}</Tag>,
    },
    { key: 'counts', title: t('cycle.reports'), render: (_, c) => <ReportStateCounts counts={c.counts} /> },
    ...(manage
      ? [{ key: 'actions', title: t('common.actions'), width: 110, render: (_: unknown, c: TCycle) => <CycleStateButton planId={planId} cycle={c} /> }]
      : []),
  ];
  return (
    <Table<TCycle>
      data-testid="cycles-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={[...cycles].sort((a, b) => b.periodEnd.localeCompare(a.periodEnd))}
      loading={loading}
      pagination={false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cycle.empty')} /> }}
    />
  );
}

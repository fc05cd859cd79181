import { Checkbox, DatePicker, Input, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import type { TReportDetail } from '../../api/types';
import { useT } from '../../i18n/use-t';
import type { MilestoneRow } from './report-form-values';

type Milestone = TReportDetail['milestones'][number];
type Props = { milestones: readonly Milestone[]; value?: MilestoneRow[]; onChange?: (rows: MilestoneRow[]) => void };

/** The task's milestones with done / done date / note; a Form.Item control over the rows. */
export function MilestoneUpdatesField({ milestones, value = [], onChange }: Props) {
  const t = useT();
  const byId = new Map(milestones.map((m) => [m.id, m]));
  const patch = (nodeId: string, change: Partial<MilestoneRow>) =>
    onChange?.(value.map((row) => (row.nodeId === nodeId ? { ...row, ...change } : row)));

  const columns: ColumnsType<MilestoneRow> = [
    {
      key: 'milestone',
      title: t('report.milestone'),
      render: (_, row) => {
        const m = byId.get(row.nodeId);
        return (
          <div>
            <Typography.Text strong>{m?.code}</Typography.Text> {m?.title}
            {m?.evidenceRequired && (
              <Tag color="orange" style={{ marginInlineStart: 6 }} data-testid="evidence-required">
                {t('report.evidenceRequired')}
              </Tag>
            )}
            {m?.completionCriterion && (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('node.completionCriterion')}：{m.completionCriterion}
                </Typography.Text>
              </div>
            )}
          </div>
        );
      },
    },
    { key: 'due', title: t('report.milestoneDue'), width: 110, render: (_, row) => byId.get(row.nodeId)?.dueOn ?? '—' },
    {
      key: 'done',
      title: t('report.done'),
      width: 70,
      render: (_, row) => (
        <Checkbox
          checked={row.done}
          data-testid={`milestone-done-${row.nodeId}`}
          onChange={(e) => patch(row.nodeId, { done: e.target.checked, doneOn: e.target.checked ? (row.doneOn ?? dayjs()) : null })}
        />
      ),
    },
    {
      key: 'doneOn',
      title: t('report.doneOn'),
      width: 150,
      render: (_, row) => <DatePicker size="small" disabled={!row.done} value={row.doneOn} onChange={(d) => patch(row.nodeId, { doneOn: d })} />,
    },
    {
      key: 'note',
      title: t('report.note'),
      render: (_, row) => <Input size="small" maxLength={1000} value={row.note ?? ''} onChange={(e) => patch(row.nodeId, { note: e.target.value })} />,
    },
  ];

  return (
    <Table<MilestoneRow>
      data-testid="milestone-updates"
      rowKey="nodeId"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={value}
      locale={{ emptyText: t('report.noMilestones') }}
    />
  );
}

import { CheckCircleTwoTone, MinusCircleOutlined } from '@ant-design/icons';
import { Table, Tag, Typography } from 'antd';
import type { TReportDetail } from '../../api/types';
import { useT } from '../../i18n/use-t';

type Milestone = TReportDetail['milestones'][number];

/** The milestones with what the report says about each, read-only. */
export function MilestoneUpdatesView({ report }: { report: Pick<TReportDetail, 'milestones' | 'milestoneUpdates'> }) {
  const t = useT();
  const updates = new Map(report.milestoneUpdates.map((u) => [u.nodeId, u]));
  return (
    <Table<Milestone>
      data-testid="milestone-updates"
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={report.milestones}
      locale={{ emptyText: t('report.noMilestones') }}
      columns={[
        {
          key: 'milestone',
          title: t('report.milestone'),
          render: (_, m) => (
            <>
              <Typography.Text strong>{m.code}</Typography.Text> {m.title}
              {m.evidenceRequired && (
                <Tag color="orange" style={{ marginInlineStart: 6 }}>
                  {t('report.evidenceRequired')}
                </Tag>
              )}
            </>
          ),
        },
        { key: 'due', title: t('report.milestoneDue'), width: 110, render: (_, m) => m.dueOn ?? '—' },
        {
          key: 'done',
          title: t('report.done'),
          width: 70,
          render: (_, m) => (updates.get(m.id)?.done ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <MinusCircleOutlined style={{ color: '#bfbfbf' }} />),
        },
        { key: 'doneOn', title: t('report.doneOn'), width: 110, render: (_, m) => updates.get(m.id)?.doneOn ?? '—' },
        { key: 'note', title: t('report.note'), render: (_, m) => updates.get(m.id)?.note ?? '' },
      ]}
    />
  );
}

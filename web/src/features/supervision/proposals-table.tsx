import { SendOutlined } from '@ant-design/icons';
import { Button, Progress, Table, Typography } from 'antd';
import type { TProposal } from '../../api/supervision';
import { useT } from '../../i18n/use-t';
import { StatusTag } from '../status/status-tag';
import { LevelTag } from './supervision-tags';

/** Red tasks with no open item, each with the level the office should issue. */
export function ProposalsTable({ items, loading, onIssue }: { items: readonly TProposal[]; loading: boolean; onIssue: (p: TProposal) => void }) {
  const t = useT();
  return (
    <Table<TProposal>
      data-testid="proposals-table"
      size="small"
      rowKey="nodeId"
      loading={loading}
      dataSource={[...items]}
      locale={{ emptyText: t('supervision.noProposals') }}
      pagination={items.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 960 }}
      columns={[
        {
          title: t('supervision.task'),
          key: 'task',
          render: (_, p) => (
            <span>
              <Typography.Text type="secondary">{p.code}</Typography.Text> {p.title}
            </span>
          ),
        },
        { title: t('status.title'), dataIndex: 'status', width: 90, render: (_, p) => <StatusTag status={p.status} /> },
        {
          title: t('supervision.reasons'),
          key: 'reasons',
          render: (_, p) => (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.reasons.map((r) => r.text).join('；') || '—'}
            </Typography.Text>
          ),
        },
        { title: t('supervision.progress'), dataIndex: 'progressPct', width: 120, render: (pct: number) => <Progress percent={Math.round(pct)} size="small" status="exception" /> },
        { title: t('supervision.leadUnits'), key: 'leads', width: 180, render: (_, p) => p.leadUnits.map((u) => u.unitName).join('、') || '—' },
        { title: t('supervision.suggestedLevel'), dataIndex: 'suggestedLevel', width: 100, render: (_, p) => <LevelTag level={p.suggestedLevel} /> },
        {
          title: t('common.actions'),
          key: 'actions',
          width: 100,
          fixed: 'right',
          render: (_, p) => (
            <Button size="small" type="primary" icon={<SendOutlined />} data-testid="btn-issue" onClick={() => onIssue(p)}>
              {t('supervision.issue')}
            </Button>
          ),
        },
      ]}
    />
  );
}

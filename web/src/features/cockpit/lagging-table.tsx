import { Card, Progress, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate } from 'react-router';
import type { TNodeStatus } from '../../api/cockpit';
import { drillPath } from '../../charts/drill';
import { useT } from '../../i18n/use-t';
import { SourceLink } from '../coordination/links';
import { StatusTag } from './status-tag';

/** 滞后清单: red and yellow tasks, worst first (the server's order); a row opens the task in the plan. */
export function LaggingTable({ rows }: { rows: readonly TNodeStatus[] }) {
  const t = useT();
  const navigate = useNavigate();
  const columns: ColumnsType<TNodeStatus> = [
    { key: 'code', title: t('cockpit.col.code'), dataIndex: 'code', width: 90 },
    {
      key: 'title',
      title: t('cockpit.col.title'),
      dataIndex: 'title',
      ellipsis: true,
      // a task from a meeting, agreement or request leads back to it in one click
      render: (_, r) => (
        <>
          {r.title} <SourceLink kind={r.sourceKind} id={r.sourceId} />
        </>
      ),
    },
    { key: 'status', title: t('cockpit.col.status'), dataIndex: 'status', width: 100, render: (_, r) => <StatusTag status={r.status} /> },
    { key: 'leads', title: t('cockpit.col.leads'), dataIndex: 'leads', width: 200, render: (_, r) => r.leads.join('、') },
    {
      key: 'reasons',
      title: t('cockpit.col.reasons'),
      dataIndex: 'reasons',
      render: (_, r) => <Typography.Text type="secondary">{r.reasons.map((x) => x.text).join('；')}</Typography.Text>,
    },
    { key: 'progress', title: t('cockpit.col.progress'), dataIndex: 'progressPct', width: 140, render: (_, r) => <Progress percent={r.progressPct} size="small" /> },
  ];
  return (
    <Card title={t('cockpit.lagging.title')} size="small">
      <Table<TNodeStatus>
        data-testid="lagging-table"
        size="small"
        rowKey="nodeId"
        columns={columns}
        dataSource={[...rows]}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('cockpit.lagging.empty') }}
        onRow={(r) => ({ onClick: () => navigate(drillPath({ kind: 'node', nodeId: r.nodeId })!), style: { cursor: 'pointer' } })}
        scroll={{ x: 900 }}
      />
    </Card>
  );
}

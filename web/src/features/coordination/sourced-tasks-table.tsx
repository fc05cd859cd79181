import { Progress, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { TSourcedTask } from '../../api/coordination';
import { useT } from '../../i18n/use-t';
import { StatusTag } from '../cockpit/status-tag';
import { firstReason } from './coordination-helpers';

type Props = { items: readonly TSourcedTask[]; loading?: boolean; 'data-testid'?: string; empty?: string };

/** Decisions, matters or request tasks: each a plan task with its status, first reason and a link to the task. */
export function SourcedTasksTable({ items, loading, empty, ...rest }: Props) {
  const t = useT();
  return (
    <Table<TSourcedTask>
      data-testid={rest['data-testid']}
      size="small"
      rowKey="nodeId"
      loading={loading}
      dataSource={[...items]}
      pagination={false}
      locale={empty ? { emptyText: empty } : undefined}
      scroll={{ x: 900 }}
      columns={[
        { title: t('coord.task.code'), dataIndex: 'code', width: 90, render: (code: string, task) => <Link to={`/plan/${task.nodeId}`}>{code}</Link> },
        {
          title: t('coord.task.title'),
          dataIndex: 'title',
          render: (title: string, task) => (
            <div>
              <Link to={`/plan/${task.nodeId}`} data-testid="sourced-task-link">
                {title}
              </Link>
              {task.closureEvidence && (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('coord.task.closureEvidence')}：{task.closureEvidence}
                  </Typography.Text>
                </div>
              )}
              {task.evidence.length > 0 && (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('coord.task.evidence')}：
                  </Typography.Text>
                  {task.evidence.map((e) => (
                    <Link key={e.attachmentId} to={`/reports/${e.reportId}`} style={{ fontSize: 12, marginInlineEnd: 8 }}>
                      {e.fileName}
                    </Link>
                  ))}
                </div>
              )}
            </div>
          ),
        },
        { title: t('coord.task.leads'), dataIndex: 'leads', width: 180, render: (leads: string[]) => leads.join('、') },
        { title: t('coord.task.dueOn'), dataIndex: 'dueOn', width: 110 },
        {
          title: t('coord.task.status'),
          key: 'status',
          width: 220,
          render: (_, task) => {
            const reason = firstReason(task);
            return (
              <span>
                <StatusTag status={task.status} />
                {task.completedOn && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                    {t('coord.task.completedOn', { date: task.completedOn })}
                  </Typography.Text>
                )}
                {reason && (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {reason}
                    </Typography.Text>
                  </div>
                )}
              </span>
            );
          },
        },
        { title: t('coord.task.progress'), dataIndex: 'progressPct', width: 110, render: (pct: number) => <Progress percent={pct} size="small" /> },
      ]}
    />
  );
}

import { Empty, Progress, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate } from 'react-router';
import type { MyTasksParams, MyTasksSort, TMyTasksPage } from '../../api/status';
import { PRIORITIES, type TMyTask } from '../../api/types';
import { useT } from '../../i18n/use-t';
import { oneOf, readSorter, toSortOrder } from '../common/table-change';
import { STATUS_COLOR } from '../status/status-color';
import { SourceLink } from '../coordination/links';
import { StatusTag } from '../status/status-tag';

const SORTS: readonly MyTasksSort[] = ['code', 'dueOn', 'priority', 'status', 'progress'];

type Props = {
  data: TMyTasksPage | undefined;
  loading: boolean;
  params: MyTasksParams;
  onChange: (patch: Partial<MyTasksParams>) => void;
  empty: string;
};

/** Server-side sorted and paged; a row opens the task in the plan. */
export function MyTasksTable({ data, loading, params, onChange, empty }: Props) {
  const t = useT();
  const navigate = useNavigate();
  const sortable = (key: MyTasksSort) => ({ key, sorter: true, sortOrder: toSortOrder(params.order, key, params.sort) });

  const columns: ColumnsType<TMyTask> = [
    { ...sortable('code'), title: t('myTasks.code'), dataIndex: 'code', width: 90 },
    {
      key: 'title',
      title: t('myTasks.task'),
      render: (_, task) => (
        <Space orientation="vertical" size={0}>
          <span>
            {task.title} <SourceLink kind={task.sourceKind} id={task.sourceId} />
          </span>
          {task.reasons[0] && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="task-reason">
              {task.reasons[0].text}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { key: 'role', title: t('myTasks.role'), width: 80, render: (_, task) => <Tag color={task.role === 'lead' ? 'blue' : undefined}>{t(`assign.role.${task.role}`)}</Tag> },
    { ...sortable('status'), title: t('myTasks.status'), width: 110, render: (_, task) => <StatusTag status={task.status} /> },
    {
      ...sortable('progress'),
      title: t('myTasks.progress'),
      width: 160,
      render: (_, task) => <Progress size="small" percent={Math.round(task.progressPct)} strokeColor={task.status ? STATUS_COLOR[task.status] : undefined} />,
    },
    {
      ...sortable('priority'),
      title: t('myTasks.priority'),
      width: 90,
      render: (_, task) => {
        const priority = oneOf(task.priority, PRIORITIES);
        return priority ? t(`priority.${priority}`) : task.priority;
      },
    },
    { ...sortable('dueOn'), title: t('myTasks.due'), dataIndex: 'dueOn', width: 110, render: (_, task) => task.dueOn ?? '—' },
    { key: 'leads', title: t('myTasks.leads'), width: 200, render: (_, task) => task.leads.map((name) => <Tag key={name}>{name}</Tag>) },
  ];

  return (
    <Table<TMyTask>
      data-testid="my-tasks-table"
      rowKey="nodeId"
      size="middle"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
      onRow={(task) => ({ onClick: () => navigate(`/plan/${task.nodeId}`), style: { cursor: 'pointer' } })}
      pagination={{
        current: params.page,
        pageSize: params.pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (count) => t('common.total', { count }),
      }}
      onChange={(pagination, _filters, sorter) => {
        const { sort, order } = readSorter(sorter);
        onChange({
          page: pagination.current ?? 1,
          pageSize: pagination.pageSize ?? params.pageSize,
          sort: oneOf(sort, SORTS) ?? 'code',
          order: order ?? 'asc',
        });
      }}
    />
  );
}

import { Button, Drawer, List, Progress, Result, Space, Spin, Typography } from 'antd';
import { Link } from 'react-router';
import { useCockpitPlanStatus, type TNodeStatus } from '../../api/cockpit';
import { drillPath } from '../../charts/drill';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { SourceLink } from '../coordination/links';
import { selectTasks, type TaskSelection } from './select-tasks';
import { StatusTag } from './status-tag';

export type { TaskSelection };

type Props = { planId: string; selection: TaskSelection | null; onClose: () => void };

export function TaskListDrawer({ planId, selection, onClose }: Props) {
  const t = useT();
  const errorText = useErrorText();
  const status = useCockpitPlanStatus(planId, selection !== null);
  const tasks = selection && status.data ? selectTasks(status.data, selection) : [];
  const title = !selection
    ? ''
    : selection.kind === 'status'
      ? t('cockpit.drawer.status', { status: t(`cockpit.status.${selection.status}`) })
      : t('cockpit.drawer.division', { name: selection.name });

  return (
    <Drawer
      open={selection !== null}
      onClose={onClose}
      title={title}
      size={560}
      data-testid="cockpit-task-drawer"
      extra={
        selection?.kind === 'status' && (
          <Link to={drillPath(selection)!}>
            <Button size="small">{t('cockpit.drawer.openMyTasks')}</Button>
          </Link>
        )
      }
    >
      {status.error ? (
        <Result status="error" title={t('common.loadFailed')} subTitle={errorText(status.error)} />
      ) : status.isPending ? (
        <Spin style={{ display: 'block', marginTop: 40 }} />
      ) : (
        <List<TNodeStatus>
          dataSource={tasks}
          locale={{ emptyText: t('cockpit.drawer.empty') }}
          pagination={tasks.length > 20 ? { pageSize: 20, size: 'small' } : false}
          renderItem={(task) => (
            <List.Item key={task.nodeId} extra={<Progress type="circle" percent={task.progressPct} size={40} />}>
              <List.Item.Meta
                title={
                  <Space size={8}>
                    <Link to={drillPath({ kind: 'node', nodeId: task.nodeId })!} onClick={onClose}>
                      {task.code} {task.title}
                    </Link>
                    <StatusTag status={task.status} />
                    <SourceLink kind={task.sourceKind} id={task.sourceId} />
                  </Space>
                }
                description={
                  <Typography.Text type="secondary">
                    {[task.leads.join('、'), task.reasons.map((r) => r.text).join('；')].filter(Boolean).join(' · ')}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}

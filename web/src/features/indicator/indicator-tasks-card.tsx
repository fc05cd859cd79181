import { App, Button, Card, Empty, Flex, Input, List } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useIndicatorTasks, useLinkIndicatorTasks, useUnlinkIndicatorTask } from '../../api/indicator-reports';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { usePermissions } from '../auth/use-permissions';

/** The plan tasks the indicator measures, each a link into the plan; the office links and unlinks them. */
export function IndicatorTasksCard({ indicatorId }: { indicatorId: string }) {
  const t = useT();
  const errorText = useErrorText();
  const can = usePermissions();
  const { message } = App.useApp();
  const tasks = useIndicatorTasks(indicatorId);
  const link = useLinkIndicatorTasks(indicatorId);
  const unlink = useUnlinkIndicatorTask(indicatorId);
  const [ids, setIds] = useState('');
  const fail = (e: unknown) => void message.error(errorText(e));
  const editable = can('indicator:edit');
  const items = tasks.data?.items ?? [];
  return (
    <Card size="small" title={t('ind.tasks.title')} data-testid="indicator-tasks" loading={tasks.isLoading}>
      {items.length ? (
        <List
          size="small"
          dataSource={items}
          renderItem={(task) => (
            <List.Item
              actions={
                editable
                  ? [
                      <Button key="u" size="small" type="link" danger loading={unlink.isPending && unlink.variables === task.nodeId} onClick={() => unlink.mutate(task.nodeId, { onError: fail })} data-testid={`indicator-task-unlink-${task.nodeId}`}>
                        {t('ind.tasks.unlink')}
                      </Button>,
                    ]
                  : []
              }
            >
              <Link to={`/plan/${task.nodeId}`} data-testid={`indicator-task-${task.nodeId}`}>
                {task.code} {task.title}
              </Link>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ind.tasks.empty')} />
      )}
      {editable && (
        <Flex gap={8} style={{ marginTop: 8 }}>
          <Input placeholder={t('ind.tasks.nodeIds')} value={ids} onChange={(e) => setIds(e.target.value)} data-testid="indicator-task-ids" />
          <Button
            disabled={!ids.trim()}
            loading={link.isPending}
            onClick={() => link.mutate(ids.split(/[,，\s]+/).filter(Boolean), { onSuccess: () => setIds(''), onError: fail })}
            data-testid="indicator-task-link"
          >
            {t('ind.tasks.add')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}

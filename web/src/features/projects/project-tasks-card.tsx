import { App, Button, Card, Empty, Flex, List, Select } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { usePlanNodes } from '../../api/plans';
import { useLinkTasks, useUnlinkTask, type TProjectDetail } from '../../api/projects';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { usePermissions } from '../auth/use-permissions';
import { useCurrentPlan } from '../common/use-current-plan';

/** The plan tasks the project delivers, each a link to the plan tree. */
export function ProjectTasksCard({ project }: { project: TProjectDetail }) {
  const t = useT();
  const errorText = useErrorText();
  const can = usePermissions();
  const { message } = App.useApp();
  const link = useLinkTasks(project.id);
  const unlink = useUnlinkTask(project.id);
  const [ids, setIds] = useState<string[]>([]);
  const [picking, setPicking] = useState(false);
  const { plan } = useCurrentPlan();
  // The plan's nodes load only once the office starts picking: most visitors only read the list.
  const nodes = usePlanNodes(picking ? plan?.id : undefined);
  const linked = new Set(project.tasks.map((x) => x.nodeId));
  const options = (nodes.data ?? []).filter((n) => (n.kind === 'task' || n.kind === 'article') && !linked.has(n.id)).map((n) => ({ value: n.id, label: `${n.code} ${n.title}` }));
  const fail = (e: unknown) => void message.error(errorText(e));
  return (
    <Card size="small" title={t('project.tasks')}>
      {project.tasks.length ? (
        <List
          size="small"
          dataSource={project.tasks}
          renderItem={(task) => (
            <List.Item
              actions={can('project:edit') ? [<Button key="u" size="small" type="link" danger onClick={() => unlink.mutate(task.nodeId, { onError: fail })}>{t('project.tasks.unlink')}</Button>] : []}
            >
              <Link to={`/plan/${task.nodeId}`} data-testid={`project-task-${task.nodeId}`}>
                {task.code} {task.title}
              </Link>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('project.tasks.empty')} />
      )}
      {can('project:edit') && (
        <Flex gap={8} style={{ marginTop: 8 }}>
          <Select
            mode="multiple"
            style={{ flex: 1 }}
            placeholder={t('project.tasks.pick')}
            value={ids}
            onChange={setIds}
            onFocus={() => setPicking(true)}
            loading={nodes.isFetching}
            showSearch={{ optionFilterProp: 'label' }}
            options={options}
            data-testid="project-task-pick"
          />
          <Button disabled={!ids.length} loading={link.isPending} onClick={() => link.mutate(ids, { onSuccess: () => setIds([]), onError: fail })}>
            {t('project.tasks.add')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}

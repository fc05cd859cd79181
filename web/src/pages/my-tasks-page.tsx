import { Card, Empty, Flex, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../api/auth';
import { usePlanNodes } from '../api/plans';
import { useMyTasks, type MyTasksParams } from '../api/status';
import { canPickUnit } from '../features/auth/unit-user';
import { useCurrentPlan } from '../features/common/use-current-plan';
import { MyTasksFilters } from '../features/my-tasks/my-tasks-filters';
import { applyFilter, DEFAULT_MY_TASKS_PARAMS } from '../features/my-tasks/my-tasks-params';
import { MyTasksTable } from '../features/my-tasks/my-tasks-table';
import { useErrorText } from '../i18n/use-error-text';
import { useT } from '../i18n/use-t';

export default function MyTasksPage() {
  const t = useT();
  const errorText = useErrorText();
  const me = useMe();
  const { plan, isPending, error: planError } = useCurrentPlan();
  const nodes = usePlanNodes(plan?.id);
  const [params, setParams] = useState<MyTasksParams>(DEFAULT_MY_TASKS_PARAMS);
  const tasks = useMyTasks(plan?.id, params);
  const pickUnit = canPickUnit(me.data?.user.roles ?? []);

  const error = planError ?? tasks.error;
  if (error) return <Result status="error" title={t('common.loadFailed')} subTitle={errorText(error)} />;
  if (isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (!plan) return <Empty description={t('plan.noPlan')} />;

  return (
    <Card
      title={t('myTasks.title')}
      extra={tasks.data && <Typography.Text type="secondary">{t('myTasks.asOf', { date: tasks.data.asOf })}</Typography.Text>}
    >
      <Flex vertical gap={16}>
        <MyTasksFilters
          params={params}
          onFilter={(patch) => setParams((p) => applyFilter(p, patch))}
          onReset={() => setParams(DEFAULT_MY_TASKS_PARAMS)}
          nodes={nodes.data ?? []}
          keyAreas={plan.facts.keyAreas}
          pickUnit={pickUnit}
          shownUnitId={tasks.data?.unitId}
        />
        <MyTasksTable
          data={tasks.data}
          loading={tasks.isFetching}
          params={params}
          onChange={(patch) => setParams((p) => ({ ...p, ...patch }))}
          empty={t('myTasks.empty')}
        />
      </Flex>
    </Card>
  );
}

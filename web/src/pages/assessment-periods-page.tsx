import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Result, Select, Spin, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PERIOD_STATES, usePeriods, type PeriodListParams, type TAssessmentPeriod } from '../api/assessment';
import { useMe } from '../api/auth';
import { PeriodStateTag } from '../features/assessment/assessment-tags';
import { PeriodFormModal } from '../features/assessment/period-form-modal';
import { isUnitUser } from '../features/auth/unit-user';
import { usePermissions } from '../features/auth/use-permissions';
import { useCurrentPlan } from '../features/common/use-current-plan';
import { useErrorText } from '../i18n/use-error-text';
import { useT } from '../i18n/use-t';

/** The periods of the plan; unit staff go straight to their own unit's score in each. */
export default function AssessmentPeriodsPage() {
  const t = useT();
  const errorText = useErrorText();
  const can = usePermissions();
  const me = useMe();
  const unitUser = isUnitUser(me.data?.user.roles ?? []);
  const { plan, isPending, error: planError } = useCurrentPlan();
  const [params, setParams] = useState<PeriodListParams>({ page: 1, pageSize: 20 });
  const periods = usePeriods(plan?.id, params);
  const [creating, setCreating] = useState(false);

  const error = planError ?? periods.error;
  if (error) return <Result status="error" title={t('common.loadFailed')} subTitle={errorText(error)} />;
  if (isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (!plan) return <Empty description={t('plan.noPlan')} />;
  const linkOf = (p: TAssessmentPeriod) => (unitUser && me.data ? `/assessment/${p.id}/units/${me.data.user.unitId}` : `/assessment/${p.id}`);

  return (
    <Card
      title={t('assess.periods')}
      extra={
        can('assessment:manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="btn-new-period">
            {t('assess.newPeriod')}
          </Button>
        )
      }
    >
      <Flex vertical gap={12}>
        <Flex gap={8} wrap>
          <Select
            allowClear
            data-testid="filter-period-state"
            placeholder={t('assess.state')}
            style={{ width: 140 }}
            value={params.state}
            onChange={(state) => setParams((p) => ({ ...p, state, page: 1 }))}
            options={PERIOD_STATES.map((s) => ({ value: s, label: t(`assess.state.${s}`) }))}
          />
          <Select
            allowClear
            data-testid="filter-period-kind"
            placeholder={t('assess.kind')}
            style={{ width: 120 }}
            value={params.kind}
            onChange={(kind) => setParams((p) => ({ ...p, kind, page: 1 }))}
            options={(['year', 'quarter'] as const).map((k) => ({ value: k, label: t(`assess.kind.${k}`) }))}
          />
        </Flex>
        <Table<TAssessmentPeriod>
          data-testid="periods-table"
          size="small"
          rowKey="id"
          loading={periods.isFetching}
          dataSource={periods.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('assess.empty')} /> }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: periods.data?.total ?? 0,
            showTotal: (count) => t('common.total', { count }),
            onChange: (page, pageSize) => setParams((p) => ({ ...p, page, pageSize })),
          }}
          columns={[
            { title: t('assess.label'), dataIndex: 'label', render: (label: string, p) => <Link to={linkOf(p)} data-testid={`period-link-${p.id}`}>{label}</Link> },
            { title: t('assess.kind'), dataIndex: 'kind', width: 90, render: (k: 'year' | 'quarter') => t(`assess.kind.${k}`) },
            { title: t('assess.range'), key: 'range', width: 220, render: (_, p) => `${p.periodStart} ~ ${p.periodEnd}` },
            { title: t('assess.state'), dataIndex: 'state', width: 160, render: (_, p) => <PeriodStateTag state={p.state} publishedNumber={p.publishedNumber} /> },
          ]}
        />
      </Flex>
      {creating && <PeriodFormModal planId={plan.id} onClose={() => setCreating(false)} />}
    </Card>
  );
}

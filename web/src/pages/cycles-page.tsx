import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Result, Spin } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCycles } from '../api/reporting';
import { usePermissions } from '../features/auth/use-permissions';
import { useCurrentPlan } from '../features/common/use-current-plan';
import { CyclesTable } from '../features/cycles/cycles-table';
import { OpenCycleModal } from '../features/cycles/open-cycle-modal';
import { useErrorText } from '../i18n/use-error-text';
import { useT } from '../i18n/use-t';

export default function CyclesPage() {
  const t = useT();
  const errorText = useErrorText();
  const can = usePermissions();
  const navigate = useNavigate();
  const { plan, isPending, error: planError } = useCurrentPlan();
  const cycles = useCycles(plan?.id);
  const [opening, setOpening] = useState(false);
  const manage = can('cycle:manage');

  const error = planError ?? cycles.error;
  if (error) return <Result status="error" title={t('common.loadFailed')} subTitle={errorText(error)} />;
  if (isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (!plan) return <Empty description={t('plan.noPlan')} />;

  return (
    <Card
      title={t('menu.cycles')}
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} data-testid="btn-open-cycle" onClick={() => setOpening(true)}>
            {t('cycle.open')}
          </Button>
        )
      }
    >
      <CyclesTable
        planId={plan.id}
        cycles={cycles.data ?? []}
        loading={cycles.isFetching}
        manage={manage}
        onOpenReports={(c) => can('report:read') && navigate(`/reports?cycleId=${c.id}`)}
      />
      {opening && <OpenCycleModal planId={plan.id} onClose={() => setOpening(false)} onOpened={() => setOpening(false)} />}
    </Card>
  );
}

import { Col, Empty, Flex, Result, Row, Spin } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useMemo } from 'react';
import { usePlanOutline, usePlans } from '../api/plans';
import { usePlanStatus } from '../api/status';
import { BaselineCard } from '../features/baselines/baseline-card';
import { PlanHeaderCard } from '../features/plan-tree/plan-header-card';
import { PlanNodePanel } from '../features/plan-tree/plan-node-panel';
import { PlanTreePanel } from '../features/plan-tree/plan-tree-panel';
import { useErrorText } from '../i18n/use-error-text';
import { useT } from '../i18n/use-t';

export default function PlanPage() {
  const t = useT();
  const errorText = useErrorText();
  const { nodeId } = useParams();
  const navigate = useNavigate();
  const plans = usePlans();
  // The platform ships one plan; the first one listed is the one shown.
  const plan = plans.data?.items[0];
  const outline = usePlanOutline(plan?.id);
  const nodes = outline.data?.items;
  // One status request for the whole plan; the tree's dots and the detail card share it.
  const status = usePlanStatus(plan?.id);
  const statuses = useMemo(() => new Map((status.data?.items ?? []).map((s) => [s.nodeId, s.status])), [status.data]);

  const error = plans.error ?? outline.error;
  if (error) return <Result status="error" title={t('common.loadFailed')} subTitle={errorText(error)} />;
  if (plans.isPending || (plan && outline.isPending)) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (!plan || !nodes) return <Empty description={t('plan.noPlan')} />;

  const open = (id: string | undefined) => navigate(id ? `/plan/${id}` : '/plan');

  return (
    <Flex vertical gap={16}>
      <PlanHeaderCard plan={plan} nodes={nodes} />
      <BaselineCard planId={plan.id} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <PlanTreePanel nodes={nodes} lazyPlanId={outline.data?.complete === false ? plan.id : undefined} selectedId={nodeId} onSelect={open} statuses={statuses} />
        </Col>
        <Col xs={24} lg={15}>
          <PlanNodePanel plan={plan} nodes={nodes} selectedId={nodeId} onOpen={open} onReload={() => void outline.refetch()} />
        </Col>
      </Row>
    </Flex>
  );
}

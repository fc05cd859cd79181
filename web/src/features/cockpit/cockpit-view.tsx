import { FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Row, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { TCockpit } from '../../api/cockpit';
import { buildArticlesBarOption, buildKeyAreasBarOption, buildPartsBarOption } from '../../charts/build-progress-bar-option';
import { buildStatusDonutOption } from '../../charts/build-status-donut-option';
import { drillPath, drillTargetOf } from '../../charts/drill';
import type { ChartClick } from '../../charts/echart';
import { useT } from '../../i18n/use-t';
import { CoordinationCockpitCard } from '../coordination/coordination-cockpit-card';
import { CockpitIndicatorsCard } from '../indicator/cockpit-indicators-card';
import { ChartCard } from './chart-card';
import { CockpitKpis } from './cockpit-kpis';
import { CockpitUnitsTable } from './cockpit-units-table';
import { DivisionMapCard } from './division-map-card';
import { LaggingTable } from './lagging-table';
import { TaskListDrawer, type TaskSelection } from './task-list-drawer';

type Props = { planId: string; cockpit: TCockpit; bigScreen: boolean; onToggleBigScreen: () => void };

/** The cockpit's content; the page decides whether it sits in the shell or on the dark big screen. */
export function CockpitView({ planId, cockpit, bigScreen, onToggleBigScreen }: Props) {
  const t = useT();
  const navigate = useNavigate();
  const [selection, setSelection] = useState<TaskSelection | null>(null);

  const options = useMemo(
    () => ({
      donut: buildStatusDonutOption(cockpit.overall.counts, t),
      parts: buildPartsBarOption(cockpit.parts, t),
      articles: buildArticlesBarOption(cockpit.articles, t),
      keyAreas: buildKeyAreasBarOption(cockpit.keyAreas, t),
    }),
    [cockpit, t],
  );

  // Statuses open the drawer (my-tasks is scoped to one unit, the cockpit is not); everything else opens its page.
  const onChartClick = (params: ChartClick) => {
    const target = drillTargetOf(params);
    if (!target) return;
    if (target.kind === 'status') return setSelection(target);
    const path = drillPath(target);
    if (path) navigate(path);
  };

  const h = bigScreen ? { small: 320, tall: 560 } : { small: 280, tall: 500 };
  return (
    <Flex vertical gap={16} data-testid="cockpit-page">
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Typography.Title level={bigScreen ? 2 : 4} style={{ margin: 0 }}>
          {bigScreen ? `${t('app.fullName')} · ${t('cockpit.title')}` : t('cockpit.title')}
        </Typography.Title>
        <Flex align="center" gap={12}>
          <Typography.Text type="secondary">{t('cockpit.chart.clickHint')}</Typography.Text>
          <Button data-testid="btn-big-screen" icon={bigScreen ? <FullscreenExitOutlined /> : <FullscreenOutlined />} onClick={onToggleBigScreen}>
            {bigScreen ? t('cockpit.exitBigScreen') : t('cockpit.bigScreen')}
          </Button>
        </Flex>
      </Flex>

      <CockpitKpis cockpit={cockpit} onStatus={(status) => setSelection({ kind: 'status', status })} />

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <ChartCard title={t('cockpit.chart.status')} option={options.donut} height={h.small} dark={bigScreen} testId="chart-status-donut" onClick={onChartClick} />
        </Col>
        <Col xs={24} lg={8}>
          <ChartCard title={t('cockpit.chart.parts')} option={options.parts} height={h.small} dark={bigScreen} testId="chart-parts" onClick={onChartClick} />
        </Col>
        <Col xs={24} lg={8}>
          <ChartCard title={t('cockpit.chart.keyAreas')} option={options.keyAreas} height={h.small} dark={bigScreen} testId="chart-key-areas" onClick={onChartClick} />
        </Col>
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <DivisionMapCard divisions={cockpit.divisions} dark={bigScreen} height={h.tall} onSelect={setSelection} />
        </Col>
        <Col xs={24} xl={10}>
          <ChartCard title={t('cockpit.chart.articles')} option={options.articles} height={h.tall} dark={bigScreen} testId="chart-articles" onClick={onChartClick} />
        </Col>
      </Row>

      <CoordinationCockpitCard planId={planId} />
      <CockpitIndicatorsCard planId={planId} />
      <LaggingTable rows={cockpit.lagging} />
      <CockpitUnitsTable rows={cockpit.units} />

      <TaskListDrawer planId={planId} selection={selection} onClose={() => setSelection(null)} />
    </Flex>
  );
}

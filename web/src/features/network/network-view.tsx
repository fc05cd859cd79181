import { ApartmentOutlined, EnvironmentOutlined, ExperimentOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Row, Select, Slider, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useScenarios, useTargets, useTravelTimesFrom, type TNetwork } from '../../api/network';
import { useT } from '../../i18n/use-t';
import { usePermissions } from '../auth/use-permissions';
import { GapPanel } from './gap-panel';
import { LinksDrawer } from './links-drawer';
import { MatrixTable } from './matrix-table';
import { NodesDrawer } from './nodes-drawer';
import { DEFAULT_ORIGIN, mainCityIds, nodeNamer, projectNamer, YEAR_MAX, YEAR_MIN, yearAsOf } from './network-helpers';
import { RoutePanel } from './route-panel';
import { ScenariosDrawer } from './scenarios-drawer';
import { TargetPanel, type PairPick } from './target-panel';
import { TravelTimeMapCard } from './travel-time-map-card';

type Props = { network: TNetwork; currentYear: number };

export function NetworkView({ network, currentYear }: Props) {
  const t = useT();
  const can = usePermissions();
  const canEdit = can('plan:edit');
  const [year, setYear] = useState(() => Math.min(YEAR_MAX, Math.max(YEAR_MIN, currentYear)));
  const [scenarioId, setScenarioId] = useState<string | undefined>();
  const [origin, setOrigin] = useState(() => (network.nodes.some((n) => n.id === DEFAULT_ORIGIN) ? DEFAULT_ORIGIN : (network.nodes[0]?.id ?? DEFAULT_ORIGIN)));
  const [route, setRoute] = useState<{ from: string; to: string } | null>(null);
  const [pick, setPick] = useState<PairPick | null>(null);
  const [drawer, setDrawer] = useState<'links' | 'nodes' | 'scenarios' | null>(null);

  const scenarios = useScenarios();
  // A scenario deleted meanwhile falls back to the base.
  const activeScenarioId = scenarios.data?.some((s) => s.id === scenarioId) ? scenarioId : undefined;
  const asOf = useMemo(() => yearAsOf(year, currentYear, activeScenarioId), [year, currentYear, activeScenarioId]);
  const travelTimes = useTravelTimesFrom(asOf, origin);
  const targets = useTargets(asOf);

  const nameOf = useMemo(() => nodeNamer(network.nodes), [network.nodes]);
  const projectName = useMemo(() => projectNamer(network.links), [network.links]);
  const projectSources = (projectId: string) => [...new Set(network.links.filter((l) => l.projectId === projectId || `link:${l.id}` === projectId).flatMap((l) => l.source))];
  const cityIds = useMemo(() => mainCityIds(network), [network]);
  const seats = useMemo(() => {
    const main = new Set(cityIds);
    const all = network.nodes.filter((n) => n.kind === 'seat');
    return [...all.filter((n) => main.has(n.id)), ...all.filter((n) => !main.has(n.id))].map((n) => ({ value: n.id, label: n.name }));
  }, [network.nodes, cityIds]);
  const seatIds = useMemo(() => new Set(network.nodes.filter((n) => n.kind === 'seat').map((n) => n.id)), [network.nodes]);
  const seatOfDivision = useMemo(() => new Map(network.nodes.filter((n) => n.kind === 'seat' && n.divisionCode).map((n) => [n.divisionCode!, n.id])), [network.nodes]);

  const routeFrom = route?.from ?? origin;
  const routeTo = route?.to ?? null;
  const pickDestination = (to: string) => setRoute({ from: origin, to });
  const pickPair = (p: { from: string; to: string }) => setRoute({ from: p.from, to: p.to });
  const scenarioName = scenarios.data?.find((s) => s.id === activeScenarioId)?.name;

  const marks = Object.fromEntries([YEAR_MIN, 2020, 2025, 2030, YEAR_MAX].map((y) => [y, String(y)]));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="network-page">
      <Card size="small">
        <Flex justify="space-between" align="flex-start" wrap gap={8}>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('network.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('network.subtitle')}</Typography.Text>
          </div>
          {canEdit && (
            <Space>
              <Button icon={<ApartmentOutlined />} data-testid="btn-links" onClick={() => setDrawer('links')}>
                {t('network.links.button')}
              </Button>
              <Button icon={<EnvironmentOutlined />} data-testid="btn-nodes" onClick={() => setDrawer('nodes')}>
                {t('network.nodes.button')}
              </Button>
              <Button icon={<ExperimentOutlined />} data-testid="btn-scenarios" onClick={() => setDrawer('scenarios')}>
                {t('network.scenarios.button')}
              </Button>
            </Space>
          )}
        </Flex>
        <Row gutter={[16, 8]} align="middle" style={{ marginTop: 12 }}>
          <Col xs={24} lg={12}>
            <Flex align="center" gap={12}>
              <Typography.Text strong>{t('network.year')}</Typography.Text>
              <div style={{ flex: 1, padding: '0 16px' }} data-testid="year-slider">
                <Slider min={YEAR_MIN} max={YEAR_MAX} step={1} marks={marks} value={year} onChange={(v: number) => setYear(v)} tooltip={{ formatter: (v) => String(v) }} />
              </div>
              <Tag color="blue" data-testid="year-value" style={{ fontSize: 14 }}>
                {year}
              </Tag>
            </Flex>
            <Space size={4} wrap>
              <Typography.Text type="secondary" data-testid="as-of">
                {t('network.readOn', { date: asOf.date })}
              </Typography.Text>
              <Tag color={asOf.assumePlanned ? 'orange' : 'green'} data-testid="assume-planned">
                {asOf.assumePlanned ? t('network.assumePlanned') : t('network.actualOnly')}
              </Tag>
            </Space>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Flex align="center" gap={8}>
              <Typography.Text strong>{t('network.origin')}</Typography.Text>
              <Select
                data-testid="origin-select"
                showSearch={{ optionFilterProp: 'label' }}
                value={origin}
                options={seats}
                onChange={(v: string) => {
                  setOrigin(v);
                  setRoute((r) => (r ? { from: v, to: r.to } : r));
                }}
                style={{ flex: 1, minWidth: 140 }}
              />
            </Flex>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Flex align="center" gap={8}>
              <Typography.Text strong>{t('network.scenario')}</Typography.Text>
              <Select
                data-testid="scenario-select"
                value={activeScenarioId ?? ''}
                options={[{ value: '', label: t('network.scenarioBase') }, ...(scenarios.data ?? []).map((s) => ({ value: s.id, label: s.name }))]}
                onChange={(v: string) => setScenarioId(v || undefined)}
                style={{ flex: 1, minWidth: 140 }}
              />
            </Flex>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
          {t('network.modelNote')}
          {travelTimes.data && travelTimes.data.unknownLinks.length > 0 && ` ${t('network.unknownLinks', { count: travelTimes.data.unknownLinks.length })}`}
        </Typography.Paragraph>
        {scenarioName && <Alert style={{ marginTop: 8 }} type="info" showIcon title={`${t('network.scenario')}: ${scenarioName}`} />}
      </Card>

      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          <TravelTimeMapCard
            travelTimes={travelTimes.data}
            originId={origin}
            originName={nameOf(origin)}
            destinationId={routeFrom === origin ? routeTo : null}
            nodeOfDivision={(code) => seatOfDivision.get(code) ?? null}
            onPickDestination={pickDestination}
            height={520}
          />
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <RoutePanel
              asOf={asOf}
              from={routeFrom}
              to={routeTo}
              nameOf={nameOf}
              links={network.links}
              destinations={seats}
              onChangeDestination={(to) => setRoute({ from: routeFrom, to })}
            />
            <GapPanel pick={pick} asOf={asOf} nameOf={nameOf} projectName={projectName} projectSources={projectSources} />
          </Space>
        </Col>
      </Row>

      <TargetPanel
        data={targets.data}
        error={targets.error}
        nameOf={nameOf}
        selected={pick}
        onSelectPair={(p) => {
          setPick(p);
          pickPair(p);
        }}
      />

      <MatrixTable asOf={asOf} cityIds={cityIds} onPickPair={(from, to) => pickPair({ from, to })} />

      <NodesDrawer open={drawer === 'nodes'} nodes={network.nodes} canEdit={canEdit} onClose={() => setDrawer(null)} />
      <LinksDrawer open={drawer === 'links'} links={network.links} nameOf={nameOf} canEdit={canEdit} onClose={() => setDrawer(null)} />
      {canEdit && (
        <ScenariosDrawer
          open={drawer === 'scenarios'}
          links={network.links}
          nameOf={nameOf}
          isSeat={(id) => seatIds.has(id)}
          asOf={{ date: asOf.date, assumePlanned: asOf.assumePlanned }}
          onShow={(id) => {
            setScenarioId(id);
            setDrawer(null);
          }}
          onClose={() => setDrawer(null)}
        />
      )}
    </Space>
  );
}

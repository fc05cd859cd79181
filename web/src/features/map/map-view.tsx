import { Alert, Card, Checkbox, Col, Empty, Flex, List, Row, Select, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useChengyuGeo } from '../../api/cockpit';
import { PROJECT_CATEGORIES, PROJECT_PHASES, useDivisions, useIndicatorMap, useIndicatorOptions, useMapProjects, usePlatforms, type ProjectPhase } from '../../api/projects';
import { CHENGYU_MAP } from '../../charts/build-division-map-option';
import { EChart, registerGeoMap, type ChartClick } from '../../charts/echart';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { mergeGeoLayers } from '../cockpit/chengyu-geo';
import { buildProjectMapOption, PHASE_COLOR, shapeCentres, type MapLayers } from './build-project-map-option';
import './register-map-charts';

const LAYER_KEYS = ['projects', 'scope', 'borders', 'platforms', 'cities', 'indicator'] as const satisfies readonly (keyof MapLayers)[];
const CATEGORY_FILTERS = ['transport', ...PROJECT_CATEGORIES] as const;

/**
 * 一张图: Sichuan's prefectures and Chongqing's districts (schematic boundaries, replaceable by an approved map
 * through SHUANGCHENG_GEO_DIR), with projects, the Outline's scope, border counties, platforms, cities and an
 * indicator. Filters live in the URL so a view can be shared; the list beside the map names every project drawn.
 */
export function MapView() {
  const t = useT();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const category = search.get('category') ?? undefined;
  const phase = (PROJECT_PHASES as readonly string[]).includes(search.get('phase') ?? '') ? (search.get('phase') as ProjectPhase) : undefined;
  const division = search.get('division') ?? undefined;
  const setParam = (key: string, value: string | undefined) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const [layers, setLayers] = useState<MapLayers>({ projects: true, scope: true, borders: true, platforms: false, cities: true, indicator: false });
  const [platformId, setPlatformId] = useState<string | null>(null);
  const [indicatorId, setIndicatorId] = useState<string | null>(null);
  const [period, setPeriod] = useState<string | null>(null);

  const geo = useChengyuGeo();
  const divisions = useDivisions();
  const platforms = usePlatforms();
  const projects = useMapProjects({ category, phase, division });
  const indicators = useIndicatorOptions(layers.indicator);
  const indicatorMap = useIndicatorMap(layers.indicator ? indicatorId : null, period);

  const shapes = useMemo(() => {
    if (!geo.data) return null;
    const merged = mergeGeoLayers(geo.data.layers);
    registerGeoMap(CHENGYU_MAP, merged.collection);
    return { regions: merged.regions, centres: shapeCentres(merged.collection) };
  }, [geo.data]);

  const platform = platforms.data?.find((p) => p.id === platformId) ?? null;
  const indicator = useMemo(
    () => (layers.indicator && indicatorMap.data ? { unit: indicatorMap.data.unit, values: new Map(indicatorMap.data.values.map((v) => [v.divisionCode, v.value])) } : null),
    [layers.indicator, indicatorMap.data],
  );
  const option = useMemo(
    () =>
      shapes && divisions.data
        ? buildProjectMapOption(
            { mapName: CHENGYU_MAP, regions: shapes.regions, centres: shapes.centres, divisions: divisions.data, projects: projects.data ?? [], platform, layers, selectedDivision: division ?? null, indicator },
            t,
          )
        : null,
    [shapes, divisions.data, projects.data, platform, layers, division, indicator, t],
  );

  const onClick = (params: ChartClick) => {
    const data = params.data as { projectId?: string; divisionCode?: string } | undefined;
    if (data?.projectId) navigate(`/projects/${encodeURIComponent(data.projectId)}`);
    else if (data?.divisionCode) setParam('division', data.divisionCode === division ? undefined : data.divisionCode);
  };

  const divisionName = division ? (divisions.data?.find((d) => d.code === division)?.name ?? division) : null;
  const error = geo.error ?? divisions.error ?? projects.error;

  return (
    <Row gutter={12}>
      <Col xs={24} lg={17}>
        <Card
          title={t('map.title')}
          size="small"
          extra={
            geo.data?.schematic && (
              <Tooltip title={t('map.schematicHint')}>
                <Tag color="orange" data-testid="map-schematic-label">
                  {t('map.schematic')}
                </Tag>
              </Tooltip>
            )
          }
        >
          <Flex gap={8} wrap style={{ marginBottom: 8 }}>
            <Select
              data-testid="map-filter-category"
              style={{ width: 180 }}
              allowClear
              placeholder={t('map.filter.category')}
              value={category}
              onChange={(v?: string) => setParam('category', v)}
              options={CATEGORY_FILTERS.map((c) => ({ value: c, label: t(`project.category.${c}`) }))}
            />
            <Select
              data-testid="map-filter-phase"
              style={{ width: 140 }}
              allowClear
              placeholder={t('map.filter.phase')}
              value={phase}
              onChange={(v?: string) => setParam('phase', v)}
              options={PROJECT_PHASES.map((p) => ({ value: p, label: t(`project.phase.${p}`) }))}
            />
            {divisionName && (
              <Tag closable onClose={() => setParam('division', undefined)} data-testid="map-division-filter">
                {t('map.divisionFilter', { name: divisionName })}
              </Tag>
            )}
          </Flex>
          <div data-testid="project-map">
            {error ? (
              <Alert type="warning" showIcon title={t('map.loadFailed')} description={errorText(error)} />
            ) : option ? (
              <EChart option={option} height={600} onClick={onClick} ariaLabel={t('map.title')} />
            ) : (
              <Skeleton active paragraph={{ rows: 12 }} />
            )}
          </div>
          <Flex gap={12} wrap style={{ marginTop: 8 }}>
            {PROJECT_PHASES.map((p) => (
              <span key={p} style={{ fontSize: 12 }}>
                <span style={{ display: 'inline-block', width: 14, height: 3, background: PHASE_COLOR[p], marginRight: 4, verticalAlign: 'middle' }} />
                {t(`project.phase.${p}`)}
              </span>
            ))}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('map.schematicHint')} · {t('map.clickHint')}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} lg={7}>
        <Flex vertical gap={12}>
          <Card title={t('map.layers')} size="small">
            <Flex vertical gap={6}>
              {LAYER_KEYS.map((k) => (
                <Checkbox key={k} checked={layers[k]} onChange={(e) => setLayers((l) => ({ ...l, [k]: e.target.checked }))} data-testid={`map-layer-${k}`}>
                  {t(`map.layer.${k}`)}
                  {k === 'borders' && <Tag style={{ marginLeft: 6 }}>{t('map.layer.bordersDerived')}</Tag>}
                </Checkbox>
              ))}
              {layers.platforms && (
                <Select
                  data-testid="map-platform"
                  allowClear
                  placeholder={t('map.platform.pick')}
                  value={platformId ?? undefined}
                  onChange={(v?: string) => setPlatformId(v ?? null)}
                  options={(platforms.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
                />
              )}
              {platform && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[...platform.members.sichuan, ...platform.members.chongqing].join('、')}
                </Typography.Text>
              )}
              {layers.indicator &&
                (indicators.error ? (
                  <Alert type="info" showIcon title={t('map.indicator.unavailable')} />
                ) : (
                  <>
                    <Select
                      data-testid="map-indicator"
                      allowClear
                      showSearch={{ optionFilterProp: 'label' }}
                      placeholder={t('map.indicator.pick')}
                      value={indicatorId ?? undefined}
                      onChange={(v?: string) => {
                        setIndicatorId(v ?? null);
                        setPeriod(null);
                      }}
                      options={(indicators.data ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.unit}）` }))}
                    />
                    {indicatorMap.data && indicatorMap.data.periods.length > 0 && (
                      <Select
                        data-testid="map-indicator-period"
                        placeholder={t('map.indicator.period')}
                        value={period ?? indicatorMap.data.period ?? undefined}
                        onChange={(v: string) => setPeriod(v)}
                        options={indicatorMap.data.periods.map((p) => ({ value: p, label: p }))}
                      />
                    )}
                  </>
                ))}
            </Flex>
          </Card>
          <Card title={t('map.visibleProjects', { count: projects.data?.length ?? 0 })} size="small" styles={{ body: { maxHeight: 420, overflow: 'auto', padding: 8 } }}>
            {projects.data?.length ? (
              <List
                size="small"
                dataSource={projects.data}
                renderItem={(p) => (
                  <List.Item
                    key={p.id}
                    data-testid={`map-project-${p.id}`}
                    style={{ cursor: 'pointer' }}
                    onClick={() => navigate(`/projects/${encodeURIComponent(p.id)}`)}
                  >
                    <span>
                      <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: PHASE_COLOR[p.phase], marginRight: 6 }} />
                      {p.title}
                    </span>
                    <Tag>{t(`project.phase.${p.phase}`)}</Tag>
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('map.noProjects')} />
            )}
          </Card>
        </Flex>
      </Col>
    </Row>
  );
}

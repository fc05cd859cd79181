import { ArrowLeftOutlined, DownloadOutlined, EditOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Empty, Flex, Popconfirm, Result, Row, Select, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { exportIndicator, useIndicator, useRemoveTarget, type TObservation, type TTarget } from '../api/indicators';
import { usePermissions } from '../features/auth/use-permissions';
import { formatValue } from '../features/indicator/build-indicator-options';
import { IndicatorFormModal } from '../features/indicator/indicator-form-modal';
import { IndicatorReportsCard } from '../features/indicator/indicator-reports-card';
import { IndicatorTasksCard } from '../features/indicator/indicator-tasks-card';
import { IndicatorStatusTag } from '../features/indicator/indicator-status-tag';
import { ObservationImportModal } from '../features/indicator/observation-import-modal';
import { ObservationsTable } from '../features/indicator/observations-table';
import { ObservationFormModal, TargetFormModal } from '../features/indicator/value-forms';
import { useErrorText } from '../i18n/use-error-text';
import { useT } from '../i18n/use-t';

// ECharts and the map come in their own chunks, after the figures and the table.
const IndicatorChart = lazy(() => import('../features/indicator/indicator-chart'));
const IndicatorMapCard = lazy(() => import('../features/indicator/indicator-map-card'));

export default function IndicatorPage() {
  const { id } = useParams();
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const can = usePermissions();
  const [search] = useSearchParams();
  const [division, setDivision] = useState<string | undefined>(search.get('division') ?? undefined);
  const [tableDivision, setTableDivision] = useState<string | 'all'>('all');
  const [editing, setEditing] = useState(false);
  const [importing, setImporting] = useState(false);
  const [observation, setObservation] = useState<TObservation | null | undefined>();
  const [target, setTarget] = useState<TTarget | null | undefined>();
  const query = useIndicator(id, division);
  const removeTarget = useRemoveTarget(id ?? '');

  if (query.error) return <Result status={query.error && 'status' in query.error && query.error.status === 404 ? '404' : 'error'} title={errorText(query.error)} extra={<Link to="/indicators">{t('ind.back')}</Link>} />;
  if (!query.data) return <Skeleton active />;
  const d = query.data;
  const i = d.indicator;
  const editable = can('indicator:edit');
  const rows = tableDivision === 'all' ? d.observations : d.observations.filter((o) => o.divisionCode === tableDivision);
  const fmt = (v: number | null | undefined) => (v === null || v === undefined ? t('ind.missing') : formatValue(v, i.unit));

  return (
    <Flex vertical gap={16} data-testid="indicator-page">
      <Card
        title={
          <Space>
            <Link to="/indicators" aria-label={t('ind.back')}>
              <ArrowLeftOutlined />
            </Link>
            <span data-testid="indicator-title">{i.name}</span>
            <Tag>{i.code}</Tag>
            {i.derived && <Tag color="purple">{t('ind.kind.derived')}</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={() => exportIndicator(i.id, i.code).catch((e: unknown) => void message.error(errorText(e)))} data-testid="indicator-export">
              {t('ind.export')}
            </Button>
            {editable && !i.derived && (
              <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="indicator-import">
                {t('ind.import')}
              </Button>
            )}
            {editable && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="indicator-edit">
                {t('ind.edit')}
              </Button>
            )}
          </Space>
        }
      >
        <Flex gap={32} wrap align="center">
          <Select
            value={d.division ?? undefined}
            onChange={setDivision}
            style={{ minWidth: 200 }}
            options={d.divisions.map((x) => ({ value: x.code, label: x.name }))}
            aria-label={t('ind.division')}
            data-testid="indicator-division"
          />
          <Statistic title={`${t('ind.latest')}${d.status.latest ? `（${d.status.latest.period}）` : ''}`} value={d.status.latest ? fmt(d.status.latest.value) : t('ind.missing')} data-testid="indicator-latest" />
          <Statistic title={t('ind.trajectoryValue')} value={d.status.trajectoryValue === null ? '—' : fmt(d.status.trajectoryValue)} />
          <Statistic title={t('ind.nextTarget')} value={d.status.nextTarget ? `${fmt(d.status.nextTarget.value)}（${d.status.nextTarget.period}）` : '—'} />
          <div>
            <Typography.Text type="secondary">{t('ind.status')}</Typography.Text>
            <div>
              <IndicatorStatusTag status={d.status.status} />
            </div>
          </div>
        </Flex>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('ind.chart.title')} size="small">
            <Suspense fallback={<Skeleton active />}>
              <IndicatorChart detail={d} />
            </Suspense>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('ind.map.title')} size="small">
            <Suspense fallback={<Skeleton active />}>
              <IndicatorMapCard indicatorId={i.id} />
            </Suspense>
          </Card>
        </Col>
      </Row>

      <Card
        title={t('ind.table.title')}
        size="small"
        extra={
          <Space>
            <Select
              value={tableDivision}
              onChange={setTableDivision}
              style={{ minWidth: 180 }}
              options={[{ value: 'all', label: t('ind.table.allDivisions') }, ...d.divisions.map((x) => ({ value: x.code, label: `${x.name}（${x.values}${x.missing ? ` / ${t('ind.missing')} ${x.missing}` : ''}）` }))]}
              data-testid="indicator-table-division"
            />
            {editable && !i.derived && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setObservation(null)} data-testid="observation-add">
                {t('ind.obs.add')}
              </Button>
            )}
          </Space>
        }
      >
        {i.derived && <Typography.Paragraph type="secondary">{t('ind.obs.derivedHint')}</Typography.Paragraph>}
        <ObservationsTable indicator={i} rows={rows} onEdit={editable ? setObservation : undefined} />
      </Card>

      {d.annual.length > 0 && (
        <Card title={t('ind.annual.title')} size="small" data-testid="indicator-annual">
          <Table
            size="small"
            rowKey="period"
            dataSource={d.annual}
            pagination={false}
            columns={[
              { title: t('ind.period'), dataIndex: 'period' },
              { title: `${t('ind.value')}（${t(`ind.aggregation.${i.aggregation}`)}）`, dataIndex: 'value', align: 'right', render: (v: number | null) => fmt(v) },
              { title: t('ind.note'), dataIndex: 'missing', render: (m: string[]) => (m.length ? t('ind.missingInputs', { list: m.join('、') }) : '') },
            ]}
          />
        </Card>
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            title={t('ind.targets.title')}
            size="small"
            extra={
              editable && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setTarget(null)} data-testid="target-add">
                  {t('ind.targets.add')}
                </Button>
              )
            }
          >
            <Table<TTarget>
              size="small"
              rowKey="id"
              dataSource={d.targets}
              pagination={false}
              locale={{ emptyText: <Empty description={t('ind.targets.empty')} /> }}
              columns={[
                { title: t('ind.division'), dataIndex: 'divisionName' },
                { title: t('ind.period'), dataIndex: 'period' },
                { title: t('ind.value'), dataIndex: 'value', align: 'right', render: (v: number) => fmt(v) },
                { title: t('ind.field.source'), dataIndex: 'source', render: (v: string | null) => v ?? '—' },
                ...(editable
                  ? [
                      {
                        key: 'actions',
                        render: (_: unknown, r: TTarget) => (
                          <Space>
                            <Button size="small" type="link" onClick={() => setTarget(r)}>
                              {t('ind.obs.edit')}
                            </Button>
                            <Popconfirm title={t('ind.targets.removeConfirm')} onConfirm={() => removeTarget.mutate({ targetId: r.id, version: r.version }, { onError: (e) => void message.error(errorText(e)) })}>
                              <Button size="small" type="link" danger>
                                {t('ind.targets.remove')}
                              </Button>
                            </Popconfirm>
                          </Space>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('ind.sourceNotes')} size="small" data-testid="indicator-source-notes">
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('ind.field.source')}>{i.source ?? '—'}</Descriptions.Item>
              {i.description && <Descriptions.Item label={t('ind.field.description')}>{i.description}</Descriptions.Item>}
              <Descriptions.Item label={t('ind.field.unit')}>{i.unit}</Descriptions.Item>
              <Descriptions.Item label={t('ind.field.frequency')}>{t(`ind.frequency.${i.frequency}`)}</Descriptions.Item>
              <Descriptions.Item label={t('ind.field.aggregation')}>{t(`ind.aggregation.${i.aggregation}`)}</Descriptions.Item>
              <Descriptions.Item label={t('ind.field.direction')}>{t(`ind.direction.${i.direction}`)}</Descriptions.Item>
              <Descriptions.Item label={t('ind.field.owner')}>{i.ownerUnitName ?? '—'}</Descriptions.Item>
              {i.derivation && (
                <Descriptions.Item label={t('ind.field.derivation')}>
                  <code style={{ whiteSpace: 'pre-wrap' }}>{JSON.stringify(i.derivation)}</code>
                </Descriptions.Item>
              )}
            </Descriptions>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {t('ind.sourceNotes.rule')}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <IndicatorTasksCard indicatorId={i.id} />
        </Col>
        {!i.derived && i.ownerUnitId && (
          <Col xs={24} lg={12}>
            <IndicatorReportsCard indicatorId={i.id} unit={i.unit} />
          </Col>
        )}
      </Row>

      {editing && <IndicatorFormModal indicator={i} onClose={() => setEditing(false)} />}
      {importing && <ObservationImportModal indicatorId={i.id} onClose={() => setImporting(false)} />}
      {observation !== undefined && <ObservationFormModal detail={d} row={observation} onClose={() => setObservation(undefined)} />}
      {target !== undefined && <TargetFormModal detail={d} target={target} onClose={() => setTarget(undefined)} />}
    </Flex>
  );
}

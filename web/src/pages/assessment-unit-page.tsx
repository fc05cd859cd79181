import { Button, Card, Col, Empty, Flex, List, Result, Row, Spin, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useUnitBreakdown, useUnitHistory, type TBreakdownLine, type TUnitHistory } from '../api/assessment';
import { useMe } from '../api/auth';
import { AppealFormModal, type AppealTarget } from '../features/assessment/appeal-form-modal';
import { AppealsTable } from '../features/assessment/appeals-queue';
import { EvidenceStatusTag, PeriodStateTag } from '../features/assessment/assessment-tags';
import { LeagueTablesCard } from '../features/assessment/league-tables-card';
import { isUnitUser } from '../features/auth/unit-user';
import { usePermissions } from '../features/auth/use-permissions';
import { useCurrentPlan } from '../features/common/use-current-plan';
import { formatTime } from '../features/common/format-time';
import { useErrorText } from '../i18n/use-error-text';
import { useLang, useT } from '../i18n/use-t';

type Evidence = TBreakdownLine['evidence'][number];
const DISPUTABLE = new Set(['late', 'missing', 'rated', 'unrated', 'applied']);

/** A unit's score in a period line by line, how each line was counted, its appeals and its history. */
export default function AssessmentUnitPage() {
  const t = useT();
  const lang = useLang();
  const errorText = useErrorText();
  const { id, unitId } = useParams();
  const me = useMe();
  const can = usePermissions();
  const { plan } = useCurrentPlan();
  const breakdown = useUnitBreakdown(id, unitId);
  const history = useUnitHistory(unitId, plan?.id);
  const [target, setTarget] = useState<AppealTarget | null>(null);

  if (breakdown.error) {
    const notYet = breakdown.error instanceof ApiError && breakdown.error.code === 'ASSESSMENT_NOT_COMPUTED';
    return (
      <Flex vertical gap={16}>
        <Result status={notYet ? 'info' : 'warning'} title={notYet ? t('assess.unit.notComputed') : errorText(breakdown.error)} />
        {history.data && <HistoryCard history={history.data} />}
      </Flex>
    );
  }
  if (breakdown.isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  const b = breakdown.data;
  const canAppeal = can('assessment:appeal') && me.data?.user.unitId === b.unitId;
  const unitUser = isUnitUser(me.data?.user.roles ?? []);

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Flex gap={8} align="center">
            {t('assess.unit.title', { unit: b.unitName, period: b.period.label })} <PeriodStateTag state={b.period.state} publishedNumber={b.period.publishedNumber} />
          </Flex>
        }
        extra={
          canAppeal && (
            <Button onClick={() => setTarget({ kind: 'self_assessment' })} data-testid="btn-self-assess">
              {t('assess.unit.selfAssess')}
            </Button>
          )
        }
      >
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Statistic title={t('assess.league.score')} value={b.score} precision={1} suffix={`/ ${b.maxScore}`} data-testid="unit-score" />
          </Col>
          <Col xs={12} md={10}>
            <Statistic title={t('assess.league.rank')} value={b.rank} suffix={`/ ${b.groupSize}`} />
            <Typography.Text type="secondary">{t('assess.unit.rankOf', { group: lang === 'en-US' ? b.groupLabel.en : b.groupLabel.zh, rank: b.rank, size: b.groupSize })}</Typography.Text>
          </Col>
          <Col xs={24} md={8}>
            <Typography.Text type="secondary">{t('assess.computedAt', { at: formatTime(b.computedAt), asOf: b.period.computedAsOf ?? '—' })}</Typography.Text>
          </Col>
        </Row>
      </Card>

      <Card title={t('assess.unit.lines')}>
        <List
          data-testid="breakdown-lines"
          dataSource={b.lines}
          renderItem={(line) => (
            <List.Item data-testid={`line-${line.rule}`} style={{ display: 'block' }}>
              <Flex justify="space-between" align="baseline" gap={12}>
                <Typography.Text strong>{lang === 'en-US' ? line.text.en : line.text.zh}</Typography.Text>
                <Flex gap={8} align="baseline">
                  <Typography.Text>{`${line.points.toFixed(1)} / ${line.maxPoints}`}</Typography.Text>
                  {canAppeal && (
                    <Button size="small" onClick={() => setTarget({ kind: 'appeal', itemId: line.itemId })} data-testid={`btn-appeal-item-${line.rule}`}>
                      {t('assess.unit.appeal')}
                    </Button>
                  )}
                </Flex>
              </Flex>
              {line.evidence.length > 0 && (
                <Table<Evidence>
                  style={{ marginTop: 8 }}
                  size="small"
                  rowKey="id"
                  pagination={line.evidence.length > 10 ? { pageSize: 10, size: 'small' } : false}
                  dataSource={line.evidence}
                  columns={[
                    { title: t('assess.unit.evidence'), dataIndex: 'label', render: (label: string, e) => (e.kind === 'report' ? <Link to={`/reports/${e.id}`}>{label}</Link> : label) },
                    { title: '', dataIndex: 'detail', width: 200, render: (d: string | null) => d ?? '' },
                    { title: t('assess.appeal.state'), dataIndex: 'status', width: 120, render: (s: string) => <EvidenceStatusTag status={s} /> },
                    ...(canAppeal
                      ? [
                          {
                            key: 'appeal',
                            width: 90,
                            render: (_: unknown, e: Evidence) =>
                              DISPUTABLE.has(e.status) && (
                                <Button size="small" type="link" onClick={() => setTarget({ kind: 'appeal', itemId: line.itemId, evidence: { kind: e.kind, id: e.id, label: e.label } })} data-testid={`btn-appeal-${e.id}`}>
                                  {t('assess.unit.appeal')}
                                </Button>
                              ),
                          },
                        ]
                      : []),
                  ]}
                />
              )}
            </List.Item>
          )}
        />
      </Card>

      {/* The office reads league tables on the period page; unit staff read the published ones here. */}
      {unitUser && b.period.publishedNumber > 0 && (
        <Card title={t('assess.tab.league')}>
          <LeagueTablesCard period={b.period} canOpen={(other) => other === b.unitId} />
        </Card>
      )}

      <Card title={t('assess.tab.appeals')}>
        <AppealsTable appeals={b.appeals} loading={breakdown.isFetching} periodId={b.period.id} />
      </Card>

      {history.data && <HistoryCard history={history.data} />}
      {target && <AppealFormModal periodId={b.period.id} unitId={b.unitId} lines={b.lines} target={target} onClose={() => setTarget(null)} />}
    </Flex>
  );
}

function HistoryCard({ history }: { history: TUnitHistory }) {
  const t = useT();
  return (
    <Card title={t('assess.unit.history')} data-testid="unit-history">
      <Table
        size="small"
        rowKey="periodId"
        pagination={false}
        dataSource={history.periods}
        locale={{ emptyText: <Empty description={t('assess.unit.historyEmpty')} /> }}
        columns={[
          { title: t('assess.label'), dataIndex: 'label', render: (label: string, p: TUnitHistory['periods'][number]) => <Link to={`/assessment/${p.periodId}/units/${history.unitId}`}>{label}</Link> },
          { title: t('assess.range'), key: 'range', render: (_: unknown, p: TUnitHistory['periods'][number]) => `${p.periodStart} ~ ${p.periodEnd}` },
          { title: t('assess.league.score'), key: 'score', render: (_: unknown, p: TUnitHistory['periods'][number]) => `${p.score.toFixed(1)} / ${p.maxScore}` },
          { title: t('assess.league.rank'), key: 'rank', render: (_: unknown, p: TUnitHistory['periods'][number]) => `${p.rank} / ${p.groupSize}` },
          { title: t('assess.state'), key: 'state', render: (_: unknown, p: TUnitHistory['periods'][number]) => <PeriodStateTag state={p.state} publishedNumber={p.publishedNumber} /> },
        ]}
      />
    </Card>
  );
}

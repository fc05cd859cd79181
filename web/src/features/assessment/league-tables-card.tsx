import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Result, Row, Spin, Table, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Link, useNavigate } from 'react-router';
import { exportLeagueTables, useLeagueTables, type TAssessmentPeriod, type TLeagueTables } from '../../api/assessment';
import { useErrorText } from '../../i18n/use-error-text';
import { useLang, useT } from '../../i18n/use-t';
import { formatTime } from '../common/format-time';

const LeagueChart = lazy(() => import('./league-chart'));
type Row = TLeagueTables['groups'][number]['rows'][number];

/**
 * A league table and a bar chart for each group; a unit's name opens its line-by-line breakdown where
 * the reader may see it (`canOpen`: unit staff open only their own).
 */
export function LeagueTablesCard({ period, canOpen = () => true }: { period: TAssessmentPeriod; canOpen?: (unitId: string) => boolean }) {
  const t = useT();
  const lang = useLang();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const league = useLeagueTables(period.id);
  const open = (unitId: string) => {
    if (canOpen(unitId)) void navigate(`/assessment/${period.id}/units/${unitId}`);
  };

  if (league.error) return <Result status="warning" title={errorText(league.error)} />;
  if (league.isPending) return <Spin style={{ display: 'block', margin: 40 }} />;
  const data = league.data;
  if (!data.groups.length) return <Empty description={t('assess.league.empty')} data-testid="league-empty" />;

  return (
    <Row gutter={[16, 16]} data-testid="league-tables">
      <Col span={24}>
        <Typography.Text type="secondary">
          {t('assess.computedAt', { at: formatTime(data.computedAt), asOf: period.computedAsOf ?? '—' })} · {t('assess.league.max', { n: data.maxScore })}
        </Typography.Text>
      </Col>
      {data.groups.map((g) => (
        <Col span={24} key={g.group}>
          <Card
            size="small"
            title={lang === 'en-US' ? g.groupLabel.en : g.groupLabel.zh}
            data-testid={`league-${g.group}`}
            extra={
              <Button size="small" icon={<DownloadOutlined />} data-testid={`btn-export-${g.group}`} onClick={() => exportLeagueTables(period.id, period.label, g.group).catch((e: unknown) => void message.error(errorText(e)))}>
                {t('assess.league.export')}
              </Button>
            }
          >
            <Row gutter={16}>
              <Col xs={24} lg={11}>
                <Table<Row>
                  size="small"
                  rowKey="unitId"
                  pagination={false}
                  dataSource={g.rows}
                  scroll={{ y: 480 }}
                  columns={[
                    { title: t('assess.league.rank'), dataIndex: 'rank', width: 70 },
                    { title: t('assess.league.unit'), dataIndex: 'unitName', render: (name: string, r) => (canOpen(r.unitId) ? <Link to={`/assessment/${period.id}/units/${r.unitId}`} data-testid={`league-unit-${r.unitId}`}>{name}</Link> : name) },
                    { title: t('assess.league.score'), dataIndex: 'score', width: 90, align: 'right', render: (s: number) => s.toFixed(1) },
                  ]}
                />
              </Col>
              <Col xs={24} lg={13}>
                <Suspense fallback={<Spin />}>
                  <LeagueChart rows={g.rows} maxScore={data.maxScore} onPick={open} testId={`league-chart-${g.group}`} />
                </Suspense>
              </Col>
            </Row>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

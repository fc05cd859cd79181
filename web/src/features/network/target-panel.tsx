import { Alert, Card, Col, Collapse, Flex, Progress, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes, Key } from 'react';
import { useFirstYear, type TNetworkTarget, type TPairTime, type TTargetsResponse } from '../../api/network';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { countOf, firstYearReadings, meets, pairKey, pairsNotMet, YEAR_MAX, YEAR_MIN } from './network-helpers';
import { SourceInfo } from './source-info';

export type PairPick = { targetId: string; from: string; to: string };

type Props = {
  data: TTargetsResponse | undefined;
  error: unknown;
  nameOf: (id: string) => string;
  selected: PairPick | null;
  onSelectPair: (pick: PairPick) => void;
};

const rowProps = (testId: string, onClick: () => void, selected: boolean) =>
  ({ 'data-testid': testId, onClick, style: { cursor: 'pointer', background: selected ? 'rgba(22,119,255,0.08)' : undefined } }) as HTMLAttributes<HTMLElement>;

/** The three targets on the date: each reading with its source, met / not met and share, the pairs and their minutes. */
export function TargetPanel({ data, error, nameOf, selected, onSelectPair }: Props) {
  const t = useT();
  const errorText = useErrorText();
  if (error) return <Alert type="error" showIcon title={t('common.loadFailed')} description={errorText(error)} />;
  if (!data) return <Skeleton active />;
  return (
    <div data-testid="target-panel">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('network.targets.title')}
      </Typography.Title>
      <Row gutter={[12, 12]}>
        {data.items.map(({ target, evaluation }) => (
          <Col key={target.id} xs={24} xl={8}>
            <TargetCard target={target} pairs={evaluation.pairs} readings={evaluation.readings} nameOf={nameOf} selected={selected} onSelectPair={onSelectPair} />
          </Col>
        ))}
      </Row>
    </div>
  );
}

type CardProps = {
  target: TNetworkTarget;
  pairs: TPairTime[];
  readings: TTargetsResponse['items'][number]['evaluation']['readings'];
  nameOf: (id: string) => string;
  selected: PairPick | null;
  onSelectPair: (pick: PairPick) => void;
};

function TargetCard({ target, pairs, readings, nameOf, selected, onSelectPair }: CardProps) {
  const t = useT();
  const minutesText = (m: number | null) => (m === null ? t('network.noPath') : t('network.minutes', { count: m }));
  const pairName = (p: { from: string; to: string }) => `${nameOf(p.from)}–${nameOf(p.to)}`;
  const labelOf = (minutes: number) => target.thresholds.find((th) => th.minutes === minutes)?.label;
  const isSelected = (p: { from: string; to: string }) => selected?.targetId === target.id && pairKey(selected.from, selected.to) === pairKey(p.from, p.to);
  const pick = (p: { from: string; to: string }) => onSelectPair({ targetId: target.id, from: p.from, to: p.to });
  // Pairs missing the strictest reading lead, slowest (and no path) first; the met ones follow in the target's order.
  const strictest = Math.min(...readings.map((r) => r.thresholdMinutes));
  const notMet = pairsNotMet(pairs, { thresholdMinutes: strictest });
  const ordered = [...notMet, ...pairs.filter((p) => !notMet.includes(p))];

  return (
    <Card
      size="small"
      data-testid={`target-${target.id}`}
      title={
        <Space size={4} wrap>
          <span data-testid={`target-title-${target.id}`}>{target.title}</span>
          {target.thresholds.length > 1 && <Tag color="purple">{t('network.target.twoReadings')}</Tag>}
        </Space>
      }
    >
      {target.note && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} ellipsis={{ rows: 2, expandable: true }}>
          {target.note}
        </Typography.Paragraph>
      )}
      <Space orientation="vertical" style={{ width: '100%' }} size={8}>
        {readings.map((r) => {
          return (
            <div key={r.thresholdMinutes} data-testid={`reading-${target.id}-${r.thresholdMinutes}`}>
              <Flex justify="space-between" align="center" wrap gap={4}>
                <Space size={4}>
                  <Tag color="blue">{t('network.target.threshold', { minutes: r.thresholdMinutes })}</Tag>
                  <Typography.Text style={{ fontSize: 12 }}>{labelOf(r.thresholdMinutes)}</Typography.Text>
                  <SourceInfo source={r.source} testId={`source-${target.id}-${r.thresholdMinutes}`} />
                </Space>
                <Typography.Text data-testid={`reading-counts-${target.id}-${r.thresholdMinutes}`}>
                  {t('network.target.counts', { met: countOf(r.met), notMet: countOf(r.notMet) })}
                </Typography.Text>
              </Flex>
              <Progress percent={Math.round(r.share * 1000) / 10} size="small" status={r.share >= 1 ? 'success' : 'normal'} format={(p) => `${t('network.target.share')} ${p}%`} />
            </div>
          );
        })}
        <Table<TPairTime>
          data-testid={`target-pairs-${target.id}`}
          size="small"
          pagination={false}
          rowKey={(p) => pairKey(p.from, p.to)}
          dataSource={ordered}
          onRow={(p) => rowProps(`pair-${target.id}-${p.from}-${p.to}`, () => pick(p), isSelected(p))}
          columns={[
            { title: t('network.target.pair'), key: 'pair', render: (_, p) => pairName(p) },
            {
              title: t('network.target.minutes'),
              dataIndex: 'minutes',
              align: 'right',
              render: (m: number | null, p) => <span data-testid={`pair-minutes-${target.id}-${p.from}-${p.to}`}>{minutesText(m)}</span>,
            },
            ...readings.map((r) => ({
              title: t('network.target.threshold', { minutes: r.thresholdMinutes }),
              key: `r${r.thresholdMinutes}`,
              filters: [
                { text: t('network.target.met'), value: 'met' },
                { text: t('network.target.notMet'), value: 'notMet' },
              ],
              onFilter: (value: boolean | Key, p: TPairTime) => meets(p.minutes, r.thresholdMinutes) === (value === 'met'),
              render: (_: unknown, p: TPairTime) =>
                meets(p.minutes, r.thresholdMinutes) ? <Tag color="success">{t('network.target.met')}</Tag> : <Tag color="error">{t('network.target.notMet')}</Tag>,
            })),
          ]}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('network.target.pairsHint')}
        </Typography.Text>
        <Collapse
          size="small"
          items={[{ key: 'first-year', label: t('network.firstYear.title', { from: YEAR_MIN, to: YEAR_MAX }), children: <FirstYearTable target={target} nameOf={nameOf} /> }]}
        />
      </Space>
    </Card>
  );
}

/** When each pair first meets the target as links open (year-end, planned openings assumed). Loaded when opened. */
function FirstYearTable({ target, nameOf }: { target: TNetworkTarget; nameOf: (id: string) => string }) {
  const t = useT();
  const errorText = useErrorText();
  const firstYear = useFirstYear(target.id, YEAR_MIN, YEAR_MAX, true);
  if (firstYear.error) return <Alert type="error" showIcon title={errorText(firstYear.error)} />;
  if (!firstYear.data) return <Skeleton active paragraph={{ rows: 2 }} />;
  const readingCount = Math.max(1, ...firstYear.data.map((i) => firstYearReadings(i).length));
  return (
    <Table
      data-testid={`first-year-${target.id}`}
      size="small"
      pagination={false}
      rowKey={(i) => pairKey(i.from, i.to)}
      dataSource={firstYear.data}
      columns={[
        { title: t('network.target.pair'), key: 'pair', render: (_, i) => `${nameOf(i.from)}–${nameOf(i.to)}` },
        ...Array.from({ length: readingCount }, (_, k) => ({
          key: `fy${k}`,
          title: (() => {
            const th = firstYearReadings(firstYear.data[0] ?? { firstYear: null })[k]?.thresholdMinutes ?? target.thresholds[k]?.minutes ?? null;
            return th === null ? t('network.firstYear.year') : `${t('network.firstYear.year')} ${t('network.firstYear.reading', { minutes: th })}`;
          })(),
          render: (_: unknown, i: (typeof firstYear.data)[number]) => {
            const year = firstYearReadings(i)[k]?.year ?? null;
            return year === null ? <Tag>{t('network.firstYear.never')}</Tag> : <Tag color="success">{year}</Tag>;
          },
        })),
      ]}
    />
  );
}

import { Alert, Checkbox, Drawer, Flex, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useVariance, type TBaseline, type TVarianceItem } from '../../api/baselines';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';

const CHANGE_COLOR = { added: 'green', removed: 'red', changed: 'gold' } as const;

/** What changed since baseline `number`: added / removed nodes and moved due dates and weights. */
export function VarianceDrawer({
  planId,
  baselines,
  number,
  onNumber,
  onClose,
}: {
  planId: string;
  baselines: readonly TBaseline[];
  number: number;
  onNumber: (n: number) => void;
  onClose: () => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const variance = useVariance(planId, number, true);
  const [onlySlipped, setOnlySlipped] = useState(false);
  const items = (variance.data?.items ?? []).filter((i) => !onlySlipped || (i.dueSlipDays ?? 0) > 0);

  return (
    <Drawer open size={960} title={t('baseline.varianceTitle')} onClose={onClose} destroyOnHidden>
      <Flex vertical gap={12}>
        <Flex gap={12} align="center" wrap>
          <Typography.Text>{t('baseline.compareWith')}</Typography.Text>
          <Select
            data-testid="variance-version"
            style={{ width: 320 }}
            value={number}
            onChange={onNumber}
            options={baselines.map((b) => ({ value: b.number, label: `${t('baseline.version', { number: b.number })} · ${b.reason}` }))}
          />
          <Checkbox checked={onlySlipped} onChange={(e) => setOnlySlipped(e.target.checked)} data-testid="variance-only-slipped">
            {t('baseline.onlySlipped')}
          </Checkbox>
        </Flex>
        {variance.error && <Alert type="error" showIcon title={errorText(variance.error)} />}
        <Table<TVarianceItem>
          data-testid="variance-table"
          size="small"
          rowKey={(i) => `${i.nodeId}-${i.change}`}
          loading={variance.isFetching}
          dataSource={items}
          locale={{ emptyText: t('baseline.noVariance') }}
          pagination={items.length > 50 ? { pageSize: 50 } : false}
          scroll={{ x: 800 }}
          columns={[
            { title: t('node.code'), dataIndex: 'code', width: 80 },
            { title: t('node.title'), dataIndex: 'title', ellipsis: true },
            { title: t('baseline.change'), dataIndex: 'change', width: 80, render: (c: TVarianceItem['change']) => <Tag color={CHANGE_COLOR[c]}>{t(`baseline.change.${c}`)}</Tag> },
            {
              title: t('baseline.due'),
              key: 'due',
              width: 220,
              render: (_, i) => {
                const from = i.baseline?.dueOn ?? '—';
                const to = i.current?.dueOn ?? '—';
                return from === to ? from : `${from} → ${to}`;
              },
            },
            {
              title: t('baseline.slip'),
              dataIndex: 'dueSlipDays',
              width: 100,
              align: 'right',
              render: (d: number | null) =>
                d === null ? '—' : d > 0 ? <Typography.Text type="danger" strong>{`+${d}`}</Typography.Text> : d < 0 ? <Typography.Text type="success">{d}</Typography.Text> : '0',
            },
            {
              title: t('baseline.weightDelta'),
              dataIndex: 'weightDelta',
              width: 100,
              align: 'right',
              render: (w: number | null) => (w === null || w === 0 ? '—' : w > 0 ? `+${w}` : String(w)),
            },
          ]}
        />
      </Flex>
    </Drawer>
  );
}

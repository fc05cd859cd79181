import { EditOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Tooltip, Typography } from 'antd';
import type { TIndicator, TObservation } from '../../api/indicators';
import { useT } from '../../i18n/use-t';
import { formatValue } from './build-indicator-options';

type Props = { indicator: TIndicator; rows: TObservation[]; onEdit?: ((row: TObservation) => void) | undefined };

/** Every value with its source and reliability; a gap is marked “缺失”, and a derived gap names its missing inputs. */
export function ObservationsTable({ indicator, rows, onEdit }: Props) {
  const t = useT();
  return (
    <Table<TObservation>
      size="small"
      rowKey={(r) => `${r.divisionCode}|${r.period}`}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      data-testid="indicator-observations"
      columns={[
        { title: t('ind.division'), dataIndex: 'divisionName', width: 140, sorter: (a, b) => a.divisionCode.localeCompare(b.divisionCode) },
        { title: t('ind.period'), dataIndex: 'period', width: 90, sorter: (a, b) => a.period.localeCompare(b.period), defaultSortOrder: 'descend' },
        {
          title: `${t('ind.value')}（${indicator.unit}）`,
          dataIndex: 'value',
          align: 'right',
          width: 150,
          render: (_, r) =>
            r.value === null ? (
              <Tooltip title={r.missing.length ? t('ind.missingInputs', { list: r.missing.map((m) => `${m.indicator} ${m.divisionName}`).join('、') }) : r.note}>
                <Tag data-testid="value-missing">{t('ind.missing')}</Tag>
              </Tooltip>
            ) : (
              <span data-testid={`value-${r.divisionCode}-${r.period}`}>{formatValue(r.value, indicator.unit)}</span>
            ),
        },
        { title: t('ind.field.source'), dataIndex: 'source', ellipsis: { showTitle: true }, render: (v: string | null) => v ?? '—' },
        { title: t('ind.reliability'), dataIndex: 'reliability', width: 200, render: (v: string | null) => (v ? <Typography.Text type="secondary">{v}</Typography.Text> : '—') },
        {
          title: t('ind.note'),
          dataIndex: 'note',
          width: 220,
          render: (_, r) => (r.missing.length ? t('ind.missingInputs', { list: r.missing.map((m) => m.divisionName).join('、') }) : (r.note ?? '')),
        },
        { title: t('ind.origin'), dataIndex: 'origin', width: 100, render: (v: string) => t(`ind.origin.${v as 'seed' | 'report'}`) },
        ...(onEdit && !indicator.derived
          ? [{ key: 'edit', width: 60, render: (_: unknown, r: TObservation) => <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('ind.obs.edit')} onClick={() => onEdit(r)} /> }]
          : []),
      ]}
    />
  );
}

import { Card, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { STATUS_COLOR } from '../../charts/status-colors';
import type { MessageKey } from '../../i18n/zh-CN';
import { useT } from '../../i18n/use-t';
import { compareRates, onTimeRate, type CockpitUnitRow } from './unit-rows';

type NumberKey = 'leadTasks' | 'red' | 'yellow' | 'reportsDue' | 'reportsOnTime' | 'reportsLate' | 'reportsMissing';
const NUMBER_COLUMNS: readonly { key: NumberKey; label: MessageKey; color?: string }[] = [
  { key: 'leadTasks', label: 'cockpit.units.leadTasks' },
  { key: 'red', label: 'cockpit.units.red', color: STATUS_COLOR.red },
  { key: 'yellow', label: 'cockpit.units.yellow', color: STATUS_COLOR.yellow },
  { key: 'reportsDue', label: 'cockpit.units.reportsDue' },
  { key: 'reportsOnTime', label: 'cockpit.units.reportsOnTime' },
  { key: 'reportsLate', label: 'cockpit.units.reportsLate' },
  { key: 'reportsMissing', label: 'cockpit.units.reportsMissing' },
];

/** By unit: lead tasks, lag, and how the unit's lead reports came in. Sorted on the client: the list is short. */
export function CockpitUnitsTable({ rows }: { rows: readonly CockpitUnitRow[] }) {
  const t = useT();
  const columns: ColumnsType<CockpitUnitRow> = [
    { key: 'unitName', title: t('cockpit.units.unit'), dataIndex: 'unitName', fixed: 'left', width: 220, sorter: (a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN') },
    ...NUMBER_COLUMNS.map(
      (c): ColumnsType<CockpitUnitRow>[number] => ({
        key: c.key,
        title: t(c.label),
        dataIndex: c.key,
        align: 'right',
        sorter: (a, b) => a[c.key] - b[c.key],
        render: (value: number) => <span style={c.color && value > 0 ? { color: c.color, fontWeight: 600 } : undefined}>{value}</span>,
      }),
    ),
    {
      key: 'onTimeRate',
      title: t('cockpit.units.onTimeRate'),
      align: 'right',
      sorter: (a, b) => compareRates(onTimeRate(a), onTimeRate(b)),
      render: (_, r) => {
        const rate = onTimeRate(r);
        return rate === null ? '—' : `${rate}%`;
      },
    },
  ];
  return (
    <Card title={t('cockpit.units.title')} size="small">
      <Table<CockpitUnitRow>
        data-testid="units-table-cockpit"
        size="small"
        rowKey="unitId"
        columns={columns}
        dataSource={[...rows]}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
      />
    </Card>
  );
}

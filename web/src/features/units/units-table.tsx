import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Input, Space, Switch, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { SIDES, UNIT_KINDS, type TUnit } from '../../api/types';
import { useUnits, useUpdateUnit, type UnitListParams } from '../../api/units';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { usePermissions } from '../auth/use-permissions';
import { firstFilter, oneOf, readSorter, toBoolean, toSortOrder } from '../common/table-change';
import { UnitFormModal } from './unit-form-modal';

type Editing = { unit?: TUnit } | null;

export function UnitsTable() {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const can = usePermissions();
  const manage = can('unit:manage');
  const [params, setParams] = useState<UnitListParams>({ page: 1, pageSize: 20, sort: 'name', order: 'asc' });
  const [editing, setEditing] = useState<Editing>(null);
  const units = useUnits(params);
  const update = useUpdateUnit();

  const toggleActive = (unit: TUnit, active: boolean) =>
    update.mutate(
      { unitId: unit.id, patch: { version: unit.version, active } },
      { onError: (err) => void message.error(errorText(err)) },
    );

  const columns: ColumnsType<TUnit> = [
    { key: 'name', title: t('unit.name'), dataIndex: 'name', sorter: true, sortOrder: toSortOrder(params.order, 'name', params.sort) },
    { key: 'fullName', title: t('unit.fullName'), dataIndex: 'fullName', ellipsis: true },
    {
      key: 'kind',
      title: t('unit.kind'),
      dataIndex: 'kind',
      sorter: true,
      sortOrder: toSortOrder(params.order, 'kind', params.sort),
      filters: UNIT_KINDS.map((k) => ({ text: t(`unit.kind.${k}`), value: k })),
      filterMultiple: false,
      filteredValue: params.kind ? [params.kind] : null,
      render: (_, u) => t(`unit.kind.${u.kind}`),
    },
    {
      key: 'side',
      title: t('unit.side'),
      dataIndex: 'side',
      sorter: true,
      sortOrder: toSortOrder(params.order, 'side', params.sort),
      filters: SIDES.map((s) => ({ text: t(`unit.side.${s}`), value: s })),
      filterMultiple: false,
      filteredValue: params.side ? [params.side] : null,
      render: (_, u) => <Tag color={u.side === 'sichuan' ? 'red' : 'orange'}>{t(`unit.side.${u.side}`)}</Tag>,
    },
    { key: 'divisionCode', title: t('unit.divisionCode'), dataIndex: 'divisionCode' },
    {
      key: 'aliases',
      title: t('unit.aliases'),
      dataIndex: 'aliases',
      render: (_, u) => u.aliases.map((a) => <Tag key={a}>{a}</Tag>),
    },
    {
      key: 'active',
      title: t('unit.active'),
      dataIndex: 'active',
      filters: [
        { text: t('unit.activeYes'), value: 'true' },
        { text: t('unit.activeNo'), value: 'false' },
      ],
      filterMultiple: false,
      filteredValue: params.active === undefined ? null : [String(params.active)],
      render: (_, u) =>
        manage ? (
          <Switch
            size="small"
            checked={u.active}
            checkedChildren={t('unit.activeYes')}
            unCheckedChildren={t('unit.activeNo')}
            loading={update.isPending && update.variables.unitId === u.id}
            onChange={(checked) => toggleActive(u, checked)}
            data-testid={`unit-active-${u.id}`}
          />
        ) : (
          <Tag color={u.active ? 'green' : 'default'}>{t(u.active ? 'unit.activeYes' : 'unit.activeNo')}</Tag>
        ),
    },
  ];
  if (manage) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_, u) => (
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ unit: u })}>
          {t('common.edit')}
        </Button>
      ),
    });
  }

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" wrap gap={8}>
        <Input.Search
          allowClear
          placeholder={t('unit.searchPlaceholder')}
          style={{ maxWidth: 360 }}
          onSearch={(q) => setParams((p) => ({ ...p, q: q.trim() || undefined, page: 1 }))}
          data-testid="units-search"
        />
        <Space>
          {manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="btn-create-unit">
              {t('unit.create')}
            </Button>
          )}
        </Space>
      </Flex>
      <Table<TUnit>
        data-testid="units-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={units.data?.items ?? []}
        loading={units.isFetching}
        locale={{ emptyText: <Empty description={units.error ? errorText(units.error) : t('common.empty')} /> }}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: units.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
        }}
        onChange={(pagination, filters, sorter) =>
          setParams((p) => ({
            ...p,
            ...readSorter(sorter),
            kind: oneOf(firstFilter(filters.kind), UNIT_KINDS),
            side: oneOf(firstFilter(filters.side), SIDES),
            active: toBoolean(firstFilter(filters.active)),
            page: pagination.pageSize !== p.pageSize ? 1 : (pagination.current ?? 1),
            pageSize: pagination.pageSize ?? p.pageSize,
          }))
        }
      />
      {editing && <UnitFormModal unit={editing.unit} onClose={() => setEditing(null)} />}
    </Flex>
  );
}

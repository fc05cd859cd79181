import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Input, Result, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { FREQUENCIES, useIndicators, type IndicatorListParams, type TIndicatorListItem } from '../api/indicators';
import { usePermissions } from '../features/auth/use-permissions';
import { filterUnitOption, useUnitOptions } from '../features/import/use-unit-options';
import { IndicatorFormModal } from '../features/indicator/indicator-form-modal';
import { ObservationImportModal } from '../features/indicator/observation-import-modal';
import { useErrorText } from '../i18n/use-error-text';
import { useT } from '../i18n/use-t';

export default function IndicatorsPage() {
  const t = useT();
  const errorText = useErrorText();
  const can = usePermissions();
  const units = useUnitOptions();
  const [params, setParams] = useState<IndicatorListParams>({ page: 1, pageSize: 50 });
  const list = useIndicators(params);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const set = (patch: Partial<IndicatorListParams>) => setParams((p) => ({ ...p, ...patch, page: patch.page ?? 1 }));

  if (list.error) return <Result status="error" title={t('common.loadFailed')} subTitle={errorText(list.error)} />;
  return (
    <Card
      title={t('ind.title')}
      data-testid="indicators-page"
      extra={
        can('indicator:edit') && (
          <Flex gap={8}>
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="indicators-import">
              {t('ind.import')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="indicator-create">
              {t('ind.create')}
            </Button>
          </Flex>
        )
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('ind.search')} style={{ width: 240 }} onSearch={(q) => set({ q: q || undefined })} data-testid="indicator-search" />
        <Select allowClear placeholder={t('ind.field.frequency')} style={{ width: 140 }} onChange={(frequency) => set({ frequency })} options={FREQUENCIES.map((f) => ({ value: f, label: t(`ind.frequency.${f}`) }))} />
        <Select allowClear showSearch={{ filterOption: filterUnitOption }} placeholder={t('ind.field.owner')} style={{ width: 220 }} onChange={(ownerUnitId) => set({ ownerUnitId })} options={units.options} />
      </Flex>
      <Table<TIndicatorListItem>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('ind.empty')} /> }}
        onChange={(pg, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          set({ page: pg.current ?? 1, pageSize: pg.pageSize ?? 50, sort: s?.order ? (s.field as IndicatorListParams['sort']) : undefined, order: s?.order === 'descend' ? 'desc' : 'asc' });
        }}
        pagination={{ current: params.page, pageSize: params.pageSize, total: list.data?.total ?? 0, showSizeChanger: true }}
        columns={[
          { title: t('ind.field.code'), dataIndex: 'code', sorter: true, width: 220, render: (code: string) => <code>{code}</code> },
          {
            title: t('ind.field.name'),
            dataIndex: 'name',
            sorter: true,
            render: (name: string, r) => (
              <Link to={`/indicators/${r.id}`} data-testid={`indicator-link-${r.code}`}>
                {name}
              </Link>
            ),
          },
          { title: t('ind.field.unit'), dataIndex: 'unit', width: 80 },
          { title: t('ind.field.frequency'), dataIndex: 'frequency', sorter: true, width: 90, render: (f: TIndicatorListItem['frequency']) => t(`ind.frequency.${f}`) },
          { title: t('ind.field.kind'), dataIndex: 'derived', width: 100, render: (d: boolean) => (d ? <Tag color="purple">{t('ind.kind.derived')}</Tag> : <Tag>{t('ind.kind.observed')}</Tag>) },
          { title: t('ind.field.owner'), dataIndex: 'ownerUnitName', width: 140, render: (v: string | null) => v ?? '—' },
          { title: t('ind.field.observations'), dataIndex: 'observationCount', width: 90, align: 'right', render: (n: number, r) => (r.derived ? '—' : n) },
          { title: t('ind.field.latestPeriod'), dataIndex: 'latestPeriod', width: 100, render: (p: string | null, r) => (r.derived ? '—' : (p ?? '—')) },
        ]}
      />
      {creating && <IndicatorFormModal onClose={() => setCreating(false)} />}
      {importing && <ObservationImportModal onClose={() => setImporting(false)} />}
    </Card>
  );
}

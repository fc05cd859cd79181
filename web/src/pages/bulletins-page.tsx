import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Result, Select, Spin, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useBulletins, type BulletinListParams, type TBulletin } from '../api/bulletins';
import { useCycles } from '../api/reporting';
import { usePermissions } from '../features/auth/use-permissions';
import { GenerateBulletinModal } from '../features/bulletin/generate-bulletin-modal';
import { formatTime } from '../features/common/format-time';
import { useCurrentPlan } from '../features/common/use-current-plan';
import { useCycleLabel } from '../i18n/use-cycle-label';
import { useErrorText } from '../i18n/use-error-text';
import { useT } from '../i18n/use-t';

export default function BulletinsPage() {
  const t = useT();
  const errorText = useErrorText();
  const cycleLabel = useCycleLabel();
  const can = usePermissions();
  const manage = can('bulletin:manage');
  const { plan, isPending, error: planError } = useCurrentPlan();
  const [params, setParams] = useState<BulletinListParams>({ page: 1, pageSize: 20 });
  const bulletins = useBulletins(plan?.id, params);
  const cycles = useCycles(plan?.id);
  const [creating, setCreating] = useState(false);

  const error = planError ?? bulletins.error;
  if (error) return <Result status="error" title={t('common.loadFailed')} subTitle={errorText(error)} />;
  if (isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (!plan) return <Empty description={t('plan.noPlan')} />;
  const cycleName = (id: string, fallback: string) => {
    const c = cycles.data?.find((x) => x.id === id);
    return c ? cycleLabel(c) : fallback;
  };

  return (
    <Card
      title={t('bulletin.title')}
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="btn-new-bulletin">
            {t('bulletin.new')}
          </Button>
        )
      }
    >
      <Flex vertical gap={12}>
        <Flex gap={8} wrap>
          {manage && (
            <Select
              allowClear
              data-testid="filter-bulletin-state"
              placeholder={t('bulletin.state')}
              style={{ width: 140 }}
              value={params.state}
              onChange={(state) => setParams((p) => ({ ...p, state, page: 1 }))}
              options={(['draft', 'published'] as const).map((s) => ({ value: s, label: t(`bulletin.state.${s}`) }))}
            />
          )}
          <Select
            allowClear
            placeholder={t('bulletin.cycle')}
            style={{ width: 180 }}
            value={params.cycleId}
            onChange={(cycleId) => setParams((p) => ({ ...p, cycleId, page: 1 }))}
            options={(cycles.data ?? []).map((c) => ({ value: c.id, label: cycleLabel(c) }))}
          />
        </Flex>
        <Table<TBulletin>
          data-testid="bulletins-table"
          size="small"
          rowKey="id"
          loading={bulletins.isFetching}
          dataSource={bulletins.data?.items ?? []}
          locale={{ emptyText: <Empty description={manage ? t('bulletin.empty') : t('bulletin.emptyReader')} /> }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: bulletins.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (count) => t('common.total', { count }),
            onChange: (page, pageSize) => setParams((p) => ({ ...p, page, pageSize })),
          }}
          scroll={{ x: 900 }}
          columns={[
            { title: t('bulletin.number'), dataIndex: 'number', width: 150 },
            { title: t('bulletin.docTitle'), dataIndex: 'title', render: (title: string, b) => <Link to={`/bulletins/${b.id}`}>{title}</Link> },
            { title: t('bulletin.cycle'), dataIndex: 'cycleId', width: 120, render: (id: string, b) => cycleName(id, b.cycleLabel) },
            {
              title: t('bulletin.state'),
              dataIndex: 'state',
              width: 100,
              render: (s: TBulletin['state']) => <Tag color={s === 'published' ? 'green' : 'default'}>{t(`bulletin.state.${s}`)}</Tag>,
            },
            { title: t('bulletin.publishedAt'), dataIndex: 'publishedAt', width: 150, render: (v: string | null, b) => formatTime(v ?? b.createdAt) },
          ]}
        />
      </Flex>
      {creating && <GenerateBulletinModal planId={plan.id} onClose={() => setCreating(false)} />}
    </Card>
  );
}

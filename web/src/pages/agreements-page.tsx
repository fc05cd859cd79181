import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Drawer, Empty, Flex, Input, Result, Select, Spin, Table, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { AGREEMENT_STATUSES, PARTY_SIDES, useAgreements, type AgreementListParams, type TAgreement } from '../api/coordination';
import { usePermissions } from '../features/auth/use-permissions';
import { useCurrentPlan } from '../features/common/use-current-plan';
import { AgreementFormModal } from '../features/coordination/agreement-form-modal';
import { AgreementMatters } from '../features/coordination/agreement-matters';
import { LinkedProjects } from '../features/coordination/links';
import { AgreementStatusTag, SourceCountTags } from '../features/coordination/coordination-tags';
import { useErrorText } from '../i18n/use-error-text';
import { useT } from '../i18n/use-t';

const SIDE_COLOR = { sichuan: 'red', chongqing: 'blue', other: 'default' } as const;

export default function AgreementsPage() {
  const t = useT();
  const errorText = useErrorText();
  const can = usePermissions();
  const edit = can('plan:edit');
  const { plan, isPending, error: planError } = useCurrentPlan();
  const [params, setParams] = useState<AgreementListParams>({ page: 1, pageSize: 20 });
  const agreements = useAgreements(plan?.id, params);
  // null: closed; 'new': creating; an agreement: editing it.
  const [editing, setEditing] = useState<TAgreement | 'new' | null>(null);
  // ?open=id: a task's (or a reminder's) way back to the agreement it came from
  const [search, setSearch] = useSearchParams();
  const openId = search.get('open');
  const closeOpen = () =>
    setSearch((s) => {
      s.delete('open');
      return s;
    });
  const filter = (patch: Partial<AgreementListParams>) => setParams((p) => ({ ...p, ...patch, page: 1 }));

  const error = planError ?? agreements.error;
  if (error) return <Result status="error" title={t('common.loadFailed')} subTitle={errorText(error)} />;
  if (isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (!plan) return <Empty description={t('plan.noPlan')} />;

  return (
    <Card
      title={t('agreements.title')}
      extra={
        edit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="btn-new-agreement">
            {t('agreements.new')}
          </Button>
        )
      }
    >
      <Flex vertical gap={12}>
        <Flex gap={8} wrap>
          <Input.Search
            allowClear
            data-testid="filter-agreement-party"
            placeholder={t('agreements.filterParty')}
            style={{ width: 220 }}
            onSearch={(party) => filter({ party: party.trim() || undefined })}
          />
          <Select
            allowClear
            data-testid="filter-agreement-side"
            placeholder={t('agreements.side')}
            style={{ width: 120 }}
            value={params.side}
            onChange={(side) => filter({ side })}
            options={PARTY_SIDES.map((s) => ({ value: s, label: t(`agreements.side.${s}`) }))}
          />
          <Select
            allowClear
            data-testid="filter-agreement-status"
            placeholder={t('agreements.status')}
            style={{ width: 140 }}
            value={params.status}
            onChange={(status) => filter({ status })}
            options={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`agreements.status.${s}`) }))}
          />
        </Flex>
        <Table<TAgreement>
          data-testid="agreements-table"
          size="small"
          rowKey="id"
          loading={agreements.isFetching}
          dataSource={agreements.data?.items ?? []}
          expandable={{ expandedRowRender: (a) => <AgreementMatters id={a.id} canEdit={edit} /> }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: agreements.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (count) => t('common.total', { count }),
            onChange: (page, pageSize) => setParams((p) => ({ ...p, page, pageSize })),
          }}
          scroll={{ x: 1240 }}
          columns={[
            { title: t('agreements.agreement'), dataIndex: 'title' },
            {
              title: t('agreements.parties'),
              dataIndex: 'parties',
              width: 280,
              render: (_, a) =>
                a.parties.map((p, i) => (
                  <Tag key={`${p.name}-${i}`} color={SIDE_COLOR[p.side]} title={t(`agreements.side.${p.side}`)}>
                    {p.name}
                  </Tag>
                )),
            },
            { title: t('agreements.level'), dataIndex: 'level', width: 90 },
            {
              title: t('agreements.signedTerm'),
              key: 'dates',
              width: 200,
              render: (_, a) => `${a.signedOn ?? '—'} / ${a.termUntil ?? '—'}`,
            },
            { title: t('agreements.matters'), key: 'counts', width: 150, render: (_, a) => <SourceCountTags counts={a.counts} /> },
            { title: t('agreements.projects'), key: 'projects', width: 180, render: (_, a) => <LinkedProjects projects={a.projects} /> },
            { title: t('agreements.status'), dataIndex: 'status', width: 110, render: (_, a) => <AgreementStatusTag status={a.status} /> },
            ...(edit
              ? [
                  {
                    key: 'actions',
                    width: 60,
                    render: (_: unknown, a: TAgreement) => (
                      <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing(a)} data-testid="btn-edit-agreement" />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Flex>
      {editing && <AgreementFormModal planId={plan.id} agreement={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      {openId && (
        <Drawer open width={820} onClose={closeOpen} title={t('agreements.agreement')} data-testid="agreement-drawer" destroyOnHidden>
          <AgreementMatters id={openId} canEdit={edit} withHeader />
        </Drawer>
      )}
    </Card>
  );
}

import { DownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Input, Result, Select, Space, Spin, Table, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  downloadNationalRequests,
  REQUEST_STATUSES,
  REQUEST_TYPES,
  useNationalRequests,
  type RequestFilter,
  type RequestListParams,
  type TNationalRequest,
} from '../api/coordination';
import { usePermissions } from '../features/auth/use-permissions';
import { useCurrentPlan } from '../features/common/use-current-plan';
import { RequestStatusTag } from '../features/coordination/coordination-tags';
import { LinkedProjects, LinkedTasks } from '../features/coordination/links';
import { RequestDetailDrawer } from '../features/coordination/request-detail-drawer';
import { RequestFormModal } from '../features/coordination/request-form-modal';
import { useErrorText } from '../i18n/use-error-text';
import { useT } from '../i18n/use-t';

export default function NationalRequestsPage() {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const can = usePermissions();
  const edit = can('plan:edit');
  const { plan, isPending, error: planError } = useCurrentPlan();
  const [params, setParams] = useState<RequestListParams>({ page: 1, pageSize: 20 });
  const requests = useNationalRequests(plan?.id, params);
  // null: closed; 'new': creating; a request: editing it.
  const [editing, setEditing] = useState<TNationalRequest | 'new' | null>(null);
  const [exporting, setExporting] = useState(false);
  const filter = (patch: Partial<RequestFilter>) => setParams((p) => ({ ...p, ...patch, page: 1 }));
  // ?open=id: a task's way back to the request it came from
  const [search, setSearch] = useSearchParams();
  const openId = search.get('open');
  const open = (id: string | null) =>
    setSearch((s) => {
      if (id) s.set('open', id);
      else s.delete('open');
      return s;
    });

  const error = planError ?? requests.error;
  if (error) return <Result status="error" title={t('common.loadFailed')} subTitle={errorText(error)} />;
  if (isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (!plan) return <Empty description={t('plan.noPlan')} />;

  const exportRegister = () => {
    const { type, status, joint, q } = params;
    setExporting(true);
    downloadNationalRequests(plan.id, { type, status, joint, q })
      .catch((err: unknown) => message.error(t('requests.exportFailed', { error: errorText(err) })))
      .finally(() => setExporting(false));
  };

  return (
    <Card
      title={t('requests.title')}
      extra={
        <Space>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportRegister} data-testid="btn-export-requests">
            {t('requests.export')}
          </Button>
          {edit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="btn-new-request">
              {t('requests.new')}
            </Button>
          )}
        </Space>
      }
    >
      <Flex vertical gap={12}>
        <Flex gap={8} wrap>
          <Input.Search
            allowClear
            data-testid="filter-request-q"
            placeholder={t('requests.search')}
            style={{ width: 220 }}
            onSearch={(q) => filter({ q: q.trim() || undefined })}
          />
          <Select
            allowClear
            data-testid="filter-request-type"
            placeholder={t('requests.type')}
            style={{ width: 130 }}
            value={params.type}
            onChange={(type) => filter({ type })}
            options={REQUEST_TYPES.map((v) => ({ value: v, label: t(`requests.type.${v}`) }))}
          />
          <Select
            allowClear
            data-testid="filter-request-status"
            placeholder={t('requests.status')}
            style={{ width: 140 }}
            value={params.status}
            onChange={(status) => filter({ status })}
            options={REQUEST_STATUSES.map((v) => ({ value: v, label: t(`requests.status.${v}`) }))}
          />
          <Select
            allowClear
            data-testid="filter-request-joint"
            placeholder={t('requests.joint')}
            style={{ width: 140 }}
            value={params.joint}
            onChange={(joint) => filter({ joint })}
            options={[
              { value: 'true', label: t('requests.jointYes') },
              { value: 'false', label: t('requests.jointNo') },
            ]}
          />
        </Flex>
        <Table<TNationalRequest>
          data-testid="requests-table"
          size="small"
          rowKey="id"
          loading={requests.isFetching}
          dataSource={requests.data?.items ?? []}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: requests.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (count) => t('common.total', { count }),
            onChange: (page, pageSize) => setParams((p) => ({ ...p, page, pageSize })),
          }}
          scroll={{ x: 1340 }}
          columns={[
            {
              title: t('requests.request'),
              dataIndex: 'title',
              render: (title: string, r) => (
                <a onClick={() => open(r.id)} data-testid="request-open">
                  {title}
                </a>
              ),
            },
            { title: t('requests.type'), dataIndex: 'type', width: 100, render: (_, r) => t(`requests.type.${r.type}`) },
            { title: t('requests.addressedTo'), dataIndex: 'addressedTo', width: 160, ellipsis: true },
            { title: t('requests.leadUnit'), dataIndex: 'leadUnitName', width: 160 },
            { title: t('requests.joint'), dataIndex: 'jointWithChongqing', width: 100, render: (joint: boolean) => (joint ? <Tag color="blue">{t('requests.jointYes')}</Tag> : null) },
            { title: t('requests.submittedOn'), dataIndex: 'submittedOn', width: 110 },
            { title: t('requests.status'), dataIndex: 'status', width: 110, render: (_, r) => <RequestStatusTag status={r.status} /> },
            { title: t('requests.outcome'), dataIndex: 'outcome', width: 180, ellipsis: true },
            { title: t('requests.tasks'), key: 'tasks', width: 160, render: (_, r) => <LinkedTasks nodes={r.nodes} /> },
            { title: t('requests.projects'), key: 'projects', width: 180, render: (_, r) => <LinkedProjects projects={r.projects} /> },
            ...(edit
              ? [
                  {
                    key: 'actions',
                    width: 60,
                    render: (_: unknown, r: TNationalRequest) => (
                      <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing(r)} data-testid="btn-edit-request" />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Flex>
      {openId && <RequestDetailDrawer id={openId} onClose={() => open(null)} />}
      {editing && <RequestFormModal planId={plan.id} request={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

import { EditOutlined, KeyOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { ROLES, type TUser } from '../../api/types';
import { useUsers, type UserListParams } from '../../api/users';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { usePermissions } from '../auth/use-permissions';
import { formatTime } from '../common/format-time';
import { readSorter, toBoolean, toSortOrder } from '../common/table-change';
import { UnitSelect } from '../units/unit-select';
import { ResetPasswordModal } from './reset-password-modal';
import { UserFormModal } from './user-form-modal';

type Dialog = { kind: 'form'; user?: TUser } | { kind: 'reset'; user: TUser } | null;

const isLocked = (u: TUser) => u.lockedUntil !== null && new Date(u.lockedUntil).getTime() > Date.now();

export function UsersTable() {
  const t = useT();
  const errorText = useErrorText();
  const can = usePermissions();
  const manage = can('user:manage');
  const [params, setParams] = useState<UserListParams>({ page: 1, pageSize: 20, sort: 'username', order: 'asc' });
  const [dialog, setDialog] = useState<Dialog>(null);
  const users = useUsers(params);
  const filter = (patch: Partial<UserListParams>) => setParams((p) => ({ ...p, ...patch, page: 1 }));

  const columns: ColumnsType<TUser> = [
    { key: 'username', title: t('user.username'), dataIndex: 'username', sorter: true, sortOrder: toSortOrder(params.order, 'username', params.sort) },
    { key: 'displayName', title: t('user.displayName'), dataIndex: 'displayName', sorter: true, sortOrder: toSortOrder(params.order, 'displayName', params.sort) },
    { key: 'unitName', title: t('user.unit'), dataIndex: 'unitName', sorter: true, sortOrder: toSortOrder(params.order, 'unitName', params.sort) },
    { key: 'roles', title: t('user.roles'), dataIndex: 'roles', render: (_, u) => u.roles.map((r) => <Tag key={r}>{t(`role.${r}`)}</Tag>) },
    {
      key: 'active',
      title: t('user.active'),
      dataIndex: 'active',
      render: (_, u) => <Tag color={u.active ? 'green' : 'default'}>{t(u.active ? 'user.activeYes' : 'user.activeNo')}</Tag>,
    },
    {
      key: 'lastLoginAt',
      title: t('user.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      sorter: true,
      sortOrder: toSortOrder(params.order, 'lastLoginAt', params.sort),
      render: (_, u) => formatTime(u.lastLoginAt),
    },
    {
      key: 'locked',
      title: t('user.locked'),
      render: (_, u) =>
        isLocked(u) ? (
          <Tooltip title={t('user.lockedUntil', { time: formatTime(u.lockedUntil) })}>
            <Tag color="red" icon={<LockOutlined />}>
              {t('user.locked')}
            </Tag>
          </Tooltip>
        ) : null,
    },
  ];
  if (manage) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_, u) => (
        <Space size="small">
          <Button size="small" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'form', user: u })}>
            {t('common.edit')}
          </Button>
          <Button size="small" icon={<KeyOutlined />} onClick={() => setDialog({ kind: 'reset', user: u })}>
            {t('user.resetPassword')}
          </Button>
        </Space>
      ),
    });
  }

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" wrap gap={8}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('user.searchPlaceholder')}
            style={{ width: 240 }}
            onSearch={(q) => filter({ q: q.trim() || undefined })}
            data-testid="users-search"
          />
          <UnitSelect placeholder={t('user.unit')} style={{ width: 200 }} value={params.unitId} onChange={(unitId) => filter({ unitId: unitId ?? undefined })} />
          <Select
            allowClear
            placeholder={t('user.roles')}
            style={{ width: 160 }}
            value={params.role}
            onChange={(role) => filter({ role })}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
          <Select
            allowClear
            placeholder={t('user.active')}
            style={{ width: 120 }}
            value={params.active === undefined ? undefined : String(params.active)}
            onChange={(v: string | undefined) => filter({ active: toBoolean(v) })}
            options={[
              { value: 'true', label: t('user.activeYes') },
              { value: 'false', label: t('user.activeNo') },
            ]}
          />
        </Space>
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'form' })} data-testid="btn-create-user">
            {t('user.create')}
          </Button>
        )}
      </Flex>
      <Table<TUser>
        data-testid="users-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users.data?.items ?? []}
        loading={users.isFetching}
        locale={{ emptyText: <Empty description={users.error ? errorText(users.error) : t('common.empty')} /> }}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
        }}
        onChange={(pagination, _filters, sorter) =>
          setParams((p) => ({
            ...p,
            ...readSorter(sorter),
            page: pagination.pageSize !== p.pageSize ? 1 : (pagination.current ?? 1),
            pageSize: pagination.pageSize ?? p.pageSize,
          }))
        }
      />
      {dialog?.kind === 'form' && <UserFormModal user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />}
    </Flex>
  );
}

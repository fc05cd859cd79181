import { DatePicker, Empty, Flex, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useAuditEntries, type AuditListParams } from '../../api/audit';
import { AUDIT_ENTITIES, type TAuditEntry } from '../../api/types';
import { useErrorText } from '../../i18n/use-error-text';
import { isMessageKey, useT } from '../../i18n/use-t';
import { formatTime } from '../common/format-time';
import { AuditDiff } from './audit-diff';
import { UserSelect } from './user-select';

export function AuditTable() {
  const t = useT();
  const errorText = useErrorText();
  const [params, setParams] = useState<AuditListParams>({ page: 1, pageSize: 20 });
  const entries = useAuditEntries(params);
  const filter = (patch: Partial<AuditListParams>) => setParams((p) => ({ ...p, ...patch, page: 1 }));
  const entityLabel = (entity: string) => {
    const key = `audit.entity.${entity}`;
    return isMessageKey(key) ? t(key) : entity;
  };

  const columns: ColumnsType<TAuditEntry> = [
    { key: 'at', title: t('audit.at'), dataIndex: 'at', width: 170, render: (_, e) => formatTime(e.at) },
    { key: 'actor', title: t('audit.actor'), dataIndex: 'actorName', render: (_, e) => e.actorName ?? e.actorId ?? '—' },
    { key: 'action', title: t('audit.action'), dataIndex: 'action', render: (_, e) => <Tag>{e.action}</Tag> },
    { key: 'entity', title: t('audit.entity'), dataIndex: 'entity', render: (_, e) => entityLabel(e.entity) },
    { key: 'entityId', title: t('audit.entityId'), dataIndex: 'entityId', ellipsis: true },
  ];

  return (
    <Flex vertical gap={16}>
      <Space wrap>
        <Select
          allowClear
          placeholder={t('audit.entity')}
          style={{ width: 160 }}
          value={params.entity}
          onChange={(entity) => filter({ entity })}
          options={AUDIT_ENTITIES.map((e) => ({ value: e, label: entityLabel(e) }))}
          data-testid="audit-filter-entity"
        />
        <Input.Search
          allowClear
          placeholder={t('audit.action')}
          style={{ width: 200 }}
          onSearch={(action) => filter({ action: action.trim() || undefined })}
          data-testid="audit-filter-action"
        />
        <UserSelect placeholder={t('audit.actor')} value={params.actorId} onChange={(actorId) => filter({ actorId })} />
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          onChange={(range) =>
            filter({ from: range?.[0]?.format('YYYY-MM-DD') ?? undefined, to: range?.[1]?.format('YYYY-MM-DD') ?? undefined })
          }
        />
      </Space>
      <Table<TAuditEntry>
        data-testid="audit-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={entries.data?.items ?? []}
        loading={entries.isFetching}
        locale={{ emptyText: <Empty description={entries.error ? errorText(entries.error) : t('common.empty')} /> }}
        expandable={{
          expandedRowRender: (entry) => <AuditDiff entry={entry} />,
          rowExpandable: (entry) => entry.before !== null || entry.after !== null,
        }}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: entries.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
        }}
        onChange={(pagination) =>
          setParams((p) => ({
            ...p,
            page: pagination.pageSize !== p.pageSize ? 1 : (pagination.current ?? 1),
            pageSize: pagination.pageSize ?? p.pageSize,
          }))
        }
      />
    </Flex>
  );
}

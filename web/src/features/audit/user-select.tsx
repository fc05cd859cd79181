import { Input, Select } from 'antd';
import { useState } from 'react';
import { useUsers } from '../../api/users';
import { usePermissions } from '../auth/use-permissions';

type Props = { value?: string; onChange: (userId: string | undefined) => void; placeholder: string };

/**
 * Picks the actor to filter the audit log by. Searching users needs user:read; without it
 * the filter falls back to typing a user id.
 */
export function UserSelect({ value, onChange, placeholder }: Props) {
  const can = usePermissions();
  const canList = can('user:read');
  const [q, setQ] = useState('');
  const users = useUsers({ page: 1, pageSize: 20, q: q || undefined }, canList);

  if (!canList) {
    return <Input.Search allowClear placeholder={placeholder} style={{ width: 200 }} onSearch={(v) => onChange(v.trim() || undefined)} />;
  }
  return (
    <Select
      allowClear
      placeholder={placeholder}
      style={{ width: 200 }}
      value={value}
      onChange={(v: string | undefined) => onChange(v)}
      loading={users.isFetching}
      showSearch={{ filterOption: false, onSearch: setQ }}
      options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
      data-testid="audit-filter-actor"
    />
  );
}

import { Select } from 'antd';
import { useState } from 'react';
import type { Side } from '../../api/types';
import { useUnits } from '../../api/units';
import { useT } from '../../i18n/use-t';

export type UnitOption = { id: string; name: string; side: Side };

type Props = {
  value?: string[];
  onChange?: (value: string[]) => void;
  /** Units already chosen, so they keep their names when they are not on the current search page. */
  known: readonly UnitOption[];
  'data-testid'?: string;
};

/** Several units, searched on the server (GET /api/units?q=) as the user types; works as a Form.Item control. */
export function UnitMultiSelect({ value, onChange, known, ...rest }: Props) {
  const t = useT();
  const [q, setQ] = useState('');
  const units = useUnits({ page: 1, pageSize: 30, q, sort: 'name', order: 'asc', active: true });
  const byId = new Map<string, UnitOption>(known.map((u) => [u.id, u]));
  for (const u of units.data?.items ?? []) byId.set(u.id, u);
  const label = (u: UnitOption) => (u.side === 'chongqing' ? `${u.name} · ${t('assign.chongqing')}` : u.name);

  return (
    <Select
      mode="multiple"
      data-testid={rest['data-testid']}
      value={value ?? []}
      onChange={(v: string[]) => onChange?.(v)}
      options={[...byId.values()].map((u) => ({ value: u.id, label: label(u) }))}
      placeholder={t('assign.searchUnits')}
      loading={units.isFetching}
      showSearch={{ filterOption: false, onSearch: setQ }}
      onBlur={() => setQ('')}
      style={{ width: '100%' }}
    />
  );
}

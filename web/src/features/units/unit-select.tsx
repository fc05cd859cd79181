import { Select } from 'antd';
import { useState } from 'react';
import { useUnit, useUnits } from '../../api/units';

type Props = {
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  /** A unit that may not be chosen (a unit cannot be its own parent). */
  excludeId?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  'data-testid'?: string;
};

/** Searches units on the server as the user types; works as a Form.Item control. */
export function UnitSelect({ value, onChange, placeholder, excludeId, allowClear = true, style, ...rest }: Props) {
  const [q, setQ] = useState('');
  const units = useUnits({ page: 1, pageSize: 20, q, sort: 'name', order: 'asc' });
  const options = (units.data?.items ?? []).filter((u) => u.id !== excludeId).map((u) => ({ value: u.id, label: u.name }));
  // Keep the chosen unit labelled even when it is not on the current search page.
  const selected = useUnit(value && !options.some((o) => o.value === value) ? value : null);
  if (selected.data && !options.some((o) => o.value === selected.data.id)) {
    options.unshift({ value: selected.data.id, label: selected.data.name });
  }

  return (
    <Select
      data-testid={rest['data-testid']}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={options}
      placeholder={placeholder}
      allowClear={allowClear}
      loading={units.isFetching}
      showSearch={{ filterOption: false, onSearch: setQ }}
      style={style}
    />
  );
}

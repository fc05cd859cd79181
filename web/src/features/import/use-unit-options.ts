import { useMemo } from 'react';
import { useUnits } from '../../api/units';
import { useT } from '../../i18n/use-t';

/**
 * Every active unit (the catalogue is about 150, within one page of 200), as Select options searched
 * locally, and a name lookup by id for tags.
 */
export function useUnitOptions() {
  const t = useT();
  const units = useUnits({ page: 1, pageSize: 200, sort: 'name', order: 'asc', active: true });
  return useMemo(() => {
    const items = units.data?.items ?? [];
    const nameOf = new Map(items.map((u) => [u.id, u.name]));
    const options = items.map((u) => ({ value: u.id, label: u.side === 'chongqing' ? `${u.name}（${t('assign.chongqing')}）` : u.name, search: `${u.name} ${u.fullName} ${u.aliases.join(' ')}` }));
    return { options, nameOf, loading: units.isPending };
  }, [units.data, units.isPending, t]);
}

/** Select `showSearch` filter over the option's name, full name and aliases. */
export const filterUnitOption = (input: string, option?: { search?: string; label?: string }) =>
  (option?.search ?? option?.label ?? '').toLowerCase().includes(input.trim().toLowerCase());

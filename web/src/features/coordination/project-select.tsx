import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { useProjectOptions } from './use-project-options';

type Props = {
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** The projects already linked, so their names show before any search. */
  known?: readonly { id: string; title: string }[];
  'data-testid'?: string;
};

/** Picks major projects of the library by name (searched on the server). */
export function ProjectSelect({ value, onChange, known = [], 'data-testid': testId }: Props) {
  const t = useT();
  const [search, setSearch] = useState('');
  const found = useProjectOptions(search);
  const options = useMemo(() => {
    const byId = new Map(known.map((p) => [p.id, { value: p.id, label: p.title }]));
    for (const o of found.data ?? []) byId.set(o.value, o);
    return [...byId.values()];
  }, [known, found.data]);
  return (
    <Select
      mode="multiple"
      data-testid={testId}
      value={value}
      onChange={onChange}
      options={options}
      loading={found.isFetching}
      placeholder={t('coord.projects.placeholder')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      notFoundContent={found.isFetching ? null : t('coord.projects.none')}
    />
  );
}

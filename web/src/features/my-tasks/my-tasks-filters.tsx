import { Button, DatePicker, Flex, Input, Select, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { SOURCE_KINDS } from '../../api/coordination';
import type { MyTasksParams } from '../../api/status';
import { ASSIGNMENT_ROLES, PRIORITIES, STATUSES, type TKeyArea, type TTreeNode } from '../../api/types';
import { useT } from '../../i18n/use-t';
import { UnitSelect } from '../units/unit-select';
import { buildArticleOptions, dueWindow } from './my-tasks-params';

type Props = {
  params: MyTasksParams;
  onFilter: (patch: Partial<MyTasksParams>) => void;
  onReset: () => void;
  nodes: readonly TTreeNode[];
  keyAreas: readonly TKeyArea[];
  /** Office and viewers may look at any unit; unit users always see their own. */
  pickUnit: boolean;
  /** The unit the server answered for (the user's own when none was picked). */
  shownUnitId: string | null | undefined;
};

export function MyTasksFilters({ params, onFilter, onReset, nodes, keyAreas, pickUnit, shownUnitId }: Props) {
  const t = useT();
  const articles = useMemo(() => buildArticleOptions(nodes), [nodes]);
  const range: [Dayjs | null, Dayjs | null] | null =
    params.dueFrom || params.dueTo ? [params.dueFrom ? dayjs(params.dueFrom) : null, params.dueTo ? dayjs(params.dueTo) : null] : null;

  return (
    <Flex wrap gap={8} data-testid="my-tasks-filters">
      {pickUnit && (
        <UnitSelect
          data-testid="filter-unit"
          value={params.unitId ?? shownUnitId ?? null}
          onChange={(unitId) => onFilter({ unitId: unitId ?? undefined })}
          placeholder={t('myTasks.unitPlaceholder')}
          style={{ width: 260 }}
        />
      )}
      <Input.Search
        allowClear
        // Remounts on reset, so the box empties with the filter.
        key={params.q === undefined ? 'none' : 'q'}
        data-testid="filter-q"
        placeholder={t('myTasks.search')}
        defaultValue={params.q}
        onSearch={(q) => onFilter({ q: q.trim() || undefined })}
        style={{ width: 220 }}
      />
      <Select
        allowClear
        data-testid="filter-status"
        placeholder={t('myTasks.status')}
        value={params.status}
        onChange={(status) => onFilter({ status })}
        options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        style={{ width: 120 }}
      />
      <Select
        allowClear
        data-testid="filter-role"
        placeholder={t('myTasks.role')}
        value={params.role}
        onChange={(role) => onFilter({ role })}
        options={ASSIGNMENT_ROLES.map((r) => ({ value: r, label: t(`assign.role.${r}`) }))}
        style={{ width: 110 }}
      />
      <Select
        allowClear
        data-testid="filter-priority"
        placeholder={t('myTasks.priority')}
        value={params.priority}
        onChange={(priority) => onFilter({ priority })}
        options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
        style={{ width: 110 }}
      />
      <Select
        allowClear
        data-testid="filter-source"
        placeholder={t('myTasks.source')}
        value={params.sourceKind}
        onChange={(sourceKind) => onFilter({ sourceKind })}
        options={SOURCE_KINDS.map((s) => ({ value: s, label: t(`myTasks.source.${s}`) }))}
        style={{ width: 140 }}
      />
      <Select
        allowClear
        data-testid="filter-key-area"
        placeholder={t('myTasks.keyArea')}
        value={params.keyArea}
        onChange={(keyArea) => onFilter({ keyArea })}
        options={keyAreas.map((a) => ({ value: a.key, label: a.title }))}
        style={{ width: 160 }}
      />
      <TreeSelect
        allowClear
        data-testid="filter-under"
        placeholder={t('myTasks.article')}
        value={params.underId}
        onChange={(underId: string | undefined) => onFilter({ underId })}
        treeData={articles}
        showSearch={{ treeNodeFilterProp: 'title' }}
        popupMatchSelectWidth={420}
        style={{ width: 220 }}
      />
      <DatePicker.RangePicker
        data-testid="filter-due"
        allowEmpty={[true, true]}
        placeholder={[t('myTasks.dueFrom'), t('myTasks.dueTo')]}
        value={range}
        onChange={(values) => onFilter(dueWindow(values))}
      />
      <Button onClick={onReset} data-testid="filter-reset">
        {t('myTasks.reset')}
      </Button>
    </Flex>
  );
}

import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { usePlanNodes } from '../../api/plans';
import { useT } from '../../i18n/use-t';
import { buildTaskTree } from './coordination-helpers';

type Props = { planId: string; value?: string[]; onChange?: (ids: string[]) => void; 'data-testid'?: string };

/** Picks the plan's tasks (by code or title) that a record serves. */
export function TaskTreeSelect({ planId, value, onChange, 'data-testid': testId }: Props) {
  const t = useT();
  const nodes = usePlanNodes(planId);
  const tree = useMemo(() => buildTaskTree(nodes.data ?? []), [nodes.data]);
  return (
    <TreeSelect
      multiple
      data-testid={testId}
      value={value}
      onChange={onChange}
      treeData={tree}
      loading={nodes.isPending}
      placeholder={t('coord.tasks.placeholder')}
      showSearch={{ treeNodeFilterProp: 'title' }}
      popupMatchSelectWidth={false}
      maxTagCount="responsive"
      allowClear
    />
  );
}

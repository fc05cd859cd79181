import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { usePlanNodes } from '../../api/plans';
import { useT } from '../../i18n/use-t';
import { useCurrentPlan } from '../common/use-current-plan';
import { buildArticleTree } from './coordination-helpers';

type Props = { value?: string | undefined; onChange?: (id: string | undefined) => void; 'data-testid'?: string };

/** The article a decision is filed under; left empty, the server files it under 强化组织领导保障 (part 4). */
export function ArticleSelect({ value, onChange, 'data-testid': testId }: Props) {
  const t = useT();
  const { plan } = useCurrentPlan();
  const nodes = usePlanNodes(plan?.id);
  const tree = useMemo(() => buildArticleTree(nodes.data ?? []), [nodes.data]);
  return (
    <TreeSelect
      data-testid={testId}
      value={value}
      onChange={(id?: string) => onChange?.(id ?? undefined)}
      treeData={tree}
      treeDefaultExpandAll
      loading={nodes.isPending}
      placeholder={t('coord.task.articleDefault')}
      showSearch={{ treeNodeFilterProp: 'title' }}
      popupMatchSelectWidth={false}
      allowClear
    />
  );
}

import { Card, Empty, Input, Tree } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { fetchTreeChildren } from '../../api/plans';
import type { Status, TTreeNode } from '../../api/types';
import { StatusDot } from '../status/status-tag';
import { useT } from '../../i18n/use-t';
import { ancestorIds, buildTreeData, collectParentKeys, type PlanTreeItem } from './build-tree-data';

type Props = {
  nodes: readonly TTreeNode[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  /** Status per node id (parts and articles have none); shown as a coloured dot before the title. */
  statuses?: ReadonlyMap<string, Status | null>;
  /** Set when the outline holds only a large plan's upper levels: the levels below load when a node is expanded. */
  lazyPlanId?: string | undefined;
};

export function PlanTreePanel({ nodes: outline, selectedId, onSelect, statuses, lazyPlanId }: Props) {
  const t = useT();
  const [query, setQuery] = useState('');
  // Levels loaded on expand; a new outline (after a write) starts over from it.
  const [loaded, setLoaded] = useState<TTreeNode[]>([]);
  useEffect(() => setLoaded([]), [outline]);
  const nodes = useMemo(() => (loaded.length ? [...outline, ...loaded] : outline), [outline, loaded]);
  const loadChildren = async (parentId: string) => {
    if (!lazyPlanId || nodes.some((n) => n.parentId === parentId)) return;
    const { items } = await fetchTreeChildren(lazyPlanId, parentId);
    setLoaded((have) => {
      const known = new Set(have.map((n) => n.id));
      return [...have, ...items.filter((n) => !known.has(n.id))];
    });
  };
  // The four parts start open, so all the articles are visible on first load.
  const [expanded, setExpanded] = useState<string[]>(() => nodes.filter((n) => n.kind === 'part').map((n) => n.id));
  const treeData = useMemo(() => buildTreeData(nodes, query, Boolean(lazyPlanId)), [nodes, query, lazyPlanId]);
  const filtering = query.trim() !== '';

  // Keep the selected node visible: open its ancestors whenever the selection changes.
  useEffect(() => {
    if (!selectedId) return;
    const path = ancestorIds(nodes, selectedId);
    setExpanded((open) => (path.every((id) => open.includes(id)) ? open : [...new Set([...open, ...path])]));
  }, [nodes, selectedId]);

  return (
    <Card size="small" styles={{ body: { padding: 8 } }}>
      <Input.Search
        allowClear
        placeholder={t('plan.searchPlaceholder')}
        onChange={(e) => setQuery(e.target.value)}
        onSearch={setQuery}
        style={{ marginBottom: 8 }}
        data-testid="plan-tree-search"
      />
      {treeData.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />
      ) : (
        <Tree
          data-testid="plan-tree"
          blockNode
          treeData={treeData}
          expandedKeys={filtering ? collectParentKeys(treeData) : expanded}
          onExpand={(keys) => !filtering && setExpanded(keys.map(String))}
          selectedKeys={selectedId ? [selectedId] : []}
          onSelect={(keys) => keys[0] !== undefined && onSelect(String(keys[0]))}
          {...(lazyPlanId ? { loadData: (item: PlanTreeItem) => loadChildren(item.key) } : {})}
          titleRender={(item: PlanTreeItem) => {
            const status = statuses?.get(item.key);
            return (
              <span data-testid="tree-title">
                {status && <StatusDot status={status} />}
                {item.title}
              </span>
            );
          }}
        />
      )}
    </Card>
  );
}

import { Card, Empty } from 'antd';
import { useState } from 'react';
import { usePlanNode } from '../../api/plans';
import type { TNode, TPlan, TTreeNode } from '../../api/types';
import { useT } from '../../i18n/use-t';
import { usePermissions } from '../auth/use-permissions';
import { NodeActions } from './node-actions';
import { NodeDelivery } from './node-delivery';
import { NodeDetail } from './node-detail';
import { NodeFormModal, type NodeFormTarget } from './node-form-modal';
import { NodeMoveModal } from './node-move-modal';
import { useDeleteWithUndo } from './use-delete-with-undo';

type Props = {
  plan: TPlan;
  nodes: readonly TTreeNode[];
  selectedId: string | undefined;
  onOpen: (id: string | undefined) => void;
  onReload: () => void;
};

/** Right-hand side of the plan page: the selected node, its children, and the editing modals. */
export function PlanNodePanel({ plan, nodes, selectedId, onOpen, onReload }: Props) {
  const t = useT();
  const can = usePermissions();
  // The form target is re-resolved against the live list (refreshTarget), so after a reload
  // the modal saves against the latest version.
  const [formTarget, setFormTarget] = useState<NodeFormTarget | null>(null);
  const [moving, setMoving] = useState(false);
  const { deleteNode, deleting } = useDeleteWithUndo(plan.id, {
    onDeleted: (n) => onOpen(n.parentId ?? undefined),
    onRestored: (n) => onOpen(n.id),
  });

  // The tree lists the outline; the selected node's texts come with its own request.
  const listed = selectedId ? nodes.find((n) => n.id === selectedId) : undefined;
  const detail = usePlanNode(plan.id, listed?.id);
  const node = detail.data?.id === listed?.id ? detail.data : undefined;
  if (listed && !node) return <Card data-testid="node-detail" loading />;
  if (!node) {
    return (
      <Card data-testid="node-detail">
        <Empty description={t(selectedId ? 'plan.nodeMissing' : 'plan.selectNode')} />
      </Card>
    );
  }

  const children = nodes.filter((n) => n.parentId === node.id).sort((a, b) => a.seq - b.seq);
  const liveTarget = refreshTarget(formTarget, node);

  return (
    <>
      <NodeDetail
        node={node}
        children={children}
        keyAreas={plan.facts.keyAreas}
        onOpen={onOpen}
        delivery={<NodeDelivery planId={plan.id} node={node} />}
        actions={
          can('plan:edit') && (
            <NodeActions
              node={node}
              deleting={deleting}
              onForm={setFormTarget}
              onMove={() => setMoving(true)}
              onDelete={() => deleteNode(node)}
            />
          )
        }
      />
      {liveTarget && (
        <NodeFormModal
          planId={plan.id}
          keyAreas={plan.facts.keyAreas}
          target={liveTarget}
          onClose={() => setFormTarget(null)}
          onReload={onReload}
          onSaved={(saved) => {
            setFormTarget(null);
            onOpen(saved.id);
          }}
        />
      )}
      {moving && (
        <NodeMoveModal planId={plan.id} node={node} nodes={nodes} onClose={() => setMoving(false)} onMoved={() => setMoving(false)} />
      )}
    </>
  );
}

/** Swap the node captured when the modal opened for its current copy (refetched after every reload). */
function refreshTarget(target: NodeFormTarget | null, current: TNode): NodeFormTarget | null {
  if (!target) return null;
  if (target.mode === 'edit') return target.node.id === current.id ? { ...target, node: current } : target;
  return target.parent.id === current.id ? { ...target, parent: current } : target;
}

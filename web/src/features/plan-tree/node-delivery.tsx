import { usePlanAssignments } from '../../api/assignments';
import { usePlanStatus } from '../../api/status';
import type { TNode } from '../../api/types';
import { usePermissions } from '../auth/use-permissions';
import { TaskIndicators } from '../indicator/task-indicators';
import { NodeStatusCard } from '../status/node-status-card';
import { NodeAssignments } from './node-assignments';
import { StatusOverrideActions } from './status-override-actions';

/** The delivery side of a node: its status card and, for a task, its lead and participating units. */
export function NodeDelivery({ planId, node }: { planId: string; node: TNode }) {
  const can = usePermissions();
  // Both lists are fetched once per plan and shared with the tree; selecting a node costs no request.
  const status = usePlanStatus(planId);
  const assignments = usePlanAssignments(planId);
  const nodeStatus = status.data?.items.find((s) => s.nodeId === node.id);
  const isTask = node.kind === 'task';

  return (
    <>
      {nodeStatus && status.data && (
        <NodeStatusCard
          status={nodeStatus}
          asOf={status.data.asOf}
          actions={isTask && can('status:override') && <StatusOverrideActions planId={planId} node={node} status={nodeStatus} />}
        />
      )}
      {/* Only once the assignments are in: the modal starts from them, and saving replaces them all. */}
      {isTask && assignments.data && (
        <NodeAssignments
          planId={planId}
          node={node}
          assignments={assignments.data.filter((a) => a.nodeId === node.id)}
          canEdit={can('plan:edit')}
        />
      )}
      {isTask && <TaskIndicators planId={planId} nodeId={node.id} />}
    </>
  );
}

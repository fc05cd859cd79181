import type { TNodeStatus } from '../../api/cockpit';
import { compareCodes } from '../../charts/build-progress-bar-option';
import type { Status } from '../../charts/status-colors';

/** What the task drawer lists: the tasks of one status, or the tasks located in one division. */
export type TaskSelection = { kind: 'status'; status: Status } | { kind: 'division'; code: string; name: string; taskIds: readonly string[] };

/** Tasks (not parts or articles) matching the selection, in outline order. */
export function selectTasks(items: readonly TNodeStatus[], selection: TaskSelection): TNodeStatus[] {
  const wanted = selection.kind === 'division' ? new Set(selection.taskIds) : null;
  return items
    .filter((n) => n.kind === 'task' && (wanted ? wanted.has(n.nodeId) : n.status === (selection.kind === 'status' ? selection.status : null)))
    .sort((a, b) => compareCodes(a.code, b.code));
}

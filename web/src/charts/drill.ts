import type { Status } from './status-colors';
import { isStatus } from './status-colors';

/** Where a click on a chart leads. Builders store it as the data item's `id`, so the click payload carries it. */
export type DrillTarget =
  | { kind: 'status'; status: Status }
  | { kind: 'node'; nodeId: string }
  | { kind: 'keyArea'; key: string }
  | { kind: 'division'; code: string };

export function drillId(target: DrillTarget): string {
  switch (target.kind) {
    case 'status':
      return `status:${target.status}`;
    case 'node':
      return `node:${target.nodeId}`;
    case 'keyArea':
      return `keyArea:${target.key}`;
    case 'division':
      return `division:${target.code}`;
  }
}

/** Read the target back from an ECharts click event (`params.data.id`); null for anything else. */
export function drillTargetOf(params: { data?: unknown } | null | undefined): DrillTarget | null {
  const data = params?.data;
  const id = typeof data === 'object' && data !== null && 'id' in data && typeof data.id === 'string' ? data.id : null;
  if (!id) return null;
  const cut = id.indexOf(':');
  const kind = id.slice(0, cut);
  const value = id.slice(cut + 1);
  if (cut < 0 || !value) return null;
  if (kind === 'status') return isStatus(value) ? { kind, status: value } : null;
  if (kind === 'node') return { kind, nodeId: value };
  if (kind === 'keyArea') return { kind, key: value };
  if (kind === 'division') return { kind, code: value };
  return null;
}

/** The page a target opens; statuses and divisions open a drawer in place, so they have no page of their own. */
export function drillPath(target: DrillTarget): string | null {
  switch (target.kind) {
    case 'node':
      return `/plan/${encodeURIComponent(target.nodeId)}`;
    case 'keyArea':
      return `/my-tasks?keyArea=${encodeURIComponent(target.key)}`;
    case 'status':
      return `/my-tasks?status=${target.status}`;
    case 'division':
      return null;
  }
}

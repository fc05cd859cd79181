import type { Dayjs } from 'dayjs';
import type { MyTasksParams } from '../../api/status';
import type { TreeSource } from '../plan-tree/build-tree-data';

export const DEFAULT_MY_TASKS_PARAMS: MyTasksParams = { page: 1, pageSize: 20, sort: 'code', order: 'asc' };

/** A filter change starts again on page 1; blank values drop the filter. */
export function applyFilter(params: MyTasksParams, patch: Partial<MyTasksParams>): MyTasksParams {
  const next: MyTasksParams = { ...params, ...patch, page: 1 };
  for (const key of Object.keys(patch) as (keyof MyTasksParams)[]) {
    if (next[key] === '' || next[key] === null) delete next[key];
  }
  return next;
}

/** The due-window RangePicker → dueFrom/dueTo (either end may be open). */
export function dueWindow(range: readonly (Dayjs | null)[] | null | undefined): Pick<MyTasksParams, 'dueFrom' | 'dueTo'> {
  return { dueFrom: range?.[0]?.format('YYYY-MM-DD') ?? undefined, dueTo: range?.[1]?.format('YYYY-MM-DD') ?? undefined };
}

export type ArticleOption = { value: string; title: string; children?: ArticleOption[] };

/** Parts with their articles, for the "under" TreeSelect (tasks and milestones left out). */
export function buildArticleOptions(nodes: readonly TreeSource[]): ArticleOption[] {
  const byParent = new Map<string | null, TreeSource[]>();
  for (const n of nodes) {
    if (n.kind !== 'part' && n.kind !== 'article') continue;
    const key = n.kind === 'part' ? null : n.parentId;
    byParent.set(key, [...(byParent.get(key) ?? []), n]);
  }
  const sorted = (list: TreeSource[] | undefined) => [...(list ?? [])].sort((a, b) => a.seq - b.seq);
  return sorted(byParent.get(null)).map((part) => {
    const children = sorted(byParent.get(part.id)).map((a) => ({ value: a.id, title: `${a.code} ${a.title}` }));
    return { value: part.id, title: `${part.code} ${part.title}`, ...(children.length > 0 && { children }) };
  });
}

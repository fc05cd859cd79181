import { compareCodes, scopeOf, type ExplainLang, type Status } from '../../domain';
import type { Actor, ServiceContext } from '../context';
import { bulkWorkDone } from '../heap-relief';
import { computePlanStatus, currentPlanStatus, type PlanStatus } from './plan-status';
import { nodeStatusView, type NodeStatusView } from './views';

export interface MyTasksFilter {
  unitId?: string | undefined;
  role?: 'lead' | 'participant' | undefined;
  status?: Status | undefined;
  priority?: 'high' | 'normal' | 'low' | undefined;
  /** A part or article: tasks below it. */
  underId?: string | undefined;
  keyArea?: string | undefined;
  dueFrom?: string | undefined;
  dueTo?: string | undefined;
  q?: string | undefined;
  /** Where the task came from: a meeting's decision, an agreement's matter, a national request; 'plan' for the Decision's own. */
  sourceKind?: 'plan' | 'meeting_decision' | 'agreement_matter' | 'national_request' | undefined;
}

export interface MyTask extends NodeStatusView {
  role: 'lead' | 'participant';
  priority: string;
  startOn: string | null;
  dueOn: string | null;
  keyArea: string | null;
  articleCode: string | null;
  sourceKind: string | null;
  sourceId: string | null;
}

const PRIORITY_RANK: Record<string, number> = { high: 0, normal: 1, low: 2 };
const SORTS = {
  code: (a: MyTask, b: MyTask) => compareCodes(a.code, b.code),
  dueOn: (a: MyTask, b: MyTask) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || compareCodes(a.code, b.code),
  priority: (a: MyTask, b: MyTask) => (PRIORITY_RANK[a.priority] ?? 1) - (PRIORITY_RANK[b.priority] ?? 1) || compareCodes(a.code, b.code),
  status: (a: MyTask, b: MyTask) => STATUS_RANK(a) - STATUS_RANK(b) || compareCodes(a.code, b.code),
  progress: (a: MyTask, b: MyTask) => a.progressPct - b.progressPct || compareCodes(a.code, b.code),
} as const;
const STATUS_RANK = (t: MyTask) => ['red', 'yellow', 'green', 'not_started', 'completed', 'cancelled'].indexOf(t.status ?? 'not_started');
export type MyTaskSort = keyof typeof SORTS;

/**
 * The tasks a unit leads or supports, with their status and reasons. The office and leaders may look at
 * any unit; everybody else sees their own.
 */
export function listMyTasks(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  filter: MyTasksFilter,
  page: { page: number; pageSize: number; sort: MyTaskSort; order: 'asc' | 'desc' },
  lang: ExplainLang,
): MyTasksPage | Promise<MyTasksPage> {
  const unitId = filter.unitId && scopeOf(actor.roles, 'report:read') === 'all' ? filter.unitId : actor.unitId;
  // Most requests find the status kept and current, and their page already built: answered without waiting.
  const current = currentPlanStatus(ctx, planId);
  if (current) return pageOf(current, unitId, filter, page, lang);
  return computePlanStatus(ctx, planId).then((status) => pageOf(status, unitId, filter, page, lang));
}

function pageOf(status: PlanStatus, unitId: string | null, filter: MyTasksFilter, page: { page: number; pageSize: number; sort: MyTaskSort; order: 'asc' | 'desc' }, lang: ExplainLang): MyTasksPage {
  // Keyed by everything the page depends on besides the status itself (the caller's scope is in unitId).
  const key = JSON.stringify([unitId, lang, filter.role, filter.status, filter.priority, filter.underId, filter.keyArea, filter.dueFrom, filter.dueTo, filter.q, filter.sourceKind, page.sort, page.order, page.page, page.pageSize]);
  let pages = pageCache.get(status);
  if (!pages) pageCache.set(status, (pages = new Map()));
  const hit = pages.get(key);
  if (hit) return hit;
  const result = buildPage(status, unitId, filter, page, lang);
  bulkWorkDone();
  if (pages.size >= PAGE_CACHE_LIMIT) pages.clear();
  pages.set(key, result);
  return result;
}

/**
 * Pages already answered, per status object (replaced on every change that can alter a status): the same
 * object is handed out again, so its JSON text is kept too (memoJson in status.routes.ts). Filtering,
 * sorting and serialising a unit's rows was most of My tasks' cost once sign-in was cheap (bench/RESULTS.md).
 * Bounded because free-text queries make the keys open-ended.
 */
const PAGE_CACHE_LIMIT = 2_000;
export type MyTasksPage = ReturnType<typeof buildPage>;
const pageCache = new WeakMap<PlanStatus, Map<string, MyTasksPage>>();

function buildPage(status: PlanStatus, unitId: string | null, filter: MyTasksFilter, page: { page: number; pageSize: number; sort: MyTaskSort; order: 'asc' | 'desc' }, lang: ExplainLang) {
  const under = filter.underId ? descendantsOf(status.nodes, filter.underId) : null;
  const q = filter.q?.toLowerCase();
  const rows = unitTasks(status, unitId, lang).filter(
    (t) =>
      (!filter.role || filter.role === t.role) &&
      (!filter.status || t.status === filter.status) &&
      (!filter.priority || t.priority === filter.priority) &&
      (!under || under.has(t.nodeId)) &&
      (!filter.keyArea || t.keyArea === filter.keyArea) &&
      (!filter.dueFrom || (t.dueOn !== null && t.dueOn >= filter.dueFrom)) &&
      (!filter.dueTo || (t.dueOn !== null && t.dueOn <= filter.dueTo)) &&
      (!filter.sourceKind || (t.sourceKind ?? 'plan') === filter.sourceKind) &&
      (!q || `${t.code} ${t.title}`.toLowerCase().includes(q)),
  );
  rows.sort(SORTS[page.sort]);
  if (page.order === 'desc') rows.reverse();
  const start = (page.page - 1) * page.pageSize;
  return { asOf: status.asOf, unitId, items: rows.slice(start, start + page.pageSize), total: rows.length, page: page.page, pageSize: page.pageSize };
}

/**
 * A unit's tasks with their status views, kept per status object (it is replaced on every change): the
 * explanation texts were rebuilt on every My tasks request, for every task of the unit.
 */
const unitTaskCache = new WeakMap<PlanStatus, Map<string, MyTask[]>>();
function unitTasks(status: PlanStatus, unitId: string | null, lang: ExplainLang): MyTask[] {
  let byUnit = unitTaskCache.get(status);
  if (!byUnit) unitTaskCache.set(status, (byUnit = new Map()));
  const key = `${unitId ?? ''}|${lang}`;
  let rows = byUnit.get(key);
  if (!rows) {
    rows = [];
    for (const s of status.nodes.values()) {
      if (s.node.kind !== 'task') continue;
      const role = s.leads.some((u) => u.unitId === unitId) ? 'lead' : s.participants.some((u) => u.unitId === unitId) ? 'participant' : null;
      if (!role) continue;
      const view = nodeStatusView(s, lang);
      rows.push({ ...view, role, priority: s.node.priority, startOn: s.node.startOn, dueOn: s.node.dueOn, keyArea: s.node.keyArea, articleCode: view.code.split('.').slice(0, 2).join('.'), sourceKind: s.node.sourceKind, sourceId: s.node.sourceId });
    }
    byUnit.set(key, rows);
  }
  return rows;
}

function descendantsOf(nodes: Map<string, { node: { id: string; parentId: string | null } }>, rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const s of nodes.values()) {
    if (!s.node.parentId) continue;
    const ids = children.get(s.node.parentId);
    if (ids) ids.push(s.node.id);
    else children.set(s.node.parentId, [s.node.id]);
  }
  const out = new Set<string>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

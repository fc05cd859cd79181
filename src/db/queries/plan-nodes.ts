import type { NodeKind, Priority } from '../../domain';
import { fromFlag, readJson } from '../json';
import type { Executor, PlanNodeRow } from '../schema';

export interface SourceRef {
  section?: string;
  quote?: string;
}

export interface PlanNode {
  id: string;
  planId: string;
  parentId: string | null;
  kind: NodeKind;
  code: string;
  seq: number;
  title: string;
  body: string | null;
  weight: number;
  priority: Priority;
  startOn: string | null;
  dueOn: string | null;
  keyArea: string | null;
  sourceRef: SourceRef | null;
  completionCriterion: string | null;
  evidenceRequired: boolean;
  cancelled: boolean;
  completedOn: string | null;
  deadlineText: string | null;
  divisionCodes: string[];
  sourceKind: TaskSourceKind | null;
  sourceId: string | null;
  version: number;
  updatedAt: string;
}

export const TASK_SOURCE_KINDS = ['meeting_decision', 'agreement_matter', 'national_request'] as const;
export type TaskSourceKind = (typeof TASK_SOURCE_KINDS)[number];

export function toPlanNode(r: PlanNodeRow): PlanNode {
  return {
    id: r.id,
    planId: r.plan_id,
    parentId: r.parent_id,
    kind: r.kind as NodeKind,
    code: r.code,
    seq: Number(r.seq),
    title: r.title,
    body: r.body,
    weight: Number(r.weight),
    priority: r.priority as Priority,
    startOn: r.start_on,
    dueOn: r.due_on,
    keyArea: r.key_area,
    sourceRef: readJson<SourceRef | null>(r.source_ref, null),
    completionCriterion: r.completion_criterion,
    evidenceRequired: fromFlag(r.evidence_required),
    cancelled: fromFlag(r.cancelled),
    completedOn: r.completed_on,
    deadlineText: r.deadline_text,
    divisionCodes: readJson<string[]>(r.division_codes, []),
    sourceKind: (r.source_kind ?? null) as TaskSourceKind | null,
    sourceId: r.source_id ?? null,
    version: Number(r.version),
    updatedAt: r.updated_at,
  };
}

/** Live nodes in tree order (parents before children is not guaranteed; siblings by seq). */
export async function listLiveNodes(db: Executor, planId: string): Promise<PlanNode[]> {
  const rows = await db
    .selectFrom('plan_node')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('deleted_at', 'is', null)
    .orderBy('parent_id')
    .orderBy('seq')
    .execute();
  return rows.map(toPlanNode);
}

export type PlanTreeNode = Pick<PlanNode, 'id' | 'parentId' | 'kind' | 'code' | 'seq' | 'title' | 'weight' | 'priority' | 'startOn' | 'dueOn' | 'cancelled' | 'completedOn' | 'version'>;

/** Live nodes with the outline's columns only (no body, source quote or JSON columns to parse). */
/**
 * The live outline of a plan, or a slice of it: the children of one node (`parentId`) or the upper levels
 * (`kinds`), in the order the tree shows them.
 */
export async function listLiveTree(db: Executor, planId: string, slice: { parentId?: string; kinds?: NodeKind[] } = {}): Promise<PlanTreeNode[]> {
  let query = db
    .selectFrom('plan_node')
    .select(['id', 'parent_id', 'kind', 'code', 'seq', 'title', 'weight', 'priority', 'start_on', 'due_on', 'cancelled', 'completed_on', 'version'])
    .where('plan_id', '=', planId)
    .where('deleted_at', 'is', null);
  if (slice.parentId !== undefined) query = query.where('parent_id', '=', slice.parentId);
  if (slice.kinds) query = query.where('kind', 'in', slice.kinds);
  const rows = await query.orderBy('parent_id').orderBy('seq').execute();
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    kind: r.kind as NodeKind,
    code: r.code,
    seq: Number(r.seq),
    title: r.title,
    weight: Number(r.weight),
    priority: r.priority as Priority,
    startOn: r.start_on,
    dueOn: r.due_on,
    cancelled: fromFlag(r.cancelled),
    completedOn: r.completed_on,
    version: Number(r.version),
  }));
}

/** Live nodes of a plan. */
export async function countLiveNodes(db: Executor, planId: string): Promise<number> {
  const row = await db.selectFrom('plan_node').select((eb) => eb.fn.countAll<number | string>().as('n')).where('plan_id', '=', planId).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Roots of deleted batches: what the recycle bin shows and what restore takes back. */
export async function listDeletedRoots(db: Executor, planId: string) {
  const rows = await db
    .selectFrom('plan_node as n')
    .selectAll('n')
    .where('n.plan_id', '=', planId)
    .where('n.deleted_at', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('plan_node as p')
            .select('p.id')
            .whereRef('p.id', '=', 'n.parent_id')
            .whereRef('p.deleted_batch', '=', 'n.deleted_batch'),
        ),
      ),
    )
    .orderBy('n.deleted_at', 'desc')
    .execute();
  return rows.map(toPlanNode);
}

export async function findNode(db: Executor, planId: string, nodeId: string): Promise<PlanNodeRow | undefined> {
  return db.selectFrom('plan_node').selectAll().where('plan_id', '=', planId).where('id', '=', nodeId).executeTakeFirst();
}

/** The skeleton used for numbering and cycle checks: small rows, every live node of the plan. */
export async function listSkeleton(db: Executor, planId: string) {
  const rows = await db
    .selectFrom('plan_node')
    .select(['id', 'parent_id', 'kind', 'seq', 'code'])
    .where('plan_id', '=', planId)
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id, kind: r.kind as NodeKind, seq: Number(r.seq), code: r.code }));
}

/** A zero-padded copy of the code that sorts in outline order as text (3.2.2 before 3.2.10). */
export const codeSortKey = (code: string) =>
  code
    .split('.')
    .map((p) => p.padStart(4, '0'))
    .join('.');

/** Writes only the codes and positions that changed. */
export async function saveNumbering(
  db: Executor,
  current: readonly { id: string; seq: number; code: string }[],
  next: ReadonlyMap<string, { code: string; seq: number }>,
): Promise<number> {
  let changed = 0;
  for (const n of current) {
    const want = next.get(n.id);
    if (!want || (want.code === n.code && want.seq === n.seq)) continue;
    await db.updateTable('plan_node').set({ code: want.code, seq: want.seq, sort_key: codeSortKey(want.code) }).where('id', '=', n.id).execute();
    changed++;
  }
  return changed;
}

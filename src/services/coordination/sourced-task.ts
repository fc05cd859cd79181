import type { Transaction } from 'kysely';
import { DomainError, type ExplainLang, type Status } from '../../domain';
import type { TaskSourceKind } from '../../db/queries/plan-nodes';
import type { DB, Executor } from '../../db/schema';
import type { Actor, ServiceContext } from '../context';
import { assignUnits } from '../plan/assign-units';
import { createNode } from '../plan/create-node';
import { computePlanStatus, type PlanStatus } from '../status/plan-status';
import { nodeStatusView } from '../status/views';

/** The article a coordination task is filed under unless the office picks another (4.1 强化组织领导保障). */
export const DEFAULT_ARTICLE_TITLE = '强化组织领导保障';

export interface SourcedTaskInput {
  title: string;
  leads: string[];
  participants: string[];
  dueOn?: string | null | undefined;
  /** What must be shown to close it (闭环佐证), kept as the task's body. */
  closureEvidence: string;
  articleId?: string | undefined;
}

export interface SourcedTask {
  nodeId: string;
  code: string;
  title: string;
  dueOn: string | null;
  closureEvidence: string | null;
  completedOn: string | null;
  leads: string[];
  participants: string[];
  status: Status | null;
  reasons: { code: string; text: string }[];
  progressPct: number;
  evidence: { attachmentId: string; fileName: string; reportId: string }[];
}

export interface SourceCounts {
  total: number;
  done: number;
  onTrack: number;
  late: number;
}

/** The article a decision is filed under must be a live article of the meeting's plan (a task or another plan's article is refused). */
async function requireArticle(db: Executor, planId: string, articleId: string): Promise<string> {
  const row = await db.selectFrom('plan_node').select('id').where('id', '=', articleId).where('plan_id', '=', planId).where('kind', '=', 'article').where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new DomainError('VALIDATION_FAILED', { field: 'articleId', reason: 'not an article of this plan', articleId });
  return row.id;
}

async function defaultArticleId(db: Executor, planId: string): Promise<string> {
  const row = await db
    .selectFrom('plan_node')
    .select('id')
    .where('plan_id', '=', planId)
    .where('kind', '=', 'article')
    .where('title', '=', DEFAULT_ARTICLE_TITLE)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new DomainError('NODE_NOT_FOUND', { article: DEFAULT_ARTICLE_TITLE });
  return row.id;
}

/**
 * Files one tracked task for a meeting's decision, an agreement's matter or a national request, through
 * the plan's own use cases (create, then assign), inside the caller's transaction so the record, the
 * task and their audit entries commit together. Work starts on `startOn` (the meeting or signing date).
 */
export async function addSourcedTask(
  ctx: ServiceContext,
  tx: Transaction<DB>,
  actor: Actor,
  planId: string,
  input: SourcedTaskInput,
  source: { kind: TaskSourceKind; id: string; startOn: string | null },
): Promise<string> {
  const inner: ServiceContext = { ...ctx, db: tx };
  const parentId = input.articleId ? await requireArticle(tx, planId, input.articleId) : await defaultArticleId(tx, planId);
  const dueOn = input.dueOn ?? null;
  const startOn = source.startOn && (!dueOn || source.startOn <= dueOn) ? source.startOn : null;
  const node = await createNode(inner, actor, planId, {
    parentId,
    kind: 'task',
    title: input.title,
    body: input.closureEvidence,
    dueOn,
    startOn,
    evidenceRequired: true,
  });
  await tx.updateTable('plan_node').set({ source_kind: source.kind, source_id: source.id }).where('id', '=', node.id).execute();
  await assignUnits(inner, actor, planId, node.id, { version: node.version, leads: input.leads, participants: input.participants });
  return node.id;
}

/** The live tasks that came from one or more records of a kind, each with its status and closing evidence. */
export async function listSourcedTasks(ctx: ServiceContext, planId: string, kind: TaskSourceKind, sourceIds: string[], lang: ExplainLang, status?: PlanStatus): Promise<Map<string, SourcedTask[]>> {
  const out = new Map<string, SourcedTask[]>(sourceIds.map((id) => [id, []]));
  if (!sourceIds.length) return out;
  const rows = await ctx.db
    .selectFrom('plan_node')
    .select(['id', 'source_id', 'code', 'title', 'due_on', 'body', 'completed_on', 'sort_key'])
    .where('plan_id', '=', planId)
    .where('source_kind', '=', kind)
    .where('source_id', 'in', sourceIds)
    .where('deleted_at', 'is', null)
    .orderBy('sort_key')
    .execute();
  if (!rows.length) return out;
  const s = status ?? (await computePlanStatus(ctx, planId));
  const files = await ctx.db
    .selectFrom('attachment')
    .innerJoin('report', 'report.id', 'attachment.report_id')
    .select(['attachment.id', 'attachment.file_name', 'report.id as report_id', 'report.node_id'])
    .where('report.node_id', 'in', rows.map((r) => r.id))
    .where('report.state', '=', 'accepted')
    .where('attachment.deleted_at', 'is', null)
    .orderBy('attachment.created_at')
    .execute();
  for (const r of rows) {
    const ns = s.nodes.get(r.id);
    const view = ns ? nodeStatusView(ns, lang) : null;
    out.get(r.source_id!)?.push({
      nodeId: r.id,
      code: r.code,
      title: r.title,
      dueOn: r.due_on,
      closureEvidence: r.body,
      completedOn: r.completed_on,
      leads: view?.leads ?? [],
      participants: view?.participants ?? [],
      status: view?.status ?? null,
      reasons: view?.reasons ?? [],
      progressPct: view?.progressPct ?? 0,
      evidence: files.filter((f) => f.node_id === r.id).map((f) => ({ attachmentId: f.id, fileName: f.file_name, reportId: f.report_id })),
    });
  }
  return out;
}

/** done = completed; late = red; on track = everything else still live. Cancelled tasks are left out. */
export function countSourced(tasks: SourcedTask[]): SourceCounts {
  const live = tasks.filter((t) => t.status !== 'cancelled');
  const done = live.filter((t) => t.status === 'completed').length;
  const late = live.filter((t) => t.status === 'red').length;
  return { total: live.length, done, late, onTrack: live.length - done - late };
}

export const isOpen = (t: SourcedTask) => t.status !== 'completed' && t.status !== 'cancelled';

const emptyCounts = (): SourceCounts => ({ total: 0, done: 0, onTrack: 0, late: 0 });

/**
 * done / on track / late per record for many records at once (a list page, or the whole plan when
 * `sourceIds` is omitted): one query for the tasks, their status from the plan's cached status.
 * Counted the same way as countSourced.
 */
export async function countSourcedBySource(ctx: ServiceContext, planId: string, kind: TaskSourceKind, sourceIds?: readonly string[]): Promise<Map<string, SourceCounts>> {
  const out = new Map<string, SourceCounts>((sourceIds ?? []).map((id) => [id, emptyCounts()]));
  if (sourceIds && !sourceIds.length) return out;
  let q = ctx.db.selectFrom('plan_node').select(['id', 'source_id']).where('plan_id', '=', planId).where('source_kind', '=', kind).where('deleted_at', 'is', null);
  if (sourceIds) q = q.where('source_id', 'in', [...sourceIds]);
  const rows = await q.execute();
  if (!rows.length) return out;
  const status = await computePlanStatus(ctx, planId);
  for (const r of rows) {
    const s = status.nodes.get(r.id)?.task?.status ?? null;
    if (s === 'cancelled' || !r.source_id) continue;
    let c = out.get(r.source_id);
    if (!c) out.set(r.source_id, (c = emptyCounts()));
    c.total++;
    if (s === 'completed') c.done++;
    else if (s === 'red') c.late++;
    else c.onTrack++;
  }
  return out;
}

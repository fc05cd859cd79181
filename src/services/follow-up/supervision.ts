import { randomUUID } from 'node:crypto';
import { DomainError, nextLevel, nextSupervisionState, proposeSupervision, scopeOf, type ExplainLang, type SupervisionLevel, type SupervisionState } from '../../domain';
import type { Executor } from '../../db/schema';
import { inTransaction, nowIso, type Actor, type ServiceContext } from '../context';
import { requireLiveNode } from '../plan/read-plan';
import { computePlanStatus } from '../status/plan-status';
import { nodeStatusView } from '../status/views';
import { notifyRole, notifyUnit } from './notifications';
import { writeVersioned } from '../versioned-update';

export interface SupervisionItem {
  id: string;
  planId: string;
  nodeId: string;
  nodeCode: string;
  nodeTitle: string;
  unitId: string;
  unitName: string;
  level: SupervisionLevel;
  message: string;
  responseDueOn: string;
  state: SupervisionState;
  response: string | null;
  respondedAt: string | null;
  closedAt: string | null;
  closingComment: string | null;
  escalatedFrom: string | null;
  createdAt: string;
  version: number;
}

const LEVEL_ZH: Record<SupervisionLevel, string> = { remind: '提醒', urge: '催办', supervise: '督办', bulletin: '通报' };

const joined = (db: Executor) =>
  db
    .selectFrom('supervision_item as s')
    .innerJoin('plan_node as n', 'n.id', 's.node_id')
    .innerJoin('unit as u', 'u.id', 's.unit_id')
    .selectAll('s')
    .select(['n.code as node_code', 'n.title as node_title', 'u.name as unit_name']);

type Row = Awaited<ReturnType<ReturnType<typeof joined>['executeTakeFirstOrThrow']>>;
const toItem = (r: Row): SupervisionItem => ({
  id: r.id,
  planId: r.plan_id,
  nodeId: r.node_id,
  nodeCode: r.node_code,
  nodeTitle: r.node_title,
  unitId: r.unit_id,
  unitName: r.unit_name,
  level: r.level as SupervisionLevel,
  message: r.message,
  responseDueOn: r.response_due_on,
  state: r.state as SupervisionState,
  response: r.response,
  respondedAt: r.responded_at,
  closedAt: r.closed_at,
  closingComment: r.closing_comment,
  escalatedFrom: r.escalated_from,
  createdAt: r.created_at,
  version: Number(r.version),
});

async function requireItem(db: Executor, id: string): Promise<SupervisionItem> {
  const r = await joined(db).where('s.id', '=', id).executeTakeFirst();
  if (!r) throw new DomainError('SUPERVISION_NOT_FOUND', { id });
  return toItem(r);
}

function assertCanSee(actor: Actor, item: SupervisionItem) {
  if (scopeOf(actor.roles, 'supervision:manage') === 'all' || scopeOf(actor.roles, 'report:read') === 'all') return;
  if (actor.unitId !== item.unitId) throw new DomainError('SUPERVISION_NOT_FOUND', { id: item.id });
}

export interface SupervisionFilter {
  state?: SupervisionState | undefined;
  level?: SupervisionLevel | undefined;
  unitId?: string | undefined;
  nodeId?: string | undefined;
}

/** The ledger: every item with its state; units see the items addressed to them. */
export async function listSupervision(ctx: ServiceContext, actor: Actor, planId: string, f: SupervisionFilter, page: { page: number; pageSize: number }) {
  const all = scopeOf(actor.roles, 'supervision:manage') === 'all' || scopeOf(actor.roles, 'report:read') === 'all';
  let q = joined(ctx.db).where('s.plan_id', '=', planId);
  if (!all) q = q.where('s.unit_id', '=', actor.unitId ?? '');
  if (f.unitId) q = q.where('s.unit_id', '=', f.unitId);
  if (f.state) q = q.where('s.state', '=', f.state);
  if (f.level) q = q.where('s.level', '=', f.level);
  if (f.nodeId) q = q.where('s.node_id', '=', f.nodeId);
  const [rows, count] = await Promise.all([
    q.orderBy('s.created_at', 'desc').offset((page.page - 1) * page.pageSize).limit(page.pageSize).execute(),
    q.clearSelect().select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toItem), total: Number(count.n), page: page.page, pageSize: page.pageSize };
}

/** An item with the chain it belongs to (what it escalated from, what it escalated to), oldest first. */
export async function getSupervision(ctx: ServiceContext, actor: Actor, id: string) {
  const item = await requireItem(ctx.db, id);
  assertCanSee(actor, item);
  const chain: SupervisionItem[] = [item];
  for (let cur = item; cur.escalatedFrom; ) {
    cur = await requireItem(ctx.db, cur.escalatedFrom);
    chain.unshift(cur);
  }
  for (let cur = item; ; ) {
    const next = await joined(ctx.db).where('s.escalated_from', '=', cur.id).executeTakeFirst();
    if (!next) break;
    cur = toItem(next);
    chain.push(cur);
  }
  return { ...item, chain };
}

export interface IssueInput {
  nodeId: string;
  unitId: string;
  level: SupervisionLevel;
  message: string;
  responseDueOn: string;
}

export async function issueSupervision(ctx: ServiceContext, actor: Actor, planId: string, input: IssueInput, escalatedFrom: string | null = null): Promise<SupervisionItem> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    await requireLiveNode(tx, planId, input.nodeId);
    const unit = await tx.selectFrom('unit').select(['id', 'name']).where('id', '=', input.unitId).executeTakeFirst();
    if (!unit) throw new DomainError('UNIT_NOT_FOUND', { unitId: input.unitId });
    const at = nowIso(ctx);
    if (input.responseDueOn < at.slice(0, 10)) throw new DomainError('DATES_INVERTED', { startOn: at.slice(0, 10), dueOn: input.responseDueOn });
    const id = randomUUID();
    await tx
      .insertInto('supervision_item')
      .values({ id, plan_id: planId, node_id: input.nodeId, unit_id: input.unitId, level: input.level, message: input.message, response_due_on: input.responseDueOn, escalated_from: escalatedFrom, created_by: actor.userId ?? 'system', created_at: at, updated_at: at })
      .execute();
    const item = await requireItem(tx, id);
    await notifyUnit(tx, input.unitId, { kind: 'supervision', title: `【${LEVEL_ZH[input.level]}】${item.nodeCode} ${item.nodeTitle}`, body: `${input.message}（请于${input.responseDueOn}前回复）`, link: `/supervision/${id}` }, at);
    await audit('supervision.issue', 'supervision_item', id, null, { nodeId: input.nodeId, unit: unit.name, level: input.level, message: input.message, responseDueOn: input.responseDueOn, escalatedFrom });
    return item;
  });
}

export async function respondSupervision(ctx: ServiceContext, actor: Actor, id: string, input: { version: number; response: string }) {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const item = await requireItem(tx, id);
    assertCanSee(actor, item);
    if (actor.unitId !== item.unitId && !actor.roles.includes('admin')) throw new DomainError('FORBIDDEN', { id });
    if (item.version !== input.version) throw new DomainError('VERSION_CONFLICT', { id });
    const state = nextSupervisionState(item.state, 'respond');
    const at = nowIso(ctx);
    await writeVersioned(tx.updateTable('supervision_item').set({ state, response: input.response, responded_at: at, responded_by: actor.userId, version: item.version + 1, updated_at: at }).where('id', '=', id).where('version', '=', input.version), { id });
    await notifyRole(tx, 'office', { kind: 'supervision_response', title: `${item.unitName}已回复${LEVEL_ZH[item.level]}：${item.nodeCode}`, body: input.response, link: `/supervision/${id}` }, at);
    await audit('supervision.respond', 'supervision_item', id, { state: item.state }, { state, response: input.response });
    return requireItem(tx, id);
  });
}

export async function closeSupervision(ctx: ServiceContext, actor: Actor, id: string, input: { version: number; comment?: string | undefined }) {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const item = await requireItem(tx, id);
    if (item.version !== input.version) throw new DomainError('VERSION_CONFLICT', { id });
    const state = nextSupervisionState(item.state, 'close');
    const at = nowIso(ctx);
    await writeVersioned(tx.updateTable('supervision_item').set({ state, closed_at: at, closing_comment: input.comment ?? null, version: item.version + 1, updated_at: at }).where('id', '=', id).where('version', '=', input.version), { id });
    await audit('supervision.close', 'supervision_item', id, { state: item.state }, { state, comment: input.comment ?? null });
    return requireItem(tx, id);
  });
}

/** Marks the item escalated and issues the next level to the same unit about the same task. */
export async function escalateSupervision(ctx: ServiceContext, actor: Actor, id: string, input: { version: number; message: string; responseDueOn: string }) {
  const item = await requireItem(ctx.db, id);
  if (item.version !== input.version) throw new DomainError('VERSION_CONFLICT', { id });
  const state = nextSupervisionState(item.state, 'escalate');
  const level = nextLevel(item.level);
  await inTransaction(ctx, actor, async (tx, audit) => {
    await writeVersioned(tx.updateTable('supervision_item').set({ state, version: item.version + 1, updated_at: nowIso(ctx) }).where('id', '=', id).where('version', '=', input.version), { id });
    await audit('supervision.escalate', 'supervision_item', id, { state: item.state, level: item.level }, { state, nextLevel: level });
  });
  return issueSupervision(ctx, actor, item.planId, { nodeId: item.nodeId, unitId: item.unitId, level, message: input.message, responseDueOn: input.responseDueOn }, id);
}

/** Red tasks the office has not followed up yet, with the level the rules suggest and the lead units to address. */
export async function proposeSupervisionItems(ctx: ServiceContext, planId: string, lang: ExplainLang) {
  const [status, items] = await Promise.all([
    computePlanStatus(ctx, planId),
    ctx.db.selectFrom('supervision_item').select(['node_id', 'level', 'state']).where('plan_id', '=', planId).execute(),
  ]);
  const byNode = new Map<string, { level: SupervisionLevel; state: SupervisionState }[]>();
  for (const i of items) byNode.set(i.node_id, [...(byNode.get(i.node_id) ?? []), { level: i.level as SupervisionLevel, state: i.state as SupervisionState }]);
  const out = [];
  for (const s of status.nodes.values()) {
    if (!s.task || !s.isLeaf) continue;
    const level = proposeSupervision(s.task.status, byNode.get(s.node.id) ?? []);
    if (!level) continue;
    out.push({ ...nodeStatusView(s, lang), suggestedLevel: level, leadUnits: s.leads });
  }
  return out;
}

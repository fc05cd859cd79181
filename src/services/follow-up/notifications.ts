import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain';
import type { Executor } from '../../db/schema';
import { nowIso, type Actor, type ServiceContext } from '../context';

export type NotificationKind = 'supervision' | 'supervision_response' | 'report_returned' | 'report_submitted' | 'due_soon' | 'overdue' | 'agreement_expiring';

export interface NotificationInput {
  kind: NotificationKind;
  title: string;
  body?: string | null;
  link?: string | null;
  /** Same key for the same user never notifies twice (a reminder job may run in several processes). */
  dedupeKey?: string | null;
}

/** Notifies every active user of a unit (optionally only those holding one of `roles`). Returns how many were written. */
export async function notifyUnit(db: Executor, unitId: string, n: NotificationInput, at: string, roles?: readonly string[]): Promise<number> {
  const users = await db.selectFrom('app_user').select(['id', 'roles', 'email']).where('unit_id', '=', unitId).where('active', '=', 1).execute();
  const targets = roles ? users.filter((u) => roles.some((r) => u.roles.includes(`"${r}"`))) : users;
  return notifyUsers(db, targets, n, at);
}

/** Notifies the users holding a role anywhere (e.g. the office, for responses and coordination requests). */
export async function notifyRole(db: Executor, role: string, n: NotificationInput, at: string): Promise<number> {
  const users = await db.selectFrom('app_user').select(['id', 'email']).where('active', '=', 1).where('roles', 'like', `%"${role}"%`).execute();
  return notifyUsers(db, users, n, at);
}

async function notifyUsers(db: Executor, users: { id: string; email: string | null }[], n: NotificationInput, at: string): Promise<number> {
  if (!users.length) return 0;
  const rows = users.map((u) => ({
    id: randomUUID(),
    user_id: u.id,
    kind: n.kind,
    title: n.title,
    body: n.body ?? null,
    link: n.link ?? null,
    dedupe_key: n.dedupeKey ?? null,
    email_state: u.email ? 'pending' : 'none',
    created_at: at,
  }));
  const result = await db.insertInto('notification').values(rows).onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function listNotifications(ctx: ServiceContext, actor: Actor, opts: { unreadOnly: boolean; page: number; pageSize: number }) {
  let q = ctx.db.selectFrom('notification').where('user_id', '=', actor.userId ?? '');
  const unread = await q.select((eb) => eb.fn.countAll().as('n')).where('read_at', 'is', null).executeTakeFirstOrThrow();
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('created_at', 'desc').offset((opts.page - 1) * opts.pageSize).limit(opts.pageSize).execute(),
    q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    unread: Number(unread.n),
    total: Number(total.n),
    page: opts.page,
    pageSize: opts.pageSize,
    items: rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: r.created_at, readAt: r.read_at })),
  };
}

/** Marking read is the user's own bookkeeping, not a change to the record: it is not audited. */
export async function markRead(ctx: ServiceContext, actor: Actor, notificationId: string | 'all') {
  let q = ctx.db.updateTable('notification').set({ read_at: nowIso(ctx) }).where('user_id', '=', actor.userId ?? '').where('read_at', 'is', null);
  if (notificationId !== 'all') q = q.where('id', '=', notificationId);
  const r = await q.executeTakeFirst();
  if (notificationId !== 'all' && Number(r.numUpdatedRows) === 0) {
    const exists = await ctx.db.selectFrom('notification').select('id').where('id', '=', notificationId).where('user_id', '=', actor.userId ?? '').executeTakeFirst();
    if (!exists) throw new DomainError('NOTIFICATION_NOT_FOUND', { notificationId });
  }
}

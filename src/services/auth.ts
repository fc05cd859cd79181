import { hash, randomBytes } from 'node:crypto';
import { afterFailedLogin, DomainError, isLocked, permissionsOf, type Permission, type Role } from '../domain';
import { findSessionUser } from '../db/queries/sessions';
import { findUser, toUser, type User } from '../db/queries/users';
import { SYSTEM_ACTOR, identityRevisionOf, inTransaction, nowIso, type Actor, type ServiceContext } from './context';
import { assertPasswordPolicy, decoyHash, hashPassword, verifyPassword } from './passwords';
import { cachedSession, forgetSession, rememberSession } from './session-cache';

export interface Me extends User {
  permissions: Permission[];
}

export interface SessionInfo {
  actor: Actor;
  me: Me;
  csrfToken: string;
}

// One-shot hash: every authenticated request digests its cookie, and a Hash object per call cost ~3 µs of it.
const digest = (token: string) => hash('sha256', token, 'hex');
const newToken = () => randomBytes(32).toString('base64url');

export function toMe(user: User): Me {
  return { ...user, permissions: permissionsOf(user.roles) };
}

export function actorOf(user: { id: string; username: string; unitId: string; roles: readonly Role[] }): Actor {
  return { userId: user.id, username: user.username, unitId: user.unitId, roles: user.roles };
}

/** Checks the password, applies lockout, and opens a session. The session token is returned once and stored only as a hash. */
export async function login(ctx: ServiceContext, username: string, password: string) {
  const row = await findUser(ctx.db, { username });
  const now = ctx.clock();
  if (!row) {
    await verifyPassword(await decoyHash(), password);
    await inTransaction(ctx, SYSTEM_ACTOR, (_tx, audit) => audit('session.login_failed', 'session', username, null, { username, reason: 'unknown_user' }));
    throw new DomainError('INVALID_CREDENTIALS');
  }
  const user = toUser(row);
  const actor = actorOf(user);
  if (isLocked({ failedLogins: row.failed_logins, lockedUntil: row.locked_until }, now)) {
    throw new DomainError('ACCOUNT_LOCKED', { until: row.locked_until });
  }
  const ok = await verifyPassword(row.password_hash, password);
  if (!ok) {
    const next = afterFailedLogin({ failedLogins: row.failed_logins, lockedUntil: row.locked_until }, now, ctx.security.lockout);
    await inTransaction(ctx, actor, async (tx, audit) => {
      await tx.updateTable('app_user').set({ failed_logins: next.failedLogins, locked_until: next.lockedUntil }).where('id', '=', user.id).execute();
      await audit('session.login_failed', 'session', user.id, null, { username, reason: 'wrong_password', lockedUntil: next.lockedUntil });
    });
    if (next.lockedUntil && isLocked(next, now)) throw new DomainError('ACCOUNT_LOCKED', { until: next.lockedUntil });
    throw new DomainError('INVALID_CREDENTIALS');
  }
  if (!user.active) throw new DomainError('ACCOUNT_INACTIVE');

  const token = newToken();
  const csrfToken = newToken();
  const at = now.toISOString();
  await inTransaction(ctx, actor, async (tx, audit) => {
    await tx.updateTable('app_user').set({ failed_logins: 0, locked_until: null, last_login_at: at }).where('id', '=', user.id).execute();
    await tx
      .insertInto('session')
      .values({ id: digest(token), user_id: user.id, csrf_token: csrfToken, created_at: at, last_seen_at: at, expires_at: expiry(ctx, now) })
      .execute();
    await audit('session.login', 'session', user.id, null, { username });
  });
  return { token, csrfToken, me: toMe({ ...user, lastLoginAt: at }) };
}

const expiry = (ctx: ServiceContext, from: Date) => new Date(from.getTime() + ctx.security.sessionIdleMinutes * 60_000).toISOString();

/**
 * The session this process read for a token less than a second ago (session-cache.ts), without waiting:
 * what resolveSession answers for a read when the cache has it. Undefined means: ask resolveSession.
 */
export function cachedSessionOf(ctx: ServiceContext, token: string): SessionInfo | undefined {
  return cachedSession(ctx.db, digest(token), ctx.clock().getTime());
}

/**
 * The session behind a cookie token, sliding its expiry at most once a minute so reads stay cheap.
 * `fresh` skips the per-process cache (session-cache.ts): state changes always see the database.
 */
export async function resolveSession(ctx: ServiceContext, token: string, { fresh = false } = {}): Promise<SessionInfo | null> {
  const id = digest(token);
  const now = ctx.clock();
  const at = now.getTime();
  if (!fresh) {
    const cached = cachedSession(ctx.db, id, at);
    if (cached) return cached;
  }
  const revision = identityRevisionOf(ctx.db);
  const row = await findSessionUser(ctx.db, id);
  if (!row || row.session_expires_at <= now.toISOString() || !row.active) {
    forgetSession(ctx.db, id);
    return null;
  }
  let expiresAt = row.session_expires_at;
  if (at - Date.parse(row.session_last_seen_at) > 60_000) {
    expiresAt = expiry(ctx, now);
    await ctx.db.updateTable('session').set({ last_seen_at: now.toISOString(), expires_at: expiresAt }).where('id', '=', id).execute();
  }
  const me = toMe(toUser(row));
  const session: SessionInfo = { actor: actorOf(me), me, csrfToken: row.session_csrf_token };
  rememberSession(ctx.db, id, session, Date.parse(expiresAt), at, revision);
  return session;
}

export async function logout(ctx: ServiceContext, actor: Actor, token: string): Promise<void> {
  await inTransaction(ctx, actor, async (tx, audit) => {
    await tx.deleteFrom('session').where('id', '=', digest(token)).execute();
    await audit('session.logout', 'session', actor.userId ?? '', null, null);
  });
  forgetSession(ctx.db, digest(token));
}

export async function changeOwnPassword(ctx: ServiceContext, actor: Actor, currentPassword: string, newPassword: string, keepToken: string) {
  const row = await findUser(ctx.db, { id: actor.userId ?? '' });
  if (!row) throw new DomainError('USER_NOT_FOUND');
  if (!(await verifyPassword(row.password_hash, currentPassword))) throw new DomainError('PASSWORD_WRONG');
  assertPasswordPolicy(newPassword, row.username);
  const passwordHash = await hashPassword(newPassword);
  await inTransaction(ctx, actor, async (tx, audit) => {
    await tx
      .updateTable('app_user')
      .set({ password_hash: passwordHash, must_change_password: 0, updated_at: nowIso(ctx), version: row.version + 1 })
      .where('id', '=', row.id)
      .execute();
    // Other sessions of this user end: a changed password should lock out whoever knew the old one.
    await tx.deleteFrom('session').where('user_id', '=', row.id).where('id', '!=', digest(keepToken)).execute();
    await audit('app_user.change_password', 'app_user', row.id, null, null);
  });
}

export async function purgeExpiredSessions(ctx: ServiceContext): Promise<number> {
  const r = await ctx.db.deleteFrom('session').where('expires_at', '<=', nowIso(ctx)).executeTakeFirst();
  return Number(r.numDeletedRows);
}

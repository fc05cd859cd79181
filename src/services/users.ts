import { randomUUID } from 'node:crypto';
import { DomainError, scopeOf, type Role } from '../domain';
import { toFlag, writeJson } from '../db/json';
import { findUnit } from '../db/queries/units';
import { findUser, listUsers as selectUsers, toUser, type User, type UserFilter, type UserSort } from '../db/queries/users';
import type { Executor } from '../db/schema';
import { inTransaction, nowIso, type Actor, type ServiceContext } from './context';
import type { PageRequest } from './paging';
import { assertPasswordPolicy, hashPassword } from './passwords';
import { writeVersioned } from './versioned-update';

export interface CreateUserInput {
  username: string;
  displayName: string;
  unitId: string;
  roles: Role[];
  password: string;
}

/** Users the actor may see: all for admin and office, the actor's own unit for a unit lead. */
export async function listUsers(ctx: ServiceContext, actor: Actor, filter: UserFilter, page: PageRequest<UserSort>) {
  const scoped = scopeOf(actor.roles, 'user:read') === 'all' ? filter : { ...filter, unitId: actor.unitId ?? '' };
  if (filter.unitId && scoped.unitId !== filter.unitId) return { items: [], total: 0 };
  return selectUsers(ctx.db, scoped, { offset: (page.page - 1) * page.pageSize, limit: page.pageSize, sort: page.sort ?? 'username', order: page.order });
}

async function assertActiveUnit(db: Executor, unitId: string) {
  const unit = await findUnit(db, unitId);
  if (!unit) throw new DomainError('UNIT_NOT_FOUND', { unitId });
}

export async function createUser(ctx: ServiceContext, actor: Actor, input: CreateUserInput, opts: { mustChangePassword?: boolean } = {}): Promise<User> {
  assertPasswordPolicy(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, actor, async (tx, audit) => {
    if (await findUser(tx, { username: input.username })) throw new DomainError('USER_EXISTS', { username: input.username });
    await assertActiveUnit(tx, input.unitId);
    const id = randomUUID();
    const at = nowIso(ctx);
    await tx
      .insertInto('app_user')
      .values({
        id,
        username: input.username,
        display_name: input.displayName,
        unit_id: input.unitId,
        roles: writeJson([...new Set(input.roles)]),
        password_hash: passwordHash,
        active: 1,
        must_change_password: toFlag(opts.mustChangePassword ?? true),
        failed_logins: 0,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const user = toUser((await findUser(tx, { id }))!);
    await audit('app_user.create', 'app_user', id, null, user);
    return user;
  });
}

export async function updateUser(
  ctx: ServiceContext,
  actor: Actor,
  userId: string,
  input: { version: number; displayName?: string | undefined; unitId?: string | undefined; roles?: Role[] | undefined; active?: boolean | undefined },
): Promise<User> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const row = await findUser(tx, { id: userId });
    if (!row) throw new DomainError('USER_NOT_FOUND', { userId });
    if (Number(row.version) !== input.version) throw new DomainError('VERSION_CONFLICT', { userId });
    if (input.unitId) await assertActiveUnit(tx, input.unitId);
    // An admin cannot take away their own admin role or deactivate themselves: the platform would lose its last way back in.
    if (userId === actor.userId && ((input.roles && !input.roles.includes('admin')) || input.active === false)) {
      throw new DomainError('FORBIDDEN', { reason: 'self_lockout' });
    }
    const before = toUser(row);
    await writeVersioned(
      tx
        .updateTable('app_user')
        .set({
          ...(input.displayName !== undefined && { display_name: input.displayName }),
          ...(input.unitId !== undefined && { unit_id: input.unitId }),
          ...(input.roles !== undefined && { roles: writeJson([...new Set(input.roles)]) }),
          ...(input.active !== undefined && { active: toFlag(input.active) }),
          version: input.version + 1,
          updated_at: nowIso(ctx),
        })
        .where('id', '=', userId)
        .where('version', '=', input.version),
      { userId },
    );
    if (input.active === false) await tx.deleteFrom('session').where('user_id', '=', userId).execute();
    const user = toUser((await findUser(tx, { id: userId }))!);
    await audit('app_user.update', 'app_user', userId, before, user);
    return user;
  });
}

/** Sets a new password chosen by an admin; the user must change it at the next login, and their sessions end. */
export async function resetPassword(ctx: ServiceContext, actor: Actor, userId: string, password: string): Promise<void> {
  const row = await findUser(ctx.db, { id: userId });
  if (!row) throw new DomainError('USER_NOT_FOUND', { userId });
  assertPasswordPolicy(password, row.username);
  const passwordHash = await hashPassword(password);
  await inTransaction(ctx, actor, async (tx, audit) => {
    await tx
      .updateTable('app_user')
      .set({ password_hash: passwordHash, must_change_password: 1, failed_logins: 0, locked_until: null, version: Number(row.version) + 1, updated_at: nowIso(ctx) })
      .where('id', '=', userId)
      .execute();
    await tx.deleteFrom('session').where('user_id', '=', userId).execute();
    await audit('app_user.reset_password', 'app_user', userId, null, null);
  });
}

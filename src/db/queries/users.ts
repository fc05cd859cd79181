import type { Role } from '../../domain';
import { fromFlag, readJson } from '../json';
import type { AppUserRow, Executor } from '../schema';
import { containsText } from './like';

export interface User {
  id: string;
  username: string;
  displayName: string;
  unitId: string;
  unitName: string;
  roles: Role[];
  active: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  version: number;
}

export function toUser(r: AppUserRow & { unit_name: string }): User {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    roles: readJson<Role[]>(r.roles, []),
    active: fromFlag(r.active),
    mustChangePassword: fromFlag(r.must_change_password),
    lockedUntil: r.locked_until,
    lastLoginAt: r.last_login_at,
    version: Number(r.version),
  };
}

const withUnitName = (db: Executor) => db.selectFrom('app_user').innerJoin('unit', 'unit.id', 'app_user.unit_id');

export async function findUser(db: Executor, by: { id: string } | { username: string }) {
  const q = withUnitName(db).selectAll('app_user').select('unit.name as unit_name');
  return 'id' in by ? q.where('app_user.id', '=', by.id).executeTakeFirst() : q.where('app_user.username', '=', by.username).executeTakeFirst();
}

export interface UserFilter {
  q?: string | undefined;
  unitId?: string | undefined;
  role?: Role | undefined;
  active?: boolean | undefined;
}

const USER_SORT = { username: 'app_user.username', displayName: 'app_user.display_name', lastLoginAt: 'app_user.last_login_at', unitName: 'unit.name' } as const;
export type UserSort = keyof typeof USER_SORT;

export async function listUsers(db: Executor, f: UserFilter, page: { offset: number; limit: number; sort: UserSort; order: 'asc' | 'desc' }) {
  let q = withUnitName(db);
  if (f.q) {
    const needle = f.q;
    q = q.where((eb) => eb.or([containsText(eb.ref('app_user.username'), needle), containsText(eb.ref('app_user.display_name'), needle)]));
  }
  if (f.unitId) q = q.where('app_user.unit_id', '=', f.unitId);
  // roles is a JSON array of fixed identifiers, so a quoted substring match is exact.
  if (f.role) q = q.where('app_user.roles', 'like', `%"${f.role}"%`);
  if (f.active !== undefined) q = q.where('app_user.active', '=', f.active ? 1 : 0);
  const [rows, count] = await Promise.all([
    q.selectAll('app_user').select('unit.name as unit_name').orderBy(USER_SORT[page.sort], page.order).orderBy('app_user.username').offset(page.offset).limit(page.limit).execute(),
    q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toUser), total: Number(count.n) };
}

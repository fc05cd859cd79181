import type { Executor } from '../schema';

/** A session with its user and the user's unit name, in one round trip (the per-request sign-in check). */
export function findSessionUser(db: Executor, sessionId: string) {
  return db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .innerJoin('unit', 'unit.id', 'app_user.unit_id')
    .selectAll('app_user')
    .select(['unit.name as unit_name', 'session.csrf_token as session_csrf_token', 'session.expires_at as session_expires_at', 'session.last_seen_at as session_last_seen_at'])
    .where('session.id', '=', sessionId)
    .executeTakeFirst();
}

import type { Transaction } from 'kysely';
import { auditTrail } from '../db/queries/audit';
import type { Dialect } from '../db/connect';
import type { DB, Db } from '../db/schema';
import type { LockoutPolicy, Role } from '../domain';

export interface ServiceContext {
  db: Db;
  dialect: Dialect;
  clock: () => Date;
  security: { lockout: LockoutPolicy; sessionIdleMinutes: number };
}

/** Who is acting. Services trust it: the HTTP edge has already authenticated and checked the permission. */
export interface Actor {
  userId: string | null;
  username: string;
  unitId: string | null;
  roles: readonly Role[];
}

export const SYSTEM_ACTOR: Actor = { userId: null, username: 'system', unitId: null, roles: ['admin'] };

/** Runs `work` in one transaction with an audit trail bound to it, so a change and its audit record commit together. */
export function inTransaction<T>(ctx: ServiceContext, actor: Actor, work: (tx: Transaction<DB>, audit: BoundAudit) => Promise<T>): Promise<T> {
  let touchesPlanData = false;
  let touchesIdentity = false;
  let audited = false;
  const run = async (tx: Transaction<DB>) => {
    const trail = auditTrail(tx, ctx.clock);
    const note = (entity: string) => {
      audited = true;
      if (!VIEW_NEUTRAL_ENTITIES.has(entity)) touchesPlanData = true;
      if (IDENTITY_ENTITIES.has(entity)) touchesIdentity = true;
    };
    const audit: BoundAudit = Object.assign(
      (action: string, entity: string, entityId: string, before: unknown, after: unknown) => {
        note(entity);
        return trail.record({ actorId: actor.userId, actorName: actor.username, action, entity, entityId, before, after });
      },
      {
        many: (entries: readonly AuditEntryInput[]) => {
          entries.forEach((e) => note(e.entity));
          return trail.recordMany(entries.map((e) => ({ actorId: actor.userId, actorName: actor.username, ...e })));
        },
      },
    );
    return work(tx, audit);
  };
  // A use case called from inside another's transaction (a bulk sheet saving many reports) joins it,
  // so the whole batch commits or rolls back as one.
  if (ctx.db.isTransaction) return run(ctx.db as Transaction<DB>);
  return ctx.db.transaction().execute(run).then((result) => {
    // Logins and logouts change no derived view; a transaction that audited nothing is counted, to be safe.
    if (touchesPlanData || !audited) noteWrite(ctx.db);
    if (touchesIdentity || !audited) noteIdentityChange(ctx.db);
    return result;
  });
}

// Every committed change bumps its database's revision, so derived views cached per process (the plan's
// status) are recomputed on the next read instead of after their time-to-live.
const revisions = new WeakMap<object, number>();
/** Audited entities whose changes no cached view depends on (sign-in traffic must not flush the plan's status). */
export const VIEW_NEUTRAL_ENTITIES: ReadonlySet<string> = new Set(['session']);
export const revisionOf = (db: object): number => revisions.get(db) ?? 0;
const noteWrite = (db: object) => revisions.set(db, revisionOf(db) + 1);

// Resolved sessions are cached per process (services/session-cache.ts); a committed change to a user or a
// unit (roles, deactivation, password, unit name) bumps this revision so this process stops trusting them
// at once. Other processes' changes are bounded by the cache's time-to-live instead.
const identityRevisions = new WeakMap<object, number>();
const IDENTITY_ENTITIES: ReadonlySet<string> = new Set(['app_user', 'unit']);
export const identityRevisionOf = (db: object): number => identityRevisions.get(db) ?? 0;
export const noteIdentityChange = (db: object) => identityRevisions.set(db, identityRevisionOf(db) + 1);

export interface AuditEntryInput {
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}
/** Records one audit entry; `.many` records a batch in order (a bulk import's thousands of entries). */
export type BoundAudit = ((action: string, entity: string, entityId: string, before: unknown, after: unknown) => Promise<void>) & {
  many: (entries: readonly AuditEntryInput[]) => Promise<void>;
};

export const nowIso = (ctx: ServiceContext) => ctx.clock().toISOString();

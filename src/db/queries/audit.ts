import { PostgresAdapter, sql, type Transaction } from 'kysely';
import { canonicalJson, GENESIS_HASH, hashAuditEntry, type AuditFields } from '../../domain';
import type { AuditLogRow, DB, Executor } from '../schema';
import { insertRows } from './bulk-insert';
import { containsText } from './like';

export interface AuditInput {
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

// Any constant works; it only has to be the same for every process writing to one database.
const AUDIT_CHAIN_LOCK = 7_260_001;

export interface AuditTrail {
  record(input: AuditInput): Promise<void>;
  /** The same entries as `record` one by one (same chain, same hashes), written a few thousand to a statement. */
  recordMany(inputs: readonly AuditInput[]): Promise<void>;
}

/**
 * Appends hash-chained entries inside the caller's transaction. On PostgreSQL an advisory lock taken at
 * the first write serialises writers across processes until commit; SQLite has one writer anyway.
 */
export function auditTrail(tx: Transaction<DB>, clock: () => Date): AuditTrail {
  let head: { id: number; hash: string } | null = null;
  const readHead = async (): Promise<{ id: number; hash: string }> => {
    if (!head) {
      if (tx.getExecutor().adapter instanceof PostgresAdapter) {
        await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(tx);
      }
      const last = await tx.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
      head = last ? { id: Number(last.id), hash: last.hash } : { id: 0, hash: GENESIS_HASH };
    }
    return head;
  };
  // Chains one entry onto `prev`; the caller moves the head once the row is written.
  const entry = (prev: { id: number; hash: string }, input: AuditInput) => {
    const fields: AuditFields = {
      id: prev.id + 1,
      at: clock().toISOString(),
      actorId: input.actorId,
      action: input.action,
      entity: input.entity,
      entityId: input.entityId,
      before: input.before === undefined || input.before === null ? null : canonicalJson(input.before),
      after: input.after === undefined || input.after === null ? null : canonicalJson(input.after),
    };
    const hash = hashAuditEntry(prev.hash, fields);
    return {
      id: fields.id,
      at: fields.at,
      actor_id: fields.actorId,
      actor_name: input.actorName,
      action: fields.action,
      entity: fields.entity,
      entity_id: fields.entityId,
      before: fields.before,
      after: fields.after,
      prev_hash: prev.hash,
      hash,
    };
  };
  return {
    async record(input) {
      const row = entry(await readHead(), input);
      await tx.insertInto('audit_log').values(row).execute();
      head = { id: row.id, hash: row.hash };
    },
    async recordMany(inputs) {
      let prev = await readHead();
      const rows = inputs.map((input) => {
        const row = entry(prev, input);
        prev = { id: row.id, hash: row.hash };
        return row;
      });
      await insertRows(tx, 'audit_log', rows);
      head = prev;
    },
  };
}

export interface AuditFilter {
  entity?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export async function listAudit(db: Executor, f: AuditFilter, page: { offset: number; limit: number }) {
  let q = db.selectFrom('audit_log');
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.action) q = q.where((eb) => containsText(eb.ref('action'), f.action!));
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').offset(page.offset).limit(page.limit).execute(),
    q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The whole log in id order, a page at a time, so verifying a large log does not hold it all in memory. */
export async function* readAuditLog(db: Executor, pageSize = 5000): AsyncGenerator<AuditLogRow> {
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('id', '>', after).orderBy('id').limit(pageSize).execute();
    for (const r of rows) yield { ...r, id: Number(r.id) };
    if (rows.length < pageSize) return;
    after = Number(rows[rows.length - 1]!.id);
  }
}

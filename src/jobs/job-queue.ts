import { randomUUID } from 'node:crypto';
import { PostgresAdapter } from 'kysely';
import type { Db, Executor } from '../db/schema';

export interface JobRow {
  id: string;
  name: string;
  payload: string;
  attempts: number;
}

/**
 * Adds a job unless one with the same key exists. Every process may enqueue the same daily job: the
 * unique key makes exactly one of them land, so the job fires once however many servers run.
 */
export async function enqueue(db: Executor, job: { name: string; dedupeKey: string; runAt: string; payload?: unknown }, now: string): Promise<boolean> {
  const r = await db
    .insertInto('job')
    .values({ id: randomUUID(), name: job.name, dedupe_key: job.dedupeKey, payload: JSON.stringify(job.payload ?? {}), run_at: job.runAt, created_at: now })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

const LEASE_MS = 5 * 60_000;

/**
 * Claims the next due job for this worker. PostgreSQL: `FOR UPDATE SKIP LOCKED`, so concurrent workers
 * never take the same row; SQLite has a single writer, so the conditional update is enough. A job whose
 * lease ran out (its worker died) is claimable again.
 */
export async function claimNext(db: Db, workerId: string, now: Date): Promise<JobRow | null> {
  const nowIso = now.toISOString();
  const lease = new Date(now.getTime() + LEASE_MS).toISOString();
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const due = (qb: Executor) =>
    qb
      .selectFrom('job')
      .select('id')
      .where((eb) => eb.or([eb('state', '=', 'pending'), eb.and([eb('state', '=', 'running'), eb('locked_until', '<', nowIso)])]))
      .where('run_at', '<=', nowIso)
      .orderBy('run_at')
      .limit(1);
  const row = await db.transaction().execute(async (tx) => {
    const candidate = isPg ? await due(tx).forUpdate().skipLocked().executeTakeFirst() : await due(tx).executeTakeFirst();
    if (!candidate) return null;
    return tx
      .updateTable('job')
      .set((eb) => ({ state: 'running', locked_by: workerId, locked_until: lease, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', candidate.id)
      .returning(['id', 'name', 'payload', 'attempts'])
      .executeTakeFirst();
  });
  return row ? { ...row, attempts: Number(row.attempts) } : null;
}

const MAX_ATTEMPTS = 5;

export async function finishJob(db: Executor, id: string, now: string, error?: unknown, attempts = 0): Promise<void> {
  if (!error) {
    await db.updateTable('job').set({ state: 'done', done_at: now, locked_by: null, locked_until: null }).where('id', '=', id).execute();
    return;
  }
  // Back off and retry a few times; then leave it failed for an operator to see.
  const retry = attempts < MAX_ATTEMPTS;
  const runAt = new Date(Date.parse(now) + 2 ** attempts * 60_000).toISOString();
  await db
    .updateTable('job')
    .set({ state: retry ? 'pending' : 'failed', run_at: retry ? runAt : now, last_error: String(error instanceof Error ? error.message : error).slice(0, 2000), locked_by: null, locked_until: null })
    .where('id', '=', id)
    .execute();
}

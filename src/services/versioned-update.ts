import type { DeleteResult, UpdateResult } from 'kysely';
import { DomainError } from '../domain';

/**
 * Runs a write guarded by `where('version', '=', seen)` and refuses it when no row matched.
 *
 * Reading the row and comparing its version first is not enough: two concurrent saves both read the same
 * version, and on PostgreSQL the second UPDATE waits for the first to commit and then matches nothing.
 * Without this check both would "win" and both would write an audit row. Call it before the audit row is
 * written, inside the same transaction, so the loser rolls back whole and gets a 409.
 */
export async function writeVersioned(write: GuardedWrite, details: Record<string, unknown>): Promise<void> {
  if ((await rowsWritten(write)) !== 1) throw new DomainError('VERSION_CONFLICT', details);
}

/**
 * The same guard for removals that carry no version (a scenario, an attachment, an adjustment): the
 * write names the row as it was read (`deleted_at is null`, or the row itself), and when a concurrent
 * removal got there first it matches nothing and this one rolls back as NOT_FOUND — one audit row,
 * not two.
 */
export async function writeOnce(write: GuardedWrite, details: Record<string, unknown>): Promise<void> {
  if ((await rowsWritten(write)) !== 1) throw new DomainError('NOT_FOUND', details);
}

type GuardedWrite = { executeTakeFirst(): Promise<UpdateResult | DeleteResult> };

async function rowsWritten(write: GuardedWrite): Promise<number> {
  const result = await write.executeTakeFirst();
  return Number('numUpdatedRows' in result ? result.numUpdatedRows : result.numDeletedRows);
}

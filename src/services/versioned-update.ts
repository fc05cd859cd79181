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
export async function writeVersioned(
  write: { executeTakeFirst(): Promise<UpdateResult | DeleteResult> },
  details: Record<string, unknown>,
): Promise<void> {
  const result = await write.executeTakeFirst();
  const rows = 'numUpdatedRows' in result ? result.numUpdatedRows : result.numDeletedRows;
  if (Number(rows) !== 1) throw new DomainError('VERSION_CONFLICT', details);
}

import { PostgresAdapter, sql, type Insertable } from 'kysely';
import type { DB, Executor } from '../schema';

// Rows a statement: bounds the JSON text built and sent at once (~1–3 MB) while keeping statements few.
const ROWS_PER_STATEMENT = 5_000;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Inserts many rows of one table (a bulk import's thousands of nodes, assignments and audit entries).
 * The rows travel as one JSON text parameter a statement: PostgreSQL reads them with
 * `json_populate_recordset` (typed by the table's own columns), SQLite with `json_each`. A multi-row
 * VALUES of 1,000 rows carries 6,000 parameters that the client serialises and the server binds one
 * by one; for an import's 12,000 nodes that was a third of their time on PostgreSQL (bench/RESULTS.md).
 *
 * The columns are those of the first row: every row gives each of them a value (null included); a
 * column the first row leaves out takes its default. Values are strings, numbers or null, as stored.
 */
export async function insertRows<T extends keyof DB & string>(db: Executor, table: T, rows: readonly Insertable<DB[T]>[]): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]!).filter((c) => (rows[0] as Record<string, unknown>)[c] !== undefined);
  const list = sql.join(columns.map((c) => sql.ref(c)));
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  // Each chunk's JSON is built while the database writes the one before (one statement at a time).
  let writing: Promise<unknown> | null = null;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT) as readonly Record<string, unknown>[];
    // PostgreSQL: keys other than the columns are ignored; an undefined value (left out of the JSON) reads as null.
    // SQLite: positional arrays, shorter text than objects, and `->> n` is cheaper than a path lookup.
    const json = isPg ? jsonText(chunk) : jsonText(chunk.map((r) => columns.map((c) => r[c] ?? null)));
    const statement = isPg
      ? sql`insert into ${sql.table(table)} (${list}) select ${list} from json_populate_recordset(null::${sql.table(table)}, ${json}::json)`
      : sql`insert into ${sql.table(table)} (${list}) select ${sql.join(columns.map((_, k) => sql`value ->> ${sql.lit(k)}`))} from json_each(${json})`;
    await writing;
    writing = statement.execute(db);
    // Awaited on the next round; marked handled so a failure is not reported twice meanwhile.
    writing.catch(() => undefined);
  }
  await writing;
}

/**
 * JSON text of the rows. JSON.stringify writes a lone UTF-16 surrogate as an escape (\udxxx) that
 * PostgreSQL refuses. Such strings are made well-formed first (U+FFFD in its place), which is what the
 * audit chain hashes (Node's UTF-8) and what pg sends for a bound parameter.
 */
function jsonText(value: unknown): string {
  const json = JSON.stringify(value);
  // Escapes are written in lower case; text that merely contains a backslash and "ud" takes the slow path too.
  if (!json.includes('\\ud')) return json;
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? v.replace(LONE_SURROGATE, '\ufffd') : v));
}

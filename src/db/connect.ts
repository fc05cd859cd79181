import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations';
import type { DB } from './schema';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** The SQLite file, for backup; null on PostgreSQL. */
  sqliteFile: string | null;
  close(): Promise<void>;
}

/** `undefined` → the default SQLite file under dataDir; `sqlite:/path.db` → that file; `postgres://…` → PostgreSQL. */
export function openDatabase(url: string | undefined, dataDir = 'var'): Database {
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle connection closed by the server (restart, failover, an administrator) must not crash the
    // process: the pool drops it and opens a new one on the next query.
    pool.on('error', (err) => console.error(`postgres: idle connection lost: ${err.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', sqliteFile: null, close: () => db.destroy() };
  }
  const file = resolve(url ? url.replace(/^sqlite:(\/\/)?/, '') : `${dataDir}/shuangcheng.db`);
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // SQLite's own default page cache (2 MB) instead of the 16 MB better-sqlite3 compiles in: the whole-plan
  // reads at 100k nodes page through far more than 16 MB either way (served from the OS cache), and the
  // full cache stayed resident, ~25 MB of the server's RSS with L loaded (bench/RESULTS.md).
  sqlite.pragma('cache_size = -2000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', sqliteFile: file, close: () => db.destroy() };
}

export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  // Features land in parallel, each with its own migration: a database that already ran a later-named one
  // (say T2350) must still take an earlier-named one merged after it (T2210) instead of refusing to start.
  // A migration that needs another's tables is named after it (T2110 after T2100), so the order that
  // matters still holds; the others touch only their own tables and indexes.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

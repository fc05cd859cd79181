import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Dialect } from '../../src/db/connect';

/**
 * The databases the API suite runs on: SQLite always; PostgreSQL when TEST_PG_URL points at a server
 * whose user may create databases. CI sets REQUIRE_PG=1 so a missing server fails instead of skipping.
 */
export function testDialects(): Dialect[] {
  const pgUrl = process.env.TEST_PG_URL;
  if (!pgUrl && process.env.REQUIRE_PG === '1') throw new Error('REQUIRE_PG=1 but TEST_PG_URL is not set');
  return pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database for one test file: a temp SQLite file, or a new PostgreSQL database. */
export async function scratchDatabase(dialect: Dialect): Promise<ScratchDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'sc-test-'));
    return { url: `sqlite:${join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const adminUrl = process.env.TEST_PG_URL!;
  const name = `sc_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

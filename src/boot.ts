import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TConfig } from './config';
import { migrateToLatest, openDatabase, type Database } from './db/connect';
import { projectRoot } from './seed/project-root';
import type { ServiceContext } from './services/context';

export const APP_VERSION: string = (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;

/** Opens and migrates the configured database and returns the context every service takes. */
export async function openContext(config: TConfig): Promise<{ ctx: ServiceContext; database: Database }> {
  const database = openDatabase(config.DATABASE_URL, config.SHUANGCHENG_DATA_DIR);
  await migrateToLatest(database.db);
  const ctx: ServiceContext = {
    db: database.db,
    dialect: database.dialect,
    clock: () => new Date(),
    security: { lockout: { threshold: config.LOCKOUT_THRESHOLD, minutes: config.LOCKOUT_MINUTES }, sessionIdleMinutes: config.SESSION_IDLE_MINUTES },
  };
  return { ctx, database };
}

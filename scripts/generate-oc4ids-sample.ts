// Writes docs/samples/oc4ids-projects.json: the shipped projects as an OC4IDS 0.9.5 project package.
// Run: npm run sample:oc4ids   (a throw-away SQLite database in a temp folder; nothing else is touched)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDatabase } from '../src/db/connect';
import { loadShippedData } from '../src/seed/load-shipped-data';
import type { ServiceContext } from '../src/services/context';
import { toOc4idsPackage } from '../src/services/project/oc4ids';
import { allProjects } from '../src/services/project/projects';

// A fixed date keeps the sample stable between runs, so a diff shows only real changes of the data.
const PUBLISHED = '2026-11-28T00:00:00Z';

const dir = mkdtempSync(join(tmpdir(), 'oc4ids-'));
const database = openDatabase(`sqlite:${join(dir, 'sample.db')}`);
try {
  await migrateToLatest(database.db);
  const ctx: ServiceContext = { db: database.db, dialect: 'sqlite', clock: () => new Date(PUBLISHED), security: { lockout: { threshold: 5, minutes: 15 }, sessionIdleMinutes: 60 } };
  await loadShippedData(ctx, { adminPassword: 'sample-only-password-1A' });
  const projects = (await allProjects(ctx.db)).map((p) => ({ ...p, createdAt: PUBLISHED, updatedAt: PUBLISHED }));
  const pkg = toOc4idsPackage(projects, { uriBase: 'https://shuangcheng.example.org', publishedDate: PUBLISHED });
  writeFileSync(new URL('../docs/samples/oc4ids-projects.json', import.meta.url), `${JSON.stringify(pkg, null, 2)}\n`);
  console.log(`docs/samples/oc4ids-projects.json: ${pkg.projects.length} projects`);
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}

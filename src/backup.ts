import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';

/** A consistent copy of a live SQLite database through SQLite's online backup API (writers may keep working). */
export async function backupSqlite(sourceFile: string, targetFile: string): Promise<void> {
  mkdirSync(dirname(targetFile), { recursive: true });
  const db = new SQLite(sourceFile, { readonly: true, fileMustExist: true });
  try {
    await db.backup(targetFile);
  } finally {
    db.close();
  }
}

/** Replaces the database file with a backup. The server must be stopped; the old file is kept beside it. */
export function restoreSqlite(backupFile: string, targetFile: string): string {
  const check = new SQLite(backupFile, { readonly: true, fileMustExist: true });
  try {
    const ok = check.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new Error(`${backupFile} failed the integrity check: ${String(ok)}`);
  } finally {
    check.close();
  }
  const kept = `${targetFile}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  if (existsSync(targetFile)) copyFileSync(targetFile, kept);
  for (const suffix of ['-wal', '-shm']) rmSync(`${targetFile}${suffix}`, { force: true });
  copyFileSync(backupFile, targetFile);
  return kept;
}

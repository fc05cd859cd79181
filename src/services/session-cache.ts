import type { SessionInfo } from './auth';
import { identityRevisionOf } from './context';

/**
 * How long this process trusts a session it has read from the database, for reads only (GET/HEAD; a
 * state change always reads the session afresh). Another process's logout, deactivation, role change or
 * password change is therefore seen here at most this late; this process's own changes are seen at once
 * (context.ts bumps the identity revision when a user or unit changes, logout forgets its entry).
 * Without it every authenticated request paid a session + user query: at S the bare `/api/auth/me` reached
 * about a third of what the same app serves on a public route (bench/RESULTS.md, auth floor).
 */
export const SESSION_CACHE_MS = 1000;
const MAX_ENTRIES = 20_000;
const SWEEP_EVERY_MS = 60_000;

interface Entry {
  info: SessionInfo;
  /** The session's idle expiry (ms): enforced on every hit, not only when the entry is read again. */
  expiresAt: number;
  readAt: number;
  revision: number;
}

interface Cache {
  entries: Map<string, Entry>;
  sweptAt: number;
}

// Per database handle, so several apps in one process (the tests) never see each other's sessions.
const caches = new WeakMap<object, Cache>();

function cacheOf(db: object): Cache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = { entries: new Map(), sweptAt: 0 }));
  return cache;
}

const fresh = (e: Entry, db: object, now: number) => e.revision === identityRevisionOf(db) && now >= e.readAt && now - e.readAt < SESSION_CACHE_MS && now < e.expiresAt;

/** The cached session for a token digest, or undefined when it must be read from the database. */
export function cachedSession(db: object, id: string, now: number): SessionInfo | undefined {
  const e = caches.get(db)?.entries.get(id);
  return e && fresh(e, db, now) ? e.info : undefined;
}

/**
 * Keeps a session read at `readAt`, unless a user or unit changed while it was being read (`revision` is
 * the identity revision from before the query): a logout racing the read must not be undone by it.
 */
export function rememberSession(db: object, id: string, info: SessionInfo, expiresAt: number, readAt: number, revision: number): void {
  if (revision !== identityRevisionOf(db)) return;
  const cache = cacheOf(db);
  if (readAt - cache.sweptAt >= SWEEP_EVERY_MS || readAt < cache.sweptAt) {
    cache.sweptAt = readAt;
    for (const [key, e] of cache.entries) if (!fresh(e, db, readAt)) cache.entries.delete(key);
  }
  cache.entries.delete(id);
  if (cache.entries.size >= MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!);
  cache.entries.set(id, { info: freezeSession(info), expiresAt, readAt, revision });
}

export function forgetSession(db: object, id: string): void {
  caches.get(db)?.entries.delete(id);
}

// One object now serves many requests: a handler that changed it would change it for the next caller.
function freezeSession(info: SessionInfo): SessionInfo {
  Object.freeze(info.actor.roles);
  Object.freeze(info.actor);
  Object.freeze(info.me.roles);
  Object.freeze(info.me.permissions);
  Object.freeze(info.me);
  return Object.freeze(info);
}

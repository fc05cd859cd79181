import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { sendError } from './error-handler';
import { issueMessage, langOf } from './messages';

/** The path of the first string holding U+0000 inside a parsed value, or null. */
function nulPath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (!value || typeof value !== 'object' || depth > 32) return null;
  // for…in over own keys: Object.entries built an array of pairs for every object on every request.
  for (const k in value) {
    if (!Object.hasOwn(value, k)) continue;
    const v = (value as Record<string, unknown>)[k];
    // The common case, a plain string, is looked at without building its path.
    if (k.includes('\u0000') || (typeof v === 'string' && v.includes('\u0000'))) return path ? `${path}.${k}` : k;
    if (typeof v !== 'object' || v === null) continue;
    const found = nulPath(v, path ? `${path}.${k}` : k, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/**
 * PostgreSQL cannot store U+0000 in text (SQLite can), so a NUL anywhere in a path, query or JSON body
 * would surface as a 500 from the database on one dialect only. No field of ours has a use for it:
 * refused at the edge as a validation failure, before any schema or service sees it.
 */
export function installNulGuard(app: FastifyInstance) {
  // Callback style: nothing here waits, and every request passes through it.
  app.addHook('preValidation', (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const path = nulPath(request.params, '') ?? nulPath(request.query, '') ?? nulPath(request.body, '');
    if (path === null) return done();
    sendError(request, reply, 'VALIDATION_FAILED', [{ path, message: issueMessage('invalid_format', {}, langOf(request.headers['accept-language'])) }]);
  });
}

import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction, onRequestHookHandler } from 'fastify';
import { scopeOf, type Permission } from '../domain';
import { cachedSessionOf, resolveSession, type SessionInfo } from '../services/auth';
import type { ServiceContext } from '../services/context';
import { sendError } from './error-handler';

/** What a route needs: nobody ('public'), any signed-in user ('authenticated'), or a permission. */
export type RoutePermission = 'public' | 'authenticated' | Permission;

export interface RouteEntry {
  method: string;
  url: string;
  permission: RoutePermission;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
  interface FastifyRequest {
    session: SessionInfo | null;
    sessionToken: string | null;
  }
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export const SESSION_COOKIE = 'sc_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Served by plugins (Swagger UI assets), public by nature: everything else under /api must declare a permission.
const UNDECLARED_OK = /^\/api\/docs(\/|$)/;

/**
 * Authorisation in one place. Every /api route must declare `config.permission` or the server refuses
 * to start; each request is checked before its body is even validated, by an onRequest hook the route gets
 * here with its permission (after the app-wide hooks: cookies are parsed, security headers set).
 */
export function installPolicy(app: FastifyInstance, ctx: ServiceContext) {
  app.decorate('routeTable', [] as RouteEntry[]);
  app.decorateRequest('session', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || UNDECLARED_OK.test(route.url)) return;
    const permission = route.config?.permission;
    if (!permission) throw new Error(`Route ${String(route.method)} ${route.url} declares no permission`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeTable.push({ method, url: route.url, permission });
    }
    // First among the route's own hooks (a new array: Fastify's HEAD twin of a GET shares the original).
    const own = route.onRequest;
    route.onRequest = [policyHook(ctx, permission), ...(own === undefined ? [] : Array.isArray(own) ? own : [own])];
  });
}

/**
 * The route's permission, closed over: no per-request lookup of the route's options. A read whose session
 * this process holds (≤ 1 s, services/session-cache.ts) is decided without a promise; otherwise the session is
 * read first. A state change always reads the database, so a session ended on another process can never
 * write again.
 */
function policyHook(ctx: ServiceContext, permission: RoutePermission): onRequestHookHandler {
  return function checkPolicy(request, reply, done) {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return decide(request, reply, done, permission);
    const read = SAFE_METHODS.has(request.method);
    const cached = read ? cachedSessionOf(ctx, token) : undefined;
    if (cached !== undefined) {
      request.session = cached;
      request.sessionToken = token;
      return decide(request, reply, done, permission);
    }
    resolveSession(ctx, token, { fresh: !read }).then((session) => {
      request.session = session;
      request.sessionToken = session ? token : null;
      decide(request, reply, done, permission);
    }, done);
  };
}

// A refusal sends its answer and ends the request there: `done` is only called to go on.
function decide(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction, permission: RoutePermission): void {
  if (permission === 'public') return done();
  const session = request.session;
  if (!session) return void sendError(request, reply, 'UNAUTHENTICATED');
  if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
    return void sendError(request, reply, 'CSRF_TOKEN_INVALID');
  }
  if (permission !== 'authenticated' && scopeOf(session.actor.roles, permission) === null) {
    return void sendError(request, reply, 'FORBIDDEN');
  }
  done();
}

import type { FastifyInstance } from 'fastify';
import { scopeOf, type Permission } from '../domain';
import { resolveSession, type SessionInfo } from '../services/auth';
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
 * to start; each request is checked here before its body is even validated.
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
  });

  app.addHook('onRequest', async (request, reply) => {
    const permission = request.routeOptions.config.permission;
    if (!permission) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      // Reads may use this process's ≤ 1 s session cache; a state change checks the database itself, so a
      // session ended on another process can never write again (services/session-cache.ts).
      request.session = await resolveSession(ctx, token, { fresh: !SAFE_METHODS.has(request.method) });
      request.sessionToken = request.session ? token : null;
    }
    if (permission === 'public') return;
    const session = request.session;
    if (!session) return sendError(request, reply, 'UNAUTHENTICATED');
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      return sendError(request, reply, 'CSRF_TOKEN_INVALID');
    }
    if (permission !== 'authenticated' && scopeOf(session.actor.roles, permission) === null) {
      return sendError(request, reply, 'FORBIDDEN');
    }
  });
}

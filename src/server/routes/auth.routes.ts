import { z } from 'zod';
import { changeOwnPassword, login, logout } from '../../services/auth';
import { SESSION_COOKIE } from '../policy';
import { errorResponses } from '../schemas/common.schemas';
import { ZChangePasswordBody, ZLoginBody, ZSessionView } from '../schemas/auth.schemas';
import { actorOf, type RouteDeps, type ZApp } from './route-kit';

export function authRoutes(app: ZApp, { ctx, cookieSecure }: RouteDeps, loginRateLimit: { max: number; timeWindow: number }) {
  app.post(
    '/api/auth/login',
    {
      config: { permission: 'public', rateLimit: { ...loginRateLimit, keyGenerator: (req) => `${req.ip}|${String((req.body as { username?: unknown } | undefined)?.username ?? '')}` } },
      schema: { tags: ['auth'], body: ZLoginBody, response: { 200: ZSessionView, ...errorResponses, 423: errorResponses[400] } },
    },
    async (req, reply) => {
      const { token, csrfToken, me } = await login(ctx, req.body.username, req.body.password);
      reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: cookieSecure, path: '/' });
      return { user: me, csrfToken };
    },
  );

  app.post('/api/auth/logout', { config: { permission: 'authenticated' }, schema: { tags: ['auth'], response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await logout(ctx, actorOf(req), req.sessionToken ?? '');
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/api/auth/me', { config: { permission: 'authenticated' }, schema: { tags: ['auth'], response: { 200: ZSessionView, ...errorResponses } } }, async (req) => ({
    user: req.session!.me,
    csrfToken: req.session!.csrfToken,
  }));

  app.post(
    '/api/auth/password',
    { config: { permission: 'authenticated' }, schema: { tags: ['auth'], body: ZChangePasswordBody, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      await changeOwnPassword(ctx, actorOf(req), req.body.currentPassword, req.body.newPassword, req.sessionToken ?? '');
      return reply.status(204).send(null);
    },
  );
}

import { z } from 'zod';
import type { RouteDeps, ZApp } from './route-kit';

export function healthRoutes(app: ZApp, { ctx, version }: RouteDeps) {
  app.get(
    '/api/health',
    {
      config: { permission: 'public' },
      schema: { tags: ['system'], response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['sqlite', 'postgres']), version: z.string() }) } },
    },
    async () => {
      await ctx.db.selectFrom('plan').select('id').limit(1).execute();
      return { status: 'ok' as const, db: ctx.dialect, version };
    },
  );
  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());
}

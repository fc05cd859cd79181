import { z } from 'zod';
import type { RouteDeps, ZApp } from './route-kit';

export function healthRoutes(app: ZApp, { ctx, version }: RouteDeps) {
  app.get(
    '/api/health',
    {
      config: { permission: 'public' },
      schema: { tags: ['system'], response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['sqlite', 'postgres']), version: z.string(), demo: z.boolean() }) } },
    },
    async () => {
      const plans = await ctx.db.selectFrom('plan').select('settings').execute();
      // The web shows a "demo data" banner whenever any plan carries demo data.
      const demo = plans.some((p) => (JSON.parse(p.settings) as { demo?: boolean }).demo === true);
      return { status: 'ok' as const, db: ctx.dialect, version, demo };
    },
  );
  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());
}

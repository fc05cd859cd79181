import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../services/context';
import { frameworkError, installErrorHandler, sendError } from './error-handler';
import { installPolicy } from './policy';
import { installNulGuard } from './reject-nul';
import { installSecurityHeaders } from './security-headers';
import { auditRoutes, referenceRoutes, unitRoutes, userRoutes } from './routes/admin.routes';
import { authRoutes } from './routes/auth.routes';
import { healthRoutes } from './routes/health.routes';
import { planRoutes } from './routes/plan.routes';
import { reportingRoutes } from './routes/reporting.routes';
import { statusRoutes } from './routes/status.routes';
import { importRoutes } from './routes/import.routes';
import { followUpRoutes } from './routes/follow-up.routes';
import { networkRoutes } from './routes/network.routes';
import { coordinationRoutes } from './routes/coordination.routes';
import { indicatorRoutes } from './routes/indicator.routes';
import { bulletinRoutes } from './routes/bulletin.routes';
import { assessmentRoutes } from './routes/assessment.routes';
import { projectRoutes } from './routes/project.routes';
import type { RouteDeps } from './routes/route-kit';

export interface AppOptions {
  ctx: ServiceContext;
  version: string;
  logLevel?: string;
  cookieSecure?: boolean;
  bodyLimit?: number;
  loginRateLimitPerMinute?: number;
  /** The built web app (dist/web); not served when absent, as in API tests. */
  webRoot?: string | null;
  geoDir?: string | undefined;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: opts.logLevel ?? 'info' },
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    trustProxy: true,
    // Keep the zod-parsed query (numbers, booleans) instead of ajv's string coercion.
    ajv: { customOptions: { coerceTypes: false } },
    frameworkErrors: frameworkError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(fastifyCookie);
  await installSecurityHeaders(app, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design injects its CSS-in-JS styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
  });
  await app.register(fastifyRateLimit, { global: false, errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, message: `retry in ${ctx.after}` }) });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: '双城 Shuangcheng API', description: 'Delivery tracking for the Chengdu–Chongqing Twin-City Economic Circle Decision', version: opts.version },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sc_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  installPolicy(app, opts.ctx);
  installNulGuard(app);
  const deps: RouteDeps = { ctx: opts.ctx, cookieSecure: opts.cookieSecure ?? false, version: opts.version, geoDir: opts.geoDir };
  healthRoutes(app, deps);
  authRoutes(app, deps, { max: opts.loginRateLimitPerMinute ?? 10, timeWindow: 60_000 });
  planRoutes(app, deps);
  unitRoutes(app, deps);
  userRoutes(app, deps);
  auditRoutes(app, deps);
  referenceRoutes(app, deps);
  statusRoutes(app, deps);
  followUpRoutes(app, deps);
  networkRoutes(app, deps);
  bulletinRoutes(app, deps);
  // Multipart only for the route groups that take uploads (a new upload route belongs in one of them):
  // @fastify/multipart hangs an onRequest hook (with a 'close' listener) and an onResponse hook on every
  // request of its scope, to clean files saved to disk, which no route does (they stream: upload.ts). The
  // scope inherits the app's policy, hooks, error and not-found handlers like every other route.
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 5 } });
    const uploads = scope.withTypeProvider<ZodTypeProvider>();
    reportingRoutes(uploads, deps);
    importRoutes(uploads, deps);
    coordinationRoutes(uploads, deps);
    indicatorRoutes(uploads, deps);
    assessmentRoutes(uploads, deps);
    projectRoutes(uploads, deps);
  });

  const webRoot = opts.webRoot;
  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: webRoot, wildcard: true, index: ['index.html'] });
  }
  // Unknown /api paths are errors; any other GET is a page of the single-page app.
  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && !request.url.startsWith('/api') && webRoot && existsSync(join(webRoot, 'index.html'))) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendError(request, reply, 'NOT_FOUND');
  });
  return app;
}

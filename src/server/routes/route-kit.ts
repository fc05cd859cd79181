import { createHash } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainError } from '../../domain';
import type { Actor, ServiceContext } from '../../services/context';

export type ZApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export interface RouteDeps {
  ctx: ServiceContext;
  cookieSecure: boolean;
  version: string;
  geoDir?: string | undefined;
}

/** The acting user of an authenticated route (the policy hook has already rejected anonymous calls). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.session) throw new DomainError('UNAUTHENTICATED');
  return request.session.actor;
}

/**
 * For large lists whose items the service already builds field by field (no row is passed through), a
 * plain JSON serializer: the zod schema still documents the response, but checking thousands of nodes
 * on every request cost more than the query (bench/RESULTS.md, /nodes at S).
 */
export const plainJson = { serializerCompiler: () => (data: unknown) => JSON.stringify(data) } as const;

/**
 * Plain JSON whose encoded body is kept with the object: for responses a service hands out again and again
 * until the next write (the plan tree, the cockpit, the plan's status, My tasks pages), so each is
 * stringified and UTF-8 encoded once, not per request. The body carries an ETag (a hash of its bytes), and a
 * client that sends it back gets 304 without the body: the outline is ~420 KB at the Decision's size.
 */
const jsonBodies = new WeakMap<object, Buffer>();
const bodyTags = new WeakMap<Buffer, string>();
export const memoJson = {
  serializerCompiler: () => (data: unknown) => {
    if (typeof data !== 'object' || data === null) return JSON.stringify(data);
    let body = jsonBodies.get(data);
    if (body === undefined) {
      body = Buffer.from(JSON.stringify(data));
      bodyTags.set(body, `"${createHash('sha1').update(body).digest('base64url')}"`);
      jsonBodies.set(data, body);
    }
    return body as unknown as string;
  },
  onSend: (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: null, payload: unknown) => void) => {
    const tag = Buffer.isBuffer(payload) && reply.statusCode === 200 ? bodyTags.get(payload) : undefined;
    if (tag === undefined) return done(null, payload);
    reply.header('etag', tag);
    if (request.headers['if-none-match'] === tag) {
      reply.code(304);
      return done(null, null);
    }
    done(null, payload);
  },
} as const;

import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
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
 * Plain JSON whose text is kept with the object: for responses a service hands out again and again
 * until the next write (the plan tree, the cockpit), so each is stringified once, not per request.
 */
const jsonTexts = new WeakMap<object, string>();
export const memoJson = {
  serializerCompiler: () => (data: unknown) => {
    if (typeof data !== 'object' || data === null) return JSON.stringify(data);
    let text = jsonTexts.get(data);
    if (text === undefined) jsonTexts.set(data, (text = JSON.stringify(data)));
    return text;
  },
} as const;

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

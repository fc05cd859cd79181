import { z } from 'zod';
import * as audit from '../../services/audit';
import * as reference from '../../services/reference';
import { createGeoSource, GEO_LAYERS, type GeoLayer } from '../../services/geo';
import * as units from '../../services/units';
import * as users from '../../services/users';
import { errorResponses } from '../schemas/common.schemas';
import {
  ZAuditPage,
  ZAuditQuery,
  ZAuditVerify,
  ZCreateUnitBody,
  ZCreateUserBody,
  ZDivision,
  ZPlatform,
  ZResetPasswordBody,
  ZUnit,
  ZUnitPage,
  ZUnitParams,
  ZUnitsQuery,
  ZUpdateUnitBody,
  ZUpdateUserBody,
  ZUser,
  ZUserPage,
  ZUserParams,
  ZUsersQuery,
} from '../schemas/admin.schemas';
import { actorOf, type RouteDeps, type ZApp } from './route-kit';

export function unitRoutes(app: ZApp, { ctx }: RouteDeps) {
  const tags = ['units'];
  app.get('/api/units', { config: { permission: 'unit:read' }, schema: { tags, querystring: ZUnitsQuery, response: { 200: ZUnitPage, ...errorResponses } } }, async (req) => {
    const { page, pageSize, order, sort, ...filter } = req.query;
    return { ...(await units.listUnits(ctx, filter, { page, pageSize, order, sort })), page, pageSize };
  });
  app.get('/api/units/:unitId', { config: { permission: 'unit:read' }, schema: { tags, params: ZUnitParams, response: { 200: ZUnit, ...errorResponses } } }, (req) =>
    units.getUnit(ctx, req.params.unitId),
  );
  app.post('/api/units', { config: { permission: 'unit:manage' }, schema: { tags, body: ZCreateUnitBody, response: { 201: ZUnit, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await units.createUnit(ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/api/units/:unitId',
    { config: { permission: 'unit:manage' }, schema: { tags, params: ZUnitParams, body: ZUpdateUnitBody, response: { 200: ZUnit, ...errorResponses } } },
    (req) => units.updateUnit(ctx, actorOf(req), req.params.unitId, req.body),
  );
}

export function userRoutes(app: ZApp, { ctx }: RouteDeps) {
  const tags = ['users'];
  app.get('/api/users', { config: { permission: 'user:read' }, schema: { tags, querystring: ZUsersQuery, response: { 200: ZUserPage, ...errorResponses } } }, async (req) => {
    const { page, pageSize, order, sort, ...filter } = req.query;
    return { ...(await users.listUsers(ctx, actorOf(req), filter, { page, pageSize, order, sort })), page, pageSize };
  });
  app.post('/api/users', { config: { permission: 'user:manage' }, schema: { tags, body: ZCreateUserBody, response: { 201: ZUser, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await users.createUser(ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/api/users/:userId',
    { config: { permission: 'user:manage' }, schema: { tags, params: ZUserParams, body: ZUpdateUserBody, response: { 200: ZUser, ...errorResponses } } },
    (req) => users.updateUser(ctx, actorOf(req), req.params.userId, req.body),
  );
  app.post(
    '/api/users/:userId/reset-password',
    { config: { permission: 'user:manage' }, schema: { tags, params: ZUserParams, body: ZResetPasswordBody, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      await users.resetPassword(ctx, actorOf(req), req.params.userId, req.body.password);
      return reply.status(204).send(null);
    },
  );
}

export function auditRoutes(app: ZApp, { ctx }: RouteDeps) {
  const tags = ['audit'];
  app.get('/api/audit', { config: { permission: 'audit:read' }, schema: { tags, querystring: ZAuditQuery, response: { 200: ZAuditPage, ...errorResponses } } }, async (req) => {
    const { page, pageSize, ...filter } = req.query;
    return { ...(await audit.listAudit(ctx, filter, { page, pageSize })), page, pageSize };
  });
  app.get('/api/audit/verify', { config: { permission: 'audit:read' }, schema: { tags, response: { 200: ZAuditVerify, ...errorResponses } } }, () => audit.verifyAuditChain(ctx.db));
}

export function referenceRoutes(app: ZApp, { ctx, geoDir }: RouteDeps) {
  const geo = createGeoSource(geoDir);
  app.get(
    '/api/geo/:layer',
    {
      config: { permission: 'reference:read' },
      schema: { tags: ['reference'], params: z.object({ layer: z.enum(Object.keys(GEO_LAYERS) as [GeoLayer, ...GeoLayer[]]) }), response: { 200: z.any(), ...errorResponses } },
    },
    async (req, reply) => {
      const g = geo(req.params.layer);
      // The header tells the web whether to print the "schematic map" label.
      return reply.header('content-type', 'application/geo+json; charset=utf-8').header('x-map-schematic', String(g.schematic)).header('cache-control', 'private, max-age=86400').send(g.body);
    },
  );
  const tags = ['reference'];
  const config = { permission: 'reference:read' } as const;
  app.get('/api/divisions', { config, schema: { tags, response: { 200: z.object({ items: z.array(ZDivision) }), ...errorResponses } } }, async () => ({
    items: await reference.listDivisions(ctx),
  }));
  app.get('/api/platforms', { config, schema: { tags, response: { 200: z.object({ items: z.array(ZPlatform) }), ...errorResponses } } }, async () => ({
    items: await reference.listPlatforms(ctx),
  }));
}

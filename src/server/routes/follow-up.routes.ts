import { z } from 'zod';
import { listNotifications, markRead } from '../../services/follow-up/notifications';
import { closeSupervision, escalateSupervision, getSupervision, issueSupervision, listSupervision, proposeSupervisionItems, respondSupervision } from '../../services/follow-up/supervision';
import { langOf } from '../messages';
import { errorResponses, ZId } from '../schemas/common.schemas';
import {
  ZCloseBody,
  ZEscalateBody,
  ZIssueBody,
  ZNotificationPage,
  ZNotificationQuery,
  ZProposal,
  ZRespondBody,
  ZSupervisionDetail,
  ZSupervisionItem,
  ZSupervisionPage,
  ZSupervisionParams,
  ZSupervisionQuery,
} from '../schemas/follow-up.schemas';
import { ZPlanParams } from '../schemas/plan.schemas';
import { actorOf, type RouteDeps, type ZApp } from './route-kit';

export function followUpRoutes(app: ZApp, { ctx }: RouteDeps) {
  const tags = ['supervision'];
  app.get(
    '/api/plans/:planId/supervision',
    { config: { permission: 'plan:read' }, schema: { tags, params: ZPlanParams, querystring: ZSupervisionQuery, response: { 200: ZSupervisionPage, ...errorResponses } } },
    (req) => {
      const { page, pageSize, ...filter } = req.query;
      return listSupervision(ctx, actorOf(req), req.params.planId, filter, { page, pageSize });
    },
  );
  app.get(
    '/api/plans/:planId/supervision/proposals',
    { config: { permission: 'supervision:manage' }, schema: { tags, params: ZPlanParams, response: { 200: z.object({ items: z.array(ZProposal) }), ...errorResponses } } },
    async (req) => ({ items: await proposeSupervisionItems(ctx, req.params.planId, langOf(req.headers['accept-language'])) }),
  );
  app.post(
    '/api/plans/:planId/supervision',
    { config: { permission: 'supervision:manage' }, schema: { tags, params: ZPlanParams, body: ZIssueBody, response: { 201: ZSupervisionItem, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await issueSupervision(ctx, actorOf(req), req.params.planId, req.body)),
  );
  app.get('/api/supervision/:id', { config: { permission: 'plan:read' }, schema: { tags, params: ZSupervisionParams, response: { 200: ZSupervisionDetail, ...errorResponses } } }, (req) =>
    getSupervision(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/supervision/:id/respond',
    { config: { permission: 'supervision:respond' }, schema: { tags, params: ZSupervisionParams, body: ZRespondBody, response: { 200: ZSupervisionItem, ...errorResponses } } },
    (req) => respondSupervision(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/supervision/:id/close',
    { config: { permission: 'supervision:manage' }, schema: { tags, params: ZSupervisionParams, body: ZCloseBody, response: { 200: ZSupervisionItem, ...errorResponses } } },
    (req) => closeSupervision(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/supervision/:id/escalate',
    { config: { permission: 'supervision:manage' }, schema: { tags, params: ZSupervisionParams, body: ZEscalateBody, response: { 201: ZSupervisionItem, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await escalateSupervision(ctx, actorOf(req), req.params.id, req.body)),
  );

  const ntags = ['notifications'];
  app.get('/api/notifications', { config: { permission: 'authenticated' }, schema: { tags: ntags, querystring: ZNotificationQuery, response: { 200: ZNotificationPage, ...errorResponses } } }, (req) =>
    listNotifications(ctx, actorOf(req), { unreadOnly: req.query.unread, page: req.query.page, pageSize: req.query.pageSize }),
  );
  app.post(
    '/api/notifications/:id/read',
    { config: { permission: 'authenticated' }, schema: { tags: ntags, params: z.object({ id: z.union([ZId, z.literal('all')]) }), response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      await markRead(ctx, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
}

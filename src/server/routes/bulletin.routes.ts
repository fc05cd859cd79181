import { z } from 'zod';
import * as bulletins from '../../services/bulletin';
import { errorResponses } from '../schemas/common.schemas';
import {
  ZBulletinDetail,
  ZBulletinDownloadPage,
  ZBulletinFileParams,
  ZBulletinPage,
  ZBulletinParams,
  ZBulletinQuery,
  ZDeleteQuery,
  ZDownloadQuery,
  ZGenerateBulletinBody,
  ZUpdateBulletinBody,
  ZVersionBody,
} from '../schemas/bulletin.schemas';
import { ZPlanParams } from '../schemas/plan.schemas';
import { actorOf, type RouteDeps, type ZApp } from './route-kit';

/**
 * Bulletins (通报, issue 5). The office drafts, edits and publishes; anyone who reads the cockpit reads
 * and downloads what has been published (the service hides drafts from them).
 */
export function bulletinRoutes(app: ZApp, { ctx }: RouteDeps) {
  const read = { permission: 'cockpit:read' } as const;
  const manage = { permission: 'bulletin:manage' } as const;
  const tags = ['bulletins'];

  app.get('/api/plans/:planId/bulletins', { config: read, schema: { tags, params: ZPlanParams, querystring: ZBulletinQuery, response: { 200: ZBulletinPage, ...errorResponses } } }, (req) => {
    const { page, pageSize, ...filter } = req.query;
    return bulletins.listBulletins(ctx, actorOf(req), req.params.planId, filter, { page, pageSize });
  });
  app.post(
    '/api/plans/:planId/bulletins',
    { config: manage, schema: { tags, params: ZPlanParams, body: ZGenerateBulletinBody, response: { 201: ZBulletinDetail, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await bulletins.generateBulletin(ctx, actorOf(req), req.params.planId, req.body)),
  );
  app.get('/api/bulletins/:id', { config: read, schema: { tags, params: ZBulletinParams, response: { 200: ZBulletinDetail, ...errorResponses } } }, (req) =>
    bulletins.getBulletin(ctx, actorOf(req), req.params.id),
  );
  app.patch('/api/bulletins/:id', { config: manage, schema: { tags, params: ZBulletinParams, body: ZUpdateBulletinBody, response: { 200: ZBulletinDetail, ...errorResponses } } }, (req) =>
    bulletins.updateBulletin(ctx, actorOf(req), req.params.id, req.body),
  );
  app.delete('/api/bulletins/:id', { config: manage, schema: { tags, params: ZBulletinParams, querystring: ZDeleteQuery, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await bulletins.deleteDraft(ctx, actorOf(req), req.params.id, req.query.version);
    return reply.status(204).send(null);
  });
  app.post('/api/bulletins/:id/refresh', { config: manage, schema: { tags, params: ZBulletinParams, body: ZVersionBody, response: { 200: ZBulletinDetail, ...errorResponses } } }, (req) =>
    bulletins.refreshBulletin(ctx, actorOf(req), req.params.id, req.body.version),
  );
  app.post('/api/bulletins/:id/publish', { config: manage, schema: { tags, params: ZBulletinParams, body: ZVersionBody, response: { 200: ZBulletinDetail, ...errorResponses } } }, (req) =>
    bulletins.publishBulletin(ctx, actorOf(req), req.params.id, req.body.version),
  );
  app.get('/api/bulletins/:id/files/:format', { config: read, schema: { tags, params: ZBulletinFileParams, response: { 200: z.any(), ...errorResponses } } }, async (req, reply) => {
    const file = await bulletins.downloadBulletin(ctx, actorOf(req), req.params.id, req.params.format);
    return reply
      .header('content-type', file.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('cache-control', 'private, no-store')
      .send(file.content);
  });
  app.get(
    '/api/bulletins/:id/downloads',
    { config: manage, schema: { tags, params: ZBulletinParams, querystring: ZDownloadQuery, response: { 200: ZBulletinDownloadPage, ...errorResponses } } },
    (req) => bulletins.listDownloads(ctx, actorOf(req), req.params.id, req.query),
  );
}

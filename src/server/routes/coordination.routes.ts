import { z } from 'zod';
import * as coordination from '../../services/coordination';
import { langOf } from '../messages';
import { errorResponses } from '../schemas/common.schemas';
import {
  ZAgreementDetail,
  ZAgreementPage,
  ZAgreementQuery,
  ZCoordinationCockpit,
  ZCreateAgreementBody,
  ZCreateMeetingBody,
  ZCreateRequestBody,
  ZDecisionImportResult,
  ZDecisionPreview,
  ZExpiring,
  ZExpiringQuery,
  ZIdParams,
  ZMeeting,
  ZMeetingDetail,
  ZMeetingPage,
  ZMeetingQuery,
  ZNationalRequest,
  ZNationalRequestDetail,
  ZRequestCounts,
  ZRequestExportQuery,
  ZRequestPage,
  ZRequestQuery,
  ZSourcedTask,
  ZSourcedTaskBody,
  ZUpdateAgreementBody,
  ZUpdateMeetingBody,
  ZUpdateRequestBody,
} from '../schemas/coordination.schemas';
import { ZPlanParams } from '../schemas/plan.schemas';
import { actorOf, type RouteDeps, type ZApp } from './route-kit';
import { readUpload } from './upload';

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const uploadErrors = { ...errorResponses, 413: errorResponses[400], 415: errorResponses[400] };

/** Meetings of the three layers and their decisions, agreements and their matters, requests to the national level (issue 8). */
export function coordinationRoutes(app: ZApp, { ctx }: RouteDeps) {
  const read = { permission: 'plan:read' } as const;
  const edit = { permission: 'plan:edit' } as const;
  const lang = (req: { headers: Record<string, unknown> }) => langOf(req.headers['accept-language'] as string | undefined);

  // The cockpit's coordination card: counts only, for everyone who sees the cockpit.
  app.get(
    '/api/plans/:planId/cockpit/coordination',
    { config: { permission: 'cockpit:read' }, schema: { tags: ['cockpit'], params: ZPlanParams, response: { 200: ZCoordinationCockpit, ...errorResponses } } },
    (req) => coordination.coordinationCockpit(ctx, req.params.planId),
  );

  // Meetings
  let tags = ['meetings'];
  app.get('/api/plans/:planId/meetings', { config: read, schema: { tags, params: ZPlanParams, querystring: ZMeetingQuery, response: { 200: ZMeetingPage, ...errorResponses } } }, (req) => {
    const { page, pageSize, ...filter } = req.query;
    return coordination.listMeetings(ctx, req.params.planId, filter, { page, pageSize });
  });
  app.post(
    '/api/plans/:planId/meetings',
    { config: edit, schema: { tags, params: ZPlanParams, body: ZCreateMeetingBody, response: { 201: ZMeeting, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await coordination.createMeeting(ctx, actorOf(req), req.params.planId, req.body)),
  );
  app.get('/api/meetings/:id', { config: read, schema: { tags, params: ZIdParams, response: { 200: ZMeetingDetail, ...errorResponses } } }, (req) =>
    coordination.getMeeting(ctx, req.params.id, lang(req)),
  );
  app.patch('/api/meetings/:id', { config: edit, schema: { tags, params: ZIdParams, body: ZUpdateMeetingBody, response: { 200: ZMeeting, ...errorResponses } } }, (req) =>
    coordination.updateMeeting(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/meetings/:id/decisions',
    { config: edit, schema: { tags, params: ZIdParams, body: ZSourcedTaskBody, response: { 201: ZSourcedTask, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await coordination.addDecision(ctx, actorOf(req), req.params.id, req.body, lang(req))),
  );
  app.post(
    '/api/meetings/:id/decisions/import/preview',
    { config: edit, schema: { tags, params: ZIdParams, consumes: ['multipart/form-data'], response: { 200: ZDecisionPreview, ...uploadErrors } } },
    async (req) => coordination.previewDecisionImport(ctx, req.params.id, (await readUpload(req, MAX_IMPORT_BYTES)).content),
  );
  app.post(
    '/api/meetings/:id/decisions/import/apply',
    { config: edit, schema: { tags, params: ZIdParams, consumes: ['multipart/form-data'], response: { 200: ZDecisionImportResult, ...uploadErrors } } },
    async (req) => {
      const upload = await readUpload(req, MAX_IMPORT_BYTES);
      return coordination.applyDecisionImport(ctx, actorOf(req), req.params.id, upload.content, { articleId: upload.fields.articleId || undefined });
    },
  );

  // Agreements
  tags = ['agreements'];
  app.get('/api/plans/:planId/agreements', { config: read, schema: { tags, params: ZPlanParams, querystring: ZAgreementQuery, response: { 200: ZAgreementPage, ...errorResponses } } }, (req) => {
    const { page, pageSize, ...filter } = req.query;
    return coordination.listAgreements(ctx, req.params.planId, filter, { page, pageSize }, lang(req));
  });
  app.get('/api/plans/:planId/agreements/expiring', { config: read, schema: { tags, params: ZPlanParams, querystring: ZExpiringQuery, response: { 200: ZExpiring, ...errorResponses } } }, (req) =>
    coordination.listExpiringAgreements(ctx, req.params.planId, req.query.withinDays, lang(req)),
  );
  app.post(
    '/api/plans/:planId/agreements',
    { config: edit, schema: { tags, params: ZPlanParams, body: ZCreateAgreementBody, response: { 201: ZAgreementDetail, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await coordination.createAgreement(ctx, actorOf(req), req.params.planId, req.body, lang(req))),
  );
  app.get('/api/agreements/:id', { config: read, schema: { tags, params: ZIdParams, response: { 200: ZAgreementDetail, ...errorResponses } } }, (req) =>
    coordination.getAgreement(ctx, req.params.id, lang(req)),
  );
  app.patch('/api/agreements/:id', { config: edit, schema: { tags, params: ZIdParams, body: ZUpdateAgreementBody, response: { 200: ZAgreementDetail, ...errorResponses } } }, (req) =>
    coordination.updateAgreement(ctx, actorOf(req), req.params.id, req.body, lang(req)),
  );
  app.post(
    '/api/agreements/:id/matters',
    { config: edit, schema: { tags, params: ZIdParams, body: ZSourcedTaskBody, response: { 201: ZSourcedTask, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await coordination.addMatter(ctx, actorOf(req), req.params.id, req.body, lang(req))),
  );

  // Requests to the national level
  tags = ['national-requests'];
  app.get('/api/plans/:planId/national-requests', { config: read, schema: { tags, params: ZPlanParams, querystring: ZRequestQuery, response: { 200: ZRequestPage, ...errorResponses } } }, (req) => {
    const { page, pageSize, ...filter } = req.query;
    return coordination.listRequests(ctx, req.params.planId, filter, { page, pageSize });
  });
  app.get('/api/plans/:planId/national-requests/counts', { config: read, schema: { tags, params: ZPlanParams, response: { 200: ZRequestCounts, ...errorResponses } } }, (req) =>
    coordination.countRequests(ctx, req.params.planId),
  );
  app.get(
    '/api/plans/:planId/national-requests/export',
    { config: read, schema: { tags, params: ZPlanParams, querystring: ZRequestExportQuery, response: { 200: z.any(), ...errorResponses } } },
    async (req, reply) => {
      const { fileName, content } = await coordination.exportRequests(ctx, req.params.planId, req.query);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(content);
    },
  );
  app.post(
    '/api/plans/:planId/national-requests',
    { config: edit, schema: { tags, params: ZPlanParams, body: ZCreateRequestBody, response: { 201: ZNationalRequest, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await coordination.createRequest(ctx, actorOf(req), req.params.planId, req.body)),
  );
  app.get('/api/national-requests/:id', { config: read, schema: { tags, params: ZIdParams, response: { 200: ZNationalRequestDetail, ...errorResponses } } }, (req) =>
    coordination.getRequest(ctx, req.params.id, lang(req)),
  );
  app.patch('/api/national-requests/:id', { config: edit, schema: { tags, params: ZIdParams, body: ZUpdateRequestBody, response: { 200: ZNationalRequest, ...errorResponses } } }, (req) =>
    coordination.updateRequest(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/national-requests/:id/tasks',
    { config: edit, schema: { tags, params: ZIdParams, body: ZSourcedTaskBody, response: { 201: ZSourcedTask, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await coordination.addRequestTask(ctx, actorOf(req), req.params.id, req.body, lang(req))),
  );
}

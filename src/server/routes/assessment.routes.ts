import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../domain';
import * as assessment from '../../services/assessment';
import { assertUnitReach } from '../../services/assessment/access';
import { MAX_FILE_BYTES } from '../../services/assessment/files';
import { errorResponses } from '../schemas/common.schemas';
import {
  ZAdjustment,
  ZAdjustmentBody,
  ZAdjustmentList,
  ZAppeal,
  ZAppealBody,
  ZAppealPage,
  ZAppealQuery,
  ZAssessmentFile,
  ZAssessmentHistoryParams,
  ZAssessmentHistoryQuery,
  ZAssessmentIdParams,
  ZAssessmentItem,
  ZAssessmentPeriod,
  ZAssessmentPeriodDetail,
  ZAssessmentUnitParams,
  ZCreatePeriodBody,
  ZDecideBody,
  ZLeagueQuery,
  ZLeagueTables,
  ZPeriodPage,
  ZPeriodQuery,
  ZPublishBody,
  ZReopenBody,
  ZSaveItemsBody,
  ZUnitBreakdown,
  ZUnitHistory,
  ZUpdatePeriodBody,
  ZVersionBody,
} from '../schemas/assessment.schemas';
import { ZPlanParams } from '../schemas/plan.schemas';
import { actorOf, type RouteDeps, type ZApp } from './route-kit';

const uploadErrors = { ...errorResponses, 413: errorResponses[400], 415: errorResponses[400] };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Assessment (考核, issue 5): schemes, computation, appeals, publication, league tables and a unit's own breakdown. */
export function assessmentRoutes(app: ZApp, { ctx }: RouteDeps) {
  const read = { permission: 'assessment:read' } as const;
  const manage = { permission: 'assessment:manage' } as const;
  const appeal = { permission: 'assessment:appeal' } as const;
  const tags = ['assessment'];

  async function oneFile(req: FastifyRequest) {
    if (!req.isMultipart()) throw new DomainError('VALIDATION_FAILED', { field: 'file' });
    const file = await req.file({ limits: { fileSize: MAX_FILE_BYTES, files: 1 } });
    if (!file) throw new DomainError('VALIDATION_FAILED', { field: 'file' });
    const content = await file.toBuffer();
    if (file.file.truncated) throw new DomainError('ATTACHMENT_TOO_LARGE', { max: MAX_FILE_BYTES });
    return { fileName: file.filename, content };
  }

  // Periods and their schemes
  app.get('/api/plans/:planId/assessment/periods', { config: read, schema: { tags, params: ZPlanParams, querystring: ZPeriodQuery, response: { 200: ZPeriodPage, ...errorResponses } } }, (req) => {
    const { page, pageSize, ...filter } = req.query;
    return assessment.listPeriods(ctx, req.params.planId, filter, { page, pageSize });
  });
  app.post(
    '/api/plans/:planId/assessment/periods',
    { config: manage, schema: { tags, params: ZPlanParams, body: ZCreatePeriodBody, response: { 201: ZAssessmentPeriod, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await assessment.createPeriod(ctx, actorOf(req), req.params.planId, req.body)),
  );
  app.get('/api/assessment/periods/:id', { config: read, schema: { tags, params: ZAssessmentIdParams, response: { 200: ZAssessmentPeriodDetail, ...errorResponses } } }, (req) =>
    assessment.getPeriodDetail(ctx, req.params.id),
  );
  app.patch('/api/assessment/periods/:id', { config: manage, schema: { tags, params: ZAssessmentIdParams, body: ZUpdatePeriodBody, response: { 200: ZAssessmentPeriod, ...errorResponses } } }, (req) =>
    assessment.updatePeriod(ctx, actorOf(req), req.params.id, req.body),
  );
  app.put('/api/assessment/periods/:id/items', { config: manage, schema: { tags, params: ZAssessmentIdParams, body: ZSaveItemsBody, response: { 200: z.object({ items: z.array(ZAssessmentItem) }), ...errorResponses } } }, async (req) => ({
    items: await assessment.saveItems(ctx, actorOf(req), req.params.id, req.body),
  }));
  app.post('/api/assessment/periods/:id/compute', { config: manage, schema: { tags, params: ZAssessmentIdParams, body: ZVersionBody, response: { 200: ZAssessmentPeriod, ...errorResponses } } }, (req) =>
    assessment.computePeriod(ctx, actorOf(req), req.params.id, req.body.version),
  );
  app.post('/api/assessment/periods/:id/publish', { config: manage, schema: { tags, params: ZAssessmentIdParams, body: ZPublishBody, response: { 200: ZAssessmentPeriod, ...errorResponses } } }, (req) =>
    assessment.publishPeriod(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post('/api/assessment/periods/:id/reopen', { config: manage, schema: { tags, params: ZAssessmentIdParams, body: ZReopenBody, response: { 200: ZAssessmentPeriod, ...errorResponses } } }, (req) =>
    assessment.reopenPeriod(ctx, actorOf(req), req.params.id, req.body),
  );

  // Results
  app.get('/api/assessment/periods/:id/league-tables', { config: read, schema: { tags, params: ZAssessmentIdParams, querystring: ZLeagueQuery, response: { 200: ZLeagueTables, ...errorResponses } } }, async (req) => {
    const { tables: _full, ...view } = await assessment.getLeagueTables(ctx, actorOf(req), req.params.id, req.query.group);
    return view;
  });
  app.get('/api/assessment/periods/:id/league-tables/export', { config: read, schema: { tags, params: ZAssessmentIdParams, querystring: ZLeagueQuery, response: { 200: z.any(), ...errorResponses } } }, async (req, reply) => {
    const { fileName, content } = await assessment.exportLeagueTables(ctx, actorOf(req), req.params.id, req.query.group);
    return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`).send(content);
  });
  app.get('/api/assessment/periods/:id/units/:unitId', { config: read, schema: { tags, params: ZAssessmentUnitParams, response: { 200: ZUnitBreakdown, ...errorResponses } } }, (req) =>
    assessment.getUnitBreakdown(ctx, actorOf(req), req.params.id, req.params.unitId),
  );
  app.get('/api/assessment/units/:unitId/history', { config: read, schema: { tags, params: ZAssessmentHistoryParams, querystring: ZAssessmentHistoryQuery, response: { 200: ZUnitHistory, ...errorResponses } } }, (req) =>
    assessment.getUnitHistory(ctx, actorOf(req), req.params.unitId, req.query.planId),
  );

  // Bonus and penalty entries
  app.get('/api/assessment/periods/:id/adjustments', { config: read, schema: { tags, params: ZAssessmentIdParams, response: { 200: ZAdjustmentList, ...errorResponses } } }, (req) =>
    assessment.listAdjustments(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/assessment/periods/:id/adjustments',
    { config: manage, schema: { tags, params: ZAssessmentIdParams, body: ZAdjustmentBody, response: { 201: ZAdjustment, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await assessment.addAdjustment(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.delete('/api/assessment/adjustments/:id', { config: manage, schema: { tags, params: ZAssessmentIdParams, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await assessment.removeAdjustment(ctx, actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });
  app.post(
    '/api/assessment/adjustments/:id/files',
    { config: manage, schema: { tags, params: ZAssessmentIdParams, consumes: ['multipart/form-data'], response: { 201: ZAssessmentFile, ...uploadErrors } } },
    async (req, reply) => reply.status(201).send(await assessment.addAdjustmentFile(ctx, actorOf(req), req.params.id, await oneFile(req))),
  );

  // Self-assessments and appeals
  app.get('/api/assessment/periods/:id/appeals', { config: read, schema: { tags, params: ZAssessmentIdParams, querystring: ZAppealQuery, response: { 200: ZAppealPage, ...errorResponses } } }, (req) => {
    const { page, pageSize, ...filter } = req.query;
    return assessment.listAppeals(ctx, actorOf(req), req.params.id, filter, { page, pageSize });
  });
  app.post(
    '/api/assessment/periods/:id/appeals',
    { config: appeal, schema: { tags, params: ZAssessmentIdParams, body: ZAppealBody, response: { 201: ZAppeal, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await assessment.submitAppeal(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/assessment/appeals/:id/files',
    { config: appeal, schema: { tags, params: ZAssessmentIdParams, consumes: ['multipart/form-data'], response: { 201: ZAssessmentFile, ...uploadErrors } } },
    async (req, reply) => reply.status(201).send(await assessment.addAppealFile(ctx, actorOf(req), req.params.id, await oneFile(req))),
  );
  app.post('/api/assessment/appeals/:id/decide', { config: manage, schema: { tags, params: ZAssessmentIdParams, body: ZDecideBody, response: { 200: ZAppeal, ...errorResponses } } }, (req) =>
    assessment.decideAppeal(ctx, actorOf(req), req.params.id, req.body),
  );
  app.get('/api/assessment/files/:id', { config: read, schema: { tags, params: ZAssessmentIdParams, response: { 200: z.any(), ...errorResponses } } }, async (req, reply) => {
    const actor = actorOf(req);
    const f = await assessment.readAssessmentFile(ctx, actor, req.params.id, (unitId) => assertUnitReach(actor, unitId));
    return reply
      .header('content-type', f.mime)
      .header('content-disposition', `${f.mime.startsWith('image/') ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
      .header('cache-control', 'private, max-age=3600')
      .send(f.data);
  });
}

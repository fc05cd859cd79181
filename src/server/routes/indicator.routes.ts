import { z } from 'zod';
import type { Permission } from '../../domain';
import * as indicators from '../../services/indicator';
import { todayInChina } from '../../services/status/plan-status';
import { langOf } from '../messages';
import { errorResponses } from '../schemas/common.schemas';
import {
  ZCockpitIndicators,
  ZCreateIndicatorReportBody,
  ZDueIndicatorReports,
  ZDueIndicatorReportsQuery,
  ZIndicatorReport,
  ZIndicatorReportActionBody,
  ZIndicatorReportPage,
  ZIndicatorReportParams,
  ZIndicatorReportQuery,
  ZIndicatorTaskParams,
  ZIndicatorTasks,
  ZLinkIndicatorTasksBody,
  ZNodeIndicators,
  ZSaveIndicatorReportBody,
  ZCreateIndicatorBody,
  ZIndicator,
  ZIndicatorDetail,
  ZIndicatorDetailQuery,
  ZIndicatorMap,
  ZIndicatorMapQuery,
  ZIndicatorPage,
  ZIndicatorParams,
  ZIndicatorQuery,
  ZIndicatorTargetParams,
  ZObservationBody,
  ZObservationImportPreview,
  ZObservationImportResult,
  ZSaved,
  ZTargetBody,
  ZUpdateIndicatorBody,
  ZVersionQuery,
} from '../schemas/indicator.schemas';
import { ZNodeParams, ZPlanParams } from '../schemas/plan.schemas';
import { actorOf, type RouteDeps, type ZApp } from './route-kit';
import { readUpload } from './upload';

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const uploadErrors = { ...errorResponses, 413: errorResponses[400], 415: errorResponses[400] };

/** Indicators (issue 6): definitions, observations and targets, trajectory and status, import/export, the map and cockpit feeds. */
export function indicatorRoutes(app: ZApp, { ctx }: RouteDeps) {
  const read = { permission: 'plan:read' } as const;
  const edit = { permission: 'indicator:edit' } as const;
  const tags = ['indicators'];
  const lang = (req: { headers: Record<string, unknown> }) => langOf(req.headers['accept-language'] as string | undefined);

  app.get('/api/indicators', { config: read, schema: { tags, querystring: ZIndicatorQuery, response: { 200: ZIndicatorPage, ...errorResponses } } }, (req) => {
    const { page, pageSize, sort, order, ...filter } = req.query;
    return indicators.listIndicators(ctx, filter, { page, pageSize, sort, order }, lang(req));
  });
  app.post('/api/indicators', { config: edit, schema: { tags, body: ZCreateIndicatorBody, response: { 201: ZIndicator, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await indicators.createIndicator(ctx, actorOf(req), req.body, lang(req))),
  );
  app.get('/api/indicators/:id', { config: read, schema: { tags, params: ZIndicatorParams, querystring: ZIndicatorDetailQuery, response: { 200: ZIndicatorDetail, ...errorResponses } } }, (req) =>
    indicators.getIndicatorDetail(ctx, req.params.id, { division: req.query.division, today: todayInChina(ctx) }, lang(req)),
  );
  app.patch('/api/indicators/:id', { config: edit, schema: { tags, params: ZIndicatorParams, body: ZUpdateIndicatorBody, response: { 200: ZIndicator, ...errorResponses } } }, (req) =>
    indicators.updateIndicator(ctx, actorOf(req), req.params.id, req.body, lang(req)),
  );
  app.put('/api/indicators/:id/observations', { config: edit, schema: { tags, params: ZIndicatorParams, body: ZObservationBody, response: { 200: ZSaved, ...errorResponses } } }, (req) =>
    indicators.saveObservation(ctx, actorOf(req), req.params.id, req.body, lang(req)),
  );
  app.put('/api/indicators/:id/targets', { config: edit, schema: { tags, params: ZIndicatorParams, body: ZTargetBody, response: { 200: ZSaved, ...errorResponses } } }, (req) =>
    indicators.saveTarget(ctx, actorOf(req), req.params.id, req.body, lang(req)),
  );
  app.delete(
    '/api/indicators/:id/targets/:targetId',
    { config: edit, schema: { tags, params: ZIndicatorTargetParams, querystring: ZVersionQuery, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      await indicators.removeTarget(ctx, actorOf(req), req.params.id, req.params.targetId, req.query.version);
      return reply.status(204).send(null);
    },
  );
  app.get('/api/indicators/:id/map', { config: read, schema: { tags, params: ZIndicatorParams, querystring: ZIndicatorMapQuery, response: { 200: ZIndicatorMap, ...errorResponses } } }, (req) =>
    indicators.indicatorMap(ctx, req.params.id, req.query.period, lang(req)),
  );
  app.get('/api/indicators/:id/export', { config: read, schema: { tags, params: ZIndicatorParams, response: { 200: z.any(), ...errorResponses } } }, async (req, reply) => {
    const { fileName, content } = await indicators.exportIndicator(ctx, req.params.id, todayInChina(ctx), lang(req));
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .send(content);
  });
  // Import: the file may hold many indicators (a 指标代码 column) or one, named by the `indicatorId` field.
  app.post(
    '/api/indicators/observations/import/preview',
    { config: edit, schema: { tags, consumes: ['multipart/form-data'], response: { 200: ZObservationImportPreview, ...uploadErrors } } },
    async (req) => {
      const upload = await readUpload(req, MAX_IMPORT_BYTES);
      return indicators.previewObservationImport(ctx, upload.content, { indicatorId: upload.fields.indicatorId || undefined }, lang(req));
    },
  );
  app.post(
    '/api/indicators/observations/import/apply',
    { config: edit, schema: { tags, consumes: ['multipart/form-data'], response: { 200: ZObservationImportResult, ...uploadErrors } } },
    async (req) => {
      const upload = await readUpload(req, MAX_IMPORT_BYTES);
      return indicators.applyObservationImport(ctx, actorOf(req), upload.content, { indicatorId: upload.fields.indicatorId || undefined }, lang(req));
    },
  );
  // The plan tasks an indicator measures, and from the task's side the indicators measuring it.
  app.get('/api/indicators/:id/tasks', { config: read, schema: { tags, params: ZIndicatorParams, response: { 200: ZIndicatorTasks, ...errorResponses } } }, async (req) => ({
    items: await indicators.listIndicatorTasks(ctx, req.params.id),
  }));
  app.post('/api/indicators/:id/tasks', { config: edit, schema: { tags, params: ZIndicatorParams, body: ZLinkIndicatorTasksBody, response: { 200: ZIndicatorTasks, ...errorResponses } } }, async (req) => ({
    items: await indicators.linkIndicatorTasks(ctx, actorOf(req), req.params.id, req.body.nodeIds),
  }));
  app.delete('/api/indicators/:id/tasks/:nodeId', { config: edit, schema: { tags, params: ZIndicatorTaskParams, response: { 200: ZIndicatorTasks, ...errorResponses } } }, async (req) => ({
    items: await indicators.unlinkIndicatorTask(ctx, actorOf(req), req.params.id, req.params.nodeId),
  }));
  app.get('/api/plans/:planId/nodes/:nodeId/indicators', { config: read, schema: { tags, params: ZNodeParams, response: { 200: ZNodeIndicators, ...errorResponses } } }, async (req) => ({
    items: await indicators.nodeIndicators(ctx, req.params.nodeId, lang(req)),
  }));

  // The owner unit's figures through the reporting cycles: the unit files, the office accepts or returns.
  const write = { permission: 'report:write' } as const;
  const review = { permission: 'report:review' } as const;
  app.get('/api/indicator-reports', { config: { permission: 'report:read' }, schema: { tags, querystring: ZIndicatorReportQuery, response: { 200: ZIndicatorReportPage, ...errorResponses } } }, (req) => {
    const { page, pageSize, ...filter } = req.query;
    return indicators.listIndicatorReports(ctx, actorOf(req), filter, { page, pageSize }, lang(req));
  });
  app.get('/api/indicator-reports/due', { config: write, schema: { tags, querystring: ZDueIndicatorReportsQuery, response: { 200: ZDueIndicatorReports, ...errorResponses } } }, async (req) => ({
    items: await indicators.dueIndicatorReports(ctx, actorOf(req), req.query.cycleId, lang(req)),
  }));
  app.post('/api/indicators/:id/reports', { config: write, schema: { tags, params: ZIndicatorParams, body: ZCreateIndicatorReportBody, response: { 201: ZIndicatorReport, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await indicators.createIndicatorReport(ctx, actorOf(req), req.params.id, req.body, lang(req))),
  );
  app.patch('/api/indicator-reports/:id', { config: write, schema: { tags, params: ZIndicatorReportParams, body: ZSaveIndicatorReportBody, response: { 200: ZIndicatorReport, ...errorResponses } } }, (req) =>
    indicators.saveIndicatorReport(ctx, actorOf(req), req.params.id, req.body, lang(req)),
  );
  for (const [action, permission] of [['submit', write.permission], ['accept', review.permission], ['return', review.permission]] as const) {
    const config: { permission: Permission } = { permission };
    app.post(`/api/indicator-reports/:id/${action}`, { config, schema: { tags, params: ZIndicatorReportParams, body: ZIndicatorReportActionBody, response: { 200: ZIndicatorReport, ...errorResponses } } }, (req) =>
      indicators.transitionIndicatorReport(ctx, actorOf(req), req.params.id, action, req.body, lang(req)),
    );
  }
  app.get('/api/plans/:planId/cockpit/indicators', { config: { permission: 'cockpit:read' }, schema: { tags, params: ZPlanParams, response: { 200: ZCockpitIndicators, ...errorResponses } } }, (req) =>
    indicators.cockpitIndicators(ctx, req.params.planId, todayInChina(ctx), lang(req)),
  );
}

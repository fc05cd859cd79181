import { z } from 'zod';
import { DomainError } from '../../domain';
import { addAttachment, MAX_ATTACHMENT_BYTES, readAttachment, removeAttachment } from '../../services/reporting/attachments';
import { listCycles, openCycle, updateCycle } from '../../services/reporting/cycles';
import { getReport, listReports, saveReport, transitionReport } from '../../services/reporting/reports';
import { applyReportingSheet, downloadReportingSheet, previewReportingSheet } from '../../services/reporting/bulk-sheet';
import { readUpload } from './upload';
import { errorResponses } from '../schemas/common.schemas';
import { ZPlanParams } from '../schemas/plan.schemas';
import {
  ZAttachment,
  ZAttachmentParams,
  ZCycle,
  ZCycleList,
  ZCycleParams,
  ZOpenCycleBody,
  ZReportDetail,
  ZReportPage,
  ZReportParams,
  ZReportsQuery,
  ZSaveReportBody,
  ZTransitionBody,
  ZTransitionParams,
  ZUpdateCycleBody,
} from '../schemas/reporting.schemas';
import { actorOf, type RouteDeps, type ZApp } from './route-kit';

export function reportingRoutes(app: ZApp, { ctx }: RouteDeps) {
  const tags = ['reporting'];
  app.get('/api/plans/:planId/cycles', { config: { permission: 'plan:read' }, schema: { tags, params: ZPlanParams, response: { 200: ZCycleList, ...errorResponses } } }, async (req) => ({
    items: await listCycles(ctx, req.params.planId),
  }));
  app.post(
    '/api/plans/:planId/cycles',
    { config: { permission: 'cycle:manage' }, schema: { tags, params: ZPlanParams, body: ZOpenCycleBody, response: { 201: ZCycle, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await openCycle(ctx, actorOf(req), req.params.planId, req.body)),
  );
  app.patch(
    '/api/cycles/:cycleId',
    { config: { permission: 'cycle:manage' }, schema: { tags, params: ZCycleParams, body: ZUpdateCycleBody, response: { 200: ZCycle, ...errorResponses } } },
    (req) => updateCycle(ctx, actorOf(req), req.params.cycleId, req.body),
  );

  app.get('/api/reports', { config: { permission: 'report:read' }, schema: { tags, querystring: ZReportsQuery, response: { 200: ZReportPage, ...errorResponses } } }, async (req) => {
    const { page, pageSize, ...filter } = req.query;
    return { ...(await listReports(ctx, actorOf(req), filter, { page, pageSize })), page, pageSize };
  });
  app.get('/api/reports/:reportId', { config: { permission: 'report:read' }, schema: { tags, params: ZReportParams, response: { 200: ZReportDetail, ...errorResponses } } }, (req) =>
    getReport(ctx, actorOf(req), req.params.reportId),
  );
  app.patch(
    '/api/reports/:reportId',
    { config: { permission: 'report:write' }, schema: { tags, params: ZReportParams, body: ZSaveReportBody, response: { 200: ZReportDetail, ...errorResponses } } },
    (req) => saveReport(ctx, actorOf(req), req.params.reportId, req.body),
  );
  // Submit, approve, return and accept are one route: the workflow rules decide who may do which.
  app.post(
    '/api/reports/:reportId/:action',
    { config: { permission: 'report:read' }, schema: { tags, params: ZTransitionParams, body: ZTransitionBody, response: { 200: ZReportDetail, ...errorResponses } } },
    (req) => transitionReport(ctx, actorOf(req), req.params.reportId, req.params.action, req.body),
  );

  app.post(
    '/api/reports/:reportId/attachments',
    { config: { permission: 'report:write' }, schema: { tags, params: ZReportParams, consumes: ['multipart/form-data'], response: { 201: ZAttachment, ...errorResponses, 413: errorResponses[400], 415: errorResponses[400] } } },
    async (req, reply) => {
      if (!req.isMultipart()) throw new DomainError('VALIDATION_FAILED', { field: 'file' });
      const file = await req.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
      if (!file) throw new DomainError('VALIDATION_FAILED', { field: 'file' });
      const content = await file.toBuffer();
      return reply.status(201).send(await addAttachment(ctx, actorOf(req), req.params.reportId, { fileName: file.filename, content }));
    },
  );
  for (const variant of ['content', 'thumbnail'] as const) {
    app.get(
      variant === 'content' ? '/api/attachments/:attachmentId' : '/api/attachments/:attachmentId/thumbnail',
      { config: { permission: 'report:read' }, schema: { tags, params: ZAttachmentParams, response: { 200: z.any(), ...errorResponses } } },
      async (req, reply) => {
        const a = await readAttachment(ctx, actorOf(req), req.params.attachmentId, variant);
        return reply
          .header('content-type', a.mime)
          .header('content-disposition', `${variant === 'content' && !a.mime.startsWith('image/') ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(a.fileName)}`)
          .header('cache-control', 'private, max-age=3600')
          .send(a.data);
      },
    );
  }
  app.delete('/api/attachments/:attachmentId', { config: { permission: 'report:write' }, schema: { tags, params: ZAttachmentParams, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await removeAttachment(ctx, actorOf(req), req.params.attachmentId);
    return reply.status(204).send(null);
  });

  // Bulk reporting: download the unit's prefilled sheet, fill it offline, preview, apply all-or-nothing.
  app.get('/api/cycles/:cycleId/reporting-sheet', { config: { permission: 'report:write' }, schema: { tags, params: ZCycleParams, response: { 200: z.any(), ...errorResponses } } }, async (req, reply) => {
    const { fileName, content } = await downloadReportingSheet(ctx, actorOf(req), req.params.cycleId);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .send(content);
  });
  const ZSheetQuery = z.strictObject({ submit: z.enum(['true', 'false']).transform((v) => v === 'true').default(false) });
  const ZSheetProblem = z.object({ row: z.number().int(), column: z.string(), code: z.string(), message_zh: z.string(), message_en: z.string() });
  const ZSheetPreview = z.object({
    cycleId: z.string(),
    rows: z.number().int(),
    changes: z.array(z.object({ row: z.number().int(), reportId: z.string(), code: z.string(), title: z.string(), version: z.number().int(), changes: z.record(z.string(), z.object({ from: z.any(), to: z.any() })) })),
    problems: z.array(ZSheetProblem),
  });
  const uploadErrors = { ...errorResponses, 413: errorResponses[400], 415: errorResponses[400] };
  app.post(
    '/api/reporting-sheets/preview',
    { config: { permission: 'report:write' }, schema: { tags, querystring: ZSheetQuery, consumes: ['multipart/form-data'], response: { 200: ZSheetPreview, ...uploadErrors } } },
    async (req) => previewReportingSheet(ctx, actorOf(req), (await readUpload(req, 5 * 1024 * 1024)).content, { submit: req.query.submit }),
  );
  app.post(
    '/api/reporting-sheets/apply',
    {
      config: { permission: 'report:write' },
      schema: { tags, querystring: ZSheetQuery, consumes: ['multipart/form-data'], response: { 200: z.object({ saved: z.number().int(), submitted: z.number().int(), at: z.string() }), ...uploadErrors } },
    },
    async (req) => applyReportingSheet(ctx, actorOf(req), (await readUpload(req, 5 * 1024 * 1024)).content, { submit: req.query.submit }),
  );
}

import { z } from 'zod';
import { DomainError } from '../../domain';
import { exportTaskDivision } from '../../services/import/export-task-division';
import { applyTaskDivision, previewTaskDivision } from '../../services/import/task-division';
import { errorResponses } from '../schemas/common.schemas';
import { ZImportOptions, ZImportPreview, ZImportResult } from '../schemas/import.schemas';
import { ZPlanParams } from '../schemas/plan.schemas';
import { actorOf, type RouteDeps, type ZApp } from './route-kit';
import { readUpload } from './upload';

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const uploadErrors = { ...errorResponses, 413: errorResponses[400], 415: errorResponses[400] };

async function readImport(req: Parameters<typeof readUpload>[0]) {
  const upload = await readUpload(req, MAX_IMPORT_BYTES);
  let options: unknown = {};
  try {
    options = upload.fields.options ? JSON.parse(upload.fields.options) : {};
  } catch {
    throw new DomainError('VALIDATION_FAILED', { field: 'options' });
  }
  const parsed = ZImportOptions.safeParse(options);
  if (!parsed.success) throw new DomainError('VALIDATION_FAILED', { field: 'options', issues: parsed.error.issues.map((i) => i.path.join('.')) });
  const { resolutions = {}, ...opts } = parsed.data;
  return { file: upload.content, opts, resolutions };
}

export function importRoutes(app: ZApp, { ctx }: RouteDeps) {
  const tags = ['import'];
  app.post(
    '/api/plans/:planId/imports/task-division/preview',
    { config: { permission: 'plan:edit' }, schema: { tags, params: ZPlanParams, consumes: ['multipart/form-data'], response: { 200: ZImportPreview, ...uploadErrors } } },
    async (req) => {
      const { file, opts, resolutions } = await readImport(req);
      return previewTaskDivision(ctx, req.params.planId, file, opts, resolutions);
    },
  );
  app.post(
    '/api/plans/:planId/imports/task-division/apply',
    { config: { permission: 'plan:edit' }, schema: { tags, params: ZPlanParams, consumes: ['multipart/form-data'], response: { 200: ZImportResult, ...uploadErrors } } },
    async (req) => {
      const { file, opts, resolutions } = await readImport(req);
      return applyTaskDivision(ctx, actorOf(req), req.params.planId, file, opts, resolutions);
    },
  );
  app.get(
    '/api/plans/:planId/exports/task-division',
    { config: { permission: 'plan:read' }, schema: { tags, params: ZPlanParams, response: { 200: z.any(), ...errorResponses } } },
    async (req, reply) => {
      const { fileName, content } = await exportTaskDivision(ctx, req.params.planId);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(content);
    },
  );
}

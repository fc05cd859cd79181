import { z } from 'zod';
import { DomainError } from '../../domain';
import * as project from '../../services/project';
import { errorResponses } from '../schemas/common.schemas';
import {
  ZCreateProjectBody,
  ZLinkedTasks,
  ZLinkTasksBody,
  ZMapProject,
  ZOpenProjectReportBody,
  ZProject,
  ZProjectDetail,
  ZProjectFilterQuery,
  ZProjectImportPreview,
  ZProjectImportResult,
  ZProjectPage,
  ZProjectParams,
  ZProjectQuery,
  ZProjectReport,
  ZProjectReportActionParams,
  ZProjectReportTransitionBody,
  ZProjectSeries,
  ZProjectTaskParams,
  ZSaveProjectReportBody,
  ZUpdateProjectBody,
} from '../schemas/project.schemas';
import { actorOf, type RouteDeps, type ZApp } from './route-kit';
import { readUpload } from './upload';

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const uploadErrors = { ...errorResponses, 413: errorResponses[400], 415: errorResponses[400] };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function readProjectImport(req: Parameters<typeof readUpload>[0]) {
  const upload = await readUpload(req, MAX_IMPORT_BYTES);
  const year = upload.fields.year ? Number(upload.fields.year) : undefined;
  if (year !== undefined && (!Number.isInteger(year) || year < 2000 || year > 2100)) throw new DomainError('VALIDATION_FAILED', { field: 'year' });
  return { content: upload.content, year };
}

/** The major-project library (重大项目库): projects, their links to tasks, monthly reports, import and export (issue 6). */
export function projectRoutes(app: ZApp, { ctx }: RouteDeps) {
  const read = { permission: 'plan:read' } as const;
  const edit = { permission: 'project:edit' } as const;
  const report = { permission: 'project:report' } as const;
  const tags = ['projects'];

  app.get('/api/projects', { config: read, schema: { tags, querystring: ZProjectQuery, response: { 200: ZProjectPage, ...errorResponses } } }, (req) => {
    const { page, pageSize, sort, order, ...filter } = req.query;
    return project.listProjects(ctx, filter, { page, pageSize, sort, order });
  });
  app.get('/api/projects/map', { config: read, schema: { tags, querystring: ZProjectFilterQuery, response: { 200: z.object({ items: z.array(ZMapProject) }), ...errorResponses } } }, async (req) => ({
    items: await project.mapProjects(ctx, req.query),
  }));
  app.get('/api/projects/export/xlsx', { config: read, schema: { tags, querystring: ZProjectFilterQuery, response: { 200: z.any(), ...errorResponses } } }, async (req, reply) => {
    const { fileName, content } = await project.exportProjectsXlsx(ctx, req.query);
    return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`).send(content);
  });
  app.get('/api/projects/export/oc4ids', { config: read, schema: { tags, querystring: ZProjectFilterQuery, response: { 200: z.any(), ...errorResponses } } }, async (req, reply) => {
    const pkg = await project.exportProjectsOc4ids(ctx, req.query, `${req.protocol}://${req.host}`);
    return reply.header('content-disposition', `attachment; filename="oc4ids-projects.json"`).send(pkg);
  });
  app.post(
    '/api/projects/import/preview',
    { config: edit, schema: { tags, consumes: ['multipart/form-data'], response: { 200: ZProjectImportPreview, ...uploadErrors } } },
    async (req) => {
      const { content, year } = await readProjectImport(req);
      return project.previewProjectImport(ctx, content, { year });
    },
  );
  app.post(
    '/api/projects/import/apply',
    { config: edit, schema: { tags, consumes: ['multipart/form-data'], response: { 200: ZProjectImportResult, ...uploadErrors } } },
    async (req) => {
      const { content, year } = await readProjectImport(req);
      return project.applyProjectImport(ctx, actorOf(req), content, { year });
    },
  );
  app.post('/api/projects', { config: edit, schema: { tags, body: ZCreateProjectBody, response: { 201: ZProject, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await project.createProject(ctx, actorOf(req), req.body)),
  );
  app.get('/api/projects/:id', { config: read, schema: { tags, params: ZProjectParams, response: { 200: ZProjectDetail, ...errorResponses } } }, (req) =>
    project.getProject(ctx, actorOf(req), req.params.id),
  );
  app.patch('/api/projects/:id', { config: edit, schema: { tags, params: ZProjectParams, body: ZUpdateProjectBody, response: { 200: ZProject, ...errorResponses } } }, (req) =>
    project.updateProject(ctx, actorOf(req), req.params.id, req.body),
  );
  app.get('/api/projects/:id/series', { config: read, schema: { tags, params: ZProjectParams, response: { 200: ZProjectSeries, ...errorResponses } } }, (req) =>
    project.projectSeries(ctx, req.params.id),
  );
  app.post('/api/projects/:id/tasks', { config: edit, schema: { tags, params: ZProjectParams, body: ZLinkTasksBody, response: { 200: ZLinkedTasks, ...errorResponses } } }, async (req) => ({
    items: await project.linkTasks(ctx, actorOf(req), req.params.id, req.body.nodeIds),
  }));
  app.delete('/api/projects/:id/tasks/:nodeId', { config: edit, schema: { tags, params: ZProjectTaskParams, response: { 200: ZLinkedTasks, ...errorResponses } } }, async (req) => ({
    items: await project.unlinkTask(ctx, actorOf(req), req.params.id, req.params.nodeId),
  }));

  // Monthly reports, through the plan's reporting cycles.
  app.post('/api/projects/:id/reports', { config: report, schema: { tags, params: ZProjectParams, body: ZOpenProjectReportBody, response: { 200: ZProjectReport, ...errorResponses } } }, (req) =>
    project.openProjectReport(ctx, actorOf(req), req.params.id, req.body.cycleId),
  );
  app.get('/api/project-reports/:id', { config: read, schema: { tags, params: ZProjectParams, response: { 200: ZProjectReport, ...errorResponses } } }, (req) =>
    project.getProjectReport(ctx, actorOf(req), req.params.id),
  );
  app.patch('/api/project-reports/:id', { config: report, schema: { tags, params: ZProjectParams, body: ZSaveProjectReportBody, response: { 200: ZProjectReport, ...errorResponses } } }, (req) =>
    project.saveProjectReport(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/project-reports/:id/:action',
    { config: report, schema: { tags, params: ZProjectReportActionParams, body: ZProjectReportTransitionBody, response: { 200: ZProjectReport, ...errorResponses } } },
    (req) => project.transitionProjectReport(ctx, actorOf(req), req.params.id, req.params.action, req.body),
  );
}

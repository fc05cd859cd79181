import { z } from 'zod';
import { buildCockpit } from '../../services/status/cockpit';
import { listMyTasks } from '../../services/status/my-tasks';
import { overrideStatus, revokeOverride } from '../../services/status/overrides';
import { computePlanStatus } from '../../services/status/plan-status';
import { planStatusView } from '../../services/status/views';
import { langOf } from '../messages';
import { errorResponses } from '../schemas/common.schemas';
import { ZNodeParams, ZPlanParams } from '../schemas/plan.schemas';
import { ZCockpit, ZMyTasksPage, ZMyTasksQuery, ZOverride, ZOverrideBody, ZPlanStatus, ZPlanStatusQuery } from '../schemas/status.schemas';
import { actorOf, memoJson, type RouteDeps, type ZApp } from './route-kit';

// The cockpit, the plan's status views and My tasks pages are each shared by every request until the plan's
// status changes (services/status/*); their JSON text is kept with them (memoJson) instead of rebuilt per request
// (the cockpit at 100k nodes is ~350 KB of JSON).
export function statusRoutes(app: ZApp, { ctx }: RouteDeps) {
  const tags = ['status'];
  app.get(
    '/api/plans/:planId/status',
    { config: { permission: 'plan:read' }, ...memoJson, schema: { tags, params: ZPlanParams, querystring: ZPlanStatusQuery, response: { 200: ZPlanStatus, ...errorResponses } } },
    async (req) => planStatusView(await computePlanStatus(ctx, req.params.planId, req.query.asOf), langOf(req.headers['accept-language'])),
  );
  app.get(
    '/api/plans/:planId/my-tasks',
    { config: { permission: 'plan:read' }, ...memoJson, schema: { tags, params: ZPlanParams, querystring: ZMyTasksQuery, response: { 200: ZMyTasksPage, ...errorResponses } } },
    (req) => {
      const { page, pageSize, sort, order, ...filter } = req.query;
      return listMyTasks(ctx, actorOf(req), req.params.planId, filter, { page, pageSize, sort, order }, langOf(req.headers['accept-language']));
    },
  );
  app.get('/api/plans/:planId/cockpit', { config: { permission: 'cockpit:read' }, ...memoJson, schema: { tags, params: ZPlanParams, response: { 200: ZCockpit, ...errorResponses } } }, (req) =>
    buildCockpit(ctx, req.params.planId, langOf(req.headers['accept-language'])),
  );
  app.put(
    '/api/plans/:planId/nodes/:nodeId/status-override',
    { config: { permission: 'status:override' }, schema: { tags, params: ZNodeParams, body: ZOverrideBody, response: { 200: ZOverride, ...errorResponses } } },
    (req) => overrideStatus(ctx, actorOf(req), req.params.planId, req.params.nodeId, req.body),
  );
  app.delete(
    '/api/plans/:planId/nodes/:nodeId/status-override',
    { config: { permission: 'status:override' }, schema: { tags, params: ZNodeParams, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      await revokeOverride(ctx, actorOf(req), req.params.planId, req.params.nodeId);
      return reply.status(204).send(null);
    },
  );
}

import * as plan from '../../services/plan';
import { errorResponses } from '../schemas/common.schemas';
import { approveBaseline, baselineVariance, listBaselines } from '../../services/plan/baselines';
import {
  ZApproveBaselineBody,
  ZBaseline,
  ZVariance,
  ZAssignBody,
  ZAssignmentList,
  ZAssignResult,
  ZCreateNodeBody,
  ZDeleteNodeQuery,
  ZDeleteResult,
  ZMoveNodeBody,
  ZNode,
  ZNodeList,
  ZNodeParams,
  ZNodesQuery,
  ZTreeNodeList,
  ZPlan,
  ZPlanParams,
  ZUpdateNodeBody,
} from '../schemas/plan.schemas';
import { z } from 'zod';
import { actorOf, memoJson, type RouteDeps, type ZApp } from './route-kit';

export function planRoutes(app: ZApp, { ctx }: RouteDeps) {
  const read = { permission: 'plan:read' } as const;
  const edit = { permission: 'plan:edit' } as const;
  const tags = ['plan'];

  app.get('/api/plans', { config: read, schema: { tags, response: { 200: z.object({ items: z.array(ZPlan) }), ...errorResponses } } }, async () => ({
    items: await plan.listPlans(ctx),
  }));
  app.get('/api/plans/:planId', { config: read, schema: { tags, params: ZPlanParams, response: { 200: ZPlan, ...errorResponses } } }, (req) =>
    plan.getPlan(ctx, req.params.planId),
  );
  app.get(
    '/api/plans/:planId/nodes',
    { config: read, ...memoJson, schema: { tags, params: ZPlanParams, querystring: ZNodesQuery, response: { 200: z.union([ZNodeList, ZTreeNodeList]), ...errorResponses } } },
    async (req) =>
      req.query.view === 'tree' && !req.query.deleted
        ? req.query.parentId
          ? plan.listTreeChildren(ctx, req.params.planId, req.query.parentId)
          : plan.listTreeNodes(ctx, req.params.planId)
        : { items: await plan.listNodes(ctx, req.params.planId, { deleted: req.query.deleted }) },
  );
  app.get('/api/plans/:planId/nodes/:nodeId', { config: read, schema: { tags, params: ZNodeParams, response: { 200: ZNode, ...errorResponses } } }, (req) =>
    plan.getNode(ctx, req.params.planId, req.params.nodeId),
  );
  app.post(
    '/api/plans/:planId/nodes',
    { config: edit, schema: { tags, params: ZPlanParams, body: ZCreateNodeBody, response: { 201: ZNode, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await plan.createNode(ctx, actorOf(req), req.params.planId, req.body)),
  );
  app.patch(
    '/api/plans/:planId/nodes/:nodeId',
    { config: edit, schema: { tags, params: ZNodeParams, body: ZUpdateNodeBody, response: { 200: ZNode, ...errorResponses } } },
    (req) => plan.updateNode(ctx, actorOf(req), req.params.planId, req.params.nodeId, req.body),
  );
  app.post(
    '/api/plans/:planId/nodes/:nodeId/move',
    { config: edit, schema: { tags, params: ZNodeParams, body: ZMoveNodeBody, response: { 200: ZNodeList, ...errorResponses } } },
    async (req) => ({ items: await plan.moveNode(ctx, actorOf(req), req.params.planId, req.params.nodeId, req.body) }),
  );
  app.delete(
    '/api/plans/:planId/nodes/:nodeId',
    { config: edit, schema: { tags, params: ZNodeParams, querystring: ZDeleteNodeQuery, response: { 200: ZDeleteResult, ...errorResponses } } },
    (req) => plan.removeNode(ctx, actorOf(req), req.params.planId, req.params.nodeId, req.query.version),
  );
  app.post(
    '/api/plans/:planId/nodes/:nodeId/restore',
    { config: edit, schema: { tags, params: ZNodeParams, response: { 200: ZNodeList, ...errorResponses } } },
    async (req) => ({ items: await plan.restoreNode(ctx, actorOf(req), req.params.planId, req.params.nodeId) }),
  );

  app.get(
    '/api/plans/:planId/assignments',
    { config: read, schema: { tags, params: ZPlanParams, response: { 200: ZAssignmentList, ...errorResponses } } },
    async (req) => ({ items: await plan.listAssignments(ctx, req.params.planId) }),
  );
  app.put(
    '/api/plans/:planId/nodes/:nodeId/assignments',
    { config: edit, schema: { tags, params: ZNodeParams, body: ZAssignBody, response: { 200: ZAssignResult, ...errorResponses } } },
    (req) => plan.assignUnits(ctx, actorOf(req), req.params.planId, req.params.nodeId, req.body),
  );

  app.get('/api/plans/:planId/baselines', { config: read, schema: { tags, params: ZPlanParams, response: { 200: z.object({ items: z.array(ZBaseline) }), ...errorResponses } } }, async (req) => ({
    items: await listBaselines(ctx, req.params.planId),
  }));
  app.post(
    '/api/plans/:planId/baselines',
    { config: edit, schema: { tags, params: ZPlanParams, body: ZApproveBaselineBody, response: { 201: ZBaseline, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await approveBaseline(ctx, actorOf(req), req.params.planId, req.body.reason)),
  );
  app.get(
    '/api/plans/:planId/baselines/variance',
    { config: read, schema: { tags, params: ZPlanParams, querystring: z.strictObject({ number: z.coerce.number().int().min(1).optional() }), response: { 200: ZVariance, ...errorResponses } } },
    (req) => baselineVariance(ctx, req.params.planId, req.query.number),
  );
}

import { z } from 'zod';
import { LINK_STATUSES } from '../../domain';
import {
  compareScenario,
  createScenario,
  deleteScenario,
  evaluateTargets,
  exportNetwork,
  findRoute,
  listScenarios,
  loadNetwork,
  minutesOrNull,
  targetFirstYears,
  targetGaps,
  travelTimes,
  updateLink,
  updateNodePosition,
  updateScenario,
  type NetworkQuery,
} from '../../services/network/network';
import { gapProjects } from '../../services/network/gap-projects';
import { todayInChina } from '../../services/status/plan-status';
import { errorResponses, ZId, ZIsoDate } from '../schemas/common.schemas';
import { actorOf, type RouteDeps, type ZApp } from './route-kit';

const ZQuery = {
  date: ZIsoDate.optional(),
  assumePlanned: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  scenarioId: ZId.optional(),
};
const ZPair = z.object({ from: z.string(), to: z.string(), minutes: z.number().nullable() });
const ZOverrides = z.strictObject({
  add: z.array(z.any()).max(500),
  remove: z.array(ZId).max(3000),
  retime: z.record(ZId, z.number().min(0).max(10_000)),
});

// Infinity (no open path) travels as null.
const pairOut = (p: { from: string; to: string; minutes: number }) => ({ from: p.from, to: p.to, minutes: minutesOrNull(p.minutes) });

export function networkRoutes(app: ZApp, { ctx }: RouteDeps) {
  const tags = ['network'];
  const read = { permission: 'plan:read' } as const;
  const edit = { permission: 'plan:edit' } as const;
  // Past and current dates read the network as it was; future dates assume planned openings unless told otherwise.
  const query = (q: { date?: string | undefined; assumePlanned?: boolean | undefined; scenarioId?: string | undefined }): NetworkQuery => {
    const today = todayInChina(ctx);
    const date = q.date ?? today;
    return { date, assumePlanned: q.assumePlanned ?? date > today, scenarioId: q.scenarioId };
  };

  app.get('/api/network', { config: read, schema: { tags, response: { 200: z.object({ nodes: z.array(z.any()), links: z.array(z.any()), targets: z.array(z.any()) }), ...errorResponses } } }, () =>
    loadNetwork(ctx.db),
  );
  app.patch(
    '/api/network/links/:linkId',
    {
      config: edit,
      schema: {
        tags,
        params: z.object({ linkId: ZId }),
        body: z.strictObject({
          version: z.number().int().min(1),
          minutes: z.number().min(0).max(10_000).nullable().optional(),
          status: z.enum(LINK_STATUSES).optional(),
          openFrom: ZIsoDate.nullable().optional(),
          plannedOpening: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).nullable().optional(),
          closedFrom: ZIsoDate.nullable().optional(),
          headwayMinutes: z.number().min(0).max(1440).nullable().optional(),
          minutesNote: z.string().trim().max(500).nullable().optional(),
        }),
        response: { 200: z.any(), ...errorResponses },
      },
    },
    (req) => updateLink(ctx, actorOf(req), req.params.linkId, req.body),
  );
  app.patch(
    '/api/network/nodes/:nodeId',
    {
      config: edit,
      schema: { tags, params: z.object({ nodeId: ZId }), body: z.strictObject({ version: z.number().int().min(1), lon: z.number().min(95).max(115), lat: z.number().min(24).max(36) }), response: { 200: z.any(), ...errorResponses } },
    },
    (req) => updateNodePosition(ctx, actorOf(req), req.params.nodeId, req.body),
  );
  app.get(
    '/api/network/travel-times',
    {
      config: read,
      schema: {
        tags,
        querystring: z.strictObject({ ...ZQuery, from: ZId.optional() }),
        response: {
          200: z.object({
            date: z.string(),
            assumePlanned: z.boolean(),
            nodes: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), divisionCode: z.string().nullable() })),
            minutes: z.array(z.array(z.number().nullable())).optional(),
            row: z.array(z.number().nullable()).optional(),
            unknownLinks: z.array(z.string()),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const q = query(req.query);
      const { network, matrix, unknownLinks } = await travelTimes(ctx, q);
      const n = matrix.nodeIds.length;
      const rowOf = (i: number) => Array.from(matrix.minutes.subarray(i * n, i * n + n), minutesOrNull);
      const nodes = network.nodes.map((x) => ({ id: x.id, name: x.name, kind: x.kind, divisionCode: x.divisionCode }));
      if (req.query.from) {
        const i = matrix.indexOf.get(req.query.from);
        return { date: q.date, assumePlanned: q.assumePlanned, nodes, row: i === undefined ? nodes.map(() => null) : rowOf(i), unknownLinks };
      }
      return { date: q.date, assumePlanned: q.assumePlanned, nodes, minutes: nodes.map((_, i) => rowOf(i)), unknownLinks };
    },
  );
  app.get(
    '/api/network/route',
    { config: read, schema: { tags, querystring: z.strictObject({ ...ZQuery, from: ZId, to: ZId }), response: { 200: z.any(), ...errorResponses } } },
    (req) => findRoute(ctx, { ...query(req.query), from: req.query.from, to: req.query.to }),
  );
  app.get('/api/network/targets', { config: read, schema: { tags, querystring: z.strictObject(ZQuery), response: { 200: z.any(), ...errorResponses } } }, async (req) => {
    const q = query(req.query);
    const items = await evaluateTargets(ctx, q);
    return {
      date: q.date,
      assumePlanned: q.assumePlanned,
      items: items.map(({ target, evaluation }) => ({
        target,
        evaluation: {
          pairs: evaluation.pairs.map(pairOut),
          worst: evaluation.worst.map(pairOut),
          readings: evaluation.readings.map((r) => ({ ...r, met: r.met.map(pairOut), notMet: r.notMet.map(pairOut) })),
        },
      })),
    };
  });
  app.get(
    '/api/network/first-year',
    {
      config: read,
      schema: { tags, querystring: z.strictObject({ targetId: z.string().max(64), fromYear: z.coerce.number().int().min(2000).max(2100).default(2015), toYear: z.coerce.number().int().min(2000).max(2100).default(2035) }), response: { 200: z.any(), ...errorResponses } },
    },
    async (req) => {
      const years = Array.from({ length: Math.max(0, req.query.toYear - req.query.fromYear + 1) }, (_, i) => req.query.fromYear + i).slice(0, 60);
      const items = await targetFirstYears(ctx, req.query.targetId, years);
      return { items: items.map((p) => ({ ...p, minutesByYear: p.minutesByYear.map((m) => ({ year: m.year, minutes: minutesOrNull(m.minutes) })) })) };
    },
  );
  app.get('/api/network/gaps', { config: read, schema: { tags, querystring: z.strictObject({ targetId: z.string().max(64), ...ZQuery }), response: { 200: z.any(), ...errorResponses } } }, async (req) => {
    const g = await targetGaps(ctx, req.query.targetId, query(req.query));
    const fin = (x: number) => minutesOrNull(x);
    // Each attributed project with its library title and the plan's transport tasks, for the links in the panel.
    const ids = [...new Set(g.gaps.flatMap((p) => p.projects.map((e) => e.projectId)))].filter((id) => !id.startsWith('link:'));
    const lineNames = new Map<string, string[]>();
    for (const l of ids.length ? (await loadNetwork(ctx.db)).links : []) {
      if (l.projectId && l.line) lineNames.set(l.projectId, [...(lineNames.get(l.projectId) ?? []), l.line]);
    }
    return {
      ...g,
      projectDetails: await gapProjects(ctx, ids, lineNames),
      gaps: g.gaps.map((p) => ({
        ...p,
        minutesNow: fin(p.minutesNow),
        minutesWithAllPlanned: fin(p.minutesWithAllPlanned),
        projects: p.projects.map((e) => ({ ...e, withAllMinutes: fin(e.withAllMinutes), withoutThisMinutes: fin(e.withoutThisMinutes), onlyThisMinutes: fin(e.onlyThisMinutes) })),
      })),
    };
  });

  const ZScenario = z.object({ id: z.string(), name: z.string(), overrides: z.any(), version: z.number().int(), createdAt: z.string() });
  app.get('/api/network/scenarios', { config: read, schema: { tags, response: { 200: z.object({ items: z.array(ZScenario) }), ...errorResponses } } }, async () => ({ items: await listScenarios(ctx) }));
  app.post('/api/network/scenarios', { config: edit, schema: { tags, body: z.strictObject({ name: z.string().trim().min(1).max(100) }), response: { 201: ZScenario, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await createScenario(ctx, actorOf(req), req.body.name)),
  );
  app.patch(
    '/api/network/scenarios/:id',
    { config: edit, schema: { tags, params: z.object({ id: ZId }), body: z.strictObject({ version: z.number().int().min(1), name: z.string().trim().min(1).max(100).optional(), overrides: ZOverrides.optional() }), response: { 200: ZScenario, ...errorResponses } } },
    (req) => updateScenario(ctx, actorOf(req), req.params.id, req.body),
  );
  app.delete('/api/network/scenarios/:id', { config: edit, schema: { tags, params: z.object({ id: ZId }), response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await deleteScenario(ctx, actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });
  app.get(
    '/api/network/scenarios/:id/compare',
    {
      config: read,
      schema: {
        tags,
        params: z.object({ id: ZId }),
        querystring: z.strictObject({ date: ZIsoDate.optional(), assumePlanned: ZQuery.assumePlanned }),
        response: { 200: z.object({ items: z.array(z.object({ from: z.string(), to: z.string(), baseMinutes: z.number().nullable(), scenarioMinutes: z.number().nullable(), delta: z.number().nullable() })) }), ...errorResponses },
      },
    },
    async (req) => {
      const q = query(req.query);
      const deltas = await compareScenario(ctx, req.params.id, q);
      return { items: deltas.map((d) => ({ from: d.from, to: d.to, baseMinutes: minutesOrNull(d.a), scenarioMinutes: minutesOrNull(d.b), delta: minutesOrNull(d.delta) })) };
    },
  );

  app.get('/api/network/export', { config: read, schema: { tags, querystring: z.strictObject(ZQuery), response: { 200: z.any(), ...errorResponses } } }, async (req, reply) => {
    const q = query(req.query);
    const content = await exportNetwork(ctx, q);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`小时交通网-${q.date}.xlsx`)}`)
      .send(content);
  });
}

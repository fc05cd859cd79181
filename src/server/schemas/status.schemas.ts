import { z } from 'zod';
import { STATUS_ORDER } from '../../domain';
import { ZId, ZIsoDate } from './common.schemas';

const ZCounts = z.record(z.enum(STATUS_ORDER), z.number().int());
export const ZNodeStatus = z.object({
  nodeId: z.string(),
  kind: z.string(),
  code: z.string(),
  title: z.string(),
  status: z.enum(STATUS_ORDER).nullable(),
  reasons: z.array(z.object({ code: z.string(), text: z.string() })),
  plannedPct: z.number().nullable(),
  actualPct: z.number().nullable(),
  progressPct: z.number(),
  counts: ZCounts,
  leads: z.array(z.string()),
  participants: z.array(z.string()),
  isLeaf: z.boolean(),
  /** meeting_decision | agreement_matter | national_request, null for the Decision's own tasks. */
  // Always sent; optional in the type so existing web fixtures of a node status stay valid.
  sourceKind: z.string().nullable().optional(),
  sourceId: z.string().nullable().optional(),
});
export const ZPlanStatus = z.object({ asOf: z.string(), items: z.array(ZNodeStatus) });
export const ZPlanStatusQuery = z.strictObject({ asOf: ZIsoDate.optional() });

export const ZMyTask = ZNodeStatus.extend({
  role: z.enum(['lead', 'participant']),
  priority: z.string(),
  startOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  keyArea: z.string().nullable(),
  articleCode: z.string().nullable(),
  sourceKind: z.string().nullable(),
  sourceId: z.string().nullable(),
});
export const ZMyTasksQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.enum(['code', 'dueOn', 'priority', 'status', 'progress']).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
  unitId: ZId.optional(),
  role: z.enum(['lead', 'participant']).optional(),
  status: z.enum(STATUS_ORDER).optional(),
  priority: z.enum(['high', 'normal', 'low']).optional(),
  underId: ZId.optional(),
  keyArea: z.string().max(40).optional(),
  dueFrom: ZIsoDate.optional(),
  dueTo: ZIsoDate.optional(),
  q: z.string().trim().max(100).optional(),
  sourceKind: z.enum(['plan', 'meeting_decision', 'agreement_matter', 'national_request']).optional(),
});
export const ZMyTasksPage = z.object({ asOf: z.string(), unitId: z.string().nullable(), items: z.array(ZMyTask), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const ZOverrideBody = z.strictObject({
  status: z.enum(['red', 'yellow', 'green', 'not_started', 'completed']),
  reason: z.string().trim().min(2).max(500),
  expiresOn: ZIsoDate,
});
export const ZOverride = ZOverrideBody.extend({ id: z.string() });

export const ZCockpit = z.object({
  asOf: z.string(),
  overall: z.object({ progressPct: z.number(), counts: ZCounts }),
  parts: z.array(ZNodeStatus),
  articles: z.array(ZNodeStatus),
  keyAreas: z.array(z.object({ key: z.string(), title: z.string(), progressPct: z.number(), counts: ZCounts })),
  lagging: z.array(ZNodeStatus),
  /** The lagging list is cut at 50; this is how many there are. */
  laggingTotal: z.number().int(),
  units: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      leadTasks: z.number().int(),
      red: z.number().int(),
      yellow: z.number().int(),
      reportsDue: z.number().int(),
      reportsOnTime: z.number().int(),
      reportsLate: z.number().int(),
      reportsMissing: z.number().int(),
    }),
  ),
  divisions: z.array(z.object({ code: z.string(), counts: ZCounts, worst: z.enum(STATUS_ORDER).nullable(), taskIds: z.array(z.string()) })),
});

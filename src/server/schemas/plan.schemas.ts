import { z } from 'zod';
import { NODE_KINDS, PRIORITIES } from '../../domain';
import { ZBoolString, ZId, ZIsoDate, ZVersion } from './common.schemas';

const ZFact = z.object({ key: z.string(), title: z.string(), text: z.string() });

export const ZPlan = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  shortTitle: z.string(),
  adoptedOn: z.string().nullable(),
  issuer: z.string().nullable(),
  summary: z.string().nullable(),
  facts: z.object({ goals: z.array(ZFact), principles: z.array(ZFact), keyAreas: z.array(z.object({ key: z.string(), title: z.string() })) }),
  source: z.record(z.string(), z.unknown()).nullable(),
  version: z.number().int(),
});

export const ZNode = z.object({
  id: z.string(),
  planId: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(NODE_KINDS),
  code: z.string(),
  seq: z.number().int(),
  title: z.string(),
  body: z.string().nullable(),
  weight: z.number(),
  priority: z.enum(PRIORITIES),
  startOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  keyArea: z.string().nullable(),
  sourceRef: z.object({ section: z.string().optional(), quote: z.string().optional() }).nullable(),
  completionCriterion: z.string().nullable(),
  evidenceRequired: z.boolean(),
  cancelled: z.boolean(),
  completedOn: z.string().nullable(),
  deadlineText: z.string().nullable(),
  divisionCodes: z.array(z.string()),
  // Always sent; optional in the type only so existing web fixtures of TNode stay valid (tighten with them).
  sourceKind: z.enum(['meeting_decision', 'agreement_matter', 'national_request']).nullable().optional(),
  sourceId: z.string().nullable().optional(),
  version: z.number().int(),
  updatedAt: z.string(),
});

export const ZNodeList = z.object({ items: z.array(ZNode) });
export const ZPlanParams = z.object({ planId: ZId });
export const ZNodeParams = z.object({ planId: ZId, nodeId: ZId });
export const ZNodesQuery = z.strictObject({
  deleted: ZBoolString.default(false),
  /** `tree`: only what the outline shows (no texts); a node's full record comes from GET …/nodes/:nodeId. */
  view: z.enum(['full', 'tree']).default('full'),
  /** With view=tree: only the live children of this node (what the tree loads when a node is expanded). */
  parentId: ZId.optional(),
});
export const ZTreeNode = ZNode.pick({ id: true, parentId: true, kind: true, code: true, seq: true, title: true, weight: true, priority: true, startOn: true, dueOn: true, cancelled: true, completedOn: true, version: true });
/**
 * `complete` false: a large plan's outline holds only its parts and articles; the rest is loaded a level at a
 * time with `parentId` (a 100,000-node outline was 28 MB of JSON and ~100 MB of the server's heap).
 */
export const ZTreeNodeList = z.object({ items: z.array(ZTreeNode), complete: z.boolean() });

const nodeFields = {
  title: z.string().trim().min(1).max(200),
  body: z.string().max(20_000).nullable(),
  weight: z.number().min(0).max(1000),
  priority: z.enum(PRIORITIES),
  startOn: ZIsoDate.nullable(),
  dueOn: ZIsoDate.nullable(),
  keyArea: z.string().max(40).nullable(),
  completionCriterion: z.string().trim().max(500).nullable(),
  evidenceRequired: z.boolean(),
  cancelled: z.boolean(),
  completedOn: ZIsoDate.nullable(),
  deadlineText: z.string().trim().max(60).nullable(),
  divisionCodes: z.array(z.string().regex(/^\d{6}$/)).max(100),
};

const optionalFields = {
  body: nodeFields.body.optional(),
  weight: nodeFields.weight.optional(),
  priority: nodeFields.priority.optional(),
  startOn: nodeFields.startOn.optional(),
  dueOn: nodeFields.dueOn.optional(),
  keyArea: nodeFields.keyArea.optional(),
  completionCriterion: nodeFields.completionCriterion.optional(),
  evidenceRequired: nodeFields.evidenceRequired.optional(),
  cancelled: nodeFields.cancelled.optional(),
  completedOn: nodeFields.completedOn.optional(),
  deadlineText: nodeFields.deadlineText.optional(),
  divisionCodes: nodeFields.divisionCodes.optional(),
};

export const ZCreateNodeBody = z.strictObject({
  parentId: ZId,
  kind: z.enum(['task', 'milestone']),
  title: nodeFields.title,
  ...optionalFields,
});

export const ZUpdateNodeBody = z.strictObject({
  version: z.number().int().min(1),
  title: nodeFields.title.optional(),
  ...optionalFields,
});

export const ZMoveNodeBody = z.strictObject({
  version: z.number().int().min(1),
  parentId: ZId,
  position: z.number().int().min(0).max(100_000),
});

export const ZDeleteNodeQuery = z.strictObject({ version: ZVersion });
export const ZDeleteResult = z.object({ deleted: z.number().int() });

export const ZAssignment = z.object({
  nodeId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  side: z.enum(['sichuan', 'chongqing']),
  role: z.enum(['lead', 'participant']),
});
export const ZAssignmentList = z.object({ items: z.array(ZAssignment) });
export const ZAssignBody = z.strictObject({
  version: z.number().int().min(1),
  leads: z.array(ZId).max(50),
  participants: z.array(ZId).max(200),
});
export const ZAssignResult = z.object({ node: ZNode, assignments: z.array(ZAssignment) });

export const ZBaseline = z.object({ id: z.string(), number: z.number().int(), reason: z.string(), approvedAt: z.string(), approvedBy: z.string(), nodes: z.number().int() });
export const ZApproveBaselineBody = z.strictObject({ reason: z.string().trim().min(2).max(1000) });
const ZBaselineEntry = z.object({ code: z.string(), title: z.string(), startOn: z.string().nullable(), dueOn: z.string().nullable(), weight: z.number() });
export const ZVariance = z.object({
  number: z.number().int(),
  approvedAt: z.string(),
  items: z.array(
    z.object({
      nodeId: z.string(),
      code: z.string(),
      title: z.string(),
      change: z.enum(['added', 'removed', 'changed']),
      baseline: ZBaselineEntry.nullable(),
      current: ZBaselineEntry.nullable(),
      dueSlipDays: z.number().int().nullable(),
      startSlipDays: z.number().int().nullable(),
      weightDelta: z.number().nullable(),
    }),
  ),
});

import { z } from 'zod';
import { REPORT_ACTIONS, REPORT_STATES } from '../../domain';
import { pageOf, ZId, ZIsoDate } from './common.schemas';

export const ZCycle = z.object({
  id: z.string(),
  planId: z.string(),
  label: z.string(),
  labelEn: z.string(),
  frequency: z.enum(['monthly', 'quarterly']),
  periodStart: z.string(),
  periodEnd: z.string(),
  opensOn: z.string(),
  dueOn: z.string(),
  state: z.enum(['open', 'closed']),
  version: z.number().int(),
  counts: z.record(z.enum(REPORT_STATES), z.number().int()),
});
export const ZCycleList = z.object({ items: z.array(ZCycle) });
export const ZCycleParams = z.object({ cycleId: ZId });
export const ZOpenCycleBody = z.strictObject({
  frequency: z.enum(['monthly', 'quarterly']),
  year: z.number().int().min(2020).max(2100),
  index: z.number().int().min(1).max(12),
  opensOn: ZIsoDate.optional(),
  dueOn: ZIsoDate.optional(),
});
export const ZUpdateCycleBody = z.strictObject({
  version: z.number().int().min(1),
  dueOn: ZIsoDate.optional(),
  state: z.enum(['open', 'closed']).optional(),
});

const ZMilestoneUpdate = z.strictObject({
  nodeId: ZId,
  done: z.boolean(),
  doneOn: ZIsoDate.nullable(),
  note: z.string().trim().max(1000).nullable(),
});

const summaryFields = {
  id: z.string(),
  cycleId: z.string(),
  cycleLabel: z.string(),
  cycleLabelEn: z.string(),
  cycleDueOn: z.string(),
  nodeId: z.string(),
  nodeCode: z.string(),
  nodeTitle: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  role: z.enum(['lead', 'participant']),
  state: z.enum(REPORT_STATES),
  progressPct: z.number().nullable(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
};
export const ZReportSummary = z.object(summaryFields);
export const ZReportPage = pageOf(ZReportSummary);
const reportFields = {
  ...summaryFields,
  narrative: z.string().nullable(),
  problems: z.string().nullable(),
  coordinationRequest: z.string().nullable(),
  nextSteps: z.string().nullable(),
  milestoneUpdates: z.array(z.object({ nodeId: z.string(), done: z.boolean(), doneOn: z.string().nullable(), note: z.string().nullable() })),
  approvedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  qualityRating: z.number().int().nullable(),
  returnedAt: z.string().nullable(),
  returnComment: z.string().nullable(),
};
export const ZAttachment = z.object({ id: z.string(), fileName: z.string(), mime: z.string(), size: z.number().int(), hasThumbnail: z.boolean(), createdAt: z.string() });
export const ZReportDetail = z.object({
  ...reportFields,
  milestones: z.array(
    z.object({ id: z.string(), code: z.string(), title: z.string(), dueOn: z.string().nullable(), completedOn: z.string().nullable(), evidenceRequired: z.boolean(), completionCriterion: z.string().nullable() }),
  ),
  contributions: z.array(z.object(reportFields)),
  attachments: z.array(ZAttachment),
  allowedActions: z.array(z.enum(REPORT_ACTIONS)),
  editable: z.boolean(),
});
export const ZReportParams = z.object({ reportId: ZId });
export const ZReportsQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  cycleId: ZId.optional(),
  unitId: ZId.optional(),
  nodeId: ZId.optional(),
  state: z.enum(REPORT_STATES).optional(),
  role: z.enum(['lead', 'participant']).optional(),
});
const text = (max: number) => z.string().trim().max(max).nullable().optional();
export const ZSaveReportBody = z.strictObject({
  version: z.number().int().min(1),
  progressPct: z.number().min(0).max(100).nullable().optional(),
  narrative: text(5000),
  problems: text(3000),
  coordinationRequest: text(3000),
  nextSteps: text(3000),
  milestoneUpdates: z.array(ZMilestoneUpdate).max(200).optional(),
});
export const ZTransitionBody = z.strictObject({
  version: z.number().int().min(1),
  comment: z.string().trim().max(1000).optional(),
  qualityRating: z.number().int().min(1).max(5).optional(),
});
export const ZTransitionParams = z.object({ reportId: ZId, action: z.enum(REPORT_ACTIONS) });
export const ZAttachmentParams = z.object({ attachmentId: ZId });

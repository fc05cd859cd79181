import { z } from 'zod';
import { SUPERVISION_LEVELS, SUPERVISION_STATES } from '../../domain';
import { pageOf, ZId, ZIsoDate } from './common.schemas';
import { ZNodeStatus } from './status.schemas';

export const ZSupervisionItem = z.object({
  id: z.string(),
  planId: z.string(),
  nodeId: z.string(),
  nodeCode: z.string(),
  nodeTitle: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  level: z.enum(SUPERVISION_LEVELS),
  message: z.string(),
  responseDueOn: z.string(),
  state: z.enum(SUPERVISION_STATES),
  response: z.string().nullable(),
  respondedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closingComment: z.string().nullable(),
  escalatedFrom: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export const ZSupervisionDetail = ZSupervisionItem.extend({ chain: z.array(ZSupervisionItem) });
export const ZSupervisionPage = pageOf(ZSupervisionItem);
export const ZSupervisionQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  state: z.enum(SUPERVISION_STATES).optional(),
  level: z.enum(SUPERVISION_LEVELS).optional(),
  unitId: ZId.optional(),
  nodeId: ZId.optional(),
});
export const ZSupervisionParams = z.object({ id: ZId });
export const ZIssueBody = z.strictObject({
  nodeId: ZId,
  unitId: ZId,
  level: z.enum(SUPERVISION_LEVELS),
  message: z.string().trim().min(2).max(2000),
  responseDueOn: ZIsoDate,
});
export const ZRespondBody = z.strictObject({ version: z.number().int().min(1), response: z.string().trim().min(2).max(5000) });
export const ZCloseBody = z.strictObject({ version: z.number().int().min(1), comment: z.string().trim().max(2000).optional() });
export const ZEscalateBody = z.strictObject({ version: z.number().int().min(1), message: z.string().trim().min(2).max(2000), responseDueOn: ZIsoDate });
export const ZProposal = ZNodeStatus.extend({ suggestedLevel: z.enum(SUPERVISION_LEVELS), leadUnits: z.array(z.object({ unitId: z.string(), unitName: z.string() })) });

export const ZNotificationPage = z.object({
  unread: z.number().int(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(z.object({ id: z.string(), kind: z.string(), title: z.string(), body: z.string().nullable(), link: z.string().nullable(), createdAt: z.string(), readAt: z.string().nullable() })),
});
export const ZNotificationQuery = z.strictObject({
  unread: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

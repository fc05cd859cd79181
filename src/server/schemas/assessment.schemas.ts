import { z } from 'zod';
import { ASSESSMENT_RULES, EVIDENCE_KINDS, UNIT_GROUPS } from '../../domain/assessment';
import { ZId } from './common.schemas';

const PERIOD_STATES = ['draft', 'computed', 'published'] as const;
const APPEAL_STATES = ['submitted', 'upheld', 'rejected'] as const;
const APPEAL_KINDS = ['appeal', 'self_assessment'] as const;
const paging = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const ZAssessmentIdParams = z.object({ id: ZId });
export const ZAssessmentUnitParams = z.object({ id: ZId, unitId: ZId });
export const ZAssessmentHistoryParams = z.object({ unitId: ZId });
export const ZAssessmentHistoryQuery = z.object({ planId: ZId });

export const ZRuleParams = z.strictObject({
  lateCredit: z.number().min(0).max(1).optional(),
  scaleMax: z.number().int().min(1).max(100).optional(),
});

export const ZAssessmentItem = z.object({
  id: z.string(),
  rule: z.enum(ASSESSMENT_RULES),
  title: z.string(),
  maxPoints: z.number(),
  params: ZRuleParams,
  sortOrder: z.number().int(),
});

export const ZAssessmentPeriod = z.object({
  id: z.string(),
  planId: z.string(),
  label: z.string(),
  kind: z.enum(['year', 'quarter']),
  periodStart: z.string(),
  periodEnd: z.string(),
  includeChongqing: z.boolean(),
  state: z.enum(PERIOD_STATES),
  publishedNumber: z.number().int(),
  computedAt: z.string().nullable(),
  computedAsOf: z.string().nullable(),
  reopenReason: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const ZPublication = z.object({ number: z.number().int(), reason: z.string().nullable(), publishedAt: z.string(), publishedBy: z.string() });

export const ZAssessmentPeriodDetail = ZAssessmentPeriod.extend({
  items: z.array(ZAssessmentItem),
  publications: z.array(ZPublication),
  openAppeals: z.number().int(),
  /** True when something changed since the last computation: publish needs a fresh one. */
  needsCompute: z.boolean(),
});

export const ZPeriodPage = z.object({ items: z.array(ZAssessmentPeriod), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export const ZPeriodQuery = z.object({ ...paging, state: z.enum(PERIOD_STATES).optional(), kind: z.enum(['year', 'quarter']).optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });

export const ZCreatePeriodBody = z
  .strictObject({
    kind: z.enum(['year', 'quarter']),
    year: z.number().int().min(2020).max(2100),
    quarter: z.number().int().min(1).max(4).optional(),
    includeChongqing: z.boolean().default(false),
    label: z.string().trim().min(1).max(100).optional(),
  })
  .refine((b) => b.kind === 'year' || b.quarter !== undefined, { path: ['quarter'], message: 'quarter required' });

export const ZUpdatePeriodBody = z.strictObject({ version: z.number().int().min(1), label: z.string().trim().min(1).max(100).optional(), includeChongqing: z.boolean().optional() });

export const ZItemInput = z.strictObject({
  rule: z.enum(ASSESSMENT_RULES),
  title: z.string().trim().min(1).max(100),
  maxPoints: z.number().positive().max(1000),
  params: ZRuleParams.default({}),
});
export const ZSaveItemsBody = z.strictObject({ version: z.number().int().min(1), items: z.array(ZItemInput).min(1).max(30) });
export const ZVersionBody = z.strictObject({ version: z.number().int().min(1) });
export const ZPublishBody = z.strictObject({ version: z.number().int().min(1), reason: z.string().trim().min(1).max(2000).optional() });
export const ZReopenBody = z.strictObject({ version: z.number().int().min(1), reason: z.string().trim().min(1).max(2000) });

const ZText = z.object({ zh: z.string(), en: z.string() });
export const ZEvidenceLine = z.object({ kind: z.enum(EVIDENCE_KINDS), id: z.string(), label: z.string(), status: z.string(), detail: z.string().nullable() });
export const ZBreakdownLine = z.object({
  itemId: z.string(),
  rule: z.enum(ASSESSMENT_RULES),
  title: z.string(),
  maxPoints: z.number(),
  points: z.number(),
  counts: z.record(z.string(), z.number()),
  text: ZText,
  evidence: z.array(ZEvidenceLine),
});

export const ZLeagueRow = z.object({ rank: z.number().int(), unitId: z.string(), unitName: z.string(), score: z.number() });
export const ZLeagueTables = z.object({
  periodId: z.string(),
  periodLabel: z.string(),
  state: z.enum(PERIOD_STATES),
  computedAt: z.string().nullable(),
  maxScore: z.number(),
  groups: z.array(z.object({ group: z.enum(UNIT_GROUPS), groupLabel: ZText, rows: z.array(ZLeagueRow) })),
});
export const ZLeagueQuery = z.object({ group: z.enum(UNIT_GROUPS).optional() });

export const ZAssessmentFile = z.object({ id: z.string(), fileName: z.string(), mime: z.string(), size: z.number().int(), createdAt: z.string() });

export const ZAppeal = z.object({
  id: z.string(),
  periodId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  kind: z.enum(APPEAL_KINDS),
  itemId: z.string().nullable(),
  itemTitle: z.string().nullable(),
  evidenceKind: z.enum(EVIDENCE_KINDS).nullable(),
  evidenceId: z.string().nullable(),
  evidenceLabel: z.string().nullable(),
  reason: z.string(),
  claimedPoints: z.number().nullable(),
  state: z.enum(APPEAL_STATES),
  decisionComment: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  files: z.array(ZAssessmentFile),
});
export const ZAppealPage = z.object({ items: z.array(ZAppeal), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export const ZAppealQuery = z.object({ ...paging, state: z.enum(APPEAL_STATES).optional(), kind: z.enum(APPEAL_KINDS).optional(), unitId: ZId.optional() });
export const ZAppealBody = z
  .strictObject({
    unitId: ZId.optional(),
    kind: z.enum(APPEAL_KINDS),
    itemId: ZId.nullable().default(null),
    evidenceKind: z.enum(EVIDENCE_KINDS).nullable().default(null),
    evidenceId: ZId.nullable().default(null),
    reason: z.string().trim().min(1).max(4000),
    claimedPoints: z.number().min(-1000).max(1000).nullable().default(null),
  })
  .refine((b) => (b.evidenceKind === null) === (b.evidenceId === null), { path: ['evidenceId'], message: 'evidence kind and id go together' })
  .refine((b) => b.evidenceId === null || b.itemId !== null, { path: ['itemId'], message: 'an appeal on evidence names its item' });
export const ZDecideBody = z.strictObject({ version: z.number().int().min(1), decision: z.enum(['upheld', 'rejected']), comment: z.string().trim().min(1).max(4000) });

export const ZAdjustment = z.object({
  id: z.string(),
  periodId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  points: z.number(),
  reason: z.string(),
  evidenceRefs: z.array(z.string()),
  files: z.array(ZAssessmentFile),
  createdAt: z.string(),
});
export const ZAdjustmentList = z.object({ items: z.array(ZAdjustment) });
export const ZAdjustmentBody = z.strictObject({
  unitId: ZId,
  points: z.number().min(-100).max(100).refine((p) => p !== 0 && Math.abs(p * 10 - Math.round(p * 10)) < 1e-9, { message: 'non-zero, one decimal' }),
  reason: z.string().trim().min(1).max(2000),
  evidenceRefs: z.array(z.string().trim().min(1).max(500)).max(20).default([]),
});

export const ZUnitBreakdown = z.object({
  period: ZAssessmentPeriod,
  unitId: z.string(),
  unitName: z.string(),
  group: z.enum(UNIT_GROUPS),
  groupLabel: ZText,
  rank: z.number().int(),
  groupSize: z.number().int(),
  score: z.number(),
  maxScore: z.number(),
  computedAt: z.string(),
  lines: z.array(ZBreakdownLine),
  appeals: z.array(ZAppeal),
});

export const ZUnitHistory = z.object({
  unitId: z.string(),
  unitName: z.string(),
  periods: z.array(
    z.object({
      periodId: z.string(),
      label: z.string(),
      periodStart: z.string(),
      periodEnd: z.string(),
      state: z.enum(PERIOD_STATES),
      publishedNumber: z.number().int(),
      group: z.enum(UNIT_GROUPS),
      score: z.number(),
      maxScore: z.number(),
      rank: z.number().int(),
      groupSize: z.number().int(),
    }),
  ),
});

export const ZAssessableUnits = z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), group: z.enum(UNIT_GROUPS) })) });

import { z } from 'zod';
import { AGGREGATIONS, FREQUENCIES, INDICATOR_REPORT_ACTIONS, INDICATOR_REPORT_STATES, INDICATOR_STATUSES } from '../../domain';
import { pageOf, ZBoolString, ZId } from './common.schemas';

const PERIOD = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;
const ZPeriod = z.string().regex(PERIOD, 'YYYY, YYYY-Qn or YYYY-MM');
const ZDivisionCode = z.string().trim().min(1).max(40);
const DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;
const LEVELS = ['division', 'province', 'region'] as const;
const text = (max: number) => z.string().trim().max(max).nullable();

export const ZIndicatorParams = z.object({ id: ZId });
export const ZIndicatorTargetParams = z.object({ id: ZId, targetId: ZId });

const ZOperand = z.strictObject({ indicator: z.string().min(1).max(60), members: z.array(ZDivisionCode).max(100).optional(), region: z.string().max(60).optional() });
export const ZDerivation = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('share'), division: ZDivisionCode, numerator: ZOperand, denominator: ZOperand, scale: z.number().positive().default(100) }),
  z.strictObject({ kind: z.literal('sum'), division: ZDivisionCode, operand: ZOperand }),
]);

export const ZIndicator = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  frequency: z.enum(FREQUENCIES),
  aggregation: z.enum(AGGREGATIONS),
  divisionLevel: z.enum(LEVELS),
  direction: z.enum(DIRECTIONS),
  source: z.string().nullable(),
  description: z.string().nullable(),
  ownerUnitId: z.string().nullable(),
  ownerUnitName: z.string().nullable(),
  derivation: ZDerivation.nullable(),
  derived: z.boolean(),
  shipped: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export const ZIndicatorListItem = ZIndicator.extend({ observationCount: z.number().int(), latestPeriod: z.string().nullable() });
export const ZIndicatorPage = pageOf(ZIndicatorListItem);

export const ZIndicatorQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  sort: z.enum(['code', 'name', 'frequency', 'updatedAt']).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
  q: z.string().trim().max(100).optional(),
  frequency: z.enum(FREQUENCIES).optional(),
  ownerUnitId: ZId.optional(),
  derived: ZBoolString.optional(),
});

const fields = {
  nameZh: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  unit: z.string().trim().min(1).max(20),
  frequency: z.enum(FREQUENCIES),
  aggregation: z.enum(AGGREGATIONS),
  divisionLevel: z.enum(LEVELS),
  direction: z.enum(DIRECTIONS),
  source: text(2000),
  description: text(4000),
  ownerUnitId: ZId.nullable(),
  derivation: ZDerivation.nullable(),
};
export const ZCreateIndicatorBody = z.strictObject({
  code: z.string().trim().regex(/^[a-z][a-z0-9_]{1,59}$/, 'lower-case letters, digits and _'),
  ...fields,
  direction: fields.direction.default('higher_is_better'),
  source: fields.source.default(null),
  description: fields.description.default(null),
  ownerUnitId: fields.ownerUnitId.default(null),
  derivation: fields.derivation.default(null),
});
export const ZUpdateIndicatorBody = z.strictObject({
  version: z.number().int().min(1),
  nameZh: fields.nameZh.optional(),
  nameEn: fields.nameEn.optional(),
  unit: fields.unit.optional(),
  frequency: fields.frequency.optional(),
  aggregation: fields.aggregation.optional(),
  divisionLevel: fields.divisionLevel.optional(),
  direction: fields.direction.optional(),
  source: fields.source.optional(),
  description: fields.description.optional(),
  ownerUnitId: fields.ownerUnitId.optional(),
  derivation: fields.derivation.optional(),
});

const ZMissingInput = z.object({ indicator: z.string(), division: z.string(), divisionName: z.string() });
export const ZObservation = z.object({
  id: z.string().nullable(),
  divisionCode: z.string(),
  divisionName: z.string(),
  period: z.string(),
  value: z.number().nullable(),
  source: z.string().nullable(),
  reliability: z.string().nullable(),
  note: z.string().nullable(),
  origin: z.string(),
  enteredBy: z.string().nullable(),
  version: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
  missing: z.array(ZMissingInput),
});
export const ZTarget = z.object({ id: z.string(), divisionCode: z.string(), divisionName: z.string(), period: z.string(), value: z.number(), source: z.string().nullable(), version: z.number().int() });
const ZPeriodValue = z.object({ period: z.string(), value: z.number() });
export const ZTrackStatus = z.object({
  status: z.enum(INDICATOR_STATUSES),
  shortfall: z.number().nullable(),
  latest: ZPeriodValue.nullable(),
  trajectoryValue: z.number().nullable(),
  nextTarget: ZPeriodValue.nullable(),
});
export const ZIndicatorDetail = z.object({
  indicator: ZIndicator,
  divisions: z.array(z.object({ code: z.string(), name: z.string(), values: z.number().int(), missing: z.number().int(), targets: z.number().int() })),
  division: z.string().nullable(),
  observations: z.array(ZObservation),
  targets: z.array(ZTarget),
  trajectory: z.array(ZPeriodValue.extend({ kind: z.enum(['base', 'target', 'interpolated']) })),
  status: ZTrackStatus,
  annual: z.array(z.object({ period: z.string(), value: z.number().nullable(), missing: z.array(z.string()) })),
});
export const ZIndicatorDetailQuery = z.object({ division: ZDivisionCode.optional() });

export const ZObservationBody = z.strictObject({
  divisionCode: ZDivisionCode,
  period: ZPeriod,
  value: z.number().finite().nullable(),
  source: text(2000).default(null),
  reliability: text(200).default(null),
  note: text(2000).default(null),
  version: z.number().int().min(1).optional(),
});
export const ZTargetBody = z.strictObject({
  divisionCode: ZDivisionCode,
  period: ZPeriod,
  value: z.number().finite(),
  source: text(2000).default(null),
  version: z.number().int().min(1).optional(),
});
export const ZSaved = z.object({ id: z.string(), version: z.number().int() });
export const ZVersionQuery = z.object({ version: z.coerce.number().int().min(1) });

export const ZIndicatorMapQuery = z.object({ period: ZPeriod.optional() });
export const ZIndicatorMap = z.object({
  period: z.string().nullable(),
  periods: z.array(z.string()),
  unit: z.string(),
  values: z.array(z.object({ divisionCode: z.string(), value: z.number().nullable() })),
});

const FIELD_NAMES = ['indicator', 'division', 'period', 'value', 'source', 'reliability', 'note'] as const;
export const ZObservationImportPreview = z.object({
  format: z.enum(['xlsx', 'csv']),
  encoding: z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'gbk']).nullable(),
  sheetName: z.string().nullable(),
  headerRow: z.number().int(),
  columns: z.partialRecord(z.enum(FIELD_NAMES), z.string()),
  rows: z.array(
    z.object({
      row: z.number().int(),
      indicatorId: z.string(),
      indicatorCode: z.string(),
      divisionCode: z.string(),
      divisionName: z.string(),
      period: z.string(),
      value: z.number().nullable(),
      source: z.string().nullable(),
      reliability: z.string().nullable(),
      note: z.string().nullable(),
      action: z.enum(['insert', 'update', 'unchanged']),
      previous: z.number().nullable(),
    }),
  ),
  problems: z.array(
    z.object({
      row: z.number().int(),
      column: z.string(),
      field: z.enum(FIELD_NAMES),
      code: z.enum(['INDICATOR_UNKNOWN', 'INDICATOR_DERIVED', 'DIVISION_UNKNOWN', 'PERIOD_INVALID', 'VALUE_INVALID', 'DUPLICATE_ROW']),
      value: z.string(),
    }),
  ),
  counts: z.object({ insert: z.number().int(), update: z.number().int(), unchanged: z.number().int() }),
});
export const ZObservationImportResult = z.object({ inserted: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });

export const ZCockpitIndicators = z.object({
  items: z.array(ZTrackStatus.extend({ indicatorId: z.string(), code: z.string(), name: z.string(), unit: z.string(), divisionCode: z.string(), divisionName: z.string() })),
  counts: z.record(z.enum(INDICATOR_STATUSES), z.number().int()),
});

// Links to the plan's tasks, and the owner unit's figures filed through the reporting cycles.
export const ZIndicatorTaskParams = z.object({ id: ZId, nodeId: ZId });
export const ZIndicatorTask = z.object({ nodeId: z.string(), code: z.string(), title: z.string(), kind: z.string() });
export const ZIndicatorTasks = z.object({ items: z.array(ZIndicatorTask) });
export const ZLinkIndicatorTasksBody = z.strictObject({ nodeIds: z.array(ZId).min(1).max(100) });
export const ZNodeIndicators = z.object({
  items: z.array(z.object({ indicatorId: z.string(), code: z.string(), name: z.string(), unit: z.string(), frequency: z.string(), ownerUnitName: z.string().nullable() })),
});

export const ZIndicatorReportParams = z.object({ id: ZId });
export const ZIndicatorReport = z.object({
  id: z.string(),
  indicatorId: z.string(),
  indicatorCode: z.string(),
  indicatorName: z.string(),
  measureUnit: z.string(),
  cycleId: z.string(),
  cycleLabel: z.string(),
  cycleLabelEn: z.string(),
  dueOn: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  divisionCode: z.string(),
  divisionName: z.string(),
  period: z.string(),
  state: z.enum(INDICATOR_REPORT_STATES),
  value: z.number().nullable(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  returnComment: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  version: z.number().int(),
  allowedActions: z.array(z.enum(INDICATOR_REPORT_ACTIONS)),
  editable: z.boolean(),
});
export const ZIndicatorReportPage = pageOf(ZIndicatorReport);
export const ZIndicatorReportQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  indicatorId: ZId.optional(),
  cycleId: ZId.optional(),
  unitId: ZId.optional(),
  state: z.enum(INDICATOR_REPORT_STATES).optional(),
});
export const ZCreateIndicatorReportBody = z.strictObject({
  cycleId: ZId,
  divisionCode: ZDivisionCode,
  period: ZPeriod,
  value: z.number().finite().nullable().default(null),
  source: text(2000).default(null),
  note: text(2000).default(null),
});
export const ZSaveIndicatorReportBody = z.strictObject({
  version: z.number().int().min(1),
  value: z.number().finite().nullable().optional(),
  source: text(2000).optional(),
  note: text(2000).optional(),
});
export const ZIndicatorReportActionBody = z.strictObject({ version: z.number().int().min(1), comment: z.string().trim().max(2000).optional() });
export const ZDueIndicatorReportsQuery = z.object({ cycleId: ZId.optional() });
export const ZDueIndicatorReports = z.object({
  items: z.array(
    z.object({
      cycleId: z.string(),
      cycleLabel: z.string(),
      cycleLabelEn: z.string(),
      dueOn: z.string(),
      indicatorId: z.string(),
      indicatorCode: z.string(),
      indicatorName: z.string(),
      measureUnit: z.string(),
      frequency: z.string(),
      period: z.string(),
      unitId: z.string(),
      unitName: z.string(),
      divisionCode: z.string(),
      divisionName: z.string(),
      report: ZIndicatorReport.nullable(),
    }),
  ),
});

import { z } from 'zod';
import { PROJECT_CATEGORIES, PROJECT_PHASES, PROJECT_SIDES, REPORT_ACTIONS, REPORT_STATES } from '../../domain';
import { PROJECT_SORTS } from '../../services/project/projects';
import { pageOf, ZId, ZIsoDate } from './common.schemas';

const ZText = (max: number) => z.string().trim().max(max);
const ZGeometry = z.strictObject({
  type: z.enum(['Point', 'MultiPoint', 'LineString', 'MultiLineString']),
  coordinates: z.array(z.any()).min(1).max(10_000),
});
const ZLocation = z.strictObject({ id: ZText(64).min(1), description: ZText(500).nullable(), geometry: ZGeometry.nullable(), schematic: z.boolean() });
const ZBudgetLine = z.strictObject({ year: z.number().int().min(1990).max(2100), amount: z.number().min(0).max(1_000_000), source: ZText(100).nullable() });
const ZMilestone = z.strictObject({ id: ZText(64).min(1), title: ZText(300).min(1), type: ZText(40).nullable(), dueDate: ZIsoDate.nullable(), dateMet: ZIsoDate.nullable() });
const ZDocument = z.strictObject({ id: ZText(64).min(1), title: ZText(300).min(1), url: z.url().max(2000).nullable(), documentType: ZText(60).nullable() });
const ZDivisionCode = z.string().regex(/^\d{6}$/);

export const ZProject = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  purpose: z.string().nullable(),
  category: z.enum(PROJECT_CATEGORIES),
  sector: z.array(z.string()),
  type: z.string().nullable(),
  phase: z.enum(PROJECT_PHASES),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  periodText: z.string().nullable(),
  locations: z.array(z.object({ id: z.string(), description: z.string().nullable(), geometry: z.object({ type: z.string(), coordinates: z.array(z.any()) }).nullable(), schematic: z.boolean() })),
  divisionCodes: z.array(z.string()),
  budgetTotal: z.number().nullable(),
  budgetPlan: z.array(z.object({ year: z.number().int(), amount: z.number(), source: z.string().nullable() })),
  owner: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  side: z.enum(PROJECT_SIDES),
  milestones: z.array(z.object({ id: z.string(), title: z.string(), type: z.string().nullable(), dueDate: z.string().nullable(), dateMet: z.string().nullable() })),
  documents: z.array(z.object({ id: z.string(), title: z.string(), url: z.string().nullable(), documentType: z.string().nullable() })),
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  source: z.array(z.string()),
  note: z.string().nullable(),
  origin: z.enum(['shipped', 'import', 'manual']),
  userEdited: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const ZProjectPage = pageOf(ZProject);

export const ZProjectReport = z.object({
  id: z.string(),
  projectId: z.string(),
  projectTitle: z.string(),
  cycleId: z.string(),
  cycleLabel: z.string(),
  cycleLabelEn: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  dueOn: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  state: z.enum(REPORT_STATES),
  investmentMonth: z.number().nullable(),
  investmentCumulative: z.number().nullable(),
  physicalPct: z.number().nullable(),
  narrative: z.string().nullable(),
  problems: z.string().nullable(),
  returnComment: z.string().nullable(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  version: z.number().int(),
  allowedActions: z.array(z.enum(REPORT_ACTIONS)),
  editable: z.boolean(),
});
export const ZLinkedTask = z.object({ nodeId: z.string(), code: z.string(), title: z.string(), kind: z.string() });
export const ZProjectSeries = z.object({
  points: z.array(z.object({ month: z.string(), planned: z.number(), actual: z.number().nullable() })),
  latestPhysicalPct: z.number().nullable(),
  unit: z.literal('亿元'),
});
export const ZProjectDetail = ZProject.extend({
  tasks: z.array(ZLinkedTask),
  reports: z.array(ZProjectReport),
  series: ZProjectSeries,
  divisions: z.array(z.object({ code: z.string(), name: z.string() })),
});
export const ZMapProject = ZProject.pick({ id: true, title: true, category: true, phase: true, side: true, budgetTotal: true, divisionCodes: true, locations: true });

const filterFields = {
  category: z.string().regex(/^[a-zA-Z.]{2,40}$/).optional(),
  phase: z.enum(PROJECT_PHASES).optional(),
  unitId: ZId.optional(),
  side: z.enum(PROJECT_SIDES).optional(),
  division: ZDivisionCode.optional(),
  q: z.string().trim().max(100).optional(),
};
export const ZProjectFilterQuery = z.strictObject(filterFields);
export const ZProjectQuery = z.strictObject({
  ...filterFields,
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.enum(PROJECT_SORTS).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export const ZProjectParams = z.object({ id: ZId });
export const ZProjectTaskParams = z.object({ id: ZId, nodeId: ZId });

const fields = {
  title: ZText(300).min(1),
  description: ZText(4000).nullable().optional(),
  purpose: ZText(2000).nullable().optional(),
  category: z.enum(PROJECT_CATEGORIES),
  type: z.enum(['construction', 'rehabilitation', 'replacement', 'expansion', 'decommissioning']).nullable().optional(),
  phase: z.enum(PROJECT_PHASES),
  startDate: ZIsoDate.nullable().optional(),
  endDate: ZIsoDate.nullable().optional(),
  periodText: ZText(100).nullable().optional(),
  locations: z.array(ZLocation).max(50).optional(),
  divisionCodes: z.array(ZDivisionCode).max(100).optional(),
  budgetTotal: z.number().min(0).max(1_000_000).nullable().optional(),
  budgetPlan: z.array(ZBudgetLine).max(100).optional(),
  owner: ZText(300).nullable().optional(),
  unitId: ZId.nullable().optional(),
  side: z.enum(PROJECT_SIDES).optional(),
  milestones: z.array(ZMilestone).max(100).optional(),
  documents: z.array(ZDocument).max(100).optional(),
  source: z.array(ZText(2000).min(1)).max(50).optional(),
  note: ZText(4000).nullable().optional(),
};
export const ZCreateProjectBody = z.strictObject({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/).optional(), ...fields });
export const ZUpdateProjectBody = z.strictObject({ version: z.number().int().min(1), ...z.object(fields).partial().shape });
export const ZLinkTasksBody = z.strictObject({ nodeIds: z.array(ZId).min(1).max(100) });
export const ZLinkedTasks = z.object({ items: z.array(ZLinkedTask) });

export const ZOpenProjectReportBody = z.strictObject({ cycleId: ZId });
export const ZSaveProjectReportBody = z.strictObject({
  version: z.number().int().min(1),
  investmentMonth: z.number().min(0).max(100_000).nullable().optional(),
  investmentCumulative: z.number().min(0).max(1_000_000).nullable().optional(),
  physicalPct: z.number().min(0).max(100).nullable().optional(),
  narrative: ZText(4000).nullable().optional(),
  problems: ZText(4000).nullable().optional(),
});
export const ZProjectReportTransitionBody = z.strictObject({ version: z.number().int().min(1), comment: ZText(2000).optional() });
export const ZProjectReportActionParams = z.object({ id: ZId, action: z.enum(REPORT_ACTIONS) });

const ZProblem = z.object({ row: z.number().int(), column: z.string(), field: z.string(), code: z.string(), value: z.string(), message_zh: z.string(), message_en: z.string(), blocking: z.boolean() });
export const ZProjectImportPreview = z.object({
  sheetName: z.string(),
  headerRow: z.number().int(),
  year: z.number().int(),
  sections: z.array(z.object({ row: z.number().int(), title: z.string(), announced: z.number().int().nullable(), category: z.string().nullable(), projects: z.number().int() })),
  rows: z.array(
    z.object({
      row: z.number().int(), seq: z.string(), title: z.string(), scope: z.string().nullable(), yearsText: z.string().nullable(), startYear: z.number().int().nullable(), endYear: z.number().int().nullable(),
      total: z.number().nullable(), annualPlan: z.number().nullable(), unitText: z.string().nullable(), location: z.string().nullable(), note: z.string().nullable(), section: z.string().nullable(),
      category: z.string().nullable(), unitId: z.string().nullable(), owner: z.string().nullable(), divisionCodes: z.array(z.string()), existingId: z.string().nullable(),
    }),
  ),
  problems: z.array(ZProblem),
  blocking: z.number().int(),
  counts: z.object({ create: z.number().int(), update: z.number().int() }),
});
export const ZProjectImportResult = z.object({ created: z.number().int(), updated: z.number().int(), year: z.number().int() });

import { z } from 'zod';
import { STATUS_ORDER } from '../../domain';
import { ZBoolString, ZId, ZIsoDate } from './common.schemas';

const LAYERS = ['decision', 'coordination', 'execution'] as const;
const AGREEMENT_STATUSES = ['no_matters', 'in_progress', 'lagging', 'completed'] as const;
const REQUEST_TYPES = ['policy', 'project', 'funds', 'pilot', 'plan_approval'] as const;
const REQUEST_STATUSES = ['drafting', 'submitted', 'under_consideration', 'approved', 'partly_approved', 'not_approved'] as const;
const SIDES = ['sichuan', 'chongqing', 'other'] as const;

const paging = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};
const text = (max: number) => z.string().trim().max(max).nullable();

export const ZIdParams = z.object({ id: ZId });

/** Project library ids are readable strings ('chengyu-zhongxian'), not UUIDs. */
const ZProjectId = z.string().trim().min(1).max(100);
const ZProjectRef = z.object({ id: z.string(), title: z.string() });

/** A task that came from a meeting, agreement or request, with its status and the evidence that closed it. */
export const ZSourcedTask = z.object({
  nodeId: z.string(),
  code: z.string(),
  title: z.string(),
  dueOn: z.string().nullable(),
  closureEvidence: z.string().nullable(),
  completedOn: z.string().nullable(),
  leads: z.array(z.string()),
  participants: z.array(z.string()),
  status: z.enum(STATUS_ORDER).nullable(),
  reasons: z.array(z.object({ code: z.string(), text: z.string() })),
  progressPct: z.number(),
  evidence: z.array(z.object({ attachmentId: z.string(), fileName: z.string(), reportId: z.string() })),
});
const ZSourceCounts = z.object({ total: z.number().int(), done: z.number().int(), onTrack: z.number().int(), late: z.number().int() });

export const ZSourcedTaskBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  leads: z.array(ZId).min(1).max(50),
  participants: z.array(ZId).max(200).default([]),
  dueOn: ZIsoDate.nullable().optional(),
  closureEvidence: z.string().trim().min(1).max(2000),
  articleId: ZId.optional(),
});

// Meetings
const meetingFields = {
  layer: z.enum(LAYERS),
  title: z.string().trim().min(1).max(200),
  heldOn: ZIsoDate,
  place: text(200),
  body: z.string().trim().min(1).max(200),
  unitIds: z.array(ZId).max(500),
  agenda: text(20_000),
  minutes: text(100_000),
};
export const ZCreateMeetingBody = z.strictObject({
  ...meetingFields,
  place: meetingFields.place.default(null),
  unitIds: meetingFields.unitIds.default([]),
  agenda: meetingFields.agenda.default(null),
  minutes: meetingFields.minutes.default(null),
});
export const ZUpdateMeetingBody = z.strictObject({
  version: z.number().int().min(1),
  layer: meetingFields.layer.optional(),
  title: meetingFields.title.optional(),
  heldOn: meetingFields.heldOn.optional(),
  place: meetingFields.place.optional(),
  body: meetingFields.body.optional(),
  unitIds: meetingFields.unitIds.optional(),
  agenda: meetingFields.agenda.optional(),
  minutes: meetingFields.minutes.optional(),
});
export const ZMeeting = z.object({
  id: z.string(),
  planId: z.string(),
  layer: z.enum(LAYERS),
  title: z.string(),
  heldOn: z.string(),
  place: z.string().nullable(),
  body: z.string(),
  unitIds: z.array(z.string()),
  agenda: z.string().nullable(),
  minutes: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const ZMeetingQuery = z.strictObject({ ...paging, layer: z.enum(LAYERS).optional(), body: z.string().trim().max(200).optional(), from: ZIsoDate.optional(), to: ZIsoDate.optional() });
export const ZMeetingListItem = ZMeeting.extend({ counts: ZSourceCounts });
export const ZMeetingPage = z.object({ items: z.array(ZMeetingListItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export const ZMeetingDetail = ZMeeting.extend({
  decisions: z.array(ZSourcedTask),
  counts: ZSourceCounts,
  previous: z.object({ meeting: ZMeeting, openDecisions: z.array(ZSourcedTask) }).nullable(),
});

const ZUnitRef = z.object({ name: z.string(), unitId: z.string().nullable() });
export const ZDecisionPreview = z.object({
  sheetName: z.string(),
  headerRow: z.number().int(),
  rows: z.array(z.object({ row: z.number().int(), title: z.string(), leads: z.array(ZUnitRef), participants: z.array(ZUnitRef), deadlineText: z.string(), dueOn: z.string().nullable(), closureEvidence: z.string() })),
  problems: z.array(z.object({ row: z.number().int(), column: z.string(), field: z.string(), code: z.string(), value: z.string(), suggestions: z.array(z.object({ unitId: z.string(), name: z.string(), score: z.number() })) })),
  blocking: z.array(z.object({ row: z.number().int(), column: z.string(), field: z.string(), code: z.string(), value: z.string() })),
});
export const ZDecisionImportResult = z.object({ decisions: z.number().int(), nodeIds: z.array(z.string()) });

// Agreements
const ZParty = z.strictObject({ name: z.string().trim().min(1).max(200), side: z.enum(SIDES), unitId: ZId.optional() });
const agreementFields = {
  title: z.string().trim().min(1).max(200),
  parties: z.array(ZParty).min(1).max(50),
  level: z.string().trim().min(1).max(40),
  signedOn: ZIsoDate.nullable(),
  termUntil: ZIsoDate.nullable(),
  documents: text(20_000),
  /** Major projects that are matters of the agreement. */
  projectIds: z.array(ZProjectId).max(100),
};
export const ZCreateAgreementBody = z.strictObject({
  ...agreementFields,
  signedOn: agreementFields.signedOn.default(null),
  termUntil: agreementFields.termUntil.default(null),
  documents: agreementFields.documents.default(null),
  projectIds: agreementFields.projectIds.default([]),
});
export const ZUpdateAgreementBody = z.strictObject({
  version: z.number().int().min(1),
  title: agreementFields.title.optional(),
  parties: agreementFields.parties.optional(),
  level: agreementFields.level.optional(),
  signedOn: agreementFields.signedOn.optional(),
  termUntil: agreementFields.termUntil.optional(),
  documents: agreementFields.documents.optional(),
  projectIds: agreementFields.projectIds.optional(),
});
export const ZAgreement = z.object({
  id: z.string(),
  planId: z.string(),
  title: z.string(),
  parties: z.array(z.object({ name: z.string(), side: z.enum(SIDES), unitId: z.string().optional() })),
  level: z.string(),
  signedOn: z.string().nullable(),
  termUntil: z.string().nullable(),
  documents: z.string().nullable(),
  projectIds: z.array(z.string()),
  projects: z.array(ZProjectRef),
  status: z.enum(AGREEMENT_STATUSES),
  counts: ZSourceCounts,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const ZAgreementDetail = ZAgreement.extend({ matters: z.array(ZSourcedTask) });
export const ZAgreementQuery = z.strictObject({ ...paging, party: z.string().trim().max(200).optional(), side: z.enum(SIDES).optional(), status: z.enum(AGREEMENT_STATUSES).optional() });
export const ZAgreementPage = z.object({ items: z.array(ZAgreement), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export const ZExpiringQuery = z.strictObject({ withinDays: z.coerce.number().int().min(0).max(3650).default(60) });
export const ZExpiring = z.object({ asOf: z.string(), withinDays: z.number().int(), items: z.array(ZAgreement.extend({ daysLeft: z.number().int() })) });

// National requests
const requestFields = {
  title: z.string().trim().min(1).max(200),
  type: z.enum(REQUEST_TYPES),
  addressedTo: z.string().trim().min(1).max(200),
  leadUnitId: ZId,
  jointWithChongqing: z.boolean(),
  submittedOn: ZIsoDate.nullable(),
  status: z.enum(REQUEST_STATUSES),
  outcome: text(5000),
  documents: text(20_000),
  nodeIds: z.array(ZId).max(200),
  projectIds: z.array(ZProjectId).max(100),
};
export const ZCreateRequestBody = z.strictObject({
  ...requestFields,
  jointWithChongqing: requestFields.jointWithChongqing.default(false),
  submittedOn: requestFields.submittedOn.default(null),
  status: requestFields.status.default('drafting'),
  outcome: requestFields.outcome.default(null),
  documents: requestFields.documents.default(null),
  nodeIds: requestFields.nodeIds.default([]),
  projectIds: requestFields.projectIds.default([]),
});
export const ZUpdateRequestBody = z.strictObject({
  version: z.number().int().min(1),
  title: requestFields.title.optional(),
  type: requestFields.type.optional(),
  addressedTo: requestFields.addressedTo.optional(),
  leadUnitId: requestFields.leadUnitId.optional(),
  jointWithChongqing: requestFields.jointWithChongqing.optional(),
  submittedOn: requestFields.submittedOn.optional(),
  status: requestFields.status.optional(),
  outcome: requestFields.outcome.optional(),
  documents: requestFields.documents.optional(),
  nodeIds: requestFields.nodeIds.optional(),
  projectIds: requestFields.projectIds.optional(),
});
export const ZNationalRequest = z.object({
  id: z.string(),
  planId: z.string(),
  title: z.string(),
  type: z.enum(REQUEST_TYPES),
  addressedTo: z.string(),
  leadUnitId: z.string(),
  leadUnitName: z.string(),
  jointWithChongqing: z.boolean(),
  submittedOn: z.string().nullable(),
  status: z.enum(REQUEST_STATUSES),
  outcome: z.string().nullable(),
  documents: z.string().nullable(),
  nodeIds: z.array(z.string()),
  /** The linked tasks with their code and title, for links to /plan/:nodeId. */
  nodes: z.array(z.object({ id: z.string(), code: z.string(), title: z.string() })),
  projectIds: z.array(z.string()),
  projects: z.array(ZProjectRef),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const ZNationalRequestDetail = ZNationalRequest.extend({ tasks: z.array(ZSourcedTask) });
const requestFilter = {
  type: z.enum(REQUEST_TYPES).optional(),
  status: z.enum(REQUEST_STATUSES).optional(),
  leadUnitId: ZId.optional(),
  joint: ZBoolString.optional(),
  q: z.string().trim().max(100).optional(),
};
export const ZRequestQuery = z.strictObject({ ...paging, ...requestFilter });
export const ZRequestExportQuery = z.strictObject(requestFilter);
export const ZRequestPage = z.object({ items: z.array(ZNationalRequest), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export const ZRequestCounts = z.object({ total: z.number().int(), byStatus: z.record(z.enum(REQUEST_STATUSES), z.number().int()) });

// The cockpit's coordination card
export const ZCoordinationCockpit = z.object({
  asOf: z.string(),
  requests: ZRequestCounts,
  decisions: ZSourceCounts,
  agreements: z.object({ total: z.number().int(), byStatus: z.record(z.enum(AGREEMENT_STATUSES), z.number().int()), expiringSoon: z.number().int(), expiringWithinDays: z.number().int() }),
});

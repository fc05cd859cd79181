import { DomainError } from '../errors';

export const REPORT_STATES = ['draft', 'submitted', 'approved', 'accepted', 'returned'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const REPORT_ACTIONS = ['submit', 'approve', 'return', 'accept'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** Who acts at each step: the unit's own staff, the unit lead, or the leading-group office. */
export type ReportActorRole = 'unit_staff' | 'unit_lead' | 'office';

/**
 * draft → submitted → approved (unit lead) → accepted (office). The unit lead returns a submitted
 * report; the office returns an approved one; a returned report is edited and submitted again.
 */
const TRANSITIONS: { action: ReportAction; from: readonly ReportState[]; to: ReportState; by: ReportActorRole }[] = [
  { action: 'submit', from: ['draft', 'returned'], to: 'submitted', by: 'unit_staff' },
  { action: 'approve', from: ['submitted'], to: 'approved', by: 'unit_lead' },
  { action: 'return', from: ['submitted'], to: 'returned', by: 'unit_lead' },
  { action: 'return', from: ['approved'], to: 'returned', by: 'office' },
  { action: 'accept', from: ['approved'], to: 'accepted', by: 'office' },
];

/** The state after `action`, or REPORT_TRANSITION_INVALID naming what is allowed from `state`. */
export function nextReportState(state: ReportState, action: ReportAction, roles: readonly ReportActorRole[]): ReportState {
  const t = TRANSITIONS.find((x) => x.action === action && x.from.includes(state) && roles.includes(x.by));
  if (!t) {
    const allowed = TRANSITIONS.filter((x) => x.from.includes(state) && roles.includes(x.by)).map((x) => x.action);
    throw new DomainError('REPORT_TRANSITION_INVALID', { state, action, allowed });
  }
  return t.to;
}

export function isEditable(state: ReportState): boolean {
  return state === 'draft' || state === 'returned';
}

/** States whose progress figure counts for status: what the unit has put its name to. */
export function countsAsFiled(state: ReportState): boolean {
  return state === 'submitted' || state === 'approved' || state === 'accepted';
}

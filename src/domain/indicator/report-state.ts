import { DomainError } from '../errors';

/**
 * An indicator figure filed by its owner unit. It follows the task reports' workflow without the unit
 * lead's approval step: a figure is one number with its source, and the office checks it against the source.
 */
export const INDICATOR_REPORT_STATES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type IndicatorReportState = (typeof INDICATOR_REPORT_STATES)[number];

export const INDICATOR_REPORT_ACTIONS = ['submit', 'accept', 'return'] as const;
export type IndicatorReportAction = (typeof INDICATOR_REPORT_ACTIONS)[number];

export type IndicatorReportRole = 'unit_staff' | 'office';

const TRANSITIONS: { action: IndicatorReportAction; from: readonly IndicatorReportState[]; to: IndicatorReportState; by: IndicatorReportRole }[] = [
  { action: 'submit', from: ['draft', 'returned'], to: 'submitted', by: 'unit_staff' },
  { action: 'accept', from: ['submitted'], to: 'accepted', by: 'office' },
  { action: 'return', from: ['submitted'], to: 'returned', by: 'office' },
];

/** The state after `action`, or REPORT_TRANSITION_INVALID naming what the roles may do from `state`. */
export function nextIndicatorReportState(state: IndicatorReportState, action: IndicatorReportAction, roles: readonly IndicatorReportRole[]): IndicatorReportState {
  const t = TRANSITIONS.find((x) => x.action === action && x.from.includes(state) && roles.includes(x.by));
  if (!t) {
    throw new DomainError('REPORT_TRANSITION_INVALID', { state, action, allowed: allowedIndicatorReportActions(state, roles) });
  }
  return t.to;
}

export function allowedIndicatorReportActions(state: IndicatorReportState, roles: readonly IndicatorReportRole[]): IndicatorReportAction[] {
  return TRANSITIONS.filter((x) => x.from.includes(state) && roles.includes(x.by)).map((x) => x.action);
}

export const isIndicatorReportEditable = (state: IndicatorReportState) => state === 'draft' || state === 'returned';

/**
 * The indicator periods a cycle asks for: those that end within the cycle's period, so a monthly cycle
 * asks for the month's figure, and a quarterly figure only in the cycle that closes the quarter.
 */
export function periodsDueInCycle(frequency: 'year' | 'quarter' | 'month', periodStart: string, periodEnd: string): string[] {
  const out: string[] = [];
  const startYear = Number(periodStart.slice(0, 4));
  const endYear = Number(periodEnd.slice(0, 4));
  for (let y = startYear; y <= endYear; y++) {
    const candidates: { period: string; end: string }[] =
      frequency === 'year'
        ? [{ period: String(y), end: `${y}-12-31` }]
        : frequency === 'quarter'
          ? [1, 2, 3, 4].map((q) => ({ period: `${y}-Q${q}`, end: lastDay(y, q * 3) }))
          : Array.from({ length: 12 }, (_, i) => ({ period: `${y}-${String(i + 1).padStart(2, '0')}`, end: lastDay(y, i + 1) }));
    for (const c of candidates) if (c.end >= periodStart && c.end <= periodEnd) out.push(c.period);
  }
  return out;
}

function lastDay(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

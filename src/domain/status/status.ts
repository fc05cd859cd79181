import type { IsoDate } from '../schedule/iso-date';

/**
 * Sorting order for lists and legends: the lagging first, so a cockpit's 滞后清单 reads top-down.
 * Statuses are computed, never stored by hand (the office's word goes through an override).
 */
export const STATUS_ORDER = ['red', 'yellow', 'green', 'not_started', 'completed', 'cancelled'] as const;
export type Status = (typeof STATUS_ORDER)[number];

/** Why a task has its status; `explainReason` turns each into a sentence. */
export type Reason =
  | { code: 'milestone_overdue'; milestone: string; days: number }
  | { code: 'report_missing'; cycle: string }
  | { code: 'report_late'; cycle: string; days: number }
  | { code: 'behind_plan'; planned: number; actual: number; gap: number }
  | { code: 'task_overdue'; days: number }
  | { code: 'due_soon'; days: number }
  | { code: 'not_started_yet'; startOn: IsoDate }
  | { code: 'unassigned' }
  | { code: 'completed'; on: IsoDate | null }
  | { code: 'override'; status: Status; reason: string; expiresOn: IsoDate; by: string };

export type ReasonCode = Reason['code'];

/** Compare two statuses by STATUS_ORDER, for `Array.prototype.sort`. */
export function compareStatus(a: Status, b: Status): number {
  return STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b);
}

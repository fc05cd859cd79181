/**
 * Where green turns yellow and yellow turns red. Set per plan; the defaults and the reasons for them
 * are in docs/decisions/0004-status-rules.md. Gaps are in percentage points, everything else in days
 * or in reporting cycles.
 */
export interface StatusThresholds {
  /** planned − actual at or above this is yellow. */
  yellowGap: number;
  /** planned − actual at or above this is red. */
  redGap: number;
  /** A milestone overdue by more than this many days is red; by 1..this many, yellow. */
  milestoneRedDays: number;
  /** This many most recent closed cycles all without a report is red. */
  missingReportsRed: number;
  /** Due within this many days (today included) and not at 100% is yellow. */
  dueSoonDays: number;
}

export const DEFAULT_THRESHOLDS: StatusThresholds = Object.freeze({
  yellowGap: 10,
  redGap: 20,
  milestoneRedDays: 30,
  missingReportsRed: 2,
  dueSoonDays: 14,
});

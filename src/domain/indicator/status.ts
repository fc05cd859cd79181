/** Whether more of an indicator is better (GDP) or less (energy use per unit of GDP). */
export type IndicatorDirection = 'higher_is_better' | 'lower_is_better';

export const INDICATOR_STATUSES = ['on_track', 'behind', 'far_behind', 'no_data', 'no_trajectory'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

export interface IndicatorStatusThresholds {
  /** A shortfall up to this share of the trajectory value still counts as on track (rounding, revisions). */
  tolerance: number;
  /** Beyond this share of the trajectory value the indicator is far behind. */
  farBehind: number;
}

export const DEFAULT_INDICATOR_THRESHOLDS: IndicatorStatusThresholds = { tolerance: 0.01, farBehind: 0.05 };

export interface IndicatorStatusAssessment {
  status: IndicatorStatus;
  /** How far the observation falls short of the trajectory, as a share of it (negative = ahead); null without both. */
  shortfall: number | null;
}

/**
 * An observation against the trajectory value for the same period. The shortfall is measured in the
 * indicator's good direction, so beating the path is never "behind" whichever way the indicator points.
 */
export function assessIndicatorStatus(
  actual: number | null,
  planned: number | null,
  direction: IndicatorDirection,
  thresholds: IndicatorStatusThresholds = DEFAULT_INDICATOR_THRESHOLDS,
): IndicatorStatusAssessment {
  if (planned === null) return { status: 'no_trajectory', shortfall: null };
  if (actual === null) return { status: 'no_data', shortfall: null };
  const gap = direction === 'higher_is_better' ? planned - actual : actual - planned;
  // A zero target has no scale; any gap in the wrong direction is then far behind.
  const shortfall = planned === 0 ? (gap > 0 ? Number.POSITIVE_INFINITY : gap < 0 ? Number.NEGATIVE_INFINITY : 0) : gap / Math.abs(planned);
  const eps = 1e-12;
  const status: IndicatorStatus = shortfall <= thresholds.tolerance + eps ? 'on_track' : shortfall <= thresholds.farBehind + eps ? 'behind' : 'far_behind';
  return { status, shortfall: Number.isFinite(shortfall) ? shortfall : null };
}

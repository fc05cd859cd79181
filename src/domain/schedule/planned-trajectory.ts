import { daysBetween, roundPct, type IsoDate } from './iso-date';

/** Cumulative planned progress (0–100) due by the end of `on`. */
export type TrajectoryPoint = { on: IsoDate; pct: number };

export interface TrajectoryTask {
  startOn: IsoDate | null;
  dueOn: IsoDate | null;
  milestones: readonly { dueOn: IsoDate | null; weight: number; cancelled?: boolean }[];
}

/**
 * The 施工图 of one task: how far along it should be on each day.
 *
 * - With dated, non-cancelled milestones of positive weight, each milestone's due date adds its share of
 *   the total weight (milestones due the same day merge into one step), starting from 0 on `startOn`
 *   (or the earliest milestone, whichever comes first). Undated milestones do not shape the plan.
 * - Otherwise a straight line from (startOn, 0) to (dueOn, 100); without `startOn` only the due date is
 *   known, so the plan is a single point (dueOn, 100).
 * - Without milestones and without `dueOn` there is no plan, so no gap can be judged: `[]`.
 */
export function plannedTrajectory(task: TrajectoryTask): TrajectoryPoint[] {
  const usable = task.milestones
    .filter((m): m is { dueOn: IsoDate; weight: number; cancelled?: boolean } => !m.cancelled && m.dueOn !== null && m.weight > 0)
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));

  if (usable.length > 0) {
    const total = usable.reduce((s, m) => s + m.weight, 0);
    const first = usable[0]!.dueOn;
    const start = task.startOn !== null && task.startOn < first ? task.startOn : first;
    const points: TrajectoryPoint[] = [{ on: start, pct: 0 }];
    let cumulative = 0;
    for (const m of usable) {
      cumulative += m.weight;
      const last = points[points.length - 1]!;
      // The step at a shared date replaces, rather than follows, the previous milestone's point; the
      // start point is kept so a milestone due on the start day still reads as a jump from 0.
      const pct = cumulative === total ? 100 : (cumulative / total) * 100;
      if (points.length > 1 && last.on === m.dueOn) last.pct = pct;
      else points.push({ on: m.dueOn, pct });
    }
    return points;
  }

  if (task.dueOn === null) return [];
  if (task.startOn === null || task.startOn > task.dueOn) return [{ on: task.dueOn, pct: 100 }];
  return [
    { on: task.startOn, pct: 0 },
    { on: task.dueOn, pct: 100 },
  ];
}

/**
 * Planned % on `asOf`, interpolated by days between points: 0 before the plan starts, 100 after it
 * ends, `null` when there is no plan. A point's percentage holds from the start of its day, so on a
 * milestone's due date the milestone already counts as planned. Rounded to one decimal.
 */
export function plannedPctAt(traj: readonly TrajectoryPoint[], asOf: IsoDate): number | null {
  if (traj.length === 0) return null;
  if (asOf < traj[0]!.on) return 0;
  const last = traj[traj.length - 1]!;
  if (asOf >= last.on) return roundPct(last.pct);
  // The last point on or before asOf, then the first after it (points on one day: the later one wins).
  let i = 0;
  while (traj[i + 1]!.on <= asOf) i++;
  const a = traj[i]!;
  const b = traj[i + 1]!;
  const span = daysBetween(a.on, b.on);
  return roundPct(a.pct + ((b.pct - a.pct) * daysBetween(a.on, asOf)) / span);
}

import { daysBetween, roundPct, type IsoDate } from '../schedule/iso-date';
import { plannedPctAt, plannedTrajectory } from '../schedule/planned-trajectory';
import type { Reason, Status } from './status';
import type { StatusThresholds } from './status-thresholds';

/** What a milestone contributes to its task's status (its title is not part of it: reasons name the code). */
export interface MilestoneFacts {
  code: string;
  dueOn: IsoDate | null;
  weight: number;
  completedOn: IsoDate | null;
  cancelled?: boolean;
}

export interface CycleFacts {
  label: string;
  dueOn: IsoDate;
  submittedOn: IsoDate | null;
}

export interface StatusOverride {
  status: Exclude<Status, 'cancelled'>;
  reason: string;
  expiresOn: IsoDate;
  by: string;
}

export interface TaskFacts {
  code: string;
  startOn: IsoDate | null;
  dueOn: IsoDate | null;
  cancelled?: boolean;
  completedOn?: IsoDate | null;
  /** Latest reported progress; null when the task has never been reported on. */
  progressPct: number | null;
  milestones: readonly MilestoneFacts[];
  /** Reporting cycles in scope that have closed or are open, oldest first. */
  cycles: readonly CycleFacts[];
  override?: StatusOverride | null;
  /** false when no lead unit is assigned yet; undefined (as in older callers) counts as assigned. */
  assigned?: boolean;
}

export interface StatusResult {
  status: Status;
  /** Every finding that shaped the status, the most severe first; an active override leads. */
  reasons: Reason[];
  plannedPct: number | null;
  actualPct: number;
}

type Finding = { level: 'red' | 'yellow'; reason: Reason };

// Within one level: the task's own deadline, then its milestones, then the plan gap, then reporting.
const CODE_RANK: Partial<Record<Reason['code'], number>> = {
  task_overdue: 0,
  milestone_overdue: 1,
  behind_plan: 2,
  report_missing: 3,
  report_late: 4,
  due_soon: 5,
};

/** A date counts only if it had happened by `asOf`, so a past cycle re-derives exactly as it was. */
const happenedBy = (on: IsoDate | null | undefined, asOf: IsoDate): on is IsoDate => on != null && on <= asOf;

/**
 * The RAG status of one task on `asOf` (decision 0004). Pure: the clock, the thresholds and every
 * fact come in as arguments.
 */
export function deriveStatus(task: TaskFacts, asOf: IsoDate, t: StatusThresholds): StatusResult {
  const plannedPct = plannedPctAt(plannedTrajectory(task), asOf);
  const computed = deriveComputed(task, asOf, t, plannedPct);
  // The office's override beats the rules until it expires (inclusive), but cannot revive a cancelled task.
  const o = task.override;
  if (o && computed.status !== 'cancelled' && asOf <= o.expiresOn) {
    return {
      ...computed,
      status: o.status,
      reasons: [{ code: 'override', status: o.status, reason: o.reason, expiresOn: o.expiresOn, by: o.by }, ...computed.reasons],
    };
  }
  return computed;
}

function deriveComputed(task: TaskFacts, asOf: IsoDate, t: StatusThresholds, plannedPct: number | null): StatusResult {
  // A missing report counts as zero progress, not as "unknown": the office treats silence as lag when
  // it issues 催办 notices, so a task nobody reports on drifts behind its plan like a stalled one.
  const reported = task.progressPct ?? 0;
  const actualPct = Math.min(100, Math.max(0, reported));
  const result = (status: Status, reasons: Reason[], actual = actualPct): StatusResult => ({ status, reasons, plannedPct, actualPct: actual });

  if (task.cancelled) return result('cancelled', []);

  const liveMilestones = task.milestones.filter((m) => !m.cancelled);
  if (happenedBy(task.completedOn, asOf)) return result('completed', [{ code: 'completed', on: task.completedOn }], 100);
  if (reported >= 100 && liveMilestones.every((m) => happenedBy(m.completedOn, asOf))) {
    return result('completed', [{ code: 'completed', on: null }], 100);
  }

  // A task nobody has been assigned yet is not in delivery: judging it against dates would flood the
  // lagging list with the office's own unfinished division of work.
  if (task.assigned === false && reported <= 0) {
    return result('not_started', [{ code: 'unassigned' }]);
  }

  // Before its start date a task owes nothing. A 0% report is not progress, so it does not start the task.
  if (task.startOn !== null && asOf < task.startOn && reported <= 0) {
    return result('not_started', [{ code: 'not_started_yet', startOn: task.startOn }]);
  }

  const findings: Finding[] = [];

  for (const m of liveMilestones) {
    if (m.dueOn === null || m.dueOn >= asOf || happenedBy(m.completedOn, asOf)) continue;
    const days = daysBetween(m.dueOn, asOf);
    findings.push({ level: days > t.milestoneRedDays ? 'red' : 'yellow', reason: { code: 'milestone_overdue', milestone: m.code, days } });
  }

  if (task.dueOn !== null && task.dueOn < asOf) {
    findings.push({ level: 'red', reason: { code: 'task_overdue', days: daysBetween(task.dueOn, asOf) } });
  } else if (task.dueOn !== null && actualPct < 100 && daysBetween(asOf, task.dueOn) <= t.dueSoonDays) {
    findings.push({ level: 'yellow', reason: { code: 'due_soon', days: daysBetween(asOf, task.dueOn) } });
  }

  if (plannedPct !== null) {
    // Rounded so that 59.9 − 50 reads as the 9.9 it is, not 9.899999…
    const gap = roundPct(plannedPct - actualPct);
    const level = gap >= t.redGap ? 'red' : gap >= t.yellowGap ? 'yellow' : null;
    if (level) findings.push({ level, reason: { code: 'behind_plan', planned: plannedPct, actual: actualPct, gap } });
  }

  findings.push(...reportFindings(task.cycles, asOf, t));

  findings.sort(
    (a, b) =>
      (a.level === b.level ? 0 : a.level === 'red' ? -1 : 1) ||
      (CODE_RANK[a.reason.code] ?? 9) - (CODE_RANK[b.reason.code] ?? 9) ||
      daysOf(b.reason) - daysOf(a.reason),
  );
  const status = findings.some((f) => f.level === 'red') ? 'red' : findings.length > 0 ? 'yellow' : 'green';
  return result(status, findings.map((f) => f.reason));
}

/**
 * Only cycles whose due date has passed count: a report is not missing on its due day. A report
 * submitted on its due date is on time; any day after is late. A report submitted after `asOf` was
 * still missing on `asOf`.
 */
function reportFindings(cycles: readonly CycleFacts[], asOf: IsoDate, t: StatusThresholds): Finding[] {
  const closed = cycles.filter((c) => c.dueOn < asOf);
  const latest = closed.at(-1);
  if (!latest) return [];
  const isMissing = (c: CycleFacts) => !happenedBy(c.submittedOn, asOf);

  // The unbroken run of missing reports ending at the latest closed cycle, newest first.
  const silent: CycleFacts[] = [];
  for (let i = closed.length - 1; i >= 0 && isMissing(closed[i]!); i--) silent.push(closed[i]!);

  if (t.missingReportsRed > 0 && silent.length >= t.missingReportsRed) {
    return silent.map((c) => ({ level: 'red', reason: { code: 'report_missing', cycle: c.label } }));
  }
  if (isMissing(latest)) return [{ level: 'yellow', reason: { code: 'report_missing', cycle: latest.label } }];
  const late = daysBetween(latest.dueOn, latest.submittedOn!);
  return late > 0 ? [{ level: 'yellow', reason: { code: 'report_late', cycle: latest.label, days: late } }] : [];
}

function daysOf(r: Reason): number {
  return 'days' in r ? r.days : 0;
}

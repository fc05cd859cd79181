import type { Status } from '../status/status';

export type StatusCountsSnapshot = Record<Status, number>;

export interface ProgressLine {
  code: string;
  title: string;
  progressPct: number;
  counts: StatusCountsSnapshot;
}

export interface RankingGroup {
  group: string;
  groupLabel: string;
  rows: { rank: number; unitName: string; score: number; detail?: string | undefined }[];
}

/**
 * Everything a bulletin says, gathered from live data for one reporting cycle. Stored as JSON on the
 * bulletin and frozen at publication, so an issued bulletin can always be re-read with its own numbers.
 */
export interface BulletinSnapshot {
  plan: { title: string; shortTitle: string };
  cycle: { id: string; label: string; periodStart: string; periodEnd: string; dueOn: string };
  /** The day the statuses were computed for. */
  asOf: string;
  overall: { progressPct: number; tasks: number; counts: StatusCountsSnapshot };
  parts: ProgressLine[];
  keyAreas: ProgressLine[];
  /** Milestones completed within the cycle's period. */
  milestones: { taskCode: string; taskTitle: string; code: string; title: string; dueOn: string | null; completedOn: string; leads: string[] }[];
  lagging: { code: string; title: string; status: 'red' | 'yellow'; leads: string[]; reasons: string[]; problems: string | null }[];
  laggingTotal: number;
  supervision: {
    counts: { open: number; responded: number; closed: number; escalated: number; overdue: number };
    items: { level: string; state: string; taskCode: string; taskTitle: string; unitName: string; message: string; responseDueOn: string; respondedAt: string | null }[];
  };
  reporting: { due: number; onTime: number; late: number; missing: number };
  rankings: { source: 'assessment' | 'reporting'; periodLabel: string; groups: RankingGroup[] };
  coordination: { taskCode: string; taskTitle: string; unitName: string; request: string }[];
  nextSteps: { taskCode: string; unitName: string; text: string }[];
}

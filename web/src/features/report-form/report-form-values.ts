import dayjs, { type Dayjs } from 'dayjs';
import type { TReportDetail, TSaveReport } from '../../api/types';

export type MilestoneRow = { nodeId: string; done: boolean; doneOn: Dayjs | null; note: string | null };

export type ReportFormValues = {
  progressPct: number | null;
  narrative: string | null;
  problems: string | null;
  coordinationRequest: string | null;
  nextSteps: string | null;
  milestoneUpdates: MilestoneRow[];
};

export type MissingField = 'progressPct' | 'narrative' | 'attachments';

const DATE = 'YYYY-MM-DD';
const blankToNull = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null);

/** One row per milestone of the task, filled from the report's saved updates. */
export function valuesFromReport(report: Pick<TReportDetail, 'progressPct' | 'narrative' | 'problems' | 'coordinationRequest' | 'nextSteps' | 'milestoneUpdates' | 'milestones'>): ReportFormValues {
  const saved = new Map(report.milestoneUpdates.map((u) => [u.nodeId, u]));
  return {
    progressPct: report.progressPct,
    narrative: report.narrative,
    problems: report.problems,
    coordinationRequest: report.coordinationRequest,
    nextSteps: report.nextSteps,
    milestoneUpdates: report.milestones.map((m) => {
      const u = saved.get(m.id);
      return { nodeId: m.id, done: u?.done ?? false, doneOn: u?.doneOn ? dayjs(u.doneOn, DATE) : null, note: u?.note ?? null };
    }),
  };
}

export function toSaveBody(version: number, v: ReportFormValues): TSaveReport {
  return {
    version,
    progressPct: v.progressPct ?? null,
    narrative: blankToNull(v.narrative),
    problems: blankToNull(v.problems),
    coordinationRequest: blankToNull(v.coordinationRequest),
    nextSteps: blankToNull(v.nextSteps),
    milestoneUpdates: v.milestoneUpdates.map((m) => ({
      nodeId: m.nodeId,
      done: m.done,
      doneOn: m.done && m.doneOn ? m.doneOn.format(DATE) : null,
      note: blankToNull(m.note),
    })),
  };
}

/**
 * What the server's REPORT_INCOMPLETE checks, worked out here so the user is told which fields
 * (the error response does not list them): progress, narrative, and evidence when a milestone that
 * requires it is marked done.
 */
export function missingForSubmit(
  v: Pick<ReportFormValues, 'progressPct' | 'narrative' | 'milestoneUpdates'>,
  evidenceRequired: ReadonlySet<string>,
  attachmentCount: number,
): MissingField[] {
  const missing: MissingField[] = [];
  if (v.progressPct === null || v.progressPct === undefined) missing.push('progressPct');
  if (!blankToNull(v.narrative)) missing.push('narrative');
  if (attachmentCount === 0 && v.milestoneUpdates.some((m) => m.done && evidenceRequired.has(m.nodeId))) missing.push('attachments');
  return missing;
}

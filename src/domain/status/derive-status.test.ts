import { describe, expect, it } from 'vitest';
import { milestone, monthlyCycle, taskFacts } from '../__fixtures__/task-facts';
import { deriveStatus, type TaskFacts } from './derive-status';
import { compareStatus, STATUS_ORDER, type Reason, type Status } from './status';
import { DEFAULT_THRESHOLDS as T } from './status-thresholds';

// taskFacts(): task 3.1.2, 2026-01-01 → 2027-12-31, milestone 3.1.2.1 (60%) due 2026-07-01, so planned = 60 on that day.
const PLANNED_60 = '2026-07-01';
const derive = (over: Partial<TaskFacts>, asOf: string, t = T) => deriveStatus(taskFacts(over), asOf, t);
const codes = (reasons: Reason[]) => reasons.map((r) => r.code);

describe('deriveStatus: behind plan (thresholds 10 / 20 points, inclusive)', () => {
  it.each<[number | null, Status, number]>([
    [60, 'green', 0],
    [50.1, 'green', 9.9],
    [50, 'yellow', 10],
    [40.1, 'yellow', 19.9],
    [40, 'red', 20],
    [35, 'red', 25],
    [null, 'red', 60], // never reported: silence counts as zero progress
  ])('progress %s against 60 planned → %s (gap %d)', (progressPct, status, gap) => {
    const r = derive({ progressPct }, PLANNED_60);
    expect(r.status).toBe(status);
    expect(r.plannedPct).toBe(60);
    expect(r.actualPct).toBe(progressPct ?? 0);
    if (status !== 'green') expect(r.reasons).toEqual([{ code: 'behind_plan', planned: 60, actual: progressPct ?? 0, gap }]);
    else expect(r.reasons).toEqual([]);
  });

  it('a task without a plan has no gap to judge', () => {
    const r = derive({ startOn: null, dueOn: null, milestones: [], progressPct: 0 }, PLANNED_60);
    expect(r).toMatchObject({ status: 'green', plannedPct: null, reasons: [] });
  });

  it('progress over 100 is read as 100', () => expect(derive({ progressPct: 120, milestones: [] }, PLANNED_60).actualPct).toBe(100));
});

describe('deriveStatus: milestones', () => {
  // progress 95 keeps the plan gap out of the picture
  it.each<[string, Status, number | null]>([
    ['2026-07-01', 'green', null], // due today: not overdue yet
    ['2026-07-02', 'yellow', 1],
    ['2026-07-31', 'yellow', 30],
    ['2026-08-01', 'red', 31],
  ])('milestone due 2026-07-01, open on %s → %s', (asOf, status, days) => {
    const r = derive({ progressPct: 95 }, asOf);
    expect(r.status).toBe(status);
    expect(r.reasons).toEqual(days === null ? [] : [{ code: 'milestone_overdue', milestone: '3.1.2.1', days }]);
  });

  it.each([
    ['completed on time', { completedOn: '2026-06-30' }, 'green'],
    ['completed late but before asOf', { completedOn: '2026-07-20' }, 'green'],
    ['completed after asOf (re-deriving a past day)', { completedOn: '2026-09-01' }, 'red'],
    ['cancelled', { cancelled: true }, 'green'],
    ['undated', { dueOn: null }, 'green'],
  ] as const)('milestone %s → %s', (_name, over, status) => {
    const milestones = [milestone('3.1.2.1', { dueOn: '2026-07-01', weight: 3, ...over })];
    expect(derive({ progressPct: 95, milestones }, '2026-08-15').status).toBe(status);
  });

  it('lists every overdue milestone, the longest overdue first', () => {
    const milestones = [milestone('3.1.2.1', { dueOn: '2026-07-25' }), milestone('3.1.2.2', { dueOn: '2026-06-01' }), milestone('3.1.2.3', { dueOn: '2026-07-01' })];
    const r = derive({ progressPct: 95, milestones }, '2026-08-04');
    expect(r.status).toBe('red');
    expect(r.reasons).toEqual([
      { code: 'milestone_overdue', milestone: '3.1.2.2', days: 64 },
      { code: 'milestone_overdue', milestone: '3.1.2.3', days: 34 },
      { code: 'milestone_overdue', milestone: '3.1.2.1', days: 10 },
    ]);
  });
});

describe('deriveStatus: the task deadline (due-soon window 14 days)', () => {
  const open = { progressPct: 99, milestones: [] };
  it.each<[string, Status, Reason[]]>([
    ['2027-12-16', 'green', []],
    ['2027-12-17', 'yellow', [{ code: 'due_soon', days: 14 }]],
    ['2027-12-31', 'yellow', [{ code: 'due_soon', days: 0 }]],
    ['2028-01-01', 'red', [{ code: 'task_overdue', days: 1 }]],
    ['2028-01-05', 'red', [{ code: 'task_overdue', days: 5 }]],
  ])('due 2027-12-31 at 99 percent, on %s → %s', (asOf, status, reasons) => {
    const r = derive(open, asOf);
    expect(r.status).toBe(status);
    expect(r.reasons).toEqual(reasons);
  });

  it('due soon does not apply once progress reaches 100 (with milestones still open)', () => {
    const r = derive({ progressPct: 100, milestones: [milestone('3.1.2.9', { dueOn: '2027-12-31' })] }, '2027-12-20');
    expect(r).toMatchObject({ status: 'green', reasons: [] });
  });
});

describe('deriveStatus: reports (red after 2 silent cycles)', () => {
  const may = (submittedOn: string | null) => monthlyCycle('2026-05', submittedOn); // due 2026-06-10
  const june = (submittedOn: string | null) => monthlyCycle('2026-06', submittedOn); // due 2026-07-10
  const AFTER_JUNE = '2026-07-11';

  it.each<[string, TaskFacts['cycles'], string, Status, Reason[]]>([
    ['submitted on the due date is on time', [may('2026-06-09'), june('2026-07-10')], AFTER_JUNE, 'green', []],
    ['one day after the due date is late', [may('2026-06-09'), june('2026-07-11')], AFTER_JUNE, 'yellow', [{ code: 'report_late', cycle: '2026年6月', days: 1 }]],
    ['three days late', [may('2026-06-09'), june('2026-07-13')], '2026-07-20', 'yellow', [{ code: 'report_late', cycle: '2026年6月', days: 3 }]],
    ['latest missing', [may('2026-06-09'), june(null)], AFTER_JUNE, 'yellow', [{ code: 'report_missing', cycle: '2026年6月' }]],
    ['two missing in a row', [may(null), june(null)], AFTER_JUNE, 'red', [
      { code: 'report_missing', cycle: '2026年6月' }, { code: 'report_missing', cycle: '2026年5月' }]],
    ['older missing, latest on time', [may(null), june('2026-07-01')], AFTER_JUNE, 'green', []],
    ['older late, latest on time', [may('2026-06-20'), june('2026-07-01')], AFTER_JUNE, 'green', []],
    ['not missing on its own due date', [may('2026-06-09'), june(null)], '2026-07-10', 'green', []],
    ['submitted after asOf was still missing then', [may('2026-06-09'), june('2026-07-15')], AFTER_JUNE, 'yellow', [{ code: 'report_missing', cycle: '2026年6月' }]],
    ['one closed cycle missing is not yet two', [june(null)], AFTER_JUNE, 'yellow', [{ code: 'report_missing', cycle: '2026年6月' }]],
    ['no closed cycle yet', [june(null)], '2026-07-05', 'green', []],
  ])('%s', (_name, cycles, asOf, status, reasons) => {
    const r = derive({ progressPct: 90, milestones: [], cycles }, asOf);
    expect(r.status).toBe(status);
    expect(r.reasons).toEqual(reasons);
  });

  it('follows the thresholds it is given', () => {
    const cycles = [may(null), june(null)];
    expect(derive({ progressPct: 90, milestones: [], cycles }, AFTER_JUNE, { ...T, missingReportsRed: 3 }).status).toBe('yellow');
    expect(derive({ progressPct: 90, milestones: [], cycles: [june(null)] }, AFTER_JUNE, { ...T, missingReportsRed: 1 }).status).toBe('red');
  });
});

describe('deriveStatus: not started, completed, cancelled', () => {
  const later = { startOn: '2027-01-01', dueOn: '2027-12-31', milestones: [] };
  it.each<[string, Partial<TaskFacts>, string, Status, Reason[]]>([
    ['before its start date, never reported', { ...later, progressPct: null }, '2026-12-01', 'not_started', [{ code: 'not_started_yet', startOn: '2027-01-01' }]],
    ['before its start date, reported 0%', { ...later, progressPct: 0 }, '2026-12-31', 'not_started', [{ code: 'not_started_yet', startOn: '2027-01-01' }]],
    ['no lead unit assigned yet', { ...later, assigned: false, progressPct: null }, '2027-06-01', 'not_started', [{ code: 'unassigned' }]],
    ['before its start date but already moving', { ...later, progressPct: 5 }, '2026-12-01', 'green', []],
    ['on its start date', { ...later, progressPct: null }, '2027-01-01', 'green', []],
    ['completedOn set', { progressPct: 80, completedOn: '2026-06-01' }, '2026-08-15', 'completed', [{ code: 'completed', on: '2026-06-01' }]],
    ['completedOn after asOf', { progressPct: 95, completedOn: '2026-09-01' }, '2026-08-15', 'red', [{ code: 'milestone_overdue', milestone: '3.1.2.1', days: 45 }]],
    ['100% and every milestone done', {
      progressPct: 100,
      milestones: [milestone('3.1.2.1', { dueOn: '2026-07-01', completedOn: '2026-06-30' }), milestone('3.1.2.2', { completedOn: '2026-08-01' }), milestone('3.1.2.3', { cancelled: true })],
    }, '2026-08-15', 'completed', [{ code: 'completed', on: null }]],
    ['100% with a milestone still open', { progressPct: 100, milestones: [milestone('3.1.2.1', { dueOn: '2026-12-01' })] }, '2026-08-15', 'green', []],
    ['cancelled', { cancelled: true, progressPct: 10 }, '2028-06-01', 'cancelled', []],
  ])('%s → %s', (_name, over, asOf, status, reasons) => {
    const r = derive(over, asOf);
    expect(r.status).toBe(status);
    expect(r.reasons).toEqual(reasons);
  });

  it('a completed task reads as 100% whatever its last report said', () =>
    expect(derive({ progressPct: 80, completedOn: '2026-06-01' }, '2026-08-15').actualPct).toBe(100));
});

describe('deriveStatus: office override (active through its expiry date)', () => {
  const override = { status: 'red' as const, reason: '征地未落实', expiresOn: '2026-12-31', by: 'office-1' };
  const overrideReason: Reason = { code: 'override', ...override };

  // planned 60% on 2026-07-01, then rising towards 100% on 2027-12-31; progress stuck at 45%
  it.each<[string, string, Status, Reason['code'][]]>([
    ['before expiry', '2026-07-01', 'yellow', ['override', 'behind_plan']],
    ['expiring today', '2026-12-31', 'yellow', ['override', 'milestone_overdue', 'behind_plan']],
    ['expired yesterday', '2027-01-01', 'red', ['milestone_overdue', 'behind_plan']],
  ])('an override to yellow, %s (%s) → %s', (_name, asOf, status, reasonCodes) => {
    const r = derive({ progressPct: 45, override: { ...override, status: 'yellow' } }, asOf);
    expect(r.status).toBe(status);
    expect(codes(r.reasons)).toEqual(reasonCodes);
  });

  it('carries the office reason first, then the computed ones', () => {
    const r = derive({ progressPct: 45, override }, '2026-07-01');
    expect(r.status).toBe('red');
    expect(r.reasons).toEqual([overrideReason, { code: 'behind_plan', planned: 60, actual: 45, gap: 15 }]);
  });

  it('can lift a task to green and leaves the computed reasons after its own', () => {
    const r = derive({ progressPct: 45, override: { ...override, status: 'green' } }, PLANNED_60);
    expect(r.status).toBe('green');
    expect(codes(r.reasons)).toEqual(['override', 'behind_plan']);
  });

  it('expired the day before asOf is ignored', () => {
    const r = derive({ progressPct: 60, override: { ...override, expiresOn: '2026-06-30' } }, PLANNED_60);
    expect(r).toMatchObject({ status: 'green', reasons: [] });
  });

  it('does not revive a cancelled task', () => expect(derive({ cancelled: true, override }, PLANNED_60).status).toBe('cancelled'));
});

describe('deriveStatus: reasons, most severe first', () => {
  it('lists red findings before yellow ones, every one that contributed', () => {
    const r = derive(
      {
        progressPct: 10,
        dueOn: '2026-09-30',
        milestones: [milestone('3.1.2.1', { dueOn: '2026-09-20', weight: 1 }), milestone('3.1.2.2', { dueOn: '2026-08-01', weight: 1 })],
        cycles: [monthlyCycle('2026-08', '2026-09-10'), monthlyCycle('2026-09', '2026-10-12')],
      },
      '2026-10-15',
    );
    expect(r.status).toBe('red');
    expect(r.reasons).toEqual([
      { code: 'task_overdue', days: 15 },
      { code: 'milestone_overdue', milestone: '3.1.2.2', days: 75 },
      { code: 'behind_plan', planned: 100, actual: 10, gap: 90 },
      { code: 'milestone_overdue', milestone: '3.1.2.1', days: 25 },
      { code: 'report_late', cycle: '2026年9月', days: 2 },
    ]);
  });

  it('several yellow findings stay yellow', () => {
    // 2026-01-01 → 2026-07-11 is 191 days; on 07-01 the plan is at 181/191 = 94.8%, 84.8 points ahead of the task
    const r = derive({ progressPct: 10, milestones: [], dueOn: '2026-07-11' }, '2026-07-01', { ...T, redGap: 90 });
    expect(r.status).toBe('yellow');
    expect(r.reasons).toEqual([
      { code: 'behind_plan', planned: 94.8, actual: 10, gap: 84.8 },
      { code: 'due_soon', days: 10 },
    ]);
  });
});

describe('STATUS_ORDER', () => {
  it('sorts the lagging first', () => {
    const list: Status[] = ['completed', 'green', 'cancelled', 'red', 'not_started', 'yellow'];
    expect(list.sort(compareStatus)).toEqual([...STATUS_ORDER]);
  });
});

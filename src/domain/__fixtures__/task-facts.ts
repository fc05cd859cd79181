import type { CycleFacts, MilestoneFacts, TaskFacts } from '../status/derive-status';

/**
 * Task 3.1.2 of the Decision as the status tests see it: started 2026-01-01, due 2027-12-31, with
 * milestone 3.1.2.1 worth 60% due 2026-07-01 and milestone 3.1.2.2 worth 40% due on the task's due date.
 * So the planned progress is exactly 60% on 2026-07-01. Override any field.
 */
export function taskFacts(over: Partial<TaskFacts> = {}): TaskFacts {
  return {
    code: '3.1.2',
    startOn: '2026-01-01',
    dueOn: '2027-12-31',
    progressPct: null,
    milestones: [milestone('3.1.2.1', { dueOn: '2026-07-01', weight: 3 }), milestone('3.1.2.2', { dueOn: '2027-12-31', weight: 2 })],
    cycles: [],
    override: null,
    ...over,
  };
}

export function milestone(code: string, over: Partial<MilestoneFacts> = {}): MilestoneFacts {
  return { code, dueOn: null, weight: 1, completedOn: null, ...over };
}

/** A monthly cycle labelled the way bulletins write it (2026年6月), due on the 10th of the next month. */
export function monthlyCycle(month: string, submittedOn: string | null = null): CycleFacts {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { label: `${y}年${m}月`, dueOn: `${next}-10`, submittedOn };
}

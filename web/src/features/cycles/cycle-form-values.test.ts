import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { TCycle } from '../../api/types';
import { defaultCycleValues, pickDefaultCycle, toOpenCycleBody } from './cycle-form-values';

const cycle = (id: string, periodEnd: string, state: TCycle['state']): TCycle => ({
  id,
  planId: 'p',
  label: id,
  labelEn: id,
  frequency: 'quarterly',
  periodStart: '2026-01-01',
  periodEnd,
  opensOn: periodEnd,
  dueOn: periodEnd,
  state,
  version: 1,
  counts: { draft: 0, submitted: 0, approved: 0, accepted: 0, returned: 0 },
});

describe('cycle form values', () => {
  it('sends the month for a monthly cycle and the quarter for a quarterly one', () => {
    expect(toOpenCycleBody({ frequency: 'monthly', year: 2026, month: 5, quarter: 2 })).toEqual({ frequency: 'monthly', year: 2026, index: 5 });
    expect(toOpenCycleBody({ frequency: 'quarterly', year: 2026, month: 5, quarter: 2, dueOn: dayjs('2026-07-10') })).toEqual({
      frequency: 'quarterly',
      year: 2026,
      index: 2,
      dueOn: '2026-07-10',
    });
  });

  it('defaults to the current quarter', () => {
    expect(defaultCycleValues(dayjs('2026-11-28'))).toMatchObject({ year: 2026, month: 11, quarter: 4 });
  });

  it('picks the latest open cycle, else the latest', () => {
    const cycles = [cycle('q1', '2026-03-31', 'open'), cycle('q3', '2026-09-30', 'closed'), cycle('q2', '2026-06-30', 'open')];
    expect(pickDefaultCycle(cycles)?.id).toBe('q2');
    expect(pickDefaultCycle([cycle('q1', '2026-03-31', 'closed'), cycle('q2', '2026-06-30', 'closed')])?.id).toBe('q2');
    expect(pickDefaultCycle([])).toBeUndefined();
  });
});

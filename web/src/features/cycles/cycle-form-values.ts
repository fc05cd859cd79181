import type { Dayjs } from 'dayjs';
import type { Frequency, TCycle, TOpenCycle } from '../../api/types';

export type CycleFormValues = { frequency: Frequency; year: number; month?: number; quarter?: number; dueOn?: Dayjs | null };

/** The modal asks for a month or a quarter; the API takes one `index` (1–12 or 1–4). */
export function toOpenCycleBody(v: CycleFormValues): TOpenCycle {
  const index = v.frequency === 'monthly' ? v.month : v.quarter;
  if (index === undefined) throw new Error('month or quarter is required');
  const body: TOpenCycle = { frequency: v.frequency, year: v.year, index };
  if (v.dueOn) body.dueOn = v.dueOn.format('YYYY-MM-DD');
  return body;
}

/** Today's month and quarter of this year, as the starting choice. */
export function defaultCycleValues(today: Dayjs): CycleFormValues {
  return { frequency: 'quarterly', year: today.year(), month: today.month() + 1, quarter: Math.floor(today.month() / 3) + 1 };
}

/** The cycle reports are usually filed against: the open one with the latest period, else the latest one. */
export function pickDefaultCycle(cycles: readonly TCycle[]): TCycle | undefined {
  const latest = [...cycles].sort((a, b) => b.periodEnd.localeCompare(a.periodEnd) || b.opensOn.localeCompare(a.opensOn));
  return latest.find((c) => c.state === 'open') ?? latest[0];
}

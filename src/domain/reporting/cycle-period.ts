import { DomainError } from '../errors';

export type CycleFrequency = 'monthly' | 'quarterly';

export interface CyclePeriod {
  label: string;
  labelEn: string;
  periodStart: string;
  periodEnd: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The calendar period of a monthly or quarterly cycle, labelled as offices write it (2026年11月, 2026年第四季度). */
export function cyclePeriod(frequency: CycleFrequency, year: number, index: number): CyclePeriod {
  if (frequency === 'monthly') {
    if (index < 1 || index > 12) throw new DomainError('VALIDATION_FAILED', { field: 'month' });
    return {
      label: `${year}年${index}月`,
      labelEn: `${new Date(Date.UTC(year, index - 1, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' })} ${year}`,
      periodStart: `${year}-${pad(index)}-01`,
      periodEnd: `${year}-${pad(index)}-${pad(lastDay(year, index))}`,
    };
  }
  if (index < 1 || index > 4) throw new DomainError('VALIDATION_FAILED', { field: 'quarter' });
  const endMonth = index * 3;
  return {
    label: `${year}年第${'一二三四'[index - 1]}季度`,
    labelEn: `Q${index} ${year}`,
    periodStart: `${year}-${pad(endMonth - 2)}-01`,
    periodEnd: `${year}-${pad(endMonth)}-${pad(lastDay(year, endMonth))}`,
  };
}

/** Reports are due a few days after the period ends, so the month's last week can be reported. */
export function defaultDueOn(periodEnd: string, graceDays = 5): string {
  const d = new Date(`${periodEnd}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + graceDays);
  return d.toISOString().slice(0, 10);
}

const QUARTER = { 一: 1, 二: 2, 三: 3, 四: 4 } as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A cycle label as offices write it (2026年11月, 2026年第四季度) in English (Nov 2026, Q4 2026); other text is left alone. */
export function cycleLabelInEnglish(text: string): string {
  return text
    .replace(/(\d{4})年第([一二三四])季度/g, (_m, y: string, q: keyof typeof QUARTER) => `Q${QUARTER[q]} ${y}`)
    .replace(/(\d{4})年(\d{1,2})月/g, (_m, y: string, m: string) => `${MONTHS[Number(m) - 1] ?? m} ${y}`);
}

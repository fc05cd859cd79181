import { describe, expect, it } from 'vitest';
import { cycleLabelInEnglish, cyclePeriod, defaultDueOn } from './cycle-period';

describe('cyclePeriod', () => {
  it.each([
    ['monthly', 2026, 11, '2026年11月', '2026-11-01', '2026-11-30'],
    ['monthly', 2028, 2, '2028年2月', '2028-02-01', '2028-02-29'],
    ['quarterly', 2026, 4, '2026年第四季度', '2026-10-01', '2026-12-31'],
    ['quarterly', 2027, 1, '2027年第一季度', '2027-01-01', '2027-03-31'],
  ] as const)('%s %i/%i → %s', (f, y, i, label, start, end) => {
    expect(cyclePeriod(f, y, i)).toMatchObject({ label, periodStart: start, periodEnd: end });
  });
  it('refuses month 13 and quarter 5', () => {
    expect(() => cyclePeriod('monthly', 2026, 13)).toThrow();
    expect(() => cyclePeriod('quarterly', 2026, 5)).toThrow();
  });
  it('is due five days after the period by default, across a year end', () => expect(defaultDueOn('2026-12-31')).toBe('2027-01-05'));
});

describe('cycleLabelInEnglish', () => {
  it('keeps the rest of the text', () => expect(cycleLabelInEnglish('2026年10月报告未提交')).toBe('Oct 2026报告未提交'));
  it('turns months and quarters into English', () => {
    expect(cycleLabelInEnglish('Report for 2026年第三季度 not submitted; 2027年1月 late')).toBe('Report for Q3 2026 not submitted; Jan 2027 late');
  });
});

import { describe, expect, it } from 'vitest';
import { allowedIndicatorReportActions, nextIndicatorReportState, periodsDueInCycle } from './report-state';

describe('indicator report workflow', () => {
  it('moves draft → submitted → accepted, and a returned figure may be submitted again', () => {
    expect(nextIndicatorReportState('draft', 'submit', ['unit_staff'])).toBe('submitted');
    expect(nextIndicatorReportState('submitted', 'accept', ['office'])).toBe('accepted');
    expect(nextIndicatorReportState('submitted', 'return', ['office'])).toBe('returned');
    expect(nextIndicatorReportState('returned', 'submit', ['unit_staff'])).toBe('submitted');
  });
  it('refuses a step by the wrong role or from the wrong state, naming what is allowed', () => {
    expect(() => nextIndicatorReportState('submitted', 'accept', ['unit_staff'])).toThrow(/REPORT_TRANSITION_INVALID/);
    expect(() => nextIndicatorReportState('accepted', 'return', ['office'])).toThrow(/REPORT_TRANSITION_INVALID/);
    expect(allowedIndicatorReportActions('submitted', ['office'])).toEqual(['accept', 'return']);
    expect(allowedIndicatorReportActions('accepted', ['office', 'unit_staff'])).toEqual([]);
  });
});

describe('periodsDueInCycle', () => {
  it('asks for the periods that end within the cycle', () => {
    expect(periodsDueInCycle('month', '2026-11-01', '2026-11-30')).toEqual(['2026-11']);
    expect(periodsDueInCycle('quarter', '2026-11-01', '2026-11-30')).toEqual([]);
    expect(periodsDueInCycle('quarter', '2026-12-01', '2026-12-31')).toEqual(['2026-Q4']);
    expect(periodsDueInCycle('month', '2026-07-01', '2026-09-30')).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(periodsDueInCycle('year', '2026-10-01', '2026-12-31')).toEqual(['2026']);
    expect(periodsDueInCycle('month', '2024-02-01', '2024-02-29')).toEqual(['2024-02']);
  });
});

import { describe, expect, it } from 'vitest';
import { nextReportState, type ReportAction, type ReportActorRole, type ReportState } from './report-workflow';

describe('report workflow', () => {
  it.each<[ReportState, ReportAction, ReportActorRole, ReportState]>([
    ['draft', 'submit', 'unit_staff', 'submitted'],
    ['returned', 'submit', 'unit_staff', 'submitted'],
    ['submitted', 'approve', 'unit_lead', 'approved'],
    ['submitted', 'return', 'unit_lead', 'returned'],
    ['approved', 'return', 'office', 'returned'],
    ['approved', 'accept', 'office', 'accepted'],
  ])('%s --%s by %s--> %s', (from, action, by, to) => expect(nextReportState(from, action, [by])).toBe(to));

  it.each<[ReportState, ReportAction, ReportActorRole]>([
    ['draft', 'approve', 'unit_lead'],
    ['submitted', 'accept', 'office'],
    ['submitted', 'return', 'office'],
    ['approved', 'approve', 'unit_lead'],
    ['accepted', 'return', 'office'],
    ['accepted', 'submit', 'unit_staff'],
    ['submitted', 'approve', 'unit_staff'],
    ['approved', 'accept', 'unit_lead'],
  ])('refuses %s --%s by %s', (from, action, by) => expect(() => nextReportState(from, action, [by])).toThrow('REPORT_TRANSITION_INVALID'));

  it('names what is allowed instead', () => {
    try {
      nextReportState('submitted', 'accept', ['unit_lead']);
    } catch (e) {
      expect((e as { details: { allowed: string[] } }).details.allowed).toEqual(['approve', 'return']);
    }
  });
});

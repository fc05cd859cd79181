import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { missingForSubmit, toSaveBody, valuesFromReport } from './report-form-values';

const milestone = (id: string, evidenceRequired = false) => ({ id, code: id, title: id, dueOn: null, completedOn: null, evidenceRequired, completionCriterion: null });

describe('report form values', () => {
  const report = {
    progressPct: 40,
    narrative: '已完成可研',
    problems: null,
    coordinationRequest: null,
    nextSteps: null,
    milestoneUpdates: [{ nodeId: 'm2', done: true, doneOn: '2026-05-01', note: '批复' }],
    milestones: [milestone('m1'), milestone('m2', true)],
  };

  it('makes one row per milestone, keeping saved updates', () => {
    const v = valuesFromReport(report);
    expect(v.milestoneUpdates.map((m) => [m.nodeId, m.done, m.doneOn?.format('YYYY-MM-DD') ?? null, m.note])).toEqual([
      ['m1', false, null, null],
      ['m2', true, '2026-05-01', '批复'],
    ]);
  });

  it('trims text to null and drops the date of an undone milestone', () => {
    const v = valuesFromReport(report);
    const body = toSaveBody(7, {
      ...v,
      problems: '  ',
      narrative: ' 进展 ',
      milestoneUpdates: [{ nodeId: 'm1', done: false, doneOn: dayjs('2026-01-01'), note: ' ' }, ...v.milestoneUpdates.slice(1)],
    });
    expect(body).toEqual({
      version: 7,
      progressPct: 40,
      narrative: '进展',
      problems: null,
      coordinationRequest: null,
      nextSteps: null,
      milestoneUpdates: [
        { nodeId: 'm1', done: false, doneOn: null, note: null },
        { nodeId: 'm2', done: true, doneOn: '2026-05-01', note: '批复' },
      ],
    });
  });

  it('lists what a submit would miss', () => {
    const v = valuesFromReport(report);
    const evidence = new Set(['m2']);
    expect(missingForSubmit(v, evidence, 1)).toEqual([]);
    expect(missingForSubmit(v, evidence, 0)).toEqual(['attachments']);
    expect(missingForSubmit({ ...v, progressPct: null, narrative: ' ' }, evidence, 1)).toEqual(['progressPct', 'narrative']);
  });
});

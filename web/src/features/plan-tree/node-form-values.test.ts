import { describe, expect, it } from 'vitest';
import type { TNode } from '../../api/types';
import { toCreateBody, toPatchBody, valuesFromNode } from './node-form-values';

const task: TNode = {
  id: 't1',
  planId: 'p',
  parentId: 'a1',
  kind: 'task',
  code: '3.1.1',
  seq: 0,
  title: '建设成渝中线高铁',
  body: null,
  weight: 1,
  priority: 'high',
  startOn: null,
  dueOn: '2026-12-31',
  keyArea: 'transport',
  sourceRef: null,
  completionCriterion: '开工建设',
  evidenceRequired: true,
  cancelled: false,
  completedOn: null,
  deadlineText: '2026年底前',
  divisionCodes: [],
  version: 3,
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('node form values', () => {
  it('round-trips the delivery fields of a task', () => {
    const patch = toPatchBody(task, { ...valuesFromNode(task), completionCriterion: '  ', cancelled: true });
    expect(patch).toMatchObject({ version: 3, completionCriterion: null, evidenceRequired: true, deadlineText: '2026年底前', cancelled: true });
  });

  it('sends only the delivery fields that were set when creating', () => {
    expect(toCreateBody('a1', 'milestone', { title: '开工', evidenceRequired: true, deadlineText: ' 年底 ', cancelled: false })).toEqual({
      parentId: 'a1',
      kind: 'milestone',
      title: '开工',
      evidenceRequired: true,
      deadlineText: '年底',
    });
  });
});

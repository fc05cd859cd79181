import { describe, expect, it } from 'vitest';
import { link, target } from './__fixtures__/networks';
import { attributeGaps } from './gap-attribution';

// Today A–C takes 90. Project P (two links via B) makes it 50; project Q alone makes it 70;
// project R has no time yet. Threshold 60: only P closes the gap.
const links = [
  link('today', 'A', 'C', 90, 'old'),
  link('p1', 'A', 'B', 25, 'P-line', { status: 'under_construction', plannedOpening: '2027-11', projectId: 'P' }),
  link('p2', 'B', 'C', 25, 'P-line', { status: 'under_construction', plannedOpening: '2027-11', projectId: 'P' }),
  link('q', 'A', 'C', 70, 'Q-line', { status: 'planned', plannedOpening: null, projectId: 'Q' }),
  link('r', 'A', 'C', null, 'R-line', { status: 'planned', plannedOpening: null, projectId: 'R' }),
  link('elsewhere', 'D', 'E', 10, 'S', { status: 'planned', projectId: 'S' }),
];

describe('attributeGaps', () => {
  const r = attributeGaps(target({ thresholds: [{ minutes: 60, source: 'plan' }, { minutes: 95, source: 'other' }] }), links, '2025-06-30');

  it('lists only the readings the pair misses', () => expect(r.gaps.map((g) => g.thresholdMinutes)).toEqual([60]));

  it('says with and without each project, and which one closes the gap', () => {
    const [gap] = r.gaps;
    expect(gap).toMatchObject({ from: 'A', to: 'C', minutesNow: 90, minutesWithAllPlanned: 50, closedByAllPlanned: true });
    expect(gap!.projects).toEqual([
      { projectId: 'P', linkIds: ['p1', 'p2'], plannedOpenings: ['2027-11', '2027-11'], withAllMinutes: 50, withoutThisMinutes: 70, onlyThisMinutes: 50, closesAlone: true, needed: true },
      { projectId: 'Q', linkIds: ['q'], plannedOpenings: [null], withAllMinutes: 50, withoutThisMinutes: 50, onlyThisMinutes: 70, closesAlone: false, needed: false },
    ]);
  });

  it('reports projects whose times are unknown', () => expect(r.projectsWithUnknownTimes).toEqual([{ projectId: 'R', linkIds: ['r'] }]));

  it('a link dated after the day counts as pending', () => {
    const later = [link('today', 'A', 'C', 90, 'old'), link('up', 'A', 'C', 60, 'old', { openFrom: '2020-12-31' })];
    const g = attributeGaps(target(), later, '2019-06-01').gaps[0]!;
    expect(g.projects.map((p) => [p.projectId, p.closesAlone])).toEqual([['link:up', true]]);
  });

  it('no gap, no attribution', () => expect(attributeGaps(target(), [link('x', 'A', 'C', 40, 'L')], '2025-01-01').gaps).toEqual([]));
});

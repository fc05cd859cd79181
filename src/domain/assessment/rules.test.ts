import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leagueTables, groupOf, scoreUnit, type AssessedUnit } from './league-table';
import { assessmentPeriod, chinaDateOf } from './periods';
import { scoreItem, timeliness, type AssessmentEvidence, type SchemeItem } from './rules';

const U = 'u1';
const base = (over: Partial<AssessmentEvidence> = {}): AssessmentEvidence => ({
  asOf: '2026-07-15',
  periodStart: '2026-04-01',
  periodEnd: '2026-06-30',
  reports: [],
  milestones: [],
  supervision: [],
  adjustments: [],
  excuses: [],
  ...over,
});
const item = (rule: SchemeItem['rule'], maxPoints: number, params: SchemeItem['params'] = {}): SchemeItem => ({ id: `i-${rule}`, rule, title: rule, maxPoints, params });
const report = (id: string, dueOn: string, submittedOn: string | null, qualityRating: number | null = null) => ({ id, unitId: U, label: id, dueOn, submittedOn, qualityRating });

describe('report timeliness', () => {
  it('reads like the issue: 10 of 12 on time on a 20-point item is 16.7', () => {
    const reports = Array.from({ length: 12 }, (_, i) => report(`r${String(i).padStart(2, '0')}`, '2026-05-10', i < 10 ? '2026-05-09' : '2026-05-11'));
    const line = scoreItem({ ...item('report_timeliness', 20), title: '报告按时率' }, U, base({ reports }));
    expect(line.points).toBe(16.7);
    expect(line.text.zh).toBe('报告按时率 10/12 → 16.7 分（迟报 2）');
    expect(line.text.en).toContain('10/12 on time → 16.7 pts (2 late)');
  });
  it('counts a report submitted exactly on the due date as on time', () => {
    expect(timeliness('2026-05-10', '2026-05-10', '2026-07-01')).toBe('on_time');
    expect(scoreItem(item('report_timeliness', 20), U, base({ reports: [report('a', '2026-05-10', '2026-05-10')] })).points).toBe(20);
  });
  it('gives full marks with nothing owed, and says so', () => {
    const line = scoreItem(item('report_timeliness', 20), U, base());
    expect(line.points).toBe(20);
    expect(line.text.zh).toContain('本期无应考核事项');
  });
  it('scores 0 when everything owed is missing; an unsent report not yet due is not owed', () => {
    const line = scoreItem(item('report_timeliness', 20), U, base({ asOf: '2026-06-10', reports: [report('a', '2026-05-10', null), report('b', '2026-06-10', null)] }));
    expect(line.counts).toMatchObject({ missing: 1, pending: 1 });
    expect(line.points).toBe(0);
  });
  it('applies the late credit and ignores reports due outside the period or of other units', () => {
    const reports = [report('a', '2026-05-10', '2026-05-12'), report('b', '2026-05-10', '2026-05-01'), report('c', '2026-03-31', null), { ...report('d', '2026-05-10', null), unitId: 'other' }];
    expect(scoreItem(item('report_timeliness', 20, { lateCredit: 0.5 }), U, base({ reports })).points).toBe(15);
  });
  it('an upheld appeal excuses the report: it leaves the count', () => {
    const reports = [report('a', '2026-05-10', '2026-05-12'), report('b', '2026-05-10', '2026-05-01')];
    const ev = base({ reports, excuses: [{ itemId: 'i-report_timeliness', evidenceKind: 'report', evidenceId: 'a' }] });
    const line = scoreItem(item('report_timeliness', 20), U, ev);
    expect(line.points).toBe(20);
    expect(line.counts.excused).toBe(1);
    // The excuse is for this item only: the same report still counts for quality.
    expect(scoreItem(item('report_quality', 10), U, { ...ev, reports: reports.map((r) => ({ ...r, qualityRating: 3 })) }).counts.excused).toBe(0);
  });
});

describe('milestones met on time', () => {
  const m = (id: string, dueOn: string, completedOn: string | null) => ({ id, unitId: U, label: id, dueOn, completedOn });
  it('full credit on time, late credit when completed late, none when overdue', () => {
    const line = scoreItem(item('milestone_timeliness', 40, { lateCredit: 0.5 }), U, base({ milestones: [m('a', '2026-05-31', '2026-05-31'), m('b', '2026-05-31', '2026-06-15'), m('c', '2026-06-01', null), m('d', '2026-07-31', null)] }));
    // (1 + 0.5) / 3 × 40 = 20; d is due after the period.
    expect(line.points).toBe(20);
    expect(line.counts).toMatchObject({ on_time: 1, late: 1, missing: 1 });
  });
  it('a milestone due on the computation day is not yet overdue', () => {
    const line = scoreItem(item('milestone_timeliness', 40), U, base({ asOf: '2026-06-30', milestones: [m('a', '2026-06-30', null)] }));
    expect(line.counts.pending).toBe(1);
    expect(line.points).toBe(40);
  });
});

describe('report quality', () => {
  it('scales the average rating to the item', () => {
    const reports = [report('a', '2026-05-10', '2026-05-09', 5), report('b', '2026-06-10', '2026-06-09', 4), report('c', '2026-06-10', '2026-06-09', null)];
    const line = scoreItem(item('report_quality', 20, { scaleMax: 5 }), U, base({ reports }));
    expect(line.points).toBe(18);
    expect(line.text.zh).toContain('平均 4.5/5（评定 2 份）→ 18.0 分');
  });
  it('full marks with no ratings', () => {
    expect(scoreItem(item('report_quality', 20), U, base({ reports: [report('a', '2026-05-10', null)] })).points).toBe(20);
  });
});

describe('responsiveness to supervision', () => {
  it('counts responses by their due date', () => {
    const supervision = [
      { id: 's1', unitId: U, label: 's1', dueOn: '2026-05-20', respondedOn: '2026-05-20' },
      { id: 's2', unitId: U, label: 's2', dueOn: '2026-05-20', respondedOn: null },
    ];
    const line = scoreItem(item('supervision_response', 20), U, base({ supervision }));
    expect(line.points).toBe(10);
    expect(line.text.zh).toContain('1/2');
  });
});

describe('bonus and penalty entries', () => {
  const a = (id: string, points: number) => ({ id, unitId: U, label: id, points });
  it('nets entries and caps them at the item', () => {
    expect(scoreItem(item('bonus_penalty', 5), U, base({ adjustments: [a('x', 2), a('y', -0.5)] })).points).toBe(1.5);
    expect(scoreItem(item('bonus_penalty', 5), U, base({ adjustments: [a('x', 4), a('y', 3)] })).points).toBe(5);
    expect(scoreItem(item('bonus_penalty', 5), U, base({ adjustments: [a('x', -9)] })).points).toBe(-5);
    expect(scoreItem(item('bonus_penalty', 5), U, base()).points).toBe(0);
  });
  it('an upheld appeal withdraws a penalty', () => {
    const line = scoreItem(item('bonus_penalty', 5), U, base({ adjustments: [a('x', -2)], excuses: [{ itemId: 'i-bonus_penalty', evidenceKind: 'adjustment', evidenceId: 'x' }] }));
    expect(line.points).toBe(0);
  });
});

describe('league tables', () => {
  const items = [item('report_timeliness', 20)];
  const units: AssessedUnit[] = [
    { id: 'u3', name: '丙', group: 'cities', sortOrder: 3 },
    { id: 'u2', name: '乙', group: 'provincial_departments', sortOrder: 2 },
    { id: 'u1', name: '甲', group: 'provincial_departments', sortOrder: 1 },
    { id: 'u4', name: '丁', group: 'provincial_departments', sortOrder: 4 },
  ];
  it('ranks each group separately; ties share a rank and keep the register order', () => {
    const ev = base({ reports: [{ ...report('a', '2026-05-10', null), unitId: 'u1' }] });
    const tables = leagueTables(items, units, ev);
    expect(tables.map((t) => t.group)).toEqual(['provincial_departments', 'cities']);
    expect(tables[0]!.rows.map((r) => [r.unitId, r.rank, r.score])).toEqual([['u2', 1, 20], ['u4', 1, 20], ['u1', 3, 0]]);
  });
  it('totals are the sum of the lines as shown', () => {
    const s = scoreUnit([item('report_timeliness', 20), item('bonus_penalty', 5)], units[2]!, base({ adjustments: [{ id: 'x', unitId: 'u1', label: 'x', points: 0.1 }, { id: 'y', unitId: 'u1', label: 'y', points: 0.2 }] }));
    expect(s.score).toBe(20.3);
  });
  it('groups units by kind and side', () => {
    expect(groupOf({ kind: 'department', side: 'sichuan' }, false)).toBe('provincial_departments');
    expect(groupOf({ kind: 'city', side: 'sichuan' }, false)).toBe('cities');
    expect(groupOf({ kind: 'department', side: 'chongqing' }, false)).toBeNull();
    expect(groupOf({ kind: 'county', side: 'chongqing' }, true)).toBe('chongqing');
    expect(groupOf({ kind: 'office', side: 'sichuan' }, true)).toBeNull();
  });
});

describe('periods and dates', () => {
  it('quarters and years', () => {
    expect(assessmentPeriod('quarter', 2026, 2)).toMatchObject({ periodStart: '2026-04-01', periodEnd: '2026-06-30', label: '2026年第二季度' });
    expect(assessmentPeriod('year', 2026)).toMatchObject({ periodStart: '2026-01-01', periodEnd: '2026-12-31' });
  });
  it('reads a timestamp as a Beijing date', () => {
    expect(chinaDateOf('2026-05-10T15:59:00.000Z')).toBe('2026-05-10');
    expect(chinaDateOf('2026-05-10T16:00:00.000Z')).toBe('2026-05-11');
  });
});

describe('order of the evidence', () => {
  const day = fc.integer({ min: 0, max: 120 }).map((d) => new Date(Date.UTC(2026, 2, 15) + d * 86_400_000).toISOString().slice(0, 10));
  const unitId = fc.constantFrom('u1', 'u2', 'u3');
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
  const evidence = fc.record({
    reports: fc.uniqueArray(fc.record({ id: fc.uuid(), unitId, label: fc.constant('r'), dueOn: day, submittedOn: maybe(day), qualityRating: maybe(fc.integer({ min: 1, max: 5 })) }), { selector: (r) => r.id, maxLength: 30 }),
    milestones: fc.uniqueArray(fc.record({ id: fc.uuid(), unitId, label: fc.constant('m'), dueOn: day, completedOn: maybe(day) }), { selector: (r) => r.id, maxLength: 20 }),
    supervision: fc.uniqueArray(fc.record({ id: fc.uuid(), unitId, label: fc.constant('s'), dueOn: day, respondedOn: maybe(day) }), { selector: (r) => r.id, maxLength: 20 }),
    adjustments: fc.uniqueArray(fc.record({ id: fc.uuid(), unitId, label: fc.constant('a'), points: fc.integer({ min: -30, max: 30 }).map((n) => n / 10) }), { selector: (r) => r.id, maxLength: 10 }),
  });
  const items: SchemeItem[] = [item('report_timeliness', 20, { lateCredit: 0.3 }), item('milestone_timeliness', 40, { lateCredit: 0.5 }), item('report_quality', 20), item('supervision_response', 15), item('bonus_penalty', 5)];
  const units: AssessedUnit[] = ['u1', 'u2', 'u3'].map((id, i) => ({ id, name: id, group: i === 2 ? 'cities' : 'provincial_departments', sortOrder: 0 }));

  it('gives the same tables whatever order the evidence arrives in', () => {
    fc.assert(
      fc.property(evidence, fc.infiniteStream(fc.nat()), (e, seeds) => {
        const ev = base({ ...e, asOf: '2026-06-01' });
        const shuffle = <T>(xs: T[]) => xs.map((x) => ({ x, k: seeds.next().value as number })).sort((a, b) => a.k - b.k).map((p) => p.x);
        const reordered = { ...ev, reports: shuffle(ev.reports), milestones: shuffle(ev.milestones), supervision: shuffle(ev.supervision), adjustments: shuffle(ev.adjustments) };
        expect(leagueTables(items, shuffle(units), reordered)).toEqual(leagueTables(items, units, ev));
      }),
      { numRuns: 200 },
    );
  });
});

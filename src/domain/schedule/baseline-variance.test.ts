import { describe, expect, it } from 'vitest';
import { compareWithBaseline } from './baseline-variance';

const e = (code: string, dueOn: string | null, weight = 1, startOn: string | null = '2026-01-01') => ({ code, title: `任务${code}`, startOn, dueOn, weight });

describe('compareWithBaseline', () => {
  it('reports slips, pull-ins, weight changes, additions and removals; leaves unchanged tasks out', () => {
    const base = { a: e('3.1.1', '2026-06-30'), b: e('3.1.2', '2026-12-31', 2), c: e('3.1.3', '2026-09-30'), gone: e('3.1.4', '2026-03-31') };
    const cur = { a: e('3.1.1', '2026-09-30'), b: e('3.1.2', '2026-12-01', 3), c: e('3.1.3', '2026-09-30'), fresh: e('3.1.5', null) };
    const v = compareWithBaseline(base, cur);
    expect(v.map((x) => `${x.code}:${x.change}:${x.dueSlipDays}:${x.weightDelta}`)).toEqual(['3.1.1:changed:92:0', '3.1.2:changed:-30:1', '3.1.5:added:null:null', '3.1.4:removed:null:null']);
  });
  it('has no slip when a due date was added or removed', () => {
    expect(compareWithBaseline({ a: e('1', null) }, { a: e('1', '2026-01-01') })[0]!.dueSlipDays).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { daysBetween } from './iso-date';
import { plannedPctAt, plannedTrajectory, type TrajectoryTask } from './planned-trajectory';

const ms = (dueOn: string | null, weight = 1, cancelled = false) => ({ dueOn, weight, cancelled });
const task = (over: Partial<TrajectoryTask> = {}): TrajectoryTask => ({ startOn: '2026-01-01', dueOn: '2026-12-31', milestones: [], ...over });

describe('daysBetween', () => {
  it.each([
    ['2026-01-01', '2026-01-01', 0],
    ['2026-01-01', '2026-01-02', 1],
    ['2026-01-02', '2026-01-01', -1],
    ['2026-02-28', '2026-03-01', 1],
    ['2028-02-28', '2028-03-01', 2],
    ['2026-03-28', '2026-03-30', 2], // across a European DST change: still whole days
    ['2025-12-31', '2026-12-31', 365],
  ])('%s → %s is %d days', (a, b, d) => expect(daysBetween(a, b)).toBe(d));
});

describe('plannedTrajectory', () => {
  it.each<[string, TrajectoryTask, { on: string; pct: number }[]]>([
    ['linear without milestones', task(), [{ on: '2026-01-01', pct: 0 }, { on: '2026-12-31', pct: 100 }]],
    ['same-day start and due', task({ startOn: '2026-05-01', dueOn: '2026-05-01' }), [{ on: '2026-05-01', pct: 0 }, { on: '2026-05-01', pct: 100 }]],
    ['no start: only the due date', task({ startOn: null }), [{ on: '2026-12-31', pct: 100 }]],
    ['no due date, no milestones: no plan', task({ dueOn: null }), []],
    ['weighted milestones, sorted by date', task({ milestones: [ms('2026-09-30', 3), ms('2026-03-31', 1)] }), [
      { on: '2026-01-01', pct: 0 }, { on: '2026-03-31', pct: 25 }, { on: '2026-09-30', pct: 100 }]],
    ['milestones on one day merge', task({ milestones: [ms('2026-06-30', 1), ms('2026-06-30', 1), ms('2026-12-31', 2)] }), [
      { on: '2026-01-01', pct: 0 }, { on: '2026-06-30', pct: 50 }, { on: '2026-12-31', pct: 100 }]],
    ['cancelled, undated and zero-weight milestones ignored', task({ milestones: [ms('2026-04-30', 1), ms('2026-02-28', 5, true), ms(null, 5), ms('2026-03-31', 0)] }), [
      { on: '2026-01-01', pct: 0 }, { on: '2026-04-30', pct: 100 }]],
    ['all weights zero: linear', task({ milestones: [ms('2026-04-30', 0), ms('2026-06-30', 0)] }), [
      { on: '2026-01-01', pct: 0 }, { on: '2026-12-31', pct: 100 }]],
    ['milestones without a start begin at the earliest milestone', task({ startOn: null, milestones: [ms('2026-03-31'), ms('2026-06-30')] }), [
      { on: '2026-03-31', pct: 0 }, { on: '2026-03-31', pct: 50 }, { on: '2026-06-30', pct: 100 }]],
    ['milestones make a plan even without a due date', task({ dueOn: null, milestones: [ms('2026-07-01')] }), [
      { on: '2026-01-01', pct: 0 }, { on: '2026-07-01', pct: 100 }]],
    ['a milestone before the start date moves the start back', task({ startOn: '2026-05-01', milestones: [ms('2026-04-01'), ms('2026-06-01')] }), [
      { on: '2026-04-01', pct: 0 }, { on: '2026-04-01', pct: 50 }, { on: '2026-06-01', pct: 100 }]],
    ['last milestone before the due date reaches 100 there', task({ milestones: [ms('2026-10-31', 1)] }), [
      { on: '2026-01-01', pct: 0 }, { on: '2026-10-31', pct: 100 }]],
  ])('%s', (_name, t, expected) => expect(plannedTrajectory(t)).toEqual(expected));

  it('thirds reach exactly 100 at the end', () => {
    const traj = plannedTrajectory(task({ milestones: [ms('2026-02-01'), ms('2026-03-01'), ms('2026-04-01')] }));
    expect(traj.at(-1)).toEqual({ on: '2026-04-01', pct: 100 });
    expect(traj[1]!.pct).toBeCloseTo(33.333, 2);
  });
});

describe('plannedPctAt', () => {
  // 2026-01-01 → 2026-01-11 is 10 days, so each day adds 10 points.
  const line = plannedTrajectory(task({ startOn: '2026-01-01', dueOn: '2026-01-11' }));
  // 0 on 01-01, 40 on 01-05 (milestone), 100 on 01-11
  const stepped = plannedTrajectory(task({ startOn: '2026-01-01', milestones: [ms('2026-01-05', 2), ms('2026-01-11', 3)] }));
  const sameDay = plannedTrajectory(task({ startOn: '2026-05-01', dueOn: '2026-05-01' }));

  it.each([
    ['line: day before start', line, '2025-12-31', 0],
    ['line: start day', line, '2026-01-01', 0],
    ['line: day after start', line, '2026-01-02', 10],
    ['line: middle', line, '2026-01-06', 50],
    ['line: day before due', line, '2026-01-10', 90],
    ['line: due day', line, '2026-01-11', 100],
    ['line: after due', line, '2027-01-01', 100],
    ['milestones: day before milestone', stepped, '2026-01-04', 30],
    ['milestones: on the milestone date', stepped, '2026-01-05', 40],
    ['milestones: day after milestone', stepped, '2026-01-06', 50],
    ['milestones: last milestone', stepped, '2026-01-11', 100],
    ['same day: before', sameDay, '2026-04-30', 0],
    ['same day: on it', sameDay, '2026-05-01', 100],
    ['same day: after', sameDay, '2026-05-02', 100],
    ['single point: before', [{ on: '2026-12-31', pct: 100 }], '2026-12-30', 0],
    ['single point: on it', [{ on: '2026-12-31', pct: 100 }], '2026-12-31', 100],
  ])('%s (%s) → %d', (_name, traj, asOf, pct) => expect(plannedPctAt(traj, asOf)).toBe(pct));

  it('is null without a plan', () => expect(plannedPctAt([], '2026-01-01')).toBeNull());

  it('rounds to one decimal', () => {
    const thirds = plannedTrajectory(task({ startOn: '2026-01-01', dueOn: '2026-01-04' }));
    expect(plannedPctAt(thirds, '2026-01-02')).toBe(33.3);
    expect(plannedPctAt(thirds, '2026-01-03')).toBe(66.7);
  });

  it('a start-day milestone counts on the start day', () => {
    const traj = plannedTrajectory(task({ startOn: '2026-03-01', milestones: [ms('2026-03-01'), ms('2026-03-11')] }));
    expect(plannedPctAt(traj, '2026-02-28')).toBe(0);
    expect(plannedPctAt(traj, '2026-03-01')).toBe(50);
    expect(plannedPctAt(traj, '2026-03-06')).toBe(75);
  });
});

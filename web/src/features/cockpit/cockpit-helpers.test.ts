import { describe, expect, it } from 'vitest';
import type { TNodeStatus } from '../../api/cockpit';
import { selectTasks } from './select-tasks';
import { compareRates, onTimeRate } from './unit-rows';

const node = (nodeId: string, kind: string, code: string, status: TNodeStatus['status']): TNodeStatus => ({
  nodeId,
  kind,
  code,
  title: code,
  status,
  reasons: [],
  plannedPct: null,
  actualPct: null,
  progressPct: 0,
  counts: { red: 0, yellow: 0, green: 0, not_started: 0, completed: 0, cancelled: 0 },
  leads: [],
  participants: [],
  isLeaf: kind === 'task',
});

describe('selectTasks', () => {
  const items = [node('p', 'part', '1', null), node('t2', 'task', '1.1.10', 'red'), node('t1', 'task', '1.1.2', 'red'), node('t3', 'task', '1.2.1', 'green')];

  it('lists the tasks of a status in outline order, never parts or articles', () => {
    expect(selectTasks(items, { kind: 'status', status: 'red' }).map((n) => n.nodeId)).toEqual(['t1', 't2']);
  });

  it('lists the tasks of a division by id', () => {
    expect(selectTasks(items, { kind: 'division', code: '510100', name: '成都市', taskIds: ['t3', 't2', 'p'] }).map((n) => n.nodeId)).toEqual(['t2', 't3']);
  });
});

describe('onTimeRate', () => {
  it('is the on-time share of due reports, one decimal, and null when nothing was due', () => {
    expect(onTimeRate({ reportsDue: 3, reportsOnTime: 2 })).toBe(66.7);
    expect(onTimeRate({ reportsDue: 0, reportsOnTime: 0 })).toBeNull();
    expect([null, 50, 0].sort(compareRates)).toEqual([null, 0, 50]);
  });
});

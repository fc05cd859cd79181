import { describe, expect, it } from 'vitest';
import { drillId, drillPath, drillTargetOf, type DrillTarget } from './drill';

describe('drill targets', () => {
  const targets: DrillTarget[] = [
    { kind: 'status', status: 'red' },
    { kind: 'node', nodeId: 'b80bf093-1622-4e9c-8437-d98e57e42dd7' },
    { kind: 'keyArea', key: 'public-services' },
    { kind: 'division', code: '510100' },
  ];

  it('round-trips through the data item id', () => {
    for (const target of targets) expect(drillTargetOf({ data: { id: drillId(target), value: 1 } })).toEqual(target);
  });

  it('ignores clicks without a drill id and unknown statuses', () => {
    expect(drillTargetOf({ data: undefined })).toBeNull();
    expect(drillTargetOf({ data: { value: 3 } })).toBeNull();
    expect(drillTargetOf({ data: { id: 'status:purple' } })).toBeNull();
    expect(drillTargetOf({ data: { id: 'node:' } })).toBeNull();
    expect(drillTargetOf({ data: { id: 'nonsense' } })).toBeNull();
    expect(drillTargetOf(null)).toBeNull();
  });

  it('maps each target to its page', () => {
    expect(targets.map(drillPath)).toEqual([
      '/my-tasks?status=red',
      '/plan/b80bf093-1622-4e9c-8437-d98e57e42dd7',
      '/my-tasks?keyArea=public-services',
      null,
    ]);
  });
});

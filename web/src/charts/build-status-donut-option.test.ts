import { describe, expect, it } from 'vitest';
import { enUS } from '../i18n/en-US';
import { zhCN } from '../i18n/zh-CN';
import { buildStatusDonutOption } from './build-status-donut-option';
import { drillTargetOf } from './drill';
import { STATUS_COLOR, type StatusCounts } from './status-colors';
import { makeT } from './test-t';

const counts: StatusCounts = { red: 3, yellow: 2, green: 10, not_started: 70, completed: 3, cancelled: 0 };
type PieItem = { id: string; name: string; value: number; itemStyle: { color: string }; label: { show: boolean } };
const itemsOf = (option: ReturnType<typeof buildStatusDonutOption>) => (option.series as { data: PieItem[] }[])[0]!.data;

describe('buildStatusDonutOption', () => {
  it('has one slice per status, in STATUS_ORDER, with the count as value', () => {
    const items = itemsOf(buildStatusDonutOption(counts, makeT(zhCN)));
    expect(items.map((d) => d.value)).toEqual([3, 2, 10, 70, 3, 0]);
    expect(items.map((d) => d.name)).toEqual(['滞后', '预警', '正常推进', '未开始', '已完成', '已取消']);
  });

  it('colours each slice with its status colour', () => {
    const items = itemsOf(buildStatusDonutOption(counts, makeT(zhCN)));
    expect(items.map((d) => d.itemStyle.color)).toEqual(['#cf1322', '#d48806', '#389e0d', '#8c8c8c', '#1677ff', '#bfbfbf']);
    expect(items[0]!.itemStyle.color).toBe(STATUS_COLOR.red);
  });

  it('labels in the UI language and puts the total in the middle', () => {
    const option = buildStatusDonutOption(counts, makeT(enUS));
    expect(itemsOf(option).map((d) => d.name)).toEqual(['Lagging', 'Warning', 'On track', 'Not started', 'Completed', 'Cancelled']);
    expect(option.title).toMatchObject({ text: '88', subtext: 'Tasks' });
  });

  it('hides the label of an empty slice', () => {
    const items = itemsOf(buildStatusDonutOption(counts, makeT(zhCN)));
    expect(items.find((d) => d.id === 'status:cancelled')!.label.show).toBe(false);
    expect(items.find((d) => d.id === 'status:red')!.label.show).toBe(true);
  });

  it('carries the status in the click payload', () => {
    const items = itemsOf(buildStatusDonutOption(counts, makeT(zhCN)));
    expect(drillTargetOf({ data: items[1] })).toEqual({ kind: 'status', status: 'yellow' });
  });
});

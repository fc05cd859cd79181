import { describe, expect, it } from 'vitest';
import { enUS } from '../i18n/en-US';
import { zhCN } from '../i18n/zh-CN';
import { buildDivisionMapOption, type MapDivision } from './build-division-map-option';
import { drillTargetOf } from './drill';
import { STATUS_COLOR, STATUS_ORDER, type StatusCounts } from './status-colors';
import { makeT } from './test-t';

const counts = (partial: Partial<StatusCounts>): StatusCounts => ({ red: 0, yellow: 0, green: 0, not_started: 0, completed: 0, cancelled: 0, ...partial });
const regions = [
  { code: '510100', name: '成都市' },
  { code: '500103', name: '渝中区' },
  { code: '513200', name: '阿坝藏族羌族自治州' },
];
const divisions: MapDivision[] = [
  { code: '510100', worst: 'red', counts: counts({ red: 1, green: 2 }), taskIds: ['a', 'b', 'c'] },
  { code: '500103', worst: 'green', counts: counts({ green: 1 }), taskIds: ['d'] },
  { code: '999999', worst: 'yellow', counts: counts({ yellow: 1 }), taskIds: ['e'] },
];

type MapSeries = { type: string; map: string; nameProperty: string; data: { id: string; name: string; value: number }[] };
type Piece = { value: number; label: string; color: string };

describe('buildDivisionMapOption', () => {
  const option = buildDivisionMapOption(regions, divisions, makeT(zhCN));
  const series = (option.series as MapSeries[])[0]!;
  const tooltip = (option.tooltip as { formatter: (p: unknown) => string }).formatter;

  it('draws the merged map keyed by GB/T 2260 code, one data item per located division', () => {
    expect(series).toMatchObject({ type: 'map', map: 'chengyu', nameProperty: 'code' });
    expect(series.data.map((d) => d.name)).toEqual(['510100', '500103']);
  });

  it('encodes the worst status as its index, and the visual map colours each index with the status colour', () => {
    expect(series.data.map((d) => d.value)).toEqual([STATUS_ORDER.indexOf('red'), STATUS_ORDER.indexOf('green')]);
    const pieces = (option.visualMap as { pieces: Piece[] }).pieces;
    expect(pieces.map((p) => p.color)).toEqual(STATUS_ORDER.map((s) => STATUS_COLOR[s]));
    expect(pieces[series.data[0]!.value]!.color).toBe('#cf1322');
    expect(pieces.map((p) => p.label)).toEqual(['滞后', '预警', '正常推进', '未开始', '已完成', '已取消']);
  });

  it('names the division and its counts in the tooltip', () => {
    const html = tooltip({ name: '510100' });
    expect(html).toContain('<b>成都市</b>');
    expect(html).toContain('任务: 3');
    expect(html).toContain('滞后 1');
    expect(html).toContain('正常推进 2');
    expect(tooltip({ name: '513200' })).toBe('<b>阿坝藏族羌族自治州</b><br/>暂无任务');
  });

  it('speaks English when asked', () => {
    const en = buildDivisionMapOption(regions, divisions, makeT(enUS));
    expect((en.tooltip as { formatter: (p: unknown) => string }).formatter({ name: '500103' })).toContain('On track 1');
  });

  it('carries the division code in the click payload', () => {
    expect(drillTargetOf({ data: series.data[1] })).toEqual({ kind: 'division', code: '500103' });
  });
});

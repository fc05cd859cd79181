import { describe, expect, it } from 'vitest';
import type { TIndicatorDetail, TIndicatorMap } from '../../api/indicators';
import { makeT } from '../../charts/test-t';
import { zhCN } from '../../i18n/zh-CN';

const testT = makeT(zhCN);
import { buildIndicatorLineOption, buildIndicatorMapOption } from './build-indicator-options';

const detail = {
  indicator: { unit: '亿元' },
  division: '510100',
  observations: [
    { divisionCode: '510100', period: '2019', value: 100 },
    { divisionCode: '510100', period: '2020', value: null },
    { divisionCode: '510000', period: '2020', value: 999 },
  ],
  targets: [{ divisionCode: '510100', period: '2022', value: 130 }],
  trajectory: [
    { period: '2019', value: 100, kind: 'base' },
    { period: '2020', value: 110, kind: 'interpolated' },
    { period: '2021', value: 120, kind: 'interpolated' },
    { period: '2022', value: 130, kind: 'target' },
  ],
} as unknown as TIndicatorDetail;

describe('indicator chart options', () => {
  it('draws one division with a gap where the value is missing, targets and the trajectory', () => {
    const o = buildIndicatorLineOption(detail, testT) as { xAxis: { data: string[] }; series: { data: (number | null)[] }[] };
    expect(o.xAxis.data).toEqual(['2019', '2020', '2021', '2022']);
    expect(o.series[0]!.data).toEqual([100, null, null, null]);
    expect(o.series[1]!.data).toEqual([null, null, null, 130]);
    expect(o.series[2]!.data).toEqual([100, 110, 120, 130]);
  });
  it('colours known values in classes and keeps missing divisions grey', () => {
    const map: TIndicatorMap = { period: '2019', periods: ['2019'], unit: '亿元', values: [{ divisionCode: 'a', value: 1 }, { divisionCode: 'b', value: 5 }, { divisionCode: 'c', value: null }] };
    const o = buildIndicatorMapOption(map, new Map(), testT) as { series: { data: { name: string; itemStyle?: unknown }[] }[]; visualMap: { pieces: unknown[] } };
    expect(o.series[0]!.data.find((d) => d.name === 'c')!.itemStyle).toBeTruthy();
    expect(o.visualMap.pieces.length).toBeGreaterThan(0);
    const empty = buildIndicatorMapOption({ ...map, values: [{ divisionCode: 'c', value: null }] }, new Map(), testT) as { visualMap?: unknown };
    expect(empty.visualMap).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { enUS } from '../i18n/en-US';
import { zhCN } from '../i18n/zh-CN';
import { buildTravelTimeMapOption, TRAVEL_BAND_COLOR } from './build-travel-time-map-option';
import { drillTargetOf } from './drill';
import { makeT } from './test-t';

const regions = [
  { code: '510100', name: '成都市' },
  { code: '500103', name: '渝中区' },
  { code: '511500', name: '宜宾市' },
  { code: '510600', name: '德阳市' },
  { code: '513300', name: '甘孜藏族自治州' },
];
const minutes = new Map<string, number | null>([
  ['510100', 0],
  ['500103', 60],
  ['511500', 73],
  ['510600', null],
  ['999999', 10],
]);

type Item = { id: string; name: string; value: number; label?: { show: boolean; formatter: string } };
type Piece = { min?: number; max?: number; gt?: number; value?: number; label: string; color: string };

/** Which piece ECharts would pick for a value: the first whose bounds contain it. */
function pieceOf(pieces: Piece[], v: number): Piece | undefined {
  return pieces.find((p) => (p.value !== undefined ? p.value === v : (p.min === undefined || v >= p.min) && (p.gt === undefined || v > p.gt) && (p.max === undefined || v <= p.max)));
}

describe('buildTravelTimeMapOption', () => {
  const option = buildTravelTimeMapOption({ regions, minutes, originCode: '510100', destinationCode: '500103' }, makeT(zhCN));
  const series = (option.series as { map: string; nameProperty: string; data: Item[] }[])[0]!;
  const pieces = (option.visualMap as { pieces: Piece[] }).pieces;
  const tooltip = (option.tooltip as { formatter: (p: unknown) => string }).formatter;

  it('draws the shared map keyed by code, one item per division on the map; no path is -1', () => {
    expect(series).toMatchObject({ map: 'chengyu', nameProperty: 'code' });
    expect(series.data.map((d) => [d.name, d.value])).toEqual([
      ['510100', 0],
      ['500103', 60],
      ['511500', 73],
      ['510600', -1],
    ]);
  });

  it('bands ≤60 / 60–90 / 90–120 / >120 / no path, 60 itself inside the hour', () => {
    expect(pieces.map((p) => p.label)).toEqual(['≤60 分钟', '60–90 分钟', '90–120 分钟', '>120 分钟', '不通']);
    expect(pieceOf(pieces, 60)?.color).toBe(TRAVEL_BAND_COLOR.le60);
    expect(pieceOf(pieces, 61)?.color).toBe(TRAVEL_BAND_COLOR.le90);
    expect(pieceOf(pieces, 90)?.color).toBe(TRAVEL_BAND_COLOR.le90);
    expect(pieceOf(pieces, 120)?.color).toBe(TRAVEL_BAND_COLOR.le120);
    expect(pieceOf(pieces, 121)?.color).toBe(TRAVEL_BAND_COLOR.gt120);
    expect(pieceOf(pieces, -1)?.color).toBe(TRAVEL_BAND_COLOR.none);
  });

  it('labels the origin and the destination only', () => {
    expect(series.data.filter((d) => d.label?.show).map((d) => d.label?.formatter)).toEqual(['成都市', '渝中区']);
  });

  it('gives minutes from the origin in the tooltip', () => {
    expect(tooltip({ name: '511500' })).toBe('<b>宜宾市</b><br/>自成都市: 73 分钟');
    expect(tooltip({ name: '510600' })).toBe('<b>德阳市</b><br/>自成都市: 不通');
    expect(tooltip({ name: '510100' })).toBe('<b>成都市</b><br/>出发地');
    expect(tooltip({ name: '513300' })).toBe('<b>甘孜藏族自治州</b><br/>不在网络中');
  });

  it('speaks English and carries the division code in the click payload', () => {
    const en = buildTravelTimeMapOption({ regions, minutes, originCode: '510100' }, makeT(enUS));
    expect((en.tooltip as { formatter: (p: unknown) => string }).formatter({ name: '500103' })).toBe('<b>渝中区</b><br/>From 成都市: 60 min');
    expect(drillTargetOf({ data: series.data[2] })).toEqual({ kind: 'division', code: '511500' });
  });
});

import type { MapSeriesOption } from 'echarts/charts';

/**
 * The one way the Sichuan–Chongqing division map is drawn (cockpit and one-hour networks): regions keyed
 * by GB/T 2260 code, not by name, since an operator's own map may spell names differently; the bottom
 * strip left to the legend; no labels (60 divisions would overlap).
 */
export function divisionMapSeries(mapName: string, data: MapSeriesOption['data']): MapSeriesOption {
  return {
    type: 'map',
    map: mapName,
    nameProperty: 'code',
    roam: true,
    scaleLimit: { min: 0.8, max: 8 },
    top: 8,
    bottom: 36,
    left: 8,
    right: 8,
    selectedMode: false,
    label: { show: false },
    emphasis: { label: { show: false } },
    data,
  };
}

import { divisionMapSeries } from './division-map-series';
import type { EChartsOption } from 'echarts';
import type { TFn } from '../i18n/use-t';
import type { MessageKey } from '../i18n/zh-CN';
import { CHENGYU_MAP, type MapRegion } from './build-division-map-option';
import { escapeHtml } from './chart-text';
import { drillId } from './drill';

/** Bands of travel time from the origin; `none` = no open path on the date. */
export const TRAVEL_BANDS = ['le60', 'le90', 'le120', 'gt120', 'none'] as const;
export type TravelBand = (typeof TRAVEL_BANDS)[number];
export const TRAVEL_BAND_COLOR: Record<TravelBand, string> = { le60: '#389e0d', le90: '#a0d911', le120: '#fa8c16', gt120: '#cf1322', none: '#bfbfbf' };
const BAND_LABEL: Record<TravelBand, MessageKey> = {
  le60: 'network.band.le60',
  le90: 'network.band.le90',
  le120: 'network.band.le120',
  gt120: 'network.band.gt120',
  none: 'network.band.none',
};

/** The value a division carries on the map: minutes, or -1 for no path (the visual map has a piece for it). */
const NO_PATH = -1;

export type TravelTimeMapInput = {
  regions: readonly MapRegion[];
  /** Minutes from the origin per division code; null = no path. Codes without an entry are not in the network. */
  minutes: ReadonlyMap<string, number | null>;
  originCode: string;
  destinationCode?: string | null;
};

/**
 * Divisions coloured by the travel time from the origin, in the bands ≤60 / 60–90 / 90–120 / >120 minutes and
 * "no path". The origin and the chosen destination are labelled; a click carries the division code.
 */
export function buildTravelTimeMapOption({ regions, minutes, originCode, destinationCode }: TravelTimeMapInput, t: TFn, mapName = CHENGYU_MAP): EChartsOption {
  const nameOf = new Map(regions.map((r) => [r.code, r.name]));
  const minuteText = (m: number | null) => (m === null ? t('network.noPath') : t('network.minutes', { count: m }));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const code = String((params as { name?: unknown }).name ?? '');
        const title = `<b>${escapeHtml(nameOf.get(code) ?? code)}</b>`;
        if (code === originCode) return `${title}<br/>${escapeHtml(t('network.map.origin'))}`;
        if (!minutes.has(code)) return `${title}<br/>${escapeHtml(t('network.map.notInNetwork'))}`;
        const from = escapeHtml(t('network.map.fromOrigin', { name: nameOf.get(originCode) ?? originCode }));
        return `${title}<br/>${from}: ${escapeHtml(minuteText(minutes.get(code) ?? null))}`;
      },
    },
    visualMap: {
      type: 'piecewise',
      seriesIndex: 0,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemWidth: 12,
      itemHeight: 12,
      pieces: [
        { min: 0, max: 60, label: t(BAND_LABEL.le60), color: TRAVEL_BAND_COLOR.le60 },
        { gt: 60, max: 90, label: t(BAND_LABEL.le90), color: TRAVEL_BAND_COLOR.le90 },
        { gt: 90, max: 120, label: t(BAND_LABEL.le120), color: TRAVEL_BAND_COLOR.le120 },
        { gt: 120, label: t(BAND_LABEL.gt120), color: TRAVEL_BAND_COLOR.gt120 },
        { value: NO_PATH, label: t(BAND_LABEL.none), color: TRAVEL_BAND_COLOR.none },
      ],
    },
    series: [
      divisionMapSeries(
        mapName,
        [...minutes]
          .filter(([code]) => nameOf.has(code))
          .map(([code, m]) => {
            const marked = code === originCode || code === destinationCode;
            return {
              id: drillId({ kind: 'division', code }),
              name: code,
              value: m ?? NO_PATH,
              ...(marked
                ? {
                    label: { show: true, formatter: nameOf.get(code) ?? code, fontWeight: 'bold' as const, color: '#1f1f1f' },
                    itemStyle: { borderColor: code === originCode ? '#1677ff' : '#722ed1', borderWidth: 2 },
                  }
                : {}),
            };
          }),
      ),
    ],
  };
}

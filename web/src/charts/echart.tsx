// The only component that touches ECharts (STYLE.md habit 12): modular imports, themes, resize, clicks.
// A thin wrapper of our own rather than echarts-for-react: its esm build imports `tslib` without declaring
// it, which Vite 8 cannot resolve here, and the part we need is twenty lines.
import type { EChartsOption } from 'echarts';
import { BarChart, LineChart, MapChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapPiecewiseComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useLayoutEffect, useRef, type CSSProperties } from 'react';
import { DARK_THEME_NAME, darkTheme, LIGHT_THEME_NAME, lightTheme } from './echart-themes';

echarts.use([BarChart, LineChart, PieChart, MapChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapPiecewiseComponent, CanvasRenderer]);
echarts.registerTheme(LIGHT_THEME_NAME, lightTheme);
echarts.registerTheme(DARK_THEME_NAME, darkTheme);

/** What a click handler receives: the clicked data item (builders put a drill id on each). */
export type ChartClick = { data?: unknown; name?: string; dataIndex?: number; seriesIndex?: number };

type Props = {
  option: EChartsOption;
  height: number | string;
  dark?: boolean;
  onClick?: (params: ChartClick) => void;
  testId?: string;
  ariaLabel?: string;
  style?: CSSProperties;
};

const registeredMaps = new Set<string>();

/** Register a GeoJSON map once per name; later calls with the same name are ignored. */
export function registerGeoMap(name: string, geoJson: unknown): void {
  if (registeredMaps.has(name)) return;
  echarts.registerMap(name, geoJson as Parameters<typeof echarts.registerMap>[1]);
  registeredMaps.add(name);
}

export function EChart({ option, height, dark = false, onClick, testId, ariaLabel, style }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  // The instance binds one click listener for its lifetime and reads the latest handler from here.
  const clickRef = useRef(onClick);
  useLayoutEffect(() => {
    clickRef.current = onClick;
  });

  // A theme is fixed at init, so switching to the big screen makes a new instance.
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const instance = echarts.init(el, dark ? DARK_THEME_NAME : LIGHT_THEME_NAME, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => clickRef.current?.(params as ChartClick));
    // Cards resize with the grid and the full-screen switch, not only with the window.
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => instance.resize());
    });
    observer.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [dark]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option, dark]);

  return (
    <div data-testid={testId} role="img" aria-label={ariaLabel} style={style}>
      <div ref={container} style={{ height, width: '100%', cursor: onClick ? 'pointer' : undefined }} />
    </div>
  );
}

import * as echarts from 'echarts';
import sharp from 'sharp';
import type { BulletinChart } from '../../domain';

// WenQuanYi Micro Hei is what the server has (fonts-wqy-microhei); librsvg in sharp finds it by family name.
const FONT = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif";
const COLORS: Record<string, string> = { 已完成: '#2f6fde', 正常推进: '#3ba272', 滞后: '#f2b705', 严重滞后: '#d9342b', 未启动: '#9aa4b1' };

// Drawn at the size it prints (about 16 cm wide) so that labels come out at 8–9 pt, rasterised at 2× for sharpness.
export const CHART_SIZE = { width: 640, height: 250 };
const DENSITY = 144;

/** An ECharts option for a bulletin chart: status as a bar per status, parts as horizontal bars of progress. */
function optionOf(chart: BulletinChart): echarts.EChartsCoreOption {
  const textStyle = { fontFamily: FONT, fontSize: 15, color: '#222' };
  if (chart.key === 'status') {
    return {
      animation: false,
      textStyle,
      grid: { left: 50, right: 20, top: 30, bottom: 36 },
      xAxis: { type: 'category', data: chart.data.map((d) => d.label), axisLabel: { fontFamily: FONT, fontSize: 15 } },
      yAxis: { type: 'value', name: chart.unit, nameTextStyle: { fontFamily: FONT, fontSize: 14 }, axisLabel: { fontFamily: FONT, fontSize: 14 } },
      series: [
        {
          type: 'bar',
          barWidth: '50%',
          label: { show: true, position: 'top', fontFamily: FONT, fontSize: 15 },
          data: chart.data.map((d) => ({ value: d.value, itemStyle: { color: COLORS[d.label] ?? '#2f6fde' } })),
        },
      ],
    };
  }
  const shortLabel = (s: string) => (s.length > 14 ? `${s.slice(0, 13)}…` : s);
  return {
    animation: false,
    textStyle,
    grid: { left: 215, right: 56, top: 10, bottom: 30 },
    xAxis: { type: 'value', max: 100, axisLabel: { fontFamily: FONT, fontSize: 14, formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: chart.data.map((d) => shortLabel(d.label)), axisLabel: { fontFamily: FONT, fontSize: 15 } },
    series: [{ type: 'bar', barWidth: '55%', itemStyle: { color: '#2f6fde' }, label: { show: true, position: 'right', fontFamily: FONT, fontSize: 14, formatter: '{c}%' }, data: chart.data.map((d) => d.value) }],
  };
}

/** SVG by ECharts' server-side renderer (no DOM, no canvas), then PNG by sharp: what Word and pdfmake embed. */
export async function renderChartPng(chart: BulletinChart): Promise<Buffer> {
  const height = chart.key === 'parts' ? Math.max(160, 40 + chart.data.length * 34) : CHART_SIZE.height;
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_SIZE.width, height });
  try {
    instance.setOption(optionOf(chart));
    const svg = instance.renderToSVGString();
    return await sharp(Buffer.from(svg), { density: DENSITY }).flatten({ background: '#ffffff' }).png().toBuffer();
  } finally {
    instance.dispose();
  }
}

// Two themes for the one wrapper: the office's daylight screens and the dark 大屏 on the meeting-room wall.
// Series colours that carry meaning (statuses) come from status-colors.ts, never from the palette.

const FONT = '-apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

export const LIGHT_THEME_NAME = 'shuangcheng-light';
export const DARK_THEME_NAME = 'shuangcheng-dark';

export const lightTheme = {
  color: ['#13a8a8', '#2f54eb', '#722ed1', '#fa8c16', '#a0d911', '#eb2f96'],
  backgroundColor: 'transparent',
  textStyle: { fontFamily: FONT, color: '#262626' },
  title: { textStyle: { color: '#262626' }, subtextStyle: { color: '#8c8c8c' } },
  legend: { textStyle: { color: '#595959' } },
  tooltip: { confine: true },
  categoryAxis: { axisLabel: { color: '#595959' }, axisLine: { lineStyle: { color: '#d9d9d9' } }, splitLine: { lineStyle: { color: '#f0f0f0' } } },
  valueAxis: { axisLabel: { color: '#8c8c8c' }, axisLine: { lineStyle: { color: '#d9d9d9' } }, splitLine: { lineStyle: { color: '#f0f0f0' } } },
  visualMap: { textStyle: { color: '#595959' } },
  map: { itemStyle: { areaColor: '#f5f5f5', borderColor: '#ffffff', borderWidth: 0.8 }, emphasis: { itemStyle: { areaColor: '#ffe58f' } } },
};

export const darkTheme = {
  color: ['#36cfc9', '#597ef7', '#9254de', '#ffa940', '#bae637', '#f759ab'],
  backgroundColor: 'transparent',
  textStyle: { fontFamily: FONT, color: '#d6e4ff' },
  title: { textStyle: { color: '#e6f4ff' }, subtextStyle: { color: '#8fa3bf' } },
  legend: { textStyle: { color: '#c9d6e8' }, pageTextStyle: { color: '#c9d6e8' } },
  tooltip: { confine: true, backgroundColor: 'rgba(10, 25, 48, 0.95)', borderColor: '#2f4b7c', textStyle: { color: '#e6f4ff' } },
  categoryAxis: { axisLabel: { color: '#c9d6e8' }, axisLine: { lineStyle: { color: '#3a4a63' } }, splitLine: { lineStyle: { color: '#1d2b45' } } },
  valueAxis: { axisLabel: { color: '#8fa3bf' }, axisLine: { lineStyle: { color: '#3a4a63' } }, splitLine: { lineStyle: { color: '#1d2b45' } } },
  // Labels drawn outside shapes get ECharts' automatic text border on dark backgrounds; switch it off.
  bar: { label: { color: '#d6e4ff', textBorderWidth: 0 } },
  pie: { itemStyle: { borderColor: '#0b1a30' }, label: { color: '#d6e4ff', textBorderWidth: 0 } },
  visualMap: { textStyle: { color: '#c9d6e8' } },
  map: { itemStyle: { areaColor: '#1b2a44', borderColor: '#3c5a88', borderWidth: 0.8 }, emphasis: { itemStyle: { areaColor: '#d4b106' } } },
};

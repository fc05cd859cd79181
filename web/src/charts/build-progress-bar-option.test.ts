import { describe, expect, it } from 'vitest';
import { enUS } from '../i18n/en-US';
import { zhCN } from '../i18n/zh-CN';
import { buildArticlesBarOption, buildKeyAreasBarOption, buildPartsBarOption, compareCodes } from './build-progress-bar-option';
import { shorten } from './chart-text';
import { drillPath, drillTargetOf } from './drill';
import type { StatusCounts } from './status-colors';
import { makeT } from './test-t';

const counts = (red = 0, green = 0): StatusCounts => ({ red, yellow: 0, green, not_started: 0, completed: 0, cancelled: 0 });
const article = (code: string, title: string, progressPct: number) => ({ nodeId: `id-${code}`, code, title, progressPct, counts: counts(1, 2) });

type Axis = { data: string[] };
type Series = { data: { id: string; value: number }[] };
type Tooltip = { formatter: (p: unknown) => string };
const seriesOf = (o: { series?: unknown }) => (o.series as Series[])[0]!.data;

describe('buildArticlesBarOption', () => {
  const articles = [
    article('3.1', '加强交通基础设施建设', 40),
    article('1.10', '第十条', 5),
    article('1.2', '牢牢把握总体思路', 75.5),
    article('1.1', '深刻领会重大意义', 100),
  ];

  it('lists articles top-down in outline order (reversed on the y axis), labelled code + short title', () => {
    const option = buildArticlesBarOption(articles, makeT(zhCN));
    expect((option.yAxis as Axis).data).toEqual(['3.1 加强交通基础设施…', '1.10 第十条', '1.2 牢牢把握总体思路', '1.1 深刻领会重大意义']);
    expect(seriesOf(option).map((d) => d.value)).toEqual([40, 5, 75.5, 100]);
    expect((option.xAxis as { max: number }).max).toBe(100);
  });

  it('draws the rest of each row as a clickable track with the same drill id', () => {
    const option = buildArticlesBarOption(articles, makeT(zhCN));
    const [bar, track] = option.series as Series[];
    expect(track!.data.map((d) => d.value)).toEqual([60, 95, 24.5, 0]);
    expect(track!.data.map((d) => d.id)).toEqual(bar!.data.map((d) => d.id));
  });

  it('sends a click to the article in the plan', () => {
    const data = seriesOf(buildArticlesBarOption(articles, makeT(zhCN)));
    const target = drillTargetOf({ data: data[0] });
    expect(target).toEqual({ kind: 'node', nodeId: 'id-3.1' });
    expect(drillPath(target!)).toBe('/plan/id-3.1');
  });

  it('shows the full title, progress and non-zero status counts in the tooltip, escaped', () => {
    const option = buildArticlesBarOption([article('2.1', '<b>成都</b>', 12)], makeT(enUS));
    const html = (option.tooltip as Tooltip).formatter({ dataIndex: 0 });
    expect(html).toContain('2.1 &lt;b&gt;成都&lt;/b&gt;');
    expect(html).toContain('Progress: 12%');
    expect(html).toContain('#cf1322');
    expect(html).toContain('Lagging 1');
    expect(html).toContain('On track 2');
    expect(html).not.toContain('Cancelled');
  });
});

describe('buildPartsBarOption', () => {
  it('draws parts as columns in code order', () => {
    const option = buildPartsBarOption([article('2', '推动重点区域协同发展加快成势', 20), article('1', '坚定以习近平总书记重要讲话精神指引', 10)], makeT(zhCN));
    expect((option.xAxis as Axis).data).toEqual(['1 坚定以习近平总书记重…', '2 推动重点区域协同发展…']);
    expect(seriesOf(option).map((d) => d.id)).toEqual(['node:id-1', 'node:id-2']);
  });
});

describe('buildKeyAreasBarOption', () => {
  const areas = [
    { key: 'transport', title: '加强交通基础设施建设', progressPct: 30, counts: counts() },
    { key: 'space', title: '航天合作', progressPct: 0, counts: counts() },
  ];

  it('labels key areas in the UI language, falling back to the payload title', () => {
    expect((buildKeyAreasBarOption(areas, makeT(enUS)).yAxis as Axis).data).toEqual(['航天合作', 'Transport infrastructure']);
    expect((buildKeyAreasBarOption(areas, makeT(zhCN)).yAxis as Axis).data).toEqual(['航天合作', '加强交通基础设施建设']);
  });

  it('sends a click to my tasks filtered by key area', () => {
    const data = seriesOf(buildKeyAreasBarOption(areas, makeT(zhCN)));
    expect(drillPath(drillTargetOf({ data: data[1] })!)).toBe('/my-tasks?keyArea=transport');
  });
});

describe('compareCodes', () => {
  it('orders outline codes numerically', () => {
    expect(['3.10', '3.9', '1', '1.2'].sort(compareCodes)).toEqual(['1', '1.2', '3.9', '3.10']);
  });
});

describe('shorten', () => {
  it('gives Latin text twice the letters of Chinese', () => {
    expect(shorten('加强交通基础设施建设', 8)).toBe('加强交通基础设施…');
    expect(shorten('Modern industry and more', 8)).toBe('Modern industry…');
    expect(shorten('短', 8)).toBe('短');
  });
});

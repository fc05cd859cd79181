import { describe, expect, it } from 'vitest';
import { parseAmountYi } from './amount';
import { planVsActual } from './plan-vs-actual';
import { schematicGeometry } from './schematic-geometry';
import { categoryFromText, oc4idsStatusOf, parseSectionHeading, parseYearSpan, phaseFromText, PROJECT_PHASES } from './project-codes';

describe('parseAmountYi', () => {
  it('reads the ways the annual lists write amounts, in 亿元', () => {
    expect(parseAmountYi('12.5亿元')).toBe(12.5);
    expect(parseAmountYi('125000万元')).toBe(12.5);
    expect(parseAmountYi('1.2万亿元')).toBe(12000);
    expect(parseAmountYi('12.5')).toBe(12.5);
    expect(parseAmountYi(692.73)).toBe(692.73);
    expect(parseAmountYi('1,250,000万元')).toBe(125);
    expect(parseAmountYi('１２.５亿')).toBe(12.5);
    expect(parseAmountYi('约 30 亿元')).toBe(30);
  });
  it('takes a bare number in the column unit', () => {
    expect(parseAmountYi('50000', '万元')).toBe(5);
    expect(parseAmountYi(50000, '万元')).toBe(5);
  });
  it('refuses what is not an amount', () => {
    expect(parseAmountYi('待定')).toBeNull();
    expect(parseAmountYi('12.5美元')).toBeNull();
    expect(parseAmountYi('')).toBeNull();
    expect(parseAmountYi(null)).toBeNull();
  });
});

describe('project codes', () => {
  it('maps every phase to an OC4IDS projectStatus code', () => {
    const codes = ['identification', 'preparation', 'implementation', 'completion', 'maintenance', 'decommissioning', 'decommissioned', 'cancelled'];
    for (const p of PROJECT_PHASES) expect(codes).toContain(oc4idsStatusOf(p));
    expect(oc4idsStatusOf('completed')).toBe('maintenance');
  });
  it('reads phases from data-file and workbook words', () => {
    expect(phaseFromText('under construction')).toBe('implementation');
    expect(phaseFromText('partly operating')).toBe('implementation');
    expect(phaseFromText('operating')).toBe('completed');
    expect(phaseFromText('续建')).toBe('implementation');
    expect(phaseFromText('前期')).toBe('preparation');
    expect(phaseFromText('whatever')).toBeNull();
  });
  it('reads section rows and categories', () => {
    expect(parseSectionHeading('一、交通基础设施（19个）')).toEqual({ title: '交通基础设施', count: 19 });
    expect(parseSectionHeading('十二、现代产业(7个)')).toEqual({ title: '现代产业', count: 7 });
    expect(parseSectionHeading('成渝中线高铁')).toBeNull();
    expect(categoryFromText('交通基础设施')).toBe('transport.road');
    expect(categoryFromText('成渝中线高铁')).toBe('transport.rail');
    expect(categoryFromText('科技创新')).toBe('innovation');
  });
  it('reads year spans', () => {
    expect(parseYearSpan('2021-2027')).toEqual({ startYear: 2021, endYear: 2027 });
    expect(parseYearSpan('2023年')).toEqual({ startYear: 2023, endYear: 2023 });
    expect(parseYearSpan('待定')).toBeNull();
  });
});

describe('planVsActual', () => {
  it('spreads each annual plan over its months and follows the reports', () => {
    const s = planVsActual(
      [{ year: 2025, amount: 12 }, { year: 2026, amount: 24 }],
      [
        { month: '2025-01', investmentMonth: 0.5, investmentCumulative: null },
        { month: '2025-02', investmentMonth: 1.5, investmentCumulative: null },
        { month: '2025-04', investmentMonth: null, investmentCumulative: 5 },
      ],
    );
    expect(s).toHaveLength(24);
    expect(s[0]).toEqual({ month: '2025-01', planned: 1, actual: 0.5 });
    expect(s[1]).toEqual({ month: '2025-02', planned: 2, actual: 2 });
    // No report in March: the actual line stays where it was.
    expect(s[2]).toEqual({ month: '2025-03', planned: 3, actual: 2 });
    expect(s[3]).toEqual({ month: '2025-04', planned: 4, actual: 5 });
    // After the last report there is no actual value yet.
    expect(s[4]!.actual).toBeNull();
    expect(s[11]!.planned).toBe(12);
    expect(s[23]!.planned).toBe(36);
  });
  it('is empty without plan or reports, and has no actual before the first report', () => {
    expect(planVsActual([], [])).toEqual([]);
    const s = planVsActual([{ year: 2025, amount: 12 }], [{ month: '2025-06', investmentMonth: 3, investmentCumulative: null }]);
    expect(s[4]!.actual).toBeNull();
    expect(s[5]!.actual).toBe(3);
  });
});

describe('schematicGeometry', () => {
  const nodes = [
    { id: 'st-chongqingbei', name: '重庆北站', kind: 'station' as const, divisionCode: null, lon: 106.55, lat: 29.61 },
    { id: 'st-chengdu', name: '成都站', kind: 'station' as const, divisionCode: '510100', lon: 104.07, lat: 30.7 },
    { id: '500151', name: '铜梁区', kind: 'seat' as const, divisionCode: '500151', lon: 106.05, lat: 29.84 },
    { id: '500111', name: '大足区', kind: 'seat' as const, divisionCode: '500111', lon: 105.72, lat: 29.7 },
    { id: '510100', name: '成都市', kind: 'seat' as const, divisionCode: '510100', lon: 104.06, lat: 30.67 },
  ];
  it('runs through the listed stations it can place', () => {
    const g = schematicGeometry(['重庆北', '铜梁', '大足石刻', '安岳', '成都'], [], nodes);
    expect(g.nodeIds).toEqual(['st-chongqingbei', '500151', '500111', 'st-chengdu']);
    expect(g.unplaced).toEqual(['安岳']);
    expect(g.geometry?.type).toBe('LineString');
  });
  it('falls back to the network links, one segment each', () => {
    const g = schematicGeometry(null, [{ from: '510100', to: '500151' }, { from: '500151', to: 'st-chongqingbei' }], nodes);
    expect(g.geometry?.type).toBe('MultiLineString');
    expect(g.geometry?.coordinates).toHaveLength(2);
    expect(schematicGeometry(null, [], nodes).geometry).toBeNull();
  });
});

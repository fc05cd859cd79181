import { describe, expect, it } from 'vitest';
import { readPublishedFigure } from './published-figure';

describe('published figures', () => {
  it('reads exact, approximate and scaled figures in 亿元', () => {
    expect(readPublishedFigure(5563)).toEqual({ value: 5563, kind: 'exact', text: null });
    expect(readPublishedFigure('约36000')).toEqual({ value: 36000, kind: 'approximate', text: '约36000' });
    expect(readPublishedFigure('7.5万亿元')).toMatchObject({ value: 75000, kind: 'approximate' });
    expect(readPublishedFigure('近6.3万亿元 (~6.3 trillion yuan)')).toMatchObject({ value: 63000, kind: 'approximate' });
    expect(readPublishedFigure('77587.99亿元; 占全国6.4%、西部30.2%; 增长3.0%')).toMatchObject({ value: 77587.99, kind: 'exact' });
  });
  it('keeps a bound as a gap with its text, and says when nothing can be read', () => {
    expect(readPublishedFigure('>20000')).toEqual({ value: null, kind: 'bound', text: '>20000' });
    expect(readPublishedFigure('超8.2万亿元')).toMatchObject({ value: null, kind: 'bound' });
    expect(readPublishedFigure(null)).toEqual({ value: null, kind: 'missing', text: null });
    expect(readPublishedFigure('全年数据未公布')).toMatchObject({ value: null, kind: 'unreadable' });
  });
});

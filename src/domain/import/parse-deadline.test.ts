import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDeadlineText, parseDeadline } from './parse-deadline';

describe('parseDeadline: dates', () => {
  it.each([
    ['2020年底前', '2020-12-31'],
    ['2020年年底前', '2020-12-31'],
    ['2020年末', '2020-12-31'],
    ['2021年6月底前', '2021-06-30'],
    ['2021年6月前', '2021-06-30'],
    ['2020年12月', '2020-12-31'],
    ['2024年2月底前', '2024-02-29'],
    ['2021年3月上旬', '2021-03-10'],
    ['2021年3月中旬', '2021-03-20'],
    ['2021年第一季度', '2021-03-31'],
    ['2021年一季度末', '2021-03-31'],
    ['2021年第3季度', '2021-09-30'],
    ['2021Q2', '2021-06-30'],
    ['2022年', '2022-12-31'],
    ['2022', '2022-12-31'],
    ['2022年上半年', '2022-06-30'],
    ['2022年下半年', '2022-12-31'],
    ['2021年6月30日', '2021-06-30'],
    ['2021-06-30', '2021-06-30'],
    ['2021.6.30', '2021-06-30'],
    ['2021.6', '2021-06-30'],
    ['2025年前', '2025-12-31'],
    ['到2025年', '2025-12-31'],
    ['２０２１年６月底前', '2021-06-30'],
    ['二〇二一年十二月底前', '2021-12-31'],
    ['2021年十二月', '2021-12-31'],
    ['2021 年 6 月底前', '2021-06-30'],
    ['2020—2022年', '2022-12-31'],
    ['2020-2022年', '2022-12-31'],
    ['2020年底前启动，2022年6月底前完成', '2022-06-30'],
  ])('%s → %s', (text, dueOn) => expect(parseDeadline(text)).toEqual({ kind: 'date', dueOn, text }));
});

describe('parseDeadline: ongoing, recurring, unknown', () => {
  it.each(['持续推进', '长期坚持', '持续', '长期', '常态化推进', '2020年起持续推进', '2021年起'])('%s → ongoing', (text) =>
    expect(parseDeadline(text)).toEqual({ kind: 'ongoing', text }),
  );

  it.each([
    ['每年12月底前', { every: 'year', month: 12 }],
    ['每年十二月底前', { every: 'year', month: 12 }],
    ['每年6月30日前', { every: 'year', month: 6, day: 30 }],
    ['每年年底', { every: 'year', month: 12 }],
    ['每年', { every: 'year' }],
    ['每季度末', { every: 'quarter' }],
    ['每季度结束后10日内', { every: 'quarter', day: 10 }],
    ['每月', { every: 'month' }],
    ['每月10日前', { every: 'month', day: 10 }],
  ])('%s → recurring %o', (text, rule) => expect(parseDeadline(text)).toEqual({ kind: 'recurring', rule, text }));

  it.each(['待定', '', '   ', '尽快', '2021年13月', '2021年2月30日', '每半年', '6月底前', '1234年'])('%s → unknown', (text) =>
    expect(parseDeadline(text)).toEqual({ kind: 'unknown', text: text.trim() }),
  );

  it('reads year-less forms against a default year', () => {
    expect(parseDeadline('6月底前', { defaultYear: 2021 })).toMatchObject({ kind: 'date', dueOn: '2021-06-30' });
    expect(parseDeadline('一季度末', { defaultYear: 2021 })).toMatchObject({ kind: 'date', dueOn: '2021-03-31' });
    expect(parseDeadline('年底前', { defaultYear: 2021 })).toMatchObject({ kind: 'date', dueOn: '2021-12-31' });
    expect(parseDeadline('上半年', { defaultYear: 2021 })).toMatchObject({ kind: 'date', dueOn: '2021-06-30' });
    expect(parseDeadline('待定', { defaultYear: 2021 }).kind).toBe('unknown');
  });

  it('keeps the original text, trimmed', () => expect(parseDeadline(' 2020年底前 \n').text).toBe('2020年底前'));
});

describe('formatDeadlineText', () => {
  it('writes the official style', () => expect(formatDeadlineText('2026-12-31')).toBe('2026年12月31日'));

  it('is read back as the same date', () =>
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(parseDeadline(formatDeadlineText(iso))).toMatchObject({ kind: 'date', dueOn: iso });
      }),
    ));

  it('never throws on arbitrary text', () => fc.assert(fc.property(fc.string(), (s) => void parseDeadline(s))));
});

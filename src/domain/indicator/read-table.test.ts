import { describe, expect, it } from 'vitest';
import { decodeText, parseCsv, readPeriod, readValue } from './read-table';

// 成都市 in GBK.
const GBK_CHENGDU = Uint8Array.from([0xb3, 0xc9, 0xb6, 0xbc, 0xca, 0xd0]);

describe('reading an imported table', () => {
  it('decodes UTF-8 with and without BOM, GBK, and refuses what fits none', () => {
    const utf8 = new TextEncoder().encode('成都市');
    expect(decodeText(utf8)).toEqual({ text: '成都市', encoding: 'utf-8' });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text: '成都市', encoding: 'utf-8-bom' });
    expect(decodeText(GBK_CHENGDU)).toEqual({ text: '成都市', encoding: 'gbk' });
    expect(decodeText(Uint8Array.from([0xff, 0xff, 0x00, 0x01, 0x81]))).toBeNull();
  });
  it('parses quoted fields, doubled quotes, line breaks and sniffs the delimiter', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n"two\nlines",3\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"'], ['two\nlines', '3']]);
    expect(parseCsv('a\tb\n1\t2')).toEqual([['a', 'b'], ['1', '2']]);
  });
  it('reads periods as written in each frequency', () => {
    expect(readPeriod('2019年', 'year')).toBe('2019');
    expect(readPeriod('2019', 'year')).toBe('2019');
    expect(readPeriod('2019-05', 'year')).toBeNull();
    expect(readPeriod('2024年第二季度', 'quarter')).toBe('2024-Q2');
    expect(readPeriod('2024Q3', 'quarter')).toBe('2024-Q3');
    expect(readPeriod('2024年5月', 'month')).toBe('2024-05');
    expect(readPeriod('2024-05-01', 'month')).toBe('2024-05');
    expect(readPeriod('2024-13', 'month')).toBeNull();
  });
  it('reads values with separators or the unit, keeps gaps as null, refuses text', () => {
    expect(readValue('17,012.65', '亿元')).toEqual({ ok: true, value: 17012.65 });
    expect(readValue('17012.65亿元', '亿元')).toEqual({ ok: true, value: 17012.65 });
    expect(readValue('', '亿元')).toEqual({ ok: true, value: null });
    expect(readValue('缺失', '亿元')).toEqual({ ok: true, value: null });
    expect(readValue('约2万亿', '亿元')).toEqual({ ok: false });
    expect(readValue('36.5%', '%')).toEqual({ ok: true, value: 36.5 });
  });
});

import { describe, expect, it } from 'vitest';
import { formatChineseNumber, parseChineseNumber } from './chinese-numerals';

describe('Chinese numerals', () => {
  it.each([['一', 1], ['十', 10], ['十二', 12], ['二十', 20], ['三十一', 31], ['二〇二〇', 2020], ['两', 2], ['2021', 2021], ['', null], ['十十', null], ['三百', null], ['一二十', null]])(
    'parse %j → %j', (text, n) => expect(parseChineseNumber(text)).toBe(n));

  it.each([[1, '一'], [10, '十'], [12, '十二'], [20, '二十'], [21, '二十一'], [99, '九十九']])('format %d → %s', (n, text) => {
    expect(formatChineseNumber(n)).toBe(text);
    expect(parseChineseNumber(text)).toBe(n);
  });
});

const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Characters that may make up a Chinese numeral as offices write them in dates and section numbers. */
export const CHINESE_NUMERAL_CHARS = '〇零一二两三四五六七八九十';

/**
 * 一 → 1, 十二 → 12, 三十一 → 31, 二〇二〇 → 2020 (a year is read digit by digit). Arabic digits pass
 * through. Null for anything else.
 */
export function parseChineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (!text || [...text].some((ch) => !CHINESE_NUMERAL_CHARS.includes(ch))) return null;
  const ten = text.indexOf('十');
  if (ten === -1) return Number([...text].map((ch) => DIGITS[ch]).join(''));
  if (text.indexOf('十', ten + 1) !== -1) return null;
  const tens = ten === 0 ? 1 : ten === 1 ? DIGITS[text[0]!] : undefined;
  const onesText = text.slice(ten + 1);
  const ones = onesText === '' ? 0 : onesText.length === 1 ? DIGITS[onesText] : undefined;
  if (tens === undefined || ones === undefined) return null;
  return tens * 10 + ones;
}

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (1–99), as in section numbers 一、二、… 十二、. */
export function formatChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const names = '〇一二三四五六七八九';
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return names[ones]!;
  return `${tens === 1 ? '' : names[tens]}十${ones === 0 ? '' : names[ones]}`;
}

import type { IsoDate } from '../schedule/iso-date';
import { CHINESE_NUMERAL_CHARS, parseChineseNumber } from './chinese-numerals';

export interface RecurrenceRule {
  every: 'year' | 'quarter' | 'month';
  /** 1–12, for a yearly rule. */
  month?: number;
  /** Day of the month; omitted means the last day of the month (or of the quarter). */
  day?: number;
}

export type Deadline =
  | { kind: 'date'; dueOn: IsoDate; text: string }
  | { kind: 'ongoing'; text: string }
  | { kind: 'recurring'; rule: RecurrenceRule; text: string }
  | { kind: 'unknown'; text: string };

export interface ParseDeadlineOptions {
  /** Year for forms that leave it out (6月底前, 一季度末, 年底前). Without it such text is 'unknown'. */
  defaultYear?: number;
}

const NUMERAL = `[${CHINESE_NUMERAL_CHARS}]+`;
const ONGOING = /持续|长期|常态化|久久为功/;
// A date followed by 起 / 开始 is when work starts, not when it is due (2020年起持续推进).
const START_MARKER = /^(起|开始|以来|以后|之后)/;

// One pass over the text, most specific form first. Groups: full date 1–3; quarter 4–5 or 6–7;
// month 8–10 (年/月) or 11–12 (2021.6); year with half / end 13–14.
const DATE_FORMS = new RegExp(
  [
    String.raw`(\d{4})(?:年|[-/.])(\d{1,2})(?:月|[-/.])(\d{1,2})[日号]?`,
    String.raw`(\d{4})年?第?([1-4])季度`,
    String.raw`(\d{4})年?[Qq]([1-4])`,
    String.raw`(\d{4})年(\d{1,2})月份?(上旬|中旬|下旬|底|末)?`,
    String.raw`(\d{4})[./-](\d{1,2})(?![\d./-])`,
    String.raw`(\d{4})年?(上半年|下半年|年中|年底|年末|底|末)?`,
  ].join('|'),
  'g',
);

const YEARLESS_FORMS: { re: RegExp; due: (m: RegExpExecArray, year: number) => IsoDate | null }[] = [
  { re: /(\d{1,2})月(\d{1,2})[日号]/, due: (m, y) => isoDate(y, Number(m[1]), Number(m[2])) },
  { re: /第?([1-4])季度/, due: (m, y) => quarterEnd(y, Number(m[1])) },
  { re: /(\d{1,2})月份?(上旬|中旬|下旬|底|末)?/, due: (m, y) => monthPart(y, Number(m[1]), m[2]) },
  { re: /上半年|年中/, due: (_m, y) => isoDate(y, 6, 30) },
  { re: /下半年|年底|年末/, due: (_m, y) => isoDate(y, 12, 31) },
];

/**
 * Reads the deadline column of a 任务分工表 as offices write it.
 *
 * - `2020年底前`, `2025年前`, `2022年` → the year's 12-31 ("by 2025" in planning language means by its end);
 * - `2021年6月底前`, `2020年12月`, `2021年6月前` → the month's last day; 上旬 / 中旬 → the 10th / 20th;
 * - `2021年第一季度`, `2021年一季度末`, `2021Q1` → the quarter's last day;
 * - `2022年上半年` → 06-30, `下半年` → 12-31;
 * - `2021年6月30日`, `2021-06-30` (also what an Excel date cell reads as) → that date;
 * - several dates (`2020年底前启动，2022年6月底前完成`) → the latest, since that is when the task is due;
 * - `持续推进`, `长期坚持`, `常态化`, or a start without an end (`2020年起`) → ongoing;
 * - `每年12月底前`, `每季度末`, `每月10日前` → recurring;
 * - anything else (`待定`) → unknown, keeping the text so the office can correct it.
 *
 * Chinese numerals (二〇二〇年, 十二月, 第三季度) and full-width digits are accepted.
 */
export function parseDeadline(text: string, opts: ParseDeadlineOptions = {}): Deadline {
  const original = text.trim();
  const t = normalise(original);
  if (!t) return { kind: 'unknown', text: original };

  const rule = parseRecurrence(t);
  if (rule) return { kind: 'recurring', rule, text: original };

  let latest: IsoDate | null = null;
  let startsOnly = false;
  for (const m of t.matchAll(DATE_FORMS)) {
    if (START_MARKER.test(t.slice(m.index + m[0].length))) {
      startsOnly = true;
      continue;
    }
    const due = dueFromMatch(m);
    if (due && (!latest || due > latest)) latest = due;
  }
  if (latest) return { kind: 'date', dueOn: latest, text: original };
  if (startsOnly || ONGOING.test(t)) return { kind: 'ongoing', text: original };

  if (opts.defaultYear !== undefined) {
    for (const form of YEARLESS_FORMS) {
      const m = form.re.exec(t);
      const due = m ? form.due(m, opts.defaultYear) : null;
      if (due) return { kind: 'date', dueOn: due, text: original };
    }
  }
  return { kind: 'unknown', text: original };
}

/** 2026-12-31 → 2026年12月31日, the style written back to a 任务分工表 when no original text is kept. */
export function formatDeadlineText(dueOn: IsoDate): string {
  const [y, m, d] = dueOn.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function normalise(text: string): string {
  // NFKC turns full-width digits and brackets into ASCII; numerals before 年/月/日/季度 become digits.
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(new RegExp(`(${NUMERAL})(?=年|月|日|号|季度)`, 'g'), (n) => String(parseChineseNumber(n) ?? n));
}

function parseRecurrence(t: string): RecurrenceRule | null {
  if (t.includes('每半年')) return null; // not expressible as one rule; left for the office
  let m: RegExpExecArray | null;
  if ((m = /每年(?:的)?(\d{1,2})月(?:(\d{1,2})[日号]|份|底|末)?/.exec(t))) {
    const month = Number(m[1]);
    if (month < 1 || month > 12) return null;
    return m[2] ? { every: 'year', month, day: Number(m[2]) } : { every: 'year', month };
  }
  if (/每年(?:年)?(?:底|末)/.test(t)) return { every: 'year', month: 12 };
  if (t.includes('每年')) return { every: 'year' };
  if (t.includes('每季')) {
    m = /每季度?\D*?(\d{1,2})[日号]/.exec(t);
    return m ? { every: 'quarter', day: Number(m[1]) } : { every: 'quarter' };
  }
  if ((m = /每(?:个)?月(?:(\d{1,2})[日号])?/.exec(t))) {
    return m[1] ? { every: 'month', day: Number(m[1]) } : { every: 'month' };
  }
  return null;
}

function dueFromMatch(m: RegExpExecArray): IsoDate | null {
  const g = (i: number) => m[i];
  if (g(1)) return isoDate(Number(g(1)), Number(g(2)), Number(g(3)));
  if (g(4)) return quarterEnd(Number(g(4)), Number(g(5)));
  if (g(6)) return quarterEnd(Number(g(6)), Number(g(7)));
  if (g(8)) return monthPart(Number(g(8)), Number(g(9)), g(10));
  if (g(11)) return monthPart(Number(g(11)), Number(g(12)), undefined);
  const year = Number(g(13));
  if (year < 1990 || year > 2100) return null; // a bare four-digit number that is not a year
  return g(14) === '上半年' || g(14) === '年中' ? isoDate(year, 6, 30) : isoDate(year, 12, 31);
}

function monthPart(year: number, month: number, part: string | undefined): IsoDate | null {
  if (part === '上旬') return isoDate(year, month, 10);
  if (part === '中旬') return isoDate(year, month, 20);
  return isoDate(year, month, lastDayOfMonth(year, month));
}

function quarterEnd(year: number, quarter: number): IsoDate | null {
  return isoDate(year, quarter * 3, lastDayOfMonth(year, quarter * 3));
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number): IsoDate | null {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

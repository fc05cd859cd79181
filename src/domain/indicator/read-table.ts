import { periodFromOrdinal, type IndicatorFrequency } from './period';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'gbk';

/**
 * Decodes a CSV as the office's tools write it: UTF-8 with or without BOM (WPS, Excel "CSV UTF-8"),
 * UTF-16 (Excel "Unicode text") or GBK (Excel's default "CSV" on a Chinese Windows). Null when none fits:
 * guessing further would put mojibake into the database.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return tryDecode(bytes.subarray(3), 'utf-8', 'utf-8-bom');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return tryDecode(bytes.subarray(2), 'utf-16le', 'utf-16le');
  return tryDecode(bytes, 'utf-8', 'utf-8') ?? tryDecode(bytes, 'gbk', 'gbk');
}

function tryDecode(bytes: Uint8Array, label: string, name: TextEncodingName) {
  try {
    const text = new TextDecoder(label, { fatal: true }).decode(bytes);
    // Control characters other than tab and line breaks mean a binary file, not text in this encoding.
    if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return null;
    return { text, encoding: name };
  } catch {
    return null;
  }
}

/** RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks. The delimiter is sniffed from the first line. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', '\t', ';'].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0]!.d;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows.map((r) => r.map((f) => f.trim()));
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 };

/** A period as people write it ('2019', '2019年', '2024Q1', '2024年第一季度', '2024-5', '2024年5月', '2024/05') in the indicator's frequency. */
export function readPeriod(raw: string, frequency: IndicatorFrequency): string | null {
  const t = raw.replace(/\s+/g, '').replace(/年度?$/, '年');
  let m: RegExpExecArray | null;
  if (frequency === 'year') {
    m = /^(\d{4})(?:年)?(?:\.0)?$/.exec(t);
    return m ? m[1]! : null;
  }
  if (frequency === 'quarter') {
    m = /^(\d{4})(?:年|-)?(?:Q|第)([1-4一二三四])(?:季度)?$/i.exec(t);
    return m ? `${m[1]}-Q${CN_DIGITS[m[2]!]}` : null;
  }
  m = /^(\d{4})(?:年|-|\/|\.)(\d{1,2})(?:月|-\d{1,2}(?:T.*)?|\/\d{1,2})?$/.exec(t);
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? periodFromOrdinal(Number(m[1]) * 12 + month - 1, 'month') : null;
}

const MISSING_MARKS = new Set(['', '-', '—', '－', '/', '缺失', '暂缺', '无数据', '未公布', 'NA', 'N/A', 'n/a', 'null']);

/**
 * A value cell: a number in the indicator's unit, optionally with thousands separators or the unit written
 * after it. A blank or a mark such as “缺失” records a known gap (null); anything else is unreadable.
 */
export function readValue(raw: string, unit: string): { ok: true; value: number | null } | { ok: false } {
  const t = raw.trim();
  if (MISSING_MARKS.has(t)) return { ok: true, value: null };
  const stripped = t.replace(/[,，\s]/g, '').replace(new RegExp(`${unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), '');
  if (!/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(stripped)) return { ok: false };
  return { ok: true, value: Number(stripped) };
}

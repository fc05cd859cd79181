export interface UnitMention {
  /** The unit as written, with brackets made full-width and spaces removed; not yet matched to the catalogue. */
  name: string;
  /** Marked （牵头） in the cell. */
  lead: boolean;
}

const SEPARATORS = new Set(['、', '，', ',', '；', ';', '\n', '\r']);
const LEAD_MARK = /[（【]牵头(?:单位)?[）】]$|(?<=.{2})牵头$/;
const DROP_SUFFIX = /[（【](?:配合|参与|按职责分工负责|按职责分工落实|按职责分工)[）】]$|(?<=.{2})等(?:单位|部门)?$/;

/**
 * Splits a unit cell such as `省发展改革委（牵头）、省交通运输厅；成都市等` into one mention per unit.
 * Separators are 、 ， , ； ; and line breaks, but only outside brackets, so `各县（市、区）` stays whole.
 * Brackets are made full-width, spaces (including the ideographic space) removed, and the suffixes
 * （牵头） / (牵头) / 牵头 (→ lead) and 等 / 等单位 / 等部门 dropped. A unit named twice is kept once.
 */
export function splitUnitCell(text: string): UnitMention[] {
  const out: UnitMention[] = [];
  for (const raw of splitOutsideBrackets(normaliseUnitText(text))) {
    let name = raw;
    let lead = false;
    for (let changed = true; changed; ) {
      changed = false;
      if (LEAD_MARK.test(name)) {
        name = name.replace(LEAD_MARK, '');
        lead = changed = true;
      }
      if (DROP_SUFFIX.test(name)) {
        name = name.replace(DROP_SUFFIX, '');
        changed = true;
      }
    }
    if (!name) continue;
    const seen = out.find((m) => m.name === name);
    if (seen) seen.lead ||= lead;
    else out.push({ name, lead });
  }
  return out;
}

/** Full-width brackets, no spaces; line breaks kept because they separate units. */
export function normaliseUnitText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0\u3000]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/\[/g, '【')
    .replace(/\]/g, '】');
}

function splitOutsideBrackets(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '（' || ch === '【') depth++;
    if ((ch === '）' || ch === '】') && depth > 0) depth--;
    if (depth === 0 && SEPARATORS.has(ch)) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

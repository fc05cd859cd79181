/**
 * Reads a figure as the sources publish it ("5563", "约36000", ">20000", "7.5万亿元", "超8.2万亿元; 占全国…")
 * into a value in 亿元. A bound ("超", ">", "不足") is not a value: it yields null with the text kept, so a
 * gap stays visible instead of being filled with the bound.
 */
export interface PublishedFigure {
  value: number | null;
  kind: 'exact' | 'approximate' | 'bound' | 'missing' | 'unreadable';
  /** The published text, kept when the value is approximate, a bound or unreadable. */
  text: string | null;
}

const MULTIPLIER: Record<string, number> = { 万亿: 10_000, 亿: 1, 万: 0.0001 };

export function readPublishedFigure(raw: number | string | null | undefined): PublishedFigure {
  if (raw === null || raw === undefined || raw === '') return { value: null, kind: 'missing', text: null };
  if (typeof raw === 'number') return Number.isFinite(raw) ? { value: raw, kind: 'exact', text: null } : { value: null, kind: 'unreadable', text: String(raw) };
  const text = raw.trim();
  const head = text.split(/[;；,，(（]/)[0]!.trim();
  const m = /^(约|近|超|>|≥|不足|<)?\s*([0-9]+(?:\.[0-9]+)?)\s*(万亿|亿|万)?元?$/.exec(head);
  if (!m) return { value: null, kind: 'unreadable', text };
  const qualifier = m[1] ?? '';
  const value = Number(m[2]) * MULTIPLIER[m[3] ?? '亿']!;
  if (['超', '>', '≥', '不足', '<'].includes(qualifier)) return { value: null, kind: 'bound', text };
  // Rounding the conversion keeps 7.5万亿 at 75000 rather than 75000.00000000001.
  const rounded = Math.round(value * 1e6) / 1e6;
  if (qualifier || m[3] === '万亿') return { value: rounded, kind: 'approximate', text };
  return { value: rounded, kind: 'exact', text: head === text ? null : text };
}

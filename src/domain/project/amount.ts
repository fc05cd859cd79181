/**
 * Money amounts as the annual lists write them, in 亿元 (10^8 yuan): "12.5亿元", "125000万元", "1.2万亿元",
 * "12.5" (the column's own unit). Thousands separators and full-width digits are accepted. Returns null for
 * text that is not an amount, so the import can name the cell.
 */
export function parseAmountYi(raw: unknown, defaultUnit: '亿元' | '万元' = '亿元'): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? toYi(raw, defaultUnit) : null;
  if (typeof raw !== 'string') return null;
  const text = raw
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '')
    .replace(/人民币|约|共计|合计/g, '');
  const m = /^(-?\d+(?:\.\d+)?)(万亿元?|亿元?|万元?|元)?$/.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2] ?? defaultUnit;
  if (unit.startsWith('万亿')) return round(n * 10_000);
  if (unit.startsWith('亿')) return round(n);
  if (unit.startsWith('万')) return round(n / 10_000);
  if (unit === '元') return round(n / 100_000_000);
  return toYi(n, defaultUnit);
}

const toYi = (n: number, unit: '亿元' | '万元') => round(unit === '万元' ? n / 10_000 : n);
// Six decimals in 亿元 is 100 yuan: enough, and it keeps 0.1 + 0.2 style noise out of the figures.
const round = (n: number) => Math.round(n * 1e6) / 1e6;

// Small text helpers shared by the option builders. Tooltips are HTML, and titles are typed by users.

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/**
 * Cut a label to about `max` Chinese characters of width: a CJK character counts 1, a Latin letter or digit
 * ½, so English labels get twice the letters. Counts code points, so no character is cut in half.
 */
export function shorten(text: string, max: number): string {
  let width = 0;
  let out = '';
  for (const ch of text) {
    width += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
    if (width > max) return `${out.trimEnd()}…`;
    out += ch;
  }
  return text;
}

export function formatPct(value: number): string {
  return `${Math.round(value * 10) / 10}%`;
}

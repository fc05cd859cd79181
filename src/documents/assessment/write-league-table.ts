import { Workbook } from '../exceljs-workbook';
import { GROUP_LABELS, type LeagueTable, type SchemeItem } from '../../domain/assessment';
import { toXlsxBuffer } from '../xlsx-safety';

export interface LeagueWorkbook {
  title: string;
  note: string;
  items: Pick<SchemeItem, 'id' | 'title' | 'maxPoints'>[];
  tables: LeagueTable[];
}

/** One sheet per group: rank, unit, total and each item's points, then every unit's lines as they read them. */
export async function writeLeagueTableWorkbook(w: LeagueWorkbook): Promise<Buffer> {
  const wb = new Workbook();
  for (const t of w.tables) {
    const s = wb.addWorksheet(GROUP_LABELS[t.group].zh);
    s.addRow([`${w.title} · ${GROUP_LABELS[t.group].zh}`]).font = { bold: true, size: 14 };
    s.addRow([w.note]);
    const head = s.addRow(['排名', '单位', '总分', ...w.items.map((i) => `${i.title}（${i.maxPoints}）`)]);
    head.font = { bold: true };
    for (const r of t.rows) s.addRow([r.rank, r.unitName, r.score, ...w.items.map((i) => r.lines.find((l) => l.itemId === i.id)?.points ?? null)]);
    s.columns.forEach((c, i) => (c.width = i === 1 ? 30 : 14));
    s.views = [{ state: 'frozen', ySplit: 3 }];
  }
  const d = wb.addWorksheet('得分说明');
  d.addRow(['单位', '考核项', '得分', '说明']).font = { bold: true };
  for (const t of w.tables) for (const r of t.rows) for (const l of r.lines) d.addRow([r.unitName, l.title, l.points, l.text.zh]);
  d.columns.forEach((c, i) => (c.width = i === 3 ? 80 : 20));
  if (!w.tables.length) wb.addWorksheet('空').addRow(['本期尚无考核结果']);
  // Unit names and the score explanations carry text typed by users (adjustment reasons): neutralised on the way out.
  return toXlsxBuffer(wb);
}

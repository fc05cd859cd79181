import { Workbook } from '../exceljs-workbook';
import type { BulletinContent } from '../../domain';
import { toXlsxBuffer } from '../xlsx-safety';

const sheetName = (caption: string, used: Set<string>) => {
  let name = caption.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
  for (let i = 2; used.has(name); i++) name = `${caption.slice(0, 28)}(${i})`;
  used.add(name);
  return name;
};

/** Every table behind a bulletin, one sheet each, with a cover sheet naming the bulletin. */
export async function writeBulletinXlsx(c: BulletinContent): Promise<Buffer> {
  const wb = new Workbook();
  wb.creator = c.meta.issuingBody;
  const used = new Set<string>();
  const cover = wb.addWorksheet(sheetName('说明', used));
  cover.columns = [{ width: 14 }, { width: 70 }];
  for (const [k, v] of [
    ['通报', c.meta.title],
    ['文号', c.meta.number],
    ['发文机关', c.meta.issuingBody],
    ['成文日期', c.dateText],
  ] as const)
    cover.addRow([k, v]);
  for (const t of c.tables) {
    const ws = wb.addWorksheet(sheetName(t.caption, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = t.columns.map((header, i) => ({ header, width: Math.max(8, Math.round((t.widths[i] ?? 10) * 1.4)) }));
    ws.getRow(1).font = { bold: true };
    for (const r of t.rows) ws.addRow(r);
    ws.eachRow((row) => (row.alignment = { vertical: 'top', wrapText: true }));
  }
  // A lagging reason typed as "=HYPERLINK(…)" by a unit stays words when the office opens the file.
  return toXlsxBuffer(wb);
}

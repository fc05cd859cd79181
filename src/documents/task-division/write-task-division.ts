import type ExcelJS from 'exceljs';
import { Workbook } from '../exceljs-workbook';
import { toXlsxBuffer } from '../xlsx-safety';
import { formatChineseNumber } from '../../domain/import';

export interface TaskDivisionWork {
  title: string;
  lead: string[];
  participants: string[];
  /** The deadline as the office wrote it; else `formatDeadlineText(dueOn)` (2026年12月31日). */
  deadlineText: string;
  note?: string;
}

export interface TaskDivisionTask extends TaskDivisionWork {
  works: TaskDivisionWork[];
}

export interface TaskDivisionExport {
  title: string;
  sections: { title: string; tasks: TaskDivisionTask[] }[];
}

export interface WriteTaskDivisionOptions {
  sheetName?: string;
  /** A second merged line under the title (附件 / issuing office / date). */
  subtitle?: string;
}

export const TASK_DIVISION_HEADERS = ['序号', '重点任务', '具体工作', '牵头单位', '配合单位', '完成时限', '备注'] as const;
const WIDTHS = [6, 28, 40, 22, 28, 16, 14];
const LAST_COL = TASK_DIVISION_HEADERS.length;
const FONT = '仿宋_GB2312';
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const SECTION_NUMBERED = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第.+?(?:部分|章|条))/;

/**
 * Writes a plan in the layout offices exchange, so `readTaskDivisionSheet` reads it back row for row:
 * a merged title (and optional subtitle), the header 序号 | 重点任务 | 具体工作 | 牵头单位 | 配合单位 |
 * 完成时限 | 备注, a merged row per section (numbered 一、二、… unless the title already is), then each
 * task: with works, 序号 and 重点任务 merged down over one row per work; without, one row carrying the
 * task's own units and deadline. Units are joined with 、. Tasks are numbered 1, 2, … through the sheet.
 */
export async function writeTaskDivisionSheet(tree: TaskDivisionExport, opts: WriteTaskDivisionOptions = {}): Promise<Buffer> {
  const wb = new Workbook();
  const ws = wb.addWorksheet(opts.sheetName ?? '任务分工', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = WIDTHS.map((width) => ({ width }));

  let r = 1;
  const banner = (text: string, size: number) => {
    ws.mergeCells(r, 1, r, LAST_COL);
    const cell = ws.getCell(r, 1);
    cell.value = text;
    cell.font = { name: FONT, size, bold: size > 12 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    ws.getRow(r).height = size > 12 ? 36 : 22;
    r++;
  };
  banner(tree.title, 18);
  if (opts.subtitle) banner(opts.subtitle, 12);

  const header = ws.getRow(r);
  TASK_DIVISION_HEADERS.forEach((h, i) => (header.getCell(i + 1).value = h));
  styleRow(ws, r, { bold: true, fill: 'FFD9E1F2', center: true });
  ws.views = [{ state: 'frozen', ySplit: r }];
  ws.pageSetup.printTitlesRow = `${r}:${r}`;
  r++;

  let seq = 0;
  tree.sections.forEach((section, i) => {
    ws.mergeCells(r, 1, r, LAST_COL);
    ws.getCell(r, 1).value = SECTION_NUMBERED.test(section.title) ? section.title : `${formatChineseNumber(i + 1)}、${section.title}`;
    styleRow(ws, r, { bold: true, fill: 'FFF2F2F2' });
    r++;
    for (const task of section.tasks) {
      seq++;
      const rows = task.works.length ? task.works : [null];
      const top = r;
      for (const work of rows) {
        const line = work ?? task;
        const row = ws.getRow(r);
        row.values = [seq, task.title, work ? work.title : '', line.lead.join('、'), line.participants.join('、'), line.deadlineText, line.note ?? ''];
        styleRow(ws, r, {});
        r++;
      }
      if (rows.length > 1) {
        ws.mergeCells(top, 1, r - 1, 1);
        ws.mergeCells(top, 2, r - 1, 2);
      }
    }
  });

  return toXlsxBuffer(wb);
}

function styleRow(ws: ExcelJS.Worksheet, r: number, o: { bold?: boolean; fill?: string; center?: boolean }): void {
  for (let c = 1; c <= LAST_COL; c++) {
    const cell = ws.getCell(r, c);
    cell.font = { name: FONT, size: 11, bold: o.bold ?? false };
    cell.border = THIN;
    cell.alignment = { vertical: 'middle', wrapText: true, horizontal: o.center || c === 1 || c === 6 ? 'center' : 'left' };
    if (o.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: o.fill } };
  }
}

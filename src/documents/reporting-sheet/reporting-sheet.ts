import type ExcelJS from 'exceljs';
import { Workbook } from '../exceljs-workbook';
import { ImportError } from '../../domain/import';
import { cellText } from '../task-division/read-task-division';
import { toXlsxBuffer } from '../xlsx-safety';
import { assertZipWithinLimits, ZipRefused } from '../zip-guard';

/** The columns of a unit's reporting sheet. `id` and `version` are hidden; they tie a row to a report and catch stale sheets. */
export const SHEET_COLUMNS = [
  { key: 'id', header: '报告ID', width: 12, hidden: true },
  { key: 'version', header: '版本', width: 6, hidden: true },
  { key: 'code', header: '编号', width: 10 },
  { key: 'title', header: '任务', width: 40 },
  { key: 'role', header: '角色', width: 8 },
  { key: 'state', header: '状态', width: 8 },
  { key: 'progressPct', header: '进度(%)', width: 10, editable: true },
  { key: 'narrative', header: '进展情况', width: 50, editable: true },
  { key: 'problems', header: '存在问题', width: 30, editable: true },
  { key: 'coordinationRequest', header: '需协调事项', width: 30, editable: true },
  { key: 'nextSteps', header: '下步打算', width: 30, editable: true },
] as const;
export type SheetKey = (typeof SHEET_COLUMNS)[number]['key'];

export interface SheetRow {
  id: string;
  version: number;
  code: string;
  title: string;
  role: string;
  state: string;
  progressPct: number | null;
  narrative: string | null;
  problems: string | null;
  coordinationRequest: string | null;
  nextSteps: string | null;
}

const HEADER_ROW = 3;
const MARKER = 'shuangcheng-reporting-sheet-v1';

/** A prefilled sheet: title, instructions, one row per report; editable columns unlocked, the rest protected against slips. */
export async function writeReportingSheet(meta: { cycleId: string; cycleLabel: string; unitName: string }, rows: readonly SheetRow[]): Promise<Buffer> {
  const wb = new Workbook();
  wb.creator = '双城';
  const ws = wb.addWorksheet('进展填报');
  ws.columns = SHEET_COLUMNS.map((c) => ({ key: c.key, width: c.width, hidden: 'hidden' in c && c.hidden }));
  ws.mergeCells(1, 1, 1, SHEET_COLUMNS.length);
  ws.getCell(1, 1).value = `${meta.unitName} ${meta.cycleLabel}进展报告填报表`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, SHEET_COLUMNS.length);
  ws.getCell(2, 1).value = '请只填写白色单元格（进度、进展情况、存在问题、需协调事项、下步打算），不要增删行列；填好后在系统“批量填报”中上传。';
  ws.getRow(HEADER_ROW).values = SHEET_COLUMNS.map((c) => c.header);
  ws.getRow(HEADER_ROW).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.eachRow((row, n) => {
    if (n <= HEADER_ROW) return;
    row.alignment = { wrapText: true, vertical: 'top' };
    SHEET_COLUMNS.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if ('editable' in c && c.editable) cell.protection = { locked: false };
      else cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    });
    row.getCell(7).dataValidation = { type: 'decimal', operator: 'between', allowBlank: true, formulae: [0, 100], showErrorMessage: true, error: '进度应为0到100之间的数' };
  });
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  wb.addWorksheet('meta', { state: 'veryHidden' }).addRow([MARKER, meta.cycleId]);
  return toXlsxBuffer(wb);
}

export class SheetFormatError extends Error {}

// Formulas read as their cached result, hyperlinks as their text, and our apostrophe mark is dropped:
// nothing from a sheet is ever stored as something a spreadsheet would execute on the way back out.
const text = (v: ExcelJS.CellValue): string => cellText(v);

/** Reads a filled-in sheet back: the cycle it belongs to and each row's cells as text, with Excel row numbers. */
export async function readReportingSheet(buf: Buffer): Promise<{ cycleId: string; rows: { row: number; cells: Record<SheetKey, string> }[] }> {
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) throw new SheetFormatError('not an xlsx file');
  try {
    assertZipWithinLimits(buf);
  } catch (err) {
    if (!(err instanceof ZipRefused)) throw err;
    if (err.kind === 'too_large') throw new ImportError('TOO_LARGE', { reason: err.reason });
    throw new SheetFormatError('not an xlsx file');
  }
  const wb = new Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new SheetFormatError('not an xlsx file');
  }
  const meta = wb.getWorksheet('meta');
  const ws = wb.getWorksheet('进展填报');
  if (!meta || !ws || text(meta.getCell(1, 1).value) !== MARKER) throw new SheetFormatError('not a reporting sheet from this platform');
  const rows: { row: number; cells: Record<SheetKey, string> }[] = [];
  ws.eachRow((row, n) => {
    if (n <= HEADER_ROW) return;
    const cells = Object.fromEntries(SHEET_COLUMNS.map((c, i) => [c.key, text(row.getCell(i + 1).value).trim()])) as Record<SheetKey, string>;
    if (cells.id) rows.push({ row: n, cells });
  });
  return { cycleId: text(meta.getCell(1, 2).value), rows };
}

import type ExcelJS from 'exceljs';
import { Workbook } from '../exceljs-workbook';
import '../exceljs-merges';
import { ImportError, parseTaskDivisionGrid, type ColumnMapping, type ParsedSheet, type SheetGrid } from '../../domain/import';
import { unsafeCellText } from '../xlsx-safety';
import { assertZipWithinLimits, ZipRefused } from '../zip-guard';

export interface ReadTaskDivisionOptions {
  /** Worksheet name, or 0-based position. Default: the first worksheet whose header can be found. */
  sheet?: string | number;
  /** Field → 1-based column, from the UI's column-mapping step; wins over the header. */
  mapping?: ColumnMapping;
  /** Force the header row (1-based) when its words are not recognised. */
  headerRow?: number;
  /** Rows with values allowed in the sheet (default 20,000). */
  maxRows?: number;
}

export const MAX_TASK_DIVISION_ROWS = 20_000;
// Wider sheets exist (hidden helper columns); nothing a 任务分工表 needs lies beyond this.
const MAX_COLUMNS = 50;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Reads one sheet of an uploaded 任务分工表 (.xlsx) into rows a preview can be built from
 * (`buildImportTree`). Merged cells read as their master, Excel dates become YYYY-MM-DD, rich text and
 * formula results become plain text. See `parseTaskDivisionGrid` for how the header and rows are found.
 *
 * Throws ImportError: NOT_XLSX (not a ZIP, or not a workbook — an old .xls or an encrypted file is
 * refused here), SHEET_NOT_FOUND, TOO_LARGE (more than `maxRows` rows with values), NO_HEADER, EMPTY.
 * The upload size itself is the HTTP edge's to limit.
 */
export async function readTaskDivisionSheet(buf: Buffer, opts: ReadTaskDivisionOptions = {}): Promise<ParsedSheet> {
  const wb = await loadWorkbook(buf);
  const sheets = wb.worksheets;
  const sheetNames = sheets.map((s) => s.name);
  if (!sheets.length) throw new ImportError('EMPTY', {});
  const maxRows = opts.maxRows ?? MAX_TASK_DIVISION_ROWS;
  const parse = (ws: ExcelJS.Worksheet) =>
    parseTaskDivisionGrid(toGrid(ws, sheetNames, maxRows), { mapping: opts.mapping, headerRow: opts.headerRow });

  if (opts.sheet !== undefined) {
    const ws = typeof opts.sheet === 'number' ? sheets[opts.sheet] : wb.getWorksheet(opts.sheet);
    if (!ws) throw new ImportError('SHEET_NOT_FOUND', { sheet: opts.sheet, sheetNames });
    return parse(ws);
  }
  // Offices often put a cover or 说明 sheet first: take the first sheet that reads as a table.
  let firstError: unknown;
  for (const ws of sheets) {
    try {
      return parse(ws);
    } catch (err) {
      if (!(err instanceof ImportError) || err.code === 'TOO_LARGE') throw err;
      firstError ??= err;
    }
  }
  throw firstError;
}

/** The worksheet names of a workbook, for a sheet picker. */
export async function listTaskDivisionSheets(buf: Buffer): Promise<string[]> {
  return (await loadWorkbook(buf)).worksheets.map((s) => s.name);
}

async function loadWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  if (buf.length < 4 || ZIP_MAGIC.some((b, i) => buf[i] !== b)) throw new ImportError('NOT_XLSX', { reason: 'not a zip file' });
  guardZip(buf);
  const wb = new Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (err) {
    throw new ImportError('NOT_XLSX', { reason: err instanceof Error ? err.message : String(err) });
  }
  return wb;
}

/** Refuses a zip bomb or a broken archive before exceljs unpacks it: as TOO_LARGE or NOT_XLSX. */
export function guardZip(buf: Buffer): void {
  try {
    assertZipWithinLimits(buf);
  } catch (err) {
    if (err instanceof ZipRefused) throw new ImportError(err.kind === 'too_large' ? 'TOO_LARGE' : 'NOT_XLSX', { reason: err.reason });
    throw err;
  }
}

function toGrid(ws: ExcelJS.Worksheet, sheetNames: string[], maxRows: number): SheetGrid {
  if (ws.actualRowCount > maxRows) throw new ImportError('TOO_LARGE', { sheet: ws.name, rows: ws.actualRowCount, maxRows });
  const cells: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // Only masters carry values; the parser spreads them over their merge.
      if (c <= MAX_COLUMNS && (!cell.isMerged || cell.master === cell)) out[c - 1] = cellText(cell.value);
    });
    cells[r - 1] = Array.from(out, (t) => t ?? '');
  });
  return { sheetName: ws.name, sheetNames, cells: Array.from(cells, (r) => r ?? []), merges: ws.model.merges ?? [] };
}

/** Plain text of any exceljs cell value. Dates are read at UTC, which is how exceljs decodes the serial. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const p = (n: number) => String(n).padStart(2, '0');
    return `${value.getUTCFullYear()}-${p(value.getUTCMonth() + 1)}-${p(value.getUTCDate())}`;
  }
  // A leading apostrophe is how our own exports mark text that looks like a formula (xlsx-safety.ts).
  if (typeof value === 'string') return unsafeCellText(value.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').trim());
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return cellText(value.richText.map((t) => t.text).join(''));
  if ('error' in value) return '';
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result);
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
  return '';
}

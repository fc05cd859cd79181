import { Workbook } from '../exceljs-workbook';
import '../exceljs-merges';
import { ImportError } from '../../domain/import';
import { cellText, guardZip } from '../task-division';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const MAX_ROWS = 5_000;
const MAX_COLUMNS = 30;

/** The first worksheet of an uploaded annual project list as a grid of text, each merge's value spread over all its cells. */
export async function readProjectListGrid(buf: Buffer): Promise<{ sheetName: string; cells: string[][] }> {
  if (buf.length < 4 || ZIP_MAGIC.some((b, i) => buf[i] !== b)) throw new ImportError('NOT_XLSX', { reason: 'not a zip file' });
  // A zip bomb is refused before exceljs unpacks it, as for the task import.
  guardZip(buf);
  const wb = new Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (err) {
    throw new ImportError('NOT_XLSX', { reason: err instanceof Error ? err.message : String(err) });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new ImportError('EMPTY', {});
  if (ws.actualRowCount > MAX_ROWS) throw new ImportError('TOO_LARGE', { sheet: ws.name, rows: ws.actualRowCount, maxRows: MAX_ROWS });
  const cells: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c <= MAX_COLUMNS) out[c - 1] = cell.isMerged && cell.master !== cell ? '' : cellText(cell.value);
    });
    cells[r - 1] = Array.from(out, (t) => t ?? '');
  });
  const grid = Array.from(cells, (r) => r ?? []);
  // A unit written once for several projects, or a section heading across the width, is a merge: each cell reads its master.
  for (const range of ws.model.merges ?? []) {
    const [a, b] = range.split(':') as [string, string];
    const tl = ws.getCell(a);
    const br = ws.getCell(b);
    const text = grid[Number(tl.row) - 1]?.[Number(tl.col) - 1] ?? '';
    for (let r = Number(tl.row); r <= Number(br.row); r++) {
      grid[r - 1] ??= [];
      for (let c = Number(tl.col); c <= Math.min(Number(br.col), MAX_COLUMNS); c++) grid[r - 1]![c - 1] = text;
    }
  }
  for (let i = 0; i < grid.length; i++) grid[i] = Array.from(grid[i] ?? [], (t) => t ?? '');
  return { sheetName: ws.name, cells: grid };
}

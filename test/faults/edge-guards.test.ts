import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTaskDivisionSheet } from '../../src/documents/task-division';
import { safeCell, toXlsxBuffer, unsafeCellText } from '../../src/documents/xlsx-safety';
import { assertZipWithinLimits, ZipRefused } from '../../src/documents/zip-guard';
import { buildZip, zipBombWorkbook } from './zip-kit';

async function smallWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('任务分工').addRow(['序号', '重点任务', '牵头单位']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const refusal = (f: () => void): ZipRefused => {
  try {
    f();
  } catch (e) {
    if (e instanceof ZipRefused) return e;
    throw e;
  }
  throw new Error('not refused');
};

describe('safeCell: exported text never reads as a formula', () => {
  it('marks text starting with = + - @ tab or CR, leaves numbers, dashes and ordinary text alone', () => {
    for (const hostile of ['=1+1', '=HYPERLINK("http://evil.example","点我")', "=cmd|' /C calc'!A0", '+SUM(A1:A9)', '-2+3', '@SUM(1)', '\t=1', '\r=1']) {
      expect(safeCell(hostile)).toBe(`'${hostile}`);
      expect(unsafeCellText(`'${hostile}`)).toBe(hostile);
    }
    for (const plain of ['推进成渝中线高铁', '-', '--', '-12.5', '+86', '50%', '', "'quoted"]) expect(safeCell(plain)).toBe(plain);
    expect(safeCell(42)).toBe(42);
    expect(unsafeCellText("'ordinary")).toBe("'ordinary");
  });

  it('toXlsxBuffer neutralises every text cell and replaces formula cells by their result', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.addRow(['=1+1', { formula: 'HYPERLINK("http://evil.example","x")', result: '=evil' }, { richText: [{ text: '@SUM(1)' }] }, { text: '=link', hyperlink: 'http://evil.example' }, 7]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await toXlsxBuffer(wb)) as unknown as ArrayBuffer);
    const row = back.worksheets[0]!.getRow(1);
    expect([1, 2, 3, 4, 5].map((c) => row.getCell(c).type)).not.toContain(ExcelJS.ValueType.Formula);
    expect(row.getCell(1).value).toBe("'=1+1");
    expect(row.getCell(2).value).toBe("'=evil");
    expect(JSON.stringify(row.getCell(3).value)).toContain("'@SUM(1)");
    expect(row.getCell(4).value).toBe("'=link");
    expect(row.getCell(5).value).toBe(7);
  });

  it('is the only way src/ writes a workbook for these exports', () => {
    // New xlsx writers must go through toXlsxBuffer; these are the exports this suite checks end to end.
    const checked = ['src/documents/task-division/write-task-division.ts', 'src/documents/network/write-network-workbook.ts', 'src/documents/reporting-sheet/reporting-sheet.ts', 'src/services/coordination/national-requests.ts'];
    const root = join(import.meta.dirname, '../..');
    for (const f of checked) {
      const src = readFileSync(join(root, f), 'utf8');
      expect(src, f).not.toContain('xlsx.writeBuffer(');
      expect(src, f).toContain('toXlsxBuffer(');
    }
  });

  it('every xlsx writer in src/ goes through it', () => {
    const root = join(import.meta.dirname, '../..');
    const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
    const bypass = walk(join(root, 'src'))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('xlsx-safety.ts'))
      .filter((f) => readFileSync(f, 'utf8').includes('xlsx.writeBuffer('))
      .map((f) => relative(root, f));
    expect(bypass, 'xlsx writers not using toXlsxBuffer').toEqual([]);
  });
});

describe('assertZipWithinLimits: a workbook is checked before exceljs unpacks it', () => {
  it('passes an ordinary workbook', async () => {
    expect(() => assertZipWithinLimits(buildZip([{ name: 'a.txt', data: Buffer.from('hello') }]))).not.toThrow();
    expect(() => assertZipWithinLimits(Buffer.alloc(0))).toThrow(ZipRefused);
  });

  it('refuses a zip bomb that declares its size, and one that lies about it', async () => {
    const xlsx = await smallWorkbook();
    const honest = zipBombWorkbook(xlsx, 100 * 1024 * 1024);
    expect(honest.length).toBeLessThan(1024 * 1024);
    expect(refusal(() => assertZipWithinLimits(honest))).toMatchObject({ kind: 'too_large' });
    const liar = zipBombWorkbook(xlsx, 100 * 1024 * 1024, true);
    expect(refusal(() => assertZipWithinLimits(liar))).toMatchObject({ kind: 'too_large', reason: expect.stringContaining('beyond its declared size') });
    await expect(readTaskDivisionSheet(liar)).rejects.toMatchObject({ code: 'TOO_LARGE' });
    await expect(readTaskDivisionSheet(honest)).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });

  it('refuses too many entries, truncated archives, and a text file with a zip signature', () => {
    const many = buildZip(Array.from({ length: 2_001 }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x'), store: true })));
    expect(refusal(() => assertZipWithinLimits(many))).toMatchObject({ kind: 'too_large' });
    const good = buildZip([{ name: 'a.txt', data: Buffer.alloc(10_000, 'a') }]);
    expect(refusal(() => assertZipWithinLimits(good.subarray(0, good.length - 30)))).toMatchObject({ kind: 'not_zip' });
    expect(refusal(() => assertZipWithinLimits(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 'x')])))).toMatchObject({ kind: 'not_zip' });
    const corrupt = Buffer.from(good);
    corrupt.fill(0xff, 40, 60);
    expect(refusal(() => assertZipWithinLimits(corrupt)).kind).toMatch(/not_zip|too_large/);
  });
});

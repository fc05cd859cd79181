import type ExcelJS from 'exceljs';

// A cell whose text starts with one of these is taken as a formula by Excel, LibreOffice and WPS once it
// is edited, pasted or saved as CSV (=cmd|' /C calc'!A0, =HYPERLINK(…), @SUM(…), +/- arithmetic). Tab and
// CR start the same attack after a CSV round trip.
const FORMULA_START = /^[=+\-@\t\r]/;
// Plain numbers and dash placeholders begin with + or - but cannot run anything: left as they are.
const HARMLESS = /^(?:[+-]?\d+(?:[.,]\d+)*%?|-+)$/;

/**
 * Text as it may go into an exported workbook: anything a spreadsheet would read as a formula gets a
 * leading apostrophe, Excel's own "this is text" mark. Every xlsx writer passes user-entered text through
 * here (directly, or through `toXlsxBuffer`, which applies it to every cell).
 */
export function safeCell<T>(value: T): T | string {
  if (typeof value !== 'string' || !FORMULA_START.test(value) || HARMLESS.test(value)) return value;
  return `'${value}`;
}

/** The reverse of `safeCell` for text read back from one of our own sheets, so an export → edit → import round trip keeps the original text. */
export function unsafeCellText(text: string): string {
  return text.length > 1 && text[0] === "'" && FORMULA_START.test(text.slice(1)) && !HARMLESS.test(text.slice(1)) ? text.slice(1) : text;
}

/**
 * Serialises a workbook after neutralising every text cell (plain, rich text, hyperlink text) with
 * `safeCell`, and refusing formula cells: our exports hold data, never something for Excel to execute.
 * The one way src/ writes xlsx (test/faults/hostile-files.test.ts checks the source for others).
 */
export async function toXlsxBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (typeof v === 'string') {
          const safe = safeCell(v);
          if (safe !== v) cell.value = safe;
        } else if (v && typeof v === 'object' && !(v instanceof Date)) {
          if ('formula' in v || 'sharedFormula' in v) {
            const result = (v as ExcelJS.CellFormulaValue).result;
            cell.value = result === undefined || (typeof result === 'object' && result !== null && !(result instanceof Date)) ? null : (safeCell(result) as ExcelJS.CellValue);
          } else if ('richText' in v) {
            cell.value = { richText: v.richText.map((t, i) => (i === 0 ? { ...t, text: safeCell(t.text) } : t)) };
          } else if ('hyperlink' in v) {
            // A link in an export is only ever ours to add; text from users never becomes one.
            cell.value = safeCell(String(v.text ?? ''));
          }
        }
      });
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

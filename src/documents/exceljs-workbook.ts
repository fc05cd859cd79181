import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

/**
 * exceljs's Workbook (the class `new ExcelJS.Workbook()` gives) without the rest of its entry point: the
 * package's index also loads the streaming reader and writer, which nothing here uses, and loading it
 * cost every server process ~260 ms and ~8 MB of heap at start against ~150 ms and ~3.5 MB for the
 * Workbook alone (bench/RESULTS.md, RSS with L). Same module as the index's `Workbook`, so its types hold.
 */
const require = createRequire(import.meta.url);
export const Workbook = require('exceljs/lib/doc/workbook.js') as typeof ExcelJS.Workbook;

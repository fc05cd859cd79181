import { createRequire } from 'node:module';

/**
 * exceljs 4.4 applies a loaded sheet's merges one by one, checking each against every merge applied
 * before it (`_mergeCellsInternal`): quadratic in the number of merges. A 任务分工表 merges each key
 * task down over its works, so 10,000 rows carry ~4,000 merges and loading spent ~0.8 s on that check
 * alone (bench/RESULTS.md, import scenario). This replaces the loader's step with the same work and the
 * same refusal of overlapping merges, checked through a set of covered cells (linear).
 * Private API: if a future exceljs renames it, the patch is skipped and loading is merely slower.
 */
const require = createRequire(import.meta.url);
type Range = { top: number; left: number; bottom: number; right: number };
type Cell = { address: string; merge(master: Cell, ignoreStyle: boolean): void };
type SheetLike = { getCell(r: number, c: number): Cell; _merges: Record<string, Range> };

try {
  const Worksheet = require('exceljs/lib/doc/worksheet.js') as { prototype: Record<string, unknown> };
  const RangeClass = require('exceljs/lib/doc/range.js') as new (args: unknown[]) => Range;
  if (typeof Worksheet.prototype._parseMergeCells === 'function') {
    Worksheet.prototype._parseMergeCells = function parseMergeCellsLinear(this: SheetLike, model: { mergeCells?: string[] }) {
      const covered = new Set<number>();
      for (const merge of model.mergeCells ?? []) {
        const d = new RangeClass([merge]);
        for (let r = d.top; r <= d.bottom; r++) {
          for (let c = d.left; c <= d.right; c++) {
            const key = r * 16_384 + c;
            if (covered.has(key)) throw new Error('Cannot merge already merged cells');
            covered.add(key);
          }
        }
        const master = this.getCell(d.top, d.left);
        for (let r = d.top; r <= d.bottom; r++) for (let c = d.left; c <= d.right; c++) if (r > d.top || c > d.left) this.getCell(r, c).merge(master, true);
        this._merges[master.address] = d;
      }
    };
  }
} catch {
  // exceljs laid out differently: keep its own loader.
}

import { ImportError } from './import-error';
import { matchHeaderField } from './map-header';
import {
  TASK_DIVISION_FIELDS,
  columnLetter,
  type ColumnMapping,
  type HeaderCell,
  type ParsedRow,
  type ParsedRowKind,
  type ParsedSheet,
  type TaskDivisionField,
} from './parsed-sheet';

/** A worksheet as plain text: what the xlsx reader hands to `parseTaskDivisionGrid`. */
export interface SheetGrid {
  sheetName: string;
  sheetNames: string[];
  /** cells[r-1][c-1] is the text of Excel cell (r, c); cells inside a merge may be '' (the master holds the value). */
  cells: readonly (readonly string[])[];
  /** Merge ranges as Excel writes them: 'A1:G1'. */
  merges: readonly string[];
}

export interface ParseGridOptions {
  /** Field → 1-based column, overriding what the header suggests (the UI's column-mapping step). */
  mapping?: ColumnMapping;
  /** Force the header row (1-based) when it cannot be found by its words. */
  headerRow?: number;
}

/** The header is looked for in the first rows only: offices put a title, a subtitle and a blank row above it. */
export const HEADER_SEARCH_ROWS = 15;
const MIN_HEADER_FIELDS = 2;
const SECTION_TEXT = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+(?:部分|章|条|节))/;
const SECTION_SEQ = /^(?:[一二三四五六七八九十]+、?|[（(][一二三四五六七八九十]+[）)])$/;
const NOTE_TEXT = /^(?:注|备注|说明|附注)\s*[\d一二三四五六七八九十]*\s*[：:、.．]/;

interface Merge {
  id: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}
/** The merge covering each cell, by `cellKey`. */
type MergeIndex = Map<number, Merge>;
// A number per cell (Excel has at most 16,384 columns): a 10,000-row sheet looks cells up ~200,000 times.
const cellKey = (r: number, c: number) => r * 16_384 + c;

/**
 * Reads a 任务分工表 from a text grid: resolves merges (every cell of a merge reads the master's text),
 * finds the header row among the first 15 by its words, maps columns by header synonyms (the caller's
 * `mapping` wins), and classifies each row below it as section, task, note or blank.
 *
 * - section: the row has one text, either merged across several columns or numbered 一、 / （一） /
 *   第一部分; or 序号 holds 一 / （一） and the row has one other text and no units or deadline;
 * - note: the first text starts 注： / 备注： / 说明：, and any one-text row after such a note;
 * - blank: nothing in any column; trailing blank rows are dropped;
 * - task: everything else.
 *
 * Throws ImportError NO_HEADER (with the top rows in `details.candidates`, for a manual choice) or EMPTY.
 */
export function parseTaskDivisionGrid(grid: SheetGrid, opts: ParseGridOptions = {}): ParsedSheet {
  const merges = grid.merges.map(parseRange).filter((m): m is Merge => m !== null);
  const mergeAt: MergeIndex = new Map();
  for (const m of merges) for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) mergeAt.set(cellKey(r, c), m);
  const width = Math.max(0, ...grid.cells.map((row) => row.length), ...merges.map((m) => m.right));
  let height = grid.cells.length;
  const raw = (r: number, c: number) => (grid.cells[r - 1]?.[c - 1] ?? '').trim();
  const text = (r: number, c: number) => {
    const m = mergeAt.get(cellKey(r, c));
    return m ? raw(m.top, m.left) : raw(r, c);
  };
  const rowTexts = (r: number) => Array.from({ length: width }, (_, i) => text(r, i + 1));
  while (height > 0 && rowTexts(height).every((t) => !t)) height--;
  if (height === 0) throw new ImportError('EMPTY', { sheet: grid.sheetName });

  const headerRow = opts.headerRow ?? findHeaderRow(height, rowTexts);
  if (headerRow === null) {
    const candidates = Array.from({ length: Math.min(HEADER_SEARCH_ROWS, height) }, (_, i) => ({ row: i + 1, cells: rowTexts(i + 1) }));
    throw new ImportError('NO_HEADER', { sheet: grid.sheetName, candidates });
  }

  const headers: HeaderCell[] = [];
  const auto: ColumnMapping = {};
  for (let c = 1; c <= width; c++) {
    const m = mergeAt.get(cellKey(headerRow, c));
    if (m && m.left !== c) continue; // a header merged across columns names the first of them
    const t = text(headerRow, c);
    if (!t) continue;
    const field = matchHeaderField(t);
    if (field && auto[field] === undefined) auto[field] = c;
    headers.push({ column: c, letter: columnLetter(c), text: t });
  }
  const columns = applyMapping(auto, opts.mapping ?? {});
  const fieldOf = new Map(Object.entries(columns).map(([f, c]) => [c, f as TaskDivisionField]));
  for (const h of headers) {
    const f = fieldOf.get(h.column);
    if (f) h.field = f;
  }
  const unmappedHeaders = headers.filter((h) => !h.field).map((h) => h.text);

  const rows: ParsedRow[] = [];
  let inNotes = false;
  for (let r = headerRow + 1; r <= height; r++) {
    const texts = rowTexts(r);
    const cells = Object.fromEntries(TASK_DIVISION_FIELDS.map((f) => [f, columns[f] ? text(r, columns[f]) : ''])) as Record<TaskDivisionField, string>;
    const distinct = [...new Set(texts.filter(Boolean))];
    const first = distinct[0] ?? '';
    const base = { row: r, cells };
    let kind: ParsedRowKind = 'task';
    let rowText: string | undefined;
    if (distinct.length === 0) kind = 'blank';
    else if (NOTE_TEXT.test(first) || (inNotes && distinct.length === 1)) {
      kind = 'note';
      rowText = distinct.join(' ');
      inNotes = true;
    } else if (distinct.length === 1 && (spansColumns(mergeAt, r, texts) || SECTION_TEXT.test(first))) {
      kind = 'section';
      rowText = first;
    } else if (columns.seq && SECTION_SEQ.test(cells.seq) && distinct.length === 2 && !cells.lead && !cells.participants && !cells.deadline) {
      kind = 'section';
      const title = distinct.find((t) => t !== cells.seq)!;
      rowText = /[、)）]$/.test(cells.seq) ? `${cells.seq}${title}` : `${cells.seq}、${title}`;
    }
    const row: ParsedRow = rowText === undefined ? { ...base, kind } : { ...base, kind, text: rowText };
    const km = columns.keyTask ? mergeAt.get(cellKey(r, columns.keyTask)) : undefined;
    if (kind === 'task' && km && km.bottom > km.top) row.keyTaskMergeId = km.id;
    rows.push(row);
  }
  if (!rows.some((r) => r.kind === 'task' || r.kind === 'section')) throw new ImportError('EMPTY', { sheet: grid.sheetName, headerRow });

  const titleAbove = Array.from({ length: headerRow - 1 }, (_, i) => rowTexts(i + 1).find(Boolean)).find(Boolean);
  const needsMapping = (columns.keyTask === undefined && columns.work === undefined) || columns.lead === undefined;
  return {
    sheetName: grid.sheetName,
    sheetNames: grid.sheetNames,
    ...(titleAbove ? { title: titleAbove } : {}),
    headerRow,
    columns,
    headers,
    unmappedHeaders,
    needsMapping,
    rows,
  };
}

/** The row among the first 15 naming the most distinct fields (at least 2); the first such row on a tie. */
function findHeaderRow(height: number, rowTexts: (r: number) => string[]): number | null {
  let best: { row: number; score: number } | null = null;
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, height); r++) {
    const fields = new Set(rowTexts(r).map(matchHeaderField).filter(Boolean));
    if (fields.size >= MIN_HEADER_FIELDS && (!best || fields.size > best.score)) best = { row: r, score: fields.size };
  }
  return best?.row ?? null;
}

/** A column given by the caller takes that column away from whichever field the header gave it to. */
function applyMapping(auto: ColumnMapping, mapping: ColumnMapping): ColumnMapping {
  const out: ColumnMapping = {};
  const taken = new Set(Object.values(mapping).filter((c): c is number => typeof c === 'number'));
  for (const f of TASK_DIVISION_FIELDS) {
    const given = mapping[f];
    if (typeof given === 'number' && given > 0) out[f] = given;
    else if (auto[f] !== undefined && !taken.has(auto[f])) out[f] = auto[f];
  }
  return out;
}

function spansColumns(mergeAt: MergeIndex, r: number, texts: string[]): boolean {
  const c = texts.findIndex(Boolean) + 1;
  const m = mergeAt.get(cellKey(r, c));
  return m !== undefined && m.right > m.left;
}

function parseRange(range: string): Merge | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(range.trim());
  if (!m) return null;
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [a, b] = [{ r: Number(m[2]), c: col(m[1]!) }, { r: Number(m[4] ?? m[2]), c: col(m[3] ?? m[1]!) }];
  return { id: range.trim().toUpperCase(), top: Math.min(a.r, b.r), left: Math.min(a.c, b.c), bottom: Math.max(a.r, b.r), right: Math.max(a.c, b.c) };
}

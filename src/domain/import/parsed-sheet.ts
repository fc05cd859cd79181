/**
 * The shape a 任务分工表 sheet is read into (by src/documents/task-division) before any matching.
 * Kept in the domain so `buildImportTree` can be tested with literal rows.
 */
export const TASK_DIVISION_FIELDS = ['seq', 'keyTask', 'work', 'lead', 'participants', 'deadline', 'note'] as const;
/** seq 序号 · keyTask 重点任务 · work 具体工作 · lead 牵头单位 · participants 配合单位 · deadline 完成时限 · note 备注 */
export type TaskDivisionField = (typeof TASK_DIVISION_FIELDS)[number];

/** Field → 1-based column number (A = 1). */
export type ColumnMapping = Partial<Record<TaskDivisionField, number>>;

export type ParsedRowKind = 'section' | 'task' | 'note' | 'blank';

export interface ParsedRow {
  /** 1-based Excel row number, as the office sees it. */
  row: number;
  kind: ParsedRowKind;
  /** Text of each mapped column ('' when empty or unmapped); merged cells read their master's value. */
  cells: Record<TaskDivisionField, string>;
  /** For section and note rows: the row's one text (a section numbered in 序号 gets the number prefixed). */
  text?: string;
  /** The merge range (e.g. 'B6:B8') when the 重点任务 cell is merged down over several rows; rows of one key task share it. */
  keyTaskMergeId?: string;
}

export interface HeaderCell {
  column: number;
  /** Column letter, A, B, … */
  letter: string;
  text: string;
  field?: TaskDivisionField;
}

export interface ParsedSheet {
  sheetName: string;
  /** Every worksheet in the workbook, so a UI can offer another. */
  sheetNames: string[];
  /** The first text above the header (usually the merged title row), if any. */
  title?: string;
  headerRow: number;
  columns: ColumnMapping;
  headers: HeaderCell[];
  /** Header texts no field was found for: offer a column-mapping step when these matter. */
  unmappedHeaders: string[];
  /** True when no title column (重点任务 / 具体工作) or no 牵头单位 column was found: ask the office to map columns. */
  needsMapping: boolean;
  rows: ParsedRow[];
}

export function columnLetter(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

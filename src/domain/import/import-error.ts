/**
 * Why an uploaded 任务分工表 was refused as a whole. Row-level trouble (an unknown unit, an unreadable
 * deadline) is never thrown: it comes back as an `ImportProblem` so the office can fix it in the preview.
 */
export const IMPORT_ERROR_CODES = ['NOT_XLSX', 'NO_HEADER', 'EMPTY', 'TOO_LARGE', 'SHEET_NOT_FOUND'] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'ImportError';
  }
}

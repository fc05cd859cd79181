import { z } from 'zod';
import { TASK_DIVISION_FIELDS } from '../../domain';

const ZMapping = z.partialRecord(z.enum(TASK_DIVISION_FIELDS), z.number().int().min(1).max(200));
/** The JSON in the multipart field `options`. */
export const ZImportOptions = z.strictObject({
  sheet: z.union([z.string().max(100), z.number().int().min(0).max(100)]).optional(),
  headerRow: z.number().int().min(1).max(50).optional(),
  mapping: ZMapping.optional(),
  resolutions: z
    .strictObject({
      units: z.record(z.string().max(200), z.array(z.string().max(64)).max(100)).optional(),
      sections: z.record(z.string().max(10), z.string().max(64)).optional(),
      skipRows: z.array(z.number().int().min(1)).max(20_000).optional(),
    })
    .optional(),
});

const ZProblem = z.object({ row: z.number().int(), column: z.string(), field: z.string(), code: z.string(), message_zh: z.string(), message_en: z.string(), value: z.string() });
export const ZImportPreview = z.object({
  sheetName: z.string(),
  sheetNames: z.array(z.string()),
  title: z.string().nullable(),
  headerRow: z.number().int(),
  columns: ZMapping,
  headers: z.array(z.object({ column: z.number().int(), letter: z.string(), text: z.string(), field: z.string().optional() })),
  needsMapping: z.boolean(),
  // The tree's shape is the domain's ImportTree (src/domain/import/build-import-tree.ts).
  tree: z.object({ nodes: z.array(z.any()), problems: z.array(ZProblem), notes: z.array(z.object({ row: z.number().int(), text: z.string() })) }),
  blocking: z.array(ZProblem),
  counts: z.object({ sections: z.number().int(), tasks: z.number().int(), subTasks: z.number().int() }),
  articles: z.array(z.object({ id: z.string(), code: z.string(), title: z.string() })),
});
export const ZImportResult = z.object({ tasks: z.number().int(), subTasks: z.number().int(), assignments: z.number().int() });

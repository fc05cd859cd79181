import { z } from 'zod';
import { ERROR_CODES } from '../../domain';

export const ZId = z.string().min(1).max(64);
export const ZIsoDate = z.iso.date();
export const ZVersion = z.coerce.number().int().min(1);

export const ZError = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

/** The error responses every authenticated route can give, declared once for the OpenAPI document. */
export const errorResponses = { 400: ZError, 401: ZError, 403: ZError, 404: ZError, 409: ZError, 422: ZError } as const;

const ZBoolString = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ZPaging = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  order: z.enum(['asc', 'desc']).default('asc'),
  q: z.string().trim().max(100).optional(),
};
export { ZBoolString };

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

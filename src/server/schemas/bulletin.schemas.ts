import { z } from 'zod';
import { BULLETIN_SECTION_KEYS } from '../../domain';
import { pageOf, ZId } from './common.schemas';

const FORMATS = ['docx', 'pdf', 'xlsx'] as const;
const STATES = ['draft', 'published'] as const;

export const ZBulletinParams = z.object({ id: ZId });
export const ZBulletinFileParams = z.object({ id: ZId, format: z.enum(FORMATS) });

const paging = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};
export const ZBulletinQuery = z.object({ ...paging, state: z.enum(STATES).optional(), cycleId: ZId.optional() });
export const ZDownloadQuery = z.object(paging);

// 文号 as GB/T 9704 writes it: 〔2026〕3号, optionally after an organ's abbreviation (川渝办〔2026〕3号).
const ZNumber = z
  .string()
  .trim()
  .regex(/^[\p{Script=Han}A-Za-z]{0,12}〔\d{4}〕\d{1,4}号$/u, { message: '文号格式应为〔2026〕3号' });
const ZSectionText = z.string().max(5000);
const ZSections = z.strictObject(Object.fromEntries(BULLETIN_SECTION_KEYS.map((k) => [k, ZSectionText.optional()])) as Record<(typeof BULLETIN_SECTION_KEYS)[number], z.ZodOptional<typeof ZSectionText>>);

const heading = {
  number: ZNumber.optional(),
  title: z.string().trim().min(1).max(200).optional(),
  issuingBody: z.string().trim().min(1).max(60).optional(),
};
export const ZGenerateBulletinBody = z.strictObject({ cycleId: ZId, ...heading });
export const ZUpdateBulletinBody = z.strictObject({ version: z.number().int().min(1), ...heading, sections: ZSections.optional() });
export const ZVersionBody = z.strictObject({ version: z.number().int().min(1) });
export const ZDeleteQuery = z.object({ version: z.coerce.number().int().min(1) });

export const ZBulletin = z.object({
  id: z.string(),
  planId: z.string(),
  cycleId: z.string(),
  cycleLabel: z.string(),
  cycleLabelEn: z.string(),
  number: z.string(),
  title: z.string(),
  issuingBody: z.string(),
  state: z.enum(STATES),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
});
export const ZBulletinPage = pageOf(ZBulletin);

const ZTable = z.object({ key: z.string(), caption: z.string(), columns: z.array(z.string()), rows: z.array(z.array(z.union([z.string(), z.number()]))), widths: z.array(z.number()) });
const ZBlock = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), level: z.union([z.literal(1), z.literal(2)]), text: z.string() }),
  z.object({ kind: z.literal('paragraph'), text: z.string(), lead: z.string().optional() }),
  z.object({ kind: z.literal('table'), table: ZTable }),
  z.object({ kind: z.literal('chart'), chart: z.object({ key: z.enum(['status', 'parts']), caption: z.string(), unit: z.enum(['%', '项']), data: z.array(z.object({ label: z.string(), value: z.number() })) }) }),
]);
const ZSectionsOut = z.object(Object.fromEntries(BULLETIN_SECTION_KEYS.map((k) => [k, z.string()])) as Record<(typeof BULLETIN_SECTION_KEYS)[number], z.ZodString>);

export const ZBulletinDetail = ZBulletin.extend({
  sections: ZSectionsOut,
  defaults: ZSectionsOut,
  asOf: z.string(),
  content: z.object({
    meta: z.object({ number: z.string(), title: z.string(), issuingBody: z.string(), issuedOn: z.string() }),
    blocks: z.array(ZBlock),
    tables: z.array(ZTable),
    dateText: z.string(),
  }),
  files: z.array(z.object({ format: z.enum(FORMATS), fileName: z.string(), size: z.number().int(), sha256: z.string() })),
});

export const ZBulletinDownloadPage = pageOf(
  z.object({ format: z.enum(FORMATS), userName: z.string(), displayName: z.string().nullable(), unitName: z.string().nullable(), draft: z.boolean(), at: z.string() }),
);

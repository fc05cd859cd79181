import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AGGREGATIONS, FREQUENCIES } from '../domain';
import { readDataFile, type LoadedFile } from './data-files';

const ZOperand = z.object({ indicator: z.string(), members: z.array(z.string()).optional(), region: z.string().optional() });
export const ZDerivation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('share'), division: z.string(), numerator: ZOperand, denominator: ZOperand, scale: z.number() }),
  z.object({ kind: z.literal('sum'), division: z.string(), operand: ZOperand }),
]);

const ZDefinitionsFile = z.object({
  meta: z.record(z.string(), z.unknown()),
  regions: z.array(z.object({ key: z.string(), nameZh: z.string(), nameEn: z.string(), members: z.union([z.array(z.string()), z.string(), z.null()]) }).loose()),
  indicators: z.array(
    z.object({
      code: z.string().regex(/^[a-z0-9_]+$/),
      nameZh: z.string(),
      nameEn: z.string(),
      unit: z.string(),
      frequency: z.enum(FREQUENCIES),
      aggregation: z.enum(AGGREGATIONS),
      divisionLevel: z.enum(['division', 'province', 'region']),
      direction: z.enum(['higher_is_better', 'lower_is_better']),
      ownerUnitKey: z.string().nullable().optional(),
      source: z.string().nullable().optional(),
      description: z.string().nullable().optional(),
      derivation: ZDerivation.optional(),
      list: z.enum(['projects', 'total_investment_100m_yuan', 'annual_plan_100m_yuan', 'completed_in_year_100m_yuan']).optional(),
    }),
  ),
});
export type DefinitionsFile = z.infer<typeof ZDefinitionsFile>;

const ZGdpFile = z.object({
  meta: z.record(z.string(), z.unknown()),
  records: z.array(
    z.object({ unit: z.string(), code: z.string(), year: z.number().int(), gdp_100m_yuan: z.number().nullable(), source: z.string().nullable(), reliability: z.string().nullable().optional(), note: z.string().optional() }).loose(),
  ),
});

const ZFigure = z.union([z.number(), z.string(), z.null()]);
const ZListsFile = z.object({
  annual_lists: z.array(
    z.object({
      year: z.number().int(),
      list: z.string(),
      projects: ZFigure,
      total_investment_100m_yuan: ZFigure,
      annual_plan_100m_yuan: ZFigure,
      completed_in_year_100m_yuan: ZFigure,
      completion_rate: z.string().optional(),
      source: z.union([z.array(z.string()), z.string()]),
    }).loose(),
  ),
});

const ZOutlineFile = z.object({
  scope: z.object({ gdp_2019: z.string(), source: z.string() }).loose(),
  monitoring_outcomes: z.array(z.object({ year: z.union([z.number(), z.string()]), indicator: z.string(), value: z.string(), source: z.string() })),
}).loose();

export interface IndicatorFiles {
  definitions: DefinitionsFile;
  gdp: z.infer<typeof ZGdpFile>;
  lists: z.infer<typeof ZListsFile>;
  outline: z.infer<typeof ZOutlineFile>;
}

/** The four indicator files as one shipped unit: a change to any of them reloads the indicators. */
export function readIndicatorFiles(): LoadedFile<IndicatorFiles> {
  const files = [
    readDataFile('indicators/definitions.json', ZDefinitionsFile),
    readDataFile('indicators/gdp.json', ZGdpFile),
    readDataFile('indicators/major-project-lists.json', ZListsFile),
    readDataFile('indicators/outline-scope.json', ZOutlineFile),
  ] as const;
  const checksum = createHash('sha256').update(files.map((f) => f.checksum).join(',')).digest('hex');
  return { path: files[0].path, checksum, data: { definitions: files[0].data, gdp: files[1].data, lists: files[2].data, outline: files[3].data } };
}

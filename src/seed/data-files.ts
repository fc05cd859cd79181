import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { projectRoot } from './project-root';

const ZSourceRef = z.object({ section: z.string().optional(), quote: z.string().optional() }).nullable().optional();

interface SeedNode {
  key: string;
  kind: 'part' | 'article' | 'task' | 'milestone';
  title: string;
  body?: string | null | undefined;
  keyArea?: string | null | undefined;
  sourceRef?: { section?: string | undefined; quote?: string | undefined } | null | undefined;
  children?: SeedNode[] | undefined;
}

const ZSeedNode: z.ZodType<SeedNode> = z.lazy(() =>
  z.object({
    key: z.string().min(1),
    kind: z.enum(['part', 'article', 'task', 'milestone']),
    title: z.string().min(1),
    body: z.string().nullable().optional(),
    keyArea: z.string().nullable().optional(),
    sourceRef: ZSourceRef,
    children: z.array(ZSeedNode).optional(),
  }),
);

const ZFact = z.object({ key: z.string(), title: z.string(), text: z.string() });
export const ZDecisionFile = z.object({
  meta: z.object({
    code: z.string(),
    title: z.string(),
    shortTitle: z.string(),
    adoptedOn: z.string(),
    issuer: z.string(),
    summary: z.string(),
    source: z.record(z.string(), z.unknown()),
  }),
  facts: z.object({ goals: z.array(ZFact), principles: z.array(ZFact), keyAreas: z.array(z.object({ key: z.string(), title: z.string() })) }),
  nodes: z.array(ZSeedNode),
});
export type DecisionFile = z.infer<typeof ZDecisionFile>;
export type { SeedNode };

export const ZUnitsFile = z.object({
  meta: z.record(z.string(), z.unknown()),
  units: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      fullName: z.string(),
      kind: z.enum(['office', 'department', 'central', 'city', 'county', 'enterprise', 'other']),
      side: z.enum(['sichuan', 'chongqing']),
      parentKey: z.string().nullable(),
      divisionCode: z.string().nullable(),
      aliases: z.array(z.string()),
    }),
  ),
});
export type UnitsFile = z.infer<typeof ZUnitsFile>;

const ZDivisionSource = z.record(z.string(), z.unknown());
export const ZDivisionsFile = z.object({
  sichuan_prefectures: z.array(
    z.object({ code: z.string(), name: z.string(), outline_scope: z.string().nullable().optional(), regional_central_city_2020: z.boolean().optional(), borders_chongqing: z.boolean().optional(), source: ZDivisionSource.optional() }).loose(),
  ),
  chongqing_districts_counties: z.array(
    z.object({ code: z.string(), name: z.string(), outline_scope: z.string().nullable().optional(), borders_sichuan: z.boolean().optional(), source: ZDivisionSource.optional() }).loose(),
  ),
});

export const ZPlatformsFile = z.object({
  platforms: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      cluster: z.string().nullable().optional(),
      members: z.object({ sichuan: z.array(z.string()).default([]), chongqing: z.array(z.string()).default([]) }).loose(),
      focus: z.string().nullable().optional(),
      source: z.unknown().optional(),
    }).loose(),
  ),
});

export interface LoadedFile<T> {
  path: string;
  checksum: string;
  data: T;
}

/** Reads and validates a shipped data file; a malformed file stops the load with the file name and the bad fields. */
export function readDataFile<T>(relative: string, schema: z.ZodType<T>): LoadedFile<T> {
  const path = join(projectRoot(), 'data', relative);
  const text = readFileSync(path, 'utf8');
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(`${relative}: ${parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return { path, checksum: createHash('sha256').update(text).digest('hex'), data: parsed.data };
}

const ZNetworkLinkFile = z
  .object({
    id: z.string(),
    from: z.string(),
    to: z.string(),
    mode: z.enum(['hsr', 'rail', 'suburban', 'expressway', 'air', 'access']),
    line: z.string().nullable(),
    minutes: z.number().nullable(),
    minutesNote: z.string().optional(),
    headwayMinutes: z.number().nullable().optional(),
    status: z.enum(['open', 'under_construction', 'planned']),
    openFrom: z.string().nullable(),
    plannedOpening: z.string().nullable(),
    closedFrom: z.string().nullable(),
    projectId: z.string().nullable(),
    source: z.array(z.string()),
    reliability: z.string().optional(),
    oneWay: z.boolean().optional(),
  })
  .loose();
export const ZNetworkFile = z.object({
  meta: z.record(z.string(), z.unknown()),
  nodes: z.array(
    z.object({ id: z.string(), name: z.string(), kind: z.enum(['seat', 'station']), divisionCode: z.string().nullable(), lon: z.number(), lat: z.number(), positionSource: z.string().optional(), note: z.string().optional() }).loose(),
  ),
  links: z.array(ZNetworkLinkFile),
  targets: z.array(z.object({ id: z.string() }).loose()),
});
export type NetworkFile = z.infer<typeof ZNetworkFile>;

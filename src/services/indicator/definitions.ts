import { randomUUID } from 'node:crypto';
import { DomainError, derivationInputs, isPeriodOf, type IndicatorAggregation, type IndicatorDerivation, type IndicatorDirection, type IndicatorFrequency, type ExplainLang } from '../../domain';
import { readJson, writeJson } from '../../db/json';
import { containsText } from '../../db/queries/like';
import type { Executor } from '../../db/schema';
import { inTransaction, nowIso, type Actor, type ServiceContext } from '../context';
import type { Page } from '../paging';
import { loadDivisionCatalogue } from './regions';
import { writeVersioned } from '../versioned-update';

export type DivisionLevel = 'division' | 'province' | 'region';

export interface Indicator {
  id: string;
  code: string;
  /** The name in the caller's language. */
  name: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  frequency: IndicatorFrequency;
  aggregation: IndicatorAggregation;
  divisionLevel: DivisionLevel;
  direction: IndicatorDirection;
  source: string | null;
  description: string | null;
  ownerUnitId: string | null;
  ownerUnitName: string | null;
  derivation: IndicatorDerivation | null;
  derived: boolean;
  shipped: boolean;
  version: number;
  updatedAt: string;
}

export interface IndicatorFields {
  code: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  frequency: IndicatorFrequency;
  aggregation: IndicatorAggregation;
  divisionLevel: DivisionLevel;
  direction: IndicatorDirection;
  source: string | null;
  description: string | null;
  ownerUnitId: string | null;
  derivation: IndicatorDerivation | null;
}

export interface IndicatorFilter {
  q?: string | undefined;
  frequency?: IndicatorFrequency | undefined;
  ownerUnitId?: string | undefined;
  derived?: boolean | undefined;
}

export type IndicatorListItem = Indicator & { observationCount: number; latestPeriod: string | null };

const SORTS = { code: 'indicator.code', name: 'indicator.name_zh', frequency: 'indicator.frequency', updatedAt: 'indicator.updated_at' } as const;
export type IndicatorSort = keyof typeof SORTS;

function baseQuery(db: Executor) {
  return db.selectFrom('indicator').leftJoin('unit', 'unit.id', 'indicator.owner_unit_id').selectAll('indicator').select('unit.name as owner_name');
}
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toIndicator(r: Row, lang: ExplainLang): Indicator {
  const derivation = readJson<IndicatorDerivation | null>(r.derivation, null);
  return {
    id: r.id,
    code: r.code,
    name: lang === 'en' ? r.name_en : r.name_zh,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    unit: r.unit,
    frequency: r.frequency as IndicatorFrequency,
    aggregation: r.aggregation as IndicatorAggregation,
    divisionLevel: r.division_level as DivisionLevel,
    direction: r.direction as IndicatorDirection,
    source: r.source,
    description: r.description,
    ownerUnitId: r.owner_unit_id,
    ownerUnitName: r.owner_name ?? null,
    derivation,
    derived: derivation !== null,
    shipped: Boolean(r.shipped),
    version: Number(r.version),
    updatedAt: r.updated_at,
  };
}

export async function requireIndicator(db: Executor, id: string, lang: ExplainLang = 'zh', version?: number): Promise<Indicator> {
  const row = await baseQuery(db).where('indicator.id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('INDICATOR_NOT_FOUND', { indicatorId: id });
  if (version !== undefined && Number(row.version) !== version) throw new DomainError('VERSION_CONFLICT', { indicatorId: id, expected: version, actual: Number(row.version) });
  return toIndicator(row, lang);
}

export async function indicatorsByCode(db: Executor, codes: string[], lang: ExplainLang = 'zh'): Promise<Map<string, Indicator>> {
  if (!codes.length) return new Map();
  const rows = await baseQuery(db).where('indicator.code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.code, toIndicator(r, lang)]));
}

export async function indicatorsById(db: Executor, ids: string[], lang: ExplainLang = 'zh'): Promise<Indicator[]> {
  if (!ids.length) return [];
  return (await baseQuery(db).where('indicator.id', 'in', ids).orderBy('indicator.code').execute()).map((r) => toIndicator(r, lang));
}

export async function listIndicators(
  ctx: ServiceContext,
  f: IndicatorFilter,
  page: { page: number; pageSize: number; sort?: IndicatorSort | undefined; order: 'asc' | 'desc' },
  lang: ExplainLang,
): Promise<Page<IndicatorListItem>> {
  let q = baseQuery(ctx.db);
  if (f.q) q = q.where((eb) => eb.or([containsText(eb.ref('indicator.code'), f.q!), containsText(eb.ref('indicator.name_zh'), f.q!), containsText(eb.ref('indicator.name_en'), f.q!)]));
  if (f.frequency) q = q.where('indicator.frequency', '=', f.frequency);
  if (f.ownerUnitId) q = q.where('indicator.owner_unit_id', '=', f.ownerUnitId);
  if (f.derived !== undefined) q = q.where('indicator.derivation', f.derived ? 'is not' : 'is', null);
  const [{ n }, rows] = await Promise.all([
    q.clearSelect().select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    q.orderBy(SORTS[page.sort ?? 'code'], page.order).orderBy('indicator.id').limit(page.pageSize).offset((page.page - 1) * page.pageSize).execute(),
  ]);
  const ids = rows.map((r) => r.id);
  // One grouped query for the whole page: how many observations each has and its latest period with a value.
  const stats = ids.length
    ? await ctx.db
        .selectFrom('indicator_observation')
        .select(['indicator_id', (eb) => eb.fn.countAll().as('n'), (eb) => eb.fn.max(eb.case().when('value', 'is not', null).then(eb.ref('period')).end()).as('latest')])
        .where('indicator_id', 'in', ids)
        .groupBy('indicator_id')
        .execute()
    : [];
  const byId = new Map(stats.map((s) => [s.indicator_id, s]));
  return {
    items: rows.map((r) => ({ ...toIndicator(r, lang), observationCount: Number(byId.get(r.id)?.n ?? 0), latestPeriod: (byId.get(r.id)?.latest as string | null | undefined) ?? null })),
    total: Number(n),
    page: page.page,
    pageSize: page.pageSize,
  };
}

/** A derived indicator reads observed indicators of the same frequency, over known divisions and regions. */
async function assertDerivation(db: Executor, d: IndicatorDerivation | null, frequency: IndicatorFrequency, selfCode: string) {
  if (!d) return;
  const inputs = derivationInputs(d);
  const found = await indicatorsByCode(db, inputs);
  const bad = (path: string, reason: string) => new DomainError('VALIDATION_FAILED', { field: `derivation.${path}`, reason });
  for (const code of inputs) {
    const input = found.get(code);
    if (!input || code === selfCode) throw bad('indicator', `unknown input ${code}`);
    if (input.derived) throw bad('indicator', `${code} is itself derived`);
    if (input.frequency !== frequency) throw bad('indicator', `${code} is ${input.frequency}, not ${frequency}`);
  }
  const cat = await loadDivisionCatalogue(db);
  const operands = d.kind === 'sum' ? [d.operand] : [d.numerator, d.denominator];
  for (const op of operands) {
    if (op.region && !cat.regions.has(op.region)) throw bad('region', `unknown region ${op.region}`);
    if (!op.region && !op.members?.length) throw bad('members', 'members or region required');
    for (const m of op.members ?? []) if (!cat.names.has(m)) throw bad('members', `unknown division ${m}`);
  }
  if (!cat.names.has(d.division)) throw bad('division', `unknown division ${d.division}`);
}

async function assertOwner(db: Executor, unitId: string | null) {
  if (!unitId) return;
  const u = await db.selectFrom('unit').select('id').where('id', '=', unitId).executeTakeFirst();
  if (!u) throw new DomainError('UNIT_NOT_FOUND', { unitIds: [unitId] });
}

const columns = (f: Partial<IndicatorFields>) => ({
  ...(f.nameZh !== undefined && { name_zh: f.nameZh }),
  ...(f.nameEn !== undefined && { name_en: f.nameEn }),
  ...(f.unit !== undefined && { unit: f.unit }),
  ...(f.frequency !== undefined && { frequency: f.frequency }),
  ...(f.aggregation !== undefined && { aggregation: f.aggregation }),
  ...(f.divisionLevel !== undefined && { division_level: f.divisionLevel }),
  ...(f.direction !== undefined && { direction: f.direction }),
  ...(f.source !== undefined && { source: f.source }),
  ...(f.description !== undefined && { description: f.description }),
  ...(f.ownerUnitId !== undefined && { owner_unit_id: f.ownerUnitId }),
  ...(f.derivation !== undefined && { derivation: f.derivation ? writeJson(f.derivation) : null }),
});

export async function createIndicator(ctx: ServiceContext, actor: Actor, input: IndicatorFields, lang: ExplainLang): Promise<Indicator> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const clash = await tx.selectFrom('indicator').select('id').where('code', '=', input.code).executeTakeFirst();
    if (clash) throw new DomainError('INDICATOR_EXISTS', { code: input.code });
    await assertOwner(tx, input.ownerUnitId);
    await assertDerivation(tx, input.derivation, input.frequency, input.code);
    const id = randomUUID();
    const at = nowIso(ctx);
    await tx
      .insertInto('indicator')
      .values({ id, code: input.code, ...columns(input), name_zh: input.nameZh, name_en: input.nameEn, unit: input.unit, frequency: input.frequency, aggregation: input.aggregation, division_level: input.divisionLevel, shipped: 0, user_edited: 1, version: 1, created_at: at, updated_at: at })
      .execute();
    await audit('indicator.create', 'indicator', id, null, input);
    return requireIndicator(tx, id, lang);
  });
}

export async function updateIndicator(ctx: ServiceContext, actor: Actor, id: string, input: Partial<Omit<IndicatorFields, 'code'>> & { version: number }, lang: ExplainLang): Promise<Indicator> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const before = await requireIndicator(tx, id, lang, input.version);
    const { version, ...patch } = input;
    if (patch.ownerUnitId !== undefined) await assertOwner(tx, patch.ownerUnitId);
    const frequency = patch.frequency ?? before.frequency;
    if (patch.frequency && patch.frequency !== before.frequency) {
      const periods = await tx.selectFrom('indicator_observation').select('period').where('indicator_id', '=', id).union(tx.selectFrom('indicator_target').select('period').where('indicator_id', '=', id)).execute();
      const clash = periods.find((p) => !isPeriodOf(p.period, patch.frequency!));
      if (clash) throw new DomainError('VALIDATION_FAILED', { field: 'frequency', reason: `period ${clash.period} does not fit ${patch.frequency}` });
    }
    const derivation = patch.derivation !== undefined ? patch.derivation : before.derivation;
    if (patch.derivation !== undefined || patch.frequency !== undefined) await assertDerivation(tx, derivation, frequency, before.code);
    if (derivation && !before.derived) {
      const has = await tx.selectFrom('indicator_observation').select('id').where('indicator_id', '=', id).limit(1).executeTakeFirst();
      if (has) throw new DomainError('VALIDATION_FAILED', { field: 'derivation', reason: 'the indicator has observations' });
    }
    await writeVersioned(tx.updateTable('indicator').set({ ...columns(patch), user_edited: 1, version: version + 1, updated_at: nowIso(ctx) }).where('id', '=', id).where('version', '=', version), { indicatorId: id });
    const changed = Object.keys(patch) as (keyof typeof patch)[];
    await audit('indicator.update', 'indicator', id, Object.fromEntries(changed.map((k) => [k, before[k]])), patch);
    return requireIndicator(tx, id, lang);
  });
}

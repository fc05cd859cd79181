import { randomUUID } from 'node:crypto';
import { DomainError, isPeriodOf, type ExplainLang } from '../../domain';
import type { Executor } from '../../db/schema';
import { inTransaction, nowIso, type Actor, type ServiceContext } from '../context';
import { requireIndicator, type Indicator } from './definitions';
import { loadDivisionCatalogue } from './regions';
import { writeVersioned } from '../versioned-update';

export interface ObservationInput {
  divisionCode: string;
  period: string;
  value: number | null;
  source: string | null;
  reliability: string | null;
  note: string | null;
  /** The version the office saw; required to change an existing observation. */
  version?: number | undefined;
}

export interface TargetInput {
  divisionCode: string;
  period: string;
  value: number;
  source: string | null;
  version?: number | undefined;
}

export async function assertPlace(db: Executor, indicator: Indicator, divisionCode: string, period: string) {
  if (!isPeriodOf(period, indicator.frequency)) throw new DomainError('VALIDATION_FAILED', { field: 'period', reason: `not a ${indicator.frequency} period` });
  const cat = await loadDivisionCatalogue(db);
  if (!cat.names.has(divisionCode)) throw new DomainError('VALIDATION_FAILED', { field: 'divisionCode', reason: 'unknown division or region' });
}

/** Enters one observation (or records it as missing with value null). Derived indicators are computed, never entered. */
export async function saveObservation(ctx: ServiceContext, actor: Actor, indicatorId: string, input: ObservationInput, lang: ExplainLang) {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const indicator = await requireIndicator(tx, indicatorId, lang);
    if (indicator.derived) throw new DomainError('VALIDATION_FAILED', { field: 'value', reason: 'derived indicators are computed' });
    await assertPlace(tx, indicator, input.divisionCode, input.period);
    const row = await tx.selectFrom('indicator_observation').selectAll().where('indicator_id', '=', indicatorId).where('division_code', '=', input.divisionCode).where('period', '=', input.period).executeTakeFirst();
    const at = nowIso(ctx);
    const values = { value: input.value, source: input.source, reliability: input.reliability, note: input.note, entered_by: actor.userId, user_edited: 1, updated_at: at };
    if (!row) {
      if (input.version !== undefined) throw new DomainError('VERSION_CONFLICT', { indicatorId, period: input.period, expected: input.version, actual: null });
      const id = randomUUID();
      await tx.insertInto('indicator_observation').values({ id, indicator_id: indicatorId, division_code: input.divisionCode, period: input.period, ...values, origin: 'entry', version: 1, created_at: at }).execute();
      await audit('indicator.observation_save', 'indicator', indicatorId, null, { id, divisionCode: input.divisionCode, period: input.period, value: input.value, source: input.source });
      return { id, version: 1 };
    }
    if (input.version === undefined || Number(row.version) !== input.version) throw new DomainError('VERSION_CONFLICT', { indicatorId, period: input.period, expected: input.version ?? null, actual: Number(row.version) });
    // The office's correction replaces the shipped figure and says so; a later data file leaves it alone.
    await writeVersioned(tx.updateTable('indicator_observation').set({ ...values, origin: 'entry', version: input.version + 1 }).where('id', '=', row.id).where('version', '=', input.version), { indicatorId });
    await audit(
      'indicator.observation_save',
      'indicator',
      indicatorId,
      { id: row.id, value: row.value === null ? null : Number(row.value), source: row.source, reliability: row.reliability, note: row.note },
      { id: row.id, divisionCode: input.divisionCode, period: input.period, value: input.value, source: input.source, reliability: input.reliability, note: input.note },
    );
    return { id: row.id, version: input.version + 1 };
  });
}

export async function saveTarget(ctx: ServiceContext, actor: Actor, indicatorId: string, input: TargetInput, lang: ExplainLang) {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const indicator = await requireIndicator(tx, indicatorId, lang);
    await assertPlace(tx, indicator, input.divisionCode, input.period);
    const row = await tx.selectFrom('indicator_target').selectAll().where('indicator_id', '=', indicatorId).where('division_code', '=', input.divisionCode).where('period', '=', input.period).executeTakeFirst();
    const at = nowIso(ctx);
    if (!row) {
      if (input.version !== undefined) throw new DomainError('VERSION_CONFLICT', { indicatorId, period: input.period });
      const id = randomUUID();
      await tx.insertInto('indicator_target').values({ id, indicator_id: indicatorId, division_code: input.divisionCode, period: input.period, value: input.value, source: input.source, entered_by: actor.userId, version: 1, created_at: at, updated_at: at }).execute();
      await audit('indicator.target_save', 'indicator', indicatorId, null, { id, divisionCode: input.divisionCode, period: input.period, value: input.value, source: input.source });
      return { id, version: 1 };
    }
    if (input.version === undefined || Number(row.version) !== input.version) throw new DomainError('VERSION_CONFLICT', { indicatorId, period: input.period, expected: input.version ?? null, actual: Number(row.version) });
    await writeVersioned(tx.updateTable('indicator_target').set({ value: input.value, source: input.source, entered_by: actor.userId, version: input.version + 1, updated_at: at }).where('id', '=', row.id).where('version', '=', input.version), { indicatorId, targetId: row.id });
    await audit('indicator.target_save', 'indicator', indicatorId, { id: row.id, value: Number(row.value), source: row.source }, { id: row.id, divisionCode: input.divisionCode, period: input.period, value: input.value, source: input.source });
    return { id: row.id, version: input.version + 1 };
  });
}

export async function removeTarget(ctx: ServiceContext, actor: Actor, indicatorId: string, targetId: string, version: number) {
  return inTransaction(ctx, actor, async (tx, audit) => {
    await requireIndicator(tx, indicatorId);
    const row = await tx.selectFrom('indicator_target').selectAll().where('id', '=', targetId).where('indicator_id', '=', indicatorId).executeTakeFirst();
    if (!row) throw new DomainError('NOT_FOUND', { targetId });
    if (Number(row.version) !== version) throw new DomainError('VERSION_CONFLICT', { targetId, expected: version, actual: Number(row.version) });
    await writeVersioned(tx.deleteFrom('indicator_target').where('id', '=', targetId).where('version', '=', version), { targetId });
    await audit('indicator.target_remove', 'indicator', indicatorId, { id: row.id, divisionCode: row.division_code, period: row.period, value: Number(row.value) }, null);
  });
}

import { randomUUID } from 'node:crypto';
import type { Insertable, Transaction } from 'kysely';
import { readPublishedFigure, type PublishedFigure } from '../domain';
import { writeJson } from '../db/json';
import type { DB } from '../db/schema';
import type { BoundAudit } from '../services/context';
import type { IndicatorFiles } from './indicator-files';

export interface ShippedObservation {
  code: string;
  division: string;
  period: string;
  value: number | null;
  source: string | null;
  reliability: string | null;
  note: string | null;
}

const CIRCLE = 'region:circle';

function figureNote(f: PublishedFigure, extra?: string | null): string | null {
  const parts: string[] = [];
  if (f.kind === 'approximate') parts.push(`约数，按公布口径：“${f.text}”`);
  if (f.kind === 'bound') parts.push(`仅公布范围“${f.text}”，不作为数值`);
  if (f.kind === 'unreadable') parts.push(`公布内容：“${f.text}”`);
  if (f.kind === 'exact' && f.text) parts.push(`公布内容：“${f.text}”`);
  if (extra) parts.push(extra);
  return parts.length ? parts.join('；') : null;
}

/** Every observation the shipped files hold, one per indicator, division and period; gaps are kept as nulls. */
export function shippedObservations(files: IndicatorFiles): ShippedObservation[] {
  const out: ShippedObservation[] = [];
  for (const r of files.gdp.records) {
    out.push({ code: 'gdp', division: r.code, period: String(r.year), value: r.gdp_100m_yuan, source: r.source, reliability: r.reliability ?? null, note: r.note ?? null });
  }

  const scope = readPublishedFigure(files.outline.scope.gdp_2019);
  out.push({ code: 'gdp_circle', division: CIRCLE, period: '2019', value: scope.value, source: files.outline.scope.source, reliability: null, note: figureNote(scope) });
  for (const m of files.outline.monitoring_outcomes) {
    if (m.indicator !== '双城经济圈地区生产总值' || typeof m.year !== 'number') continue;
    const f = readPublishedFigure(m.value);
    out.push({ code: 'gdp_circle', division: CIRCLE, period: String(m.year), value: f.value, source: m.source, reliability: null, note: figureNote(f) });
  }

  for (const def of files.definitions.indicators) {
    if (!def.list) continue;
    for (const l of files.lists.annual_lists) {
      const f = readPublishedFigure(l[def.list]);
      const rate = def.list === 'completed_in_year_100m_yuan' && f.value === null && l.completion_rate ? `公布完成率 ${l.completion_rate}` : null;
      const source = Array.isArray(l.source) ? l.source.join(' ; ') : l.source;
      out.push({ code: def.code, division: CIRCLE, period: String(l.year), value: f.value, source: `${l.list}: ${source}`, reliability: null, note: figureNote(f, rate) });
    }
  }
  return out;
}

/**
 * Upserts the shipped definitions and observations. A definition or observation the office edited keeps
 * the office's version; anything else follows the files, so a corrected file corrects the database.
 */
export async function applyIndicators(tx: Transaction<DB>, audit: BoundAudit, files: IndicatorFiles, at: string) {
  const unitIds = new Map((await tx.selectFrom('unit').select(['id', 'key']).where('key', 'is not', null).execute()).map((u) => [u.key!, u.id]));
  const existing = new Map((await tx.selectFrom('indicator').selectAll().execute()).map((r) => [r.code, r]));
  const idOf = new Map<string, string>();
  for (const d of files.definitions.indicators) {
    const values = {
      name_zh: d.nameZh,
      name_en: d.nameEn,
      unit: d.unit,
      frequency: d.frequency,
      aggregation: d.aggregation,
      division_level: d.divisionLevel,
      direction: d.direction,
      source: d.source ?? null,
      description: d.description ?? null,
      owner_unit_id: d.ownerUnitKey ? (unitIds.get(d.ownerUnitKey) ?? null) : null,
      derivation: d.derivation ? writeJson(d.derivation) : null,
    };
    const row = existing.get(d.code);
    if (!row) {
      const id = randomUUID();
      await tx.insertInto('indicator').values({ id, code: d.code, ...values, shipped: 1, user_edited: 0, version: 1, created_at: at, updated_at: at }).execute();
      await audit('indicator.seed', 'indicator', id, null, { code: d.code, ...values });
      idOf.set(d.code, id);
      continue;
    }
    idOf.set(d.code, row.id);
    const changed = Object.entries(values).some(([k, v]) => row[k as keyof typeof row] !== v);
    if (!row.user_edited && changed) {
      await tx.updateTable('indicator').set({ ...values, updated_at: at, version: Number(row.version) + 1 }).where('id', '=', row.id).execute();
      await audit('indicator.seed', 'indicator', row.id, { name_zh: row.name_zh }, { code: d.code, ...values, upgrade: true });
    }
  }

  const observations = shippedObservations(files);
  const stored = new Map(
    (await tx.selectFrom('indicator_observation').select(['id', 'indicator_id', 'division_code', 'period', 'value', 'source', 'reliability', 'note', 'origin', 'user_edited', 'version']).execute()).map((o) => [
      `${o.indicator_id}|${o.division_code}|${o.period}`,
      o,
    ]),
  );
  let inserted = 0;
  let updated = 0;
  const fresh: Insertable<DB['indicator_observation']>[] = [];
  for (const o of observations) {
    const indicatorId = idOf.get(o.code);
    if (!indicatorId) throw new Error(`indicators: observation for unknown indicator ${o.code}`);
    const values = { value: o.value, source: o.source, reliability: o.reliability, note: o.note };
    const row = stored.get(`${indicatorId}|${o.division}|${o.period}`);
    if (!row) {
      fresh.push({ id: randomUUID(), indicator_id: indicatorId, division_code: o.division, period: o.period, ...values, origin: 'seed', entered_by: null, user_edited: 0, version: 1, created_at: at, updated_at: at });
      inserted++;
      continue;
    }
    const valueChanged = row.value === null ? o.value !== null : Number(row.value) !== o.value;
    if (row.origin === 'seed' && !row.user_edited && (valueChanged || row.source !== o.source || row.reliability !== o.reliability || row.note !== o.note)) {
      await tx.updateTable('indicator_observation').set({ ...values, version: Number(row.version) + 1, updated_at: at }).where('id', '=', row.id).execute();
      updated++;
    }
  }
  for (let i = 0; i < fresh.length; i += 100) await tx.insertInto('indicator_observation').values(fresh.slice(i, i + 100)).execute();
  await audit('reference.load', 'indicator', 'all', null, { indicators: files.definitions.indicators.length, observationsInserted: inserted, observationsUpdated: updated });
}

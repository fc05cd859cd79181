import { sql, type Kysely } from 'kysely';
import { GROUP_LABELS } from '../../domain/assessment';
import { readJson } from '../../db/json';
import type { DB } from '../../db/schema';
import type { ResultsSnapshot } from './snapshot';

/**
 * The league tables of the latest published assessment of a plan, for bulletins: among published periods
 * that had begun by `onOrBefore` (YYYY-MM-DD), one that had also ended by then if any (the latest such),
 * else the one under way — so a June bulletin quotes Q2 rather than a year still running — in its newest
 * published version. Read from the frozen snapshot, never recomputed: a bulletin quotes exactly what
 * was published.
 */
export async function latestPublishedLeagueTables(
  db: Kysely<DB>,
  planId: string,
  onOrBefore: string,
): Promise<null | { periodLabel: string; publishedAt: string; groups: { group: string; groupLabel: string; rows: { rank: number; unitId: string; unitName: string; score: number }[] }[] }> {
  const row = await db
    .selectFrom('assessment_publication as pub')
    .innerJoin('assessment_period as p', 'p.id', 'pub.period_id')
    .select(['pub.snapshot', 'pub.published_at', 'p.label'])
    .where('p.plan_id', '=', planId)
    .where('p.period_start', '<=', onOrBefore)
    .where('p.published_number', '>', 0)
    .whereRef('pub.number', '=', 'p.published_number')
    .orderBy(sql`case when p.period_end <= ${onOrBefore} then 0 else 1 end`)
    .orderBy('p.period_end', 'desc')
    .orderBy('pub.published_at', 'desc')
    .executeTakeFirst();
  if (!row) return null;
  const snap = readJson<ResultsSnapshot | null>(row.snapshot, null);
  if (!snap) return null;
  return {
    periodLabel: snap.periodLabel || row.label,
    publishedAt: row.published_at,
    groups: snap.tables.map((t) => ({
      group: t.group,
      groupLabel: GROUP_LABELS[t.group]?.zh ?? t.group,
      rows: t.rows.map((r) => ({ rank: r.rank, unitId: r.unitId, unitName: r.unitName, score: r.score })),
    })),
  };
}

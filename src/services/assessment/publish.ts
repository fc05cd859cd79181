import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain';
import { writeJson } from '../../db/json';
import { inTransaction, nowIso, type Actor, type ServiceContext } from '../context';
import { advancePeriod, listItems, requirePeriod, type AssessmentPeriod } from './periods';
import { currentTables } from './results';
import type { ResultsSnapshot } from './snapshot';

/**
 * Publishes the computed results as version n+1 and freezes the period. A second or later version must
 * say why the published results changed (the reason given when reopening, unless another is given).
 */
export async function publishPeriod(ctx: ServiceContext, actor: Actor, periodId: string, input: { version: number; reason?: string | undefined }): Promise<AssessmentPeriod> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const period = await requirePeriod(tx, periodId, input.version);
    if (period.state === 'published') throw new DomainError('ASSESSMENT_PUBLISHED', { periodId });
    if (period.state !== 'computed' || !period.computedAt) throw new DomainError('ASSESSMENT_NOT_COMPUTED', { periodId });
    const number = period.publishedNumber + 1;
    const reason = input.reason ?? (number > 1 ? period.reopenReason : null) ?? null;
    if (number > 1 && !reason) throw new DomainError('VALIDATION_FAILED', { field: 'reason' });
    const snapshot: ResultsSnapshot = {
      periodLabel: period.label,
      periodStart: period.periodStart,
      periodEnd: period.periodEnd,
      asOf: period.computedAsOf ?? period.periodEnd,
      computedAt: period.computedAt,
      items: (await listItems(tx, periodId)).map(({ sortOrder: _s, ...item }) => item),
      tables: await currentTables(tx, periodId),
    };
    const at = nowIso(ctx);
    await advancePeriod(tx, period, { state: 'published', published_number: number, reopen_reason: null }, at);
    await tx.insertInto('assessment_publication').values({ id: randomUUID(), period_id: periodId, number, reason, snapshot: writeJson(snapshot), published_by: actor.userId ?? 'system', published_at: at }).execute();
    await audit('assessment.publish', 'assessment_period', periodId, { publishedNumber: period.publishedNumber }, { publishedNumber: number, reason, units: snapshot.tables.reduce((n, t) => n + t.rows.length, 0) });
    return requirePeriod(tx, periodId);
  });
}

/** Unfreezes a published period so that it can be corrected; the published version stays as it was. */
export async function reopenPeriod(ctx: ServiceContext, actor: Actor, periodId: string, input: { version: number; reason: string }): Promise<AssessmentPeriod> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const period = await requirePeriod(tx, periodId, input.version);
    if (period.state !== 'published') throw new DomainError('ASSESSMENT_NOT_PUBLISHED', { periodId });
    await advancePeriod(tx, period, { state: 'draft', reopen_reason: input.reason }, nowIso(ctx));
    await audit('assessment.reopen', 'assessment_period', periodId, { state: period.state }, { state: 'draft', reason: input.reason });
    return requirePeriod(tx, periodId);
  });
}

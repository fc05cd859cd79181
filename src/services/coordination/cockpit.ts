import type { ServiceContext } from '../context';
import { requirePlan } from '../plan/read-plan';
import { todayInChina } from '../status/plan-status';
import { AGREEMENT_STATUSES, agreementStatus, type AgreementStatus } from './agreements';
import { countRequests } from './national-requests';
import { countSourcedBySource, type SourceCounts } from './sourced-task';

/** How far ahead the cockpit's "expiring soon" looks, as the reminders do by default. */
export const EXPIRING_SOON_DAYS = 60;

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The coordination card of the cockpit: requests to the national level by status, meeting decisions
 * done / on track / late, agreements by status and how many expire soon. Counts only — a handful of
 * grouped queries over the plan, with task status from the plan's cached status.
 */
export async function coordinationCockpit(ctx: ServiceContext, planId: string) {
  await requirePlan(ctx.db, planId);
  const asOf = todayInChina(ctx);
  const [requests, decisionsBy, mattersBy, agreements] = await Promise.all([
    countRequests(ctx, planId),
    countSourcedBySource(ctx, planId, 'meeting_decision'),
    countSourcedBySource(ctx, planId, 'agreement_matter'),
    ctx.db.selectFrom('agreement').select(['id', 'term_until']).where('plan_id', '=', planId).execute(),
  ]);
  const decisions: SourceCounts = { total: 0, done: 0, onTrack: 0, late: 0 };
  for (const c of decisionsBy.values()) {
    decisions.total += c.total;
    decisions.done += c.done;
    decisions.onTrack += c.onTrack;
    decisions.late += c.late;
  }
  const byStatus = Object.fromEntries(AGREEMENT_STATUSES.map((s) => [s, 0])) as Record<AgreementStatus, number>;
  const until = addDays(asOf, EXPIRING_SOON_DAYS);
  let expiringSoon = 0;
  for (const a of agreements) {
    byStatus[agreementStatus(mattersBy.get(a.id) ?? { total: 0, done: 0, onTrack: 0, late: 0 })]++;
    if (a.term_until && a.term_until >= asOf && a.term_until <= until) expiringSoon++;
  }
  return { asOf, requests, decisions, agreements: { total: agreements.length, byStatus, expiringSoon, expiringWithinDays: EXPIRING_SOON_DAYS } };
}

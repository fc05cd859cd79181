import type { Db } from '../db/schema';
import { readJson } from '../db/json';
import { notifyRole, notifyUnit } from '../services/follow-up/notifications';

export const DEFAULT_AGREEMENT_EXPIRY_DAYS = 60;

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Agreements whose term ends within `withinDays` of today: the office and the users of every party
 * that is one of our units hear about it once. The key carries the expiry date, so an agreement whose
 * term is extended and then nears its new end is announced again, but a daily run never repeats one.
 */
export async function sendAgreementExpiryReminders(db: Db, today: string, at: string, withinDays = DEFAULT_AGREEMENT_EXPIRY_DAYS): Promise<{ agreements: number; notified: number }> {
  const rows = await db
    .selectFrom('agreement')
    .select(['id', 'title', 'parties', 'term_until'])
    .where('term_until', '>=', today)
    .where('term_until', '<=', addDays(today, withinDays))
    .orderBy('term_until')
    .execute();
  let notified = 0;
  for (const a of rows) {
    const daysLeft = Math.round((Date.parse(`${a.term_until}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
    const n = {
      kind: 'agreement_expiring' as const,
      title: `合作协议《${a.title}》将于${a.term_until}到期（剩余${daysLeft}天）`,
      body: '请评估合作事项落实情况，确定续签或收尾安排。',
      link: `/agreements?open=${a.id}`,
      dedupeKey: `agreement_expiring:${a.id}:${a.term_until}`,
    };
    notified += await notifyRole(db, 'office', n, at);
    const unitIds = new Set(readJson<{ unitId?: string }[]>(a.parties, []).flatMap((p) => (p.unitId ? [p.unitId] : [])));
    for (const unitId of unitIds) notified += await notifyUnit(db, unitId, n, at);
  }
  return { agreements: rows.length, notified };
}

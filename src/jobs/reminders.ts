import type { Db } from '../db/schema';
import { notifyUnit } from '../services/follow-up/notifications';

const DUE_SOON_DAYS = 3;

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The day's reminders: units whose reports are due within three days or overdue, and units that have
 * not answered a supervision item in time. Each notification carries a key, so running the job twice
 * (or in two processes) notifies once.
 */
export async function sendDailyReminders(db: Db, today: string, at: string): Promise<{ dueSoon: number; overdue: number; supervision: number }> {
  const owed = await db
    .selectFrom('report')
    .innerJoin('cycle', 'cycle.id', 'report.cycle_id')
    .select(['report.unit_id', 'cycle.id as cycle_id', 'cycle.label', 'cycle.due_on', (eb) => eb.fn.countAll().as('n')])
    .where('cycle.state', '=', 'open')
    .where('report.state', 'in', ['draft', 'returned'])
    .where('cycle.due_on', '<=', addDays(today, DUE_SOON_DAYS))
    .groupBy(['report.unit_id', 'cycle.id', 'cycle.label', 'cycle.due_on'])
    .execute();
  const counts = { dueSoon: 0, overdue: 0, supervision: 0 };
  for (const o of owed) {
    const overdue = o.due_on < today;
    const n = Number(o.n);
    counts[overdue ? 'overdue' : 'dueSoon'] += await notifyUnit(
      db,
      o.unit_id,
      overdue
        ? { kind: 'overdue', title: `${o.label}有${n}份进展报告逾期未报`, body: `截止日期${o.due_on}，请尽快填报。`, link: `/reports?cycleId=${o.cycle_id}`, dedupeKey: `overdue:${o.cycle_id}:${today}` }
        : { kind: 'due_soon', title: `${o.label}有${n}份进展报告将于${o.due_on}截止`, body: '请按时填报。', link: `/reports?cycleId=${o.cycle_id}`, dedupeKey: `due_soon:${o.cycle_id}` },
      at,
    );
  }
  const late = await db.selectFrom('supervision_item').select(['id', 'unit_id', 'response_due_on', 'message']).where('state', '=', 'open').where('response_due_on', '<', today).execute();
  for (const s of late) {
    counts.supervision += await notifyUnit(db, s.unit_id, { kind: 'supervision', title: `督办事项已超过回复期限（${s.response_due_on}）`, body: s.message, link: `/supervision/${s.id}`, dedupeKey: `supervision_late:${s.id}` }, at);
  }
  return counts;
}

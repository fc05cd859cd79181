import { cycleLabelInEnglish } from '../../domain';
import type { CycleRow, Executor } from '../schema';

export interface Cycle {
  id: string;
  planId: string;
  label: string;
  /** The label in English (Nov 2026, Q4 2026), for the English UI. */
  labelEn: string;
  frequency: 'monthly' | 'quarterly';
  periodStart: string;
  periodEnd: string;
  opensOn: string;
  dueOn: string;
  state: 'open' | 'closed';
  version: number;
  counts: Record<'draft' | 'submitted' | 'approved' | 'accepted' | 'returned', number>;
}

const ZERO = () => ({ draft: 0, submitted: 0, approved: 0, accepted: 0, returned: 0 });

export function toCycle(r: CycleRow, counts = ZERO()): Cycle {
  return {
    id: r.id,
    planId: r.plan_id,
    label: r.label,
    labelEn: cycleLabelInEnglish(r.label),
    frequency: r.frequency as Cycle['frequency'],
    periodStart: r.period_start,
    periodEnd: r.period_end,
    opensOn: r.opens_on,
    dueOn: r.due_on,
    state: r.state as Cycle['state'],
    version: Number(r.version),
    counts,
  };
}

/** Cycles of a plan, newest first, each with its reports counted by state in one grouped query. */
export async function listCycles(db: Executor, planId: string): Promise<Cycle[]> {
  const [rows, counts] = await Promise.all([
    db.selectFrom('cycle').selectAll().where('plan_id', '=', planId).orderBy('period_start', 'desc').execute(),
    db
      .selectFrom('report')
      .innerJoin('cycle', 'cycle.id', 'report.cycle_id')
      .select(['report.cycle_id', 'report.state', (eb) => eb.fn.countAll().as('n')])
      .where('cycle.plan_id', '=', planId)
      .groupBy(['report.cycle_id', 'report.state'])
      .execute(),
  ]);
  const byCycle = new Map<string, Cycle['counts']>();
  for (const c of counts) {
    const entry = byCycle.get(c.cycle_id) ?? ZERO();
    entry[c.state as keyof Cycle['counts']] = Number(c.n);
    byCycle.set(c.cycle_id, entry);
  }
  return rows.map((r) => toCycle(r, byCycle.get(r.id)));
}

export async function findCycle(db: Executor, cycleId: string): Promise<CycleRow | undefined> {
  return db.selectFrom('cycle').selectAll().where('id', '=', cycleId).executeTakeFirst();
}

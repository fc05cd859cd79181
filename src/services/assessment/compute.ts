import { DomainError } from '../../domain';
import { leagueTables, schemeProblems } from '../../domain/assessment';
import { writeJson } from '../../db/json';
import { inTransaction, nowIso, type Actor, type ServiceContext } from '../context';
import { todayInChina } from '../status/plan-status';
import { asOfFor, assessedUnits, gatherEvidence } from './evidence';
import { advancePeriod, assertNotFrozen, listItems, requirePeriod, type AssessmentPeriod } from './periods';

/** Recomputes a period from the evidence as it stands and replaces its results as a whole. */
export async function computePeriod(ctx: ServiceContext, actor: Actor, periodId: string, version: number): Promise<AssessmentPeriod> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const period = await requirePeriod(tx, periodId, version);
    assertNotFrozen(period);
    const items = await listItems(tx, periodId);
    const problems = schemeProblems(items);
    if (problems.length) throw new DomainError('ASSESSMENT_SCHEME_INVALID', { problems });
    const asOf = asOfFor(period, todayInChina(ctx));
    const evidence = await gatherEvidence(tx, period, asOf);
    const units = await assessedUnits(tx, period);
    const tables = leagueTables(items, units, evidence);
    const at = nowIso(ctx);
    await advancePeriod(tx, period, { state: 'computed', computed_at: at, computed_as_of: asOf }, at);
    await tx.deleteFrom('assessment_result').where('period_id', '=', periodId).execute();
    const rows = tables.flatMap((t) => t.rows.map((r) => ({ period_id: periodId, unit_id: r.unitId, group_key: t.group, score: r.score, rank: r.rank, breakdown: writeJson(r.lines), computed_at: at })));
    for (let i = 0; i < rows.length; i += 200) await tx.insertInto('assessment_result').values(rows.slice(i, i + 200)).execute();
    await audit('assessment.compute', 'assessment_period', periodId, { state: period.state, computedAt: period.computedAt }, {
      asOf,
      units: rows.length,
      evidence: { reports: evidence.reports.length, milestones: evidence.milestones.length, supervision: evidence.supervision.length, adjustments: evidence.adjustments.length, excuses: evidence.excuses.length },
    });
    return requirePeriod(tx, periodId);
  });
}

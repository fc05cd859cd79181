import { chinaDateOf, groupOf, type AssessedUnit, type AssessmentEvidence, type EvidenceKind } from '../../domain/assessment';
import type { Executor } from '../../db/schema';
import type { AssessmentPeriod } from './periods';

const dayAfter = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The day a computation looks from. Once the period has ended everything in it is due, so the result
 * depends on the evidence alone and recomputing later gives the same tables.
 */
export function asOfFor(period: AssessmentPeriod, today: string): string {
  const after = dayAfter(period.periodEnd);
  return today < after ? today : after;
}

/** Everything recorded in the period that a rule counts, read in a few set queries (no per-unit queries). */
export async function gatherEvidence(db: Executor, period: AssessmentPeriod, asOf: string): Promise<AssessmentEvidence> {
  const { planId, periodStart, periodEnd } = period;
  const [reports, milestones, supervision, adjustments, excuses] = await Promise.all([
    db
      .selectFrom('report')
      .innerJoin('cycle', 'cycle.id', 'report.cycle_id')
      .innerJoin('plan_node', 'plan_node.id', 'report.node_id')
      .select(['report.id', 'report.unit_id', 'report.submitted_at', 'report.quality_rating', 'cycle.due_on', 'cycle.label', 'plan_node.code', 'plan_node.title'])
      .where('cycle.plan_id', '=', planId)
      .where('cycle.due_on', '>=', periodStart)
      .where('cycle.due_on', '<=', periodEnd)
      // Timeliness and quality are judged on the lead unit's report: contributions feed into it.
      .where('report.role', '=', 'lead')
      .where('plan_node.deleted_at', 'is', null)
      .execute(),
    db
      .selectFrom('plan_node')
      .innerJoin('assignment', 'assignment.node_id', 'plan_node.id')
      .select(['plan_node.id', 'assignment.unit_id', 'plan_node.due_on', 'plan_node.completed_on', 'plan_node.code', 'plan_node.title'])
      .where('plan_node.plan_id', '=', planId)
      .where('plan_node.kind', '=', 'milestone')
      .where('plan_node.deleted_at', 'is', null)
      .where('plan_node.cancelled', '=', 0)
      .where('plan_node.due_on', '>=', periodStart)
      .where('plan_node.due_on', '<=', periodEnd)
      .where('assignment.role', '=', 'lead')
      .execute(),
    db
      .selectFrom('supervision_item')
      .innerJoin('plan_node', 'plan_node.id', 'supervision_item.node_id')
      .select(['supervision_item.id', 'supervision_item.unit_id', 'supervision_item.response_due_on', 'supervision_item.responded_at', 'supervision_item.level', 'plan_node.code', 'plan_node.title'])
      .where('supervision_item.plan_id', '=', planId)
      .where('supervision_item.response_due_on', '>=', periodStart)
      .where('supervision_item.response_due_on', '<=', periodEnd)
      .execute(),
    db.selectFrom('assessment_adjustment').select(['id', 'unit_id', 'points', 'reason']).where('period_id', '=', period.id).where('deleted_at', 'is', null).execute(),
    db
      .selectFrom('assessment_appeal')
      .select(['item_id', 'evidence_kind', 'evidence_id'])
      .where('period_id', '=', period.id)
      .where('state', '=', 'upheld')
      .where('item_id', 'is not', null)
      .where('evidence_id', 'is not', null)
      .execute(),
  ]);
  return {
    asOf,
    periodStart,
    periodEnd,
    reports: reports.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      label: `${r.label} · ${r.code} ${r.title}`,
      dueOn: r.due_on,
      submittedOn: r.submitted_at ? chinaDateOf(r.submitted_at) : null,
      qualityRating: r.quality_rating === null ? null : Number(r.quality_rating),
    })),
    milestones: milestones.map((m) => ({ id: m.id, unitId: m.unit_id, label: `${m.code} ${m.title}`, dueOn: m.due_on!, completedOn: m.completed_on })),
    supervision: supervision.map((s) => ({
      id: s.id,
      unitId: s.unit_id,
      label: `${s.code} ${s.title}`,
      dueOn: s.response_due_on,
      respondedOn: s.responded_at ? chinaDateOf(s.responded_at) : null,
    })),
    adjustments: adjustments.map((a) => ({ id: a.id, unitId: a.unit_id, label: a.reason, points: Number(a.points) })),
    excuses: excuses.map((e) => ({ itemId: e.item_id!, evidenceKind: e.evidence_kind as EvidenceKind, evidenceId: e.evidence_id! })),
  };
}

/**
 * The units ranked in a period: every active unit of a ranked group that leads a task of the plan, or
 * has a bonus/penalty entry in the period.
 */
export async function assessedUnits(db: Executor, period: AssessmentPeriod): Promise<AssessedUnit[]> {
  const rows = await db
    .selectFrom('unit')
    .select(['unit.id', 'unit.name', 'unit.kind', 'unit.side', 'unit.sort_order'])
    .where('unit.active', '=', 1)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('assignment')
            .innerJoin('plan_node', 'plan_node.id', 'assignment.node_id')
            .select('assignment.id')
            .whereRef('assignment.unit_id', '=', 'unit.id')
            .where('assignment.plan_id', '=', period.planId)
            .where('assignment.role', '=', 'lead')
            .where('plan_node.deleted_at', 'is', null),
        ),
        eb.exists(eb.selectFrom('assessment_adjustment').select('assessment_adjustment.id').whereRef('assessment_adjustment.unit_id', '=', 'unit.id').where('assessment_adjustment.period_id', '=', period.id).where('assessment_adjustment.deleted_at', 'is', null)),
      ]),
    )
    .execute();
  const out: AssessedUnit[] = [];
  for (const r of rows) {
    const group = groupOf(r, period.includeChongqing);
    if (group) out.push({ id: r.id, name: r.name, group, sortOrder: Number(r.sort_order) });
  }
  return out;
}

import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain';
import { readJson, writeJson } from '../../db/json';
import { inTransaction, nowIso, type Actor, type ServiceContext } from '../context';
import { readsAll } from './access';
import { filesOf, storeFile, vetFile, type AssessmentFile } from './files';
import { writeOnce } from '../versioned-update';
import { assertNotFrozen, markStale, requirePeriod } from './periods';

export interface Adjustment {
  id: string;
  periodId: string;
  unitId: string;
  unitName: string;
  points: number;
  reason: string;
  evidenceRefs: string[];
  files: AssessmentFile[];
  createdAt: string;
}

export async function listAdjustments(ctx: ServiceContext, actor: Actor, periodId: string, unitId?: string): Promise<{ items: Adjustment[] }> {
  await requirePeriod(ctx.db, periodId);
  // Unit staff see the entries about their own unit only.
  const all = readsAll(actor);
  if (!all && !actor.unitId) throw new DomainError('FORBIDDEN', { periodId });
  const only = all ? unitId : actor.unitId!;
  let q = ctx.db
    .selectFrom('assessment_adjustment as a')
    .innerJoin('unit as u', 'u.id', 'a.unit_id')
    .select(['a.id', 'a.period_id', 'a.unit_id', 'u.name', 'a.points', 'a.reason', 'a.evidence_refs', 'a.created_at'])
    .where('a.period_id', '=', periodId)
    .where('a.deleted_at', 'is', null);
  if (only) q = q.where('a.unit_id', '=', only);
  const rows = await q.orderBy('a.created_at', 'desc').orderBy('a.id').execute();
  const files = await filesOf(ctx.db, 'adjustment', rows.map((r) => r.id));
  return {
    items: rows.map((r) => ({
      id: r.id,
      periodId: r.period_id,
      unitId: r.unit_id,
      unitName: r.name,
      points: Number(r.points),
      reason: r.reason,
      evidenceRefs: readJson<string[]>(r.evidence_refs, []),
      files: files.get(r.id) ?? [],
      createdAt: r.created_at,
    })),
  };
}

export async function addAdjustment(ctx: ServiceContext, actor: Actor, periodId: string, input: { unitId: string; points: number; reason: string; evidenceRefs: string[] }): Promise<Adjustment> {
  const id = await inTransaction(ctx, actor, async (tx, audit) => {
    const period = await requirePeriod(tx, periodId);
    assertNotFrozen(period);
    const unit = await tx.selectFrom('unit').select('id').where('id', '=', input.unitId).executeTakeFirst();
    if (!unit) throw new DomainError('UNIT_NOT_FOUND', { unitId: input.unitId });
    const id = randomUUID();
    const at = nowIso(ctx);
    await tx.insertInto('assessment_adjustment').values({ id, period_id: periodId, unit_id: input.unitId, points: input.points, reason: input.reason, evidence_refs: writeJson(input.evidenceRefs), created_by: actor.userId ?? 'system', created_at: at }).execute();
    await markStale(tx, period, at);
    await audit('assessment.adjustment_add', 'assessment_period', periodId, null, { adjustmentId: id, ...input });
    return id;
  });
  return (await listAdjustments(ctx, actor, periodId)).items.find((a) => a.id === id)!;
}

export async function removeAdjustment(ctx: ServiceContext, actor: Actor, adjustmentId: string): Promise<void> {
  await inTransaction(ctx, actor, async (tx, audit) => {
    const row = await tx.selectFrom('assessment_adjustment').selectAll().where('id', '=', adjustmentId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw new DomainError('NOT_FOUND', { adjustmentId });
    const period = await requirePeriod(tx, row.period_id);
    assertNotFrozen(period);
    const at = nowIso(ctx);
    await writeOnce(tx.updateTable('assessment_adjustment').set({ deleted_at: at }).where('id', '=', adjustmentId).where('deleted_at', 'is', null), { adjustmentId });
    await markStale(tx, period, at);
    await audit('assessment.adjustment_remove', 'assessment_period', period.id, { adjustmentId, unitId: row.unit_id, points: Number(row.points), reason: row.reason }, null);
  });
}

export async function addAdjustmentFile(ctx: ServiceContext, actor: Actor, adjustmentId: string, file: { fileName: string; content: Buffer }): Promise<AssessmentFile> {
  await vetFile(file);
  return inTransaction(ctx, actor, async (tx, audit) => {
    const row = await tx.selectFrom('assessment_adjustment').select(['id', 'period_id']).where('id', '=', adjustmentId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw new DomainError('NOT_FOUND', { adjustmentId });
    assertNotFrozen(await requirePeriod(tx, row.period_id));
    return storeFile(ctx, tx, actor, audit, { periodId: row.period_id, kind: 'adjustment', id: row.id }, file);
  });
}

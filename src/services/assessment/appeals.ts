import { randomUUID } from 'node:crypto';
import { DomainError, scopeOf } from '../../domain';
import { EVIDENCE_KIND_OF_RULE, type BreakdownLine, type EvidenceKind } from '../../domain/assessment';
import { readJson } from '../../db/json';
import { inTransaction, nowIso, type Actor, type ServiceContext } from '../context';
import type { Page } from '../paging';
import { assertUnitReach, readsAll } from './access';
import { filesOf, storeFile, vetFile, type AssessmentFile } from './files';
import { assertNotFrozen, listItems, markStale, requirePeriod } from './periods';
import { writeVersioned } from '../versioned-update';

export type AppealKind = 'appeal' | 'self_assessment';
export type AppealState = 'submitted' | 'upheld' | 'rejected';

export interface Appeal {
  id: string;
  periodId: string;
  unitId: string;
  unitName: string;
  kind: AppealKind;
  itemId: string | null;
  itemTitle: string | null;
  evidenceKind: EvidenceKind | null;
  evidenceId: string | null;
  evidenceLabel: string | null;
  reason: string;
  claimedPoints: number | null;
  state: AppealState;
  decisionComment: string | null;
  decidedAt: string | null;
  createdAt: string;
  version: number;
  files: AssessmentFile[];
}

export interface AppealFilter {
  state?: AppealState | undefined;
  kind?: AppealKind | undefined;
  unitId?: string | undefined;
  /** One appeal, for answering a write with the record as the list shows it. */
  id?: string | undefined;
}

export async function listAppeals(ctx: ServiceContext, actor: Actor, periodId: string, f: AppealFilter, page: { page: number; pageSize: number }): Promise<Page<Appeal>> {
  await requirePeriod(ctx.db, periodId);
  const all = readsAll(actor);
  if (!all && !actor.unitId) throw new DomainError('FORBIDDEN', { periodId });
  const unitId = all ? f.unitId : actor.unitId!;
  let q = ctx.db.selectFrom('assessment_appeal as a').where('a.period_id', '=', periodId);
  if (unitId) q = q.where('a.unit_id', '=', unitId);
  if (f.state) q = q.where('a.state', '=', f.state);
  if (f.kind) q = q.where('a.kind', '=', f.kind);
  if (f.id) q = q.where('a.id', '=', f.id);
  const [{ n }, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    q
      .innerJoin('unit as u', 'u.id', 'a.unit_id')
      .leftJoin('assessment_item as i', 'i.id', 'a.item_id')
      .leftJoin('assessment_result as r', (j) => j.onRef('r.period_id', '=', 'a.period_id').onRef('r.unit_id', '=', 'a.unit_id'))
      .selectAll('a')
      .select(['u.name as unit_name', 'i.title as item_title', 'r.breakdown'])
      // The open ones first: that is the office's queue.
      .orderBy((eb) => eb.case().when('a.state', '=', 'submitted').then(0).else(1).end())
      .orderBy('a.created_at', 'desc')
      .orderBy('a.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
  ]);
  const files = await filesOf(ctx.db, 'appeal', rows.map((r) => r.id));
  return {
    items: rows.map((r) => {
      const lines = r.evidence_id ? readJson<BreakdownLine[]>(r.breakdown, []) : [];
      const evidenceLabel = lines.flatMap((l) => l.evidence).find((e) => e.id === r.evidence_id)?.label ?? null;
      return {
        id: r.id,
        periodId: r.period_id,
        unitId: r.unit_id,
        unitName: r.unit_name,
        kind: r.kind as AppealKind,
        itemId: r.item_id,
        itemTitle: r.item_title ?? null,
        evidenceKind: r.evidence_kind as EvidenceKind | null,
        evidenceId: r.evidence_id,
        evidenceLabel,
        reason: r.reason,
        claimedPoints: r.claimed_points === null ? null : Number(r.claimed_points),
        state: r.state as AppealState,
        decisionComment: r.decision_comment,
        decidedAt: r.decided_at,
        createdAt: r.created_at,
        version: Number(r.version),
        files: files.get(r.id) ?? [],
      };
    }),
    total: Number(n),
    page: page.page,
    pageSize: page.pageSize,
  };
}

async function loadAppeal(ctx: ServiceContext, actor: Actor, id: string): Promise<Appeal> {
  const row = await ctx.db.selectFrom('assessment_appeal').select(['period_id', 'unit_id']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('APPEAL_NOT_FOUND', { appealId: id });
  // The caller has already been checked against the appeal's unit.
  const page = await listAppeals(ctx, { ...actor, roles: ['admin'] }, row.period_id, { unitId: row.unit_id, id }, { page: 1, pageSize: 1 });
  return page.items[0]!;
}

export interface AppealInput {
  unitId?: string | undefined;
  kind: AppealKind;
  itemId: string | null;
  evidenceKind: EvidenceKind | null;
  evidenceId: string | null;
  reason: string;
  claimedPoints: number | null;
}

/**
 * A unit's appeal against an item (optionally naming the report, milestone, supervision item or entry
 * it disputes) or its self-assessment. Units may appeal after publication: the office then reopens.
 */
export async function submitAppeal(ctx: ServiceContext, actor: Actor, periodId: string, input: AppealInput): Promise<Appeal> {
  const unitId = input.unitId ?? actor.unitId;
  if (!unitId) throw new DomainError('VALIDATION_FAILED', { field: 'unitId' });
  if (scopeOf(actor.roles, 'assessment:appeal') !== 'all' && unitId !== actor.unitId) throw new DomainError('FORBIDDEN', { unitId });
  assertUnitReach(actor, unitId, 'assessment:appeal');
  const id = await inTransaction(ctx, actor, async (tx, audit) => {
    await requirePeriod(tx, periodId);
    const result = await tx.selectFrom('assessment_result').select('breakdown').where('period_id', '=', periodId).where('unit_id', '=', unitId).executeTakeFirst();
    if (!result) throw new DomainError('ASSESSMENT_UNIT_NOT_ASSESSED', { periodId, unitId });
    if (input.itemId) {
      const item = (await listItems(tx, periodId)).find((i) => i.id === input.itemId);
      if (!item) throw new DomainError('VALIDATION_FAILED', { field: 'itemId' });
      if (input.evidenceId) {
        // The disputed record must be one the unit's own line counted: nobody appeals another unit's report.
        const line = readJson<BreakdownLine[]>(result.breakdown, []).find((l) => l.itemId === item.id);
        const counted = line?.evidence.some((e) => e.id === input.evidenceId && e.kind === input.evidenceKind);
        if (EVIDENCE_KIND_OF_RULE[item.rule] !== input.evidenceKind || !counted) throw new DomainError('VALIDATION_FAILED', { field: 'evidenceId' });
      }
    }
    const id = randomUUID();
    const at = nowIso(ctx);
    await tx
      .insertInto('assessment_appeal')
      .values({ id, period_id: periodId, unit_id: unitId, kind: input.kind, item_id: input.itemId, evidence_kind: input.evidenceKind, evidence_id: input.evidenceId, reason: input.reason, claimed_points: input.claimedPoints, created_by: actor.userId ?? 'system', created_at: at, updated_at: at })
      .execute();
    await audit(`assessment.${input.kind}_submit`, 'assessment_appeal', id, null, { periodId, ...input, unitId });
    return id;
  });
  return loadAppeal(ctx, actor, id);
}

export async function addAppealFile(ctx: ServiceContext, actor: Actor, appealId: string, file: { fileName: string; content: Buffer }): Promise<AssessmentFile> {
  await vetFile(file);
  return inTransaction(ctx, actor, async (tx, audit) => {
    const row = await tx.selectFrom('assessment_appeal').select(['id', 'period_id', 'unit_id', 'state']).where('id', '=', appealId).executeTakeFirst();
    if (!row) throw new DomainError('APPEAL_NOT_FOUND', { appealId });
    assertUnitReach(actor, row.unit_id, 'assessment:appeal');
    if (row.state !== 'submitted') throw new DomainError('APPEAL_DECIDED', { appealId });
    return storeFile(ctx, tx, actor, audit, { periodId: row.period_id, kind: 'appeal', id: row.id }, file);
  });
}

/**
 * The office's decision. An upheld appeal naming a record excuses it under its item (see the rules);
 * the period then needs recomputing, which is how — and the only way — the decision reaches the score.
 */
export async function decideAppeal(ctx: ServiceContext, actor: Actor, appealId: string, input: { version: number; decision: 'upheld' | 'rejected'; comment: string }): Promise<Appeal> {
  await inTransaction(ctx, actor, async (tx, audit) => {
    const row = await tx.selectFrom('assessment_appeal').selectAll().where('id', '=', appealId).executeTakeFirst();
    if (!row) throw new DomainError('APPEAL_NOT_FOUND', { appealId });
    if (Number(row.version) !== input.version) throw new DomainError('VERSION_CONFLICT', { appealId, expected: input.version, actual: Number(row.version) });
    if (row.state !== 'submitted') throw new DomainError('APPEAL_DECIDED', { appealId, state: row.state });
    const period = await requirePeriod(tx, row.period_id);
    assertNotFrozen(period);
    const at = nowIso(ctx);
    await writeVersioned(
      tx
        .updateTable('assessment_appeal')
        .set({ state: input.decision, decision_comment: input.comment, decided_by: actor.userId, decided_at: at, version: input.version + 1, updated_at: at })
        .where('id', '=', appealId)
        .where('version', '=', input.version),
      { appealId },
    );
    if (input.decision === 'upheld' && row.evidence_id) await markStale(tx, period, at);
    await audit('assessment.appeal_decide', 'assessment_appeal', appealId, { state: row.state }, { state: input.decision, comment: input.comment });
  });
  return loadAppeal(ctx, actor, appealId);
}

import { randomUUID } from 'node:crypto';
import { DomainError, type ExplainLang } from '../../domain';
import { readJson, writeJson } from '../../db/json';
import type { Executor } from '../../db/schema';
import { inTransaction, nowIso, type Actor, type ServiceContext } from '../context';
import type { Page } from '../paging';
import { requirePlan } from '../plan/read-plan';
import { computePlanStatus, todayInChina } from '../status/plan-status';
import { assertProjects, projectsOf, setProjectLinks, type ProjectRef } from './project-links';
import { addSourcedTask, countSourced, listSourcedTasks, type SourceCounts, type SourcedTask, type SourcedTaskInput } from './sourced-task';
import { writeVersioned } from '../versioned-update';

export const AGREEMENT_STATUSES = ['no_matters', 'in_progress', 'lagging', 'completed'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export interface AgreementParty {
  name: string;
  side: 'sichuan' | 'chongqing' | 'other';
  unitId?: string | undefined;
}

export interface AgreementFields {
  title: string;
  parties: AgreementParty[];
  /** provincial (省市级), city (市级), department (部门间), enterprise (企业间) … as the office writes it. */
  level: string;
  signedOn: string | null;
  termUntil: string | null;
  documents: string | null;
  /** Matters that are major projects of the library rather than tasks. */
  projectIds: string[];
}

export interface Agreement extends AgreementFields {
  id: string;
  planId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface AgreementSummary extends Agreement {
  projects: ProjectRef[];
  status: AgreementStatus;
  counts: SourceCounts;
}

export interface AgreementDetail extends AgreementSummary {
  matters: SourcedTask[];
}

export interface AgreementFilter {
  party?: string | undefined;
  side?: AgreementParty['side'] | undefined;
  status?: AgreementStatus | undefined;
}

type AgreementRow = { id: string; plan_id: string; title: string; parties: string; level: string; signed_on: string | null; term_until: string | null; documents: string | null; version: number; created_at: string; updated_at: string };

function toAgreement(r: AgreementRow): Agreement {
  return {
    id: r.id,
    planId: r.plan_id,
    title: r.title,
    parties: readJson<AgreementParty[]>(r.parties, []),
    level: r.level,
    signedOn: r.signed_on,
    termUntil: r.term_until,
    documents: r.documents,
    projectIds: [],
    version: Number(r.version),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** An agreement is as far along as its matters: any late → lagging; all done → completed. */
export function agreementStatus(counts: SourceCounts): AgreementStatus {
  if (counts.total === 0) return 'no_matters';
  if (counts.late > 0) return 'lagging';
  if (counts.done === counts.total) return 'completed';
  return 'in_progress';
}

export async function requireAgreement(db: Executor, id: string, version?: number): Promise<Agreement> {
  const row = await db.selectFrom('agreement').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('AGREEMENT_NOT_FOUND', { agreementId: id });
  if (version !== undefined && Number(row.version) !== version) throw new DomainError('VERSION_CONFLICT', { agreementId: id, expected: version, actual: Number(row.version) });
  return toAgreement(row);
}

async function assertParties(db: Executor, parties: AgreementParty[]) {
  const ids = parties.flatMap((p) => (p.unitId ? [p.unitId] : []));
  if (!ids.length) return;
  const found = await db.selectFrom('unit').select('id').where('id', 'in', ids).execute();
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw new DomainError('UNIT_NOT_FOUND', { unitIds: missing });
}

async function summarise(ctx: ServiceContext, planId: string, list: Agreement[], lang: ExplainLang) {
  const status = list.length ? await computePlanStatus(ctx, planId) : undefined;
  const ids = list.map((a) => a.id);
  const [matters, projects] = await Promise.all([listSourcedTasks(ctx, planId, 'agreement_matter', ids, lang, status), projectsOf(ctx.db, 'agreement_project', ids)]);
  return list.map((a) => {
    const m = matters.get(a.id) ?? [];
    const counts = countSourced(m);
    const linked = projects.get(a.id) ?? [];
    return { ...a, projectIds: linked.map((p) => p.id), projects: linked, status: agreementStatus(counts), counts, matters: m };
  });
}

/** The register: filters by party (name contains), side and derived status; newest signing first. */
export async function listAgreements(ctx: ServiceContext, planId: string, f: AgreementFilter, page: { page: number; pageSize: number }, lang: ExplainLang): Promise<Page<AgreementSummary>> {
  await requirePlan(ctx.db, planId);
  const rows = await ctx.db.selectFrom('agreement').selectAll().where('plan_id', '=', planId).orderBy('signed_on', 'desc').orderBy('created_at', 'desc').execute();
  const needle = f.party?.toLowerCase();
  const filtered = rows.map(toAgreement).filter((a) => (!needle || a.parties.some((p) => p.name.toLowerCase().includes(needle))) && (!f.side || a.parties.some((p) => p.side === f.side)));
  const all = (await summarise(ctx, planId, filtered, lang)).filter((a) => !f.status || a.status === f.status);
  const start = (page.page - 1) * page.pageSize;
  return { items: all.slice(start, start + page.pageSize).map(({ matters: _m, ...a }) => a), total: all.length, page: page.page, pageSize: page.pageSize };
}

/** Agreements whose term ends within `withinDays` from today (China), soonest first; already expired ones are not listed. */
export async function listExpiringAgreements(ctx: ServiceContext, planId: string, withinDays: number, lang: ExplainLang) {
  await requirePlan(ctx.db, planId);
  const today = todayInChina(ctx);
  const until = new Date(Date.parse(`${today}T00:00:00Z`) + withinDays * 86_400_000).toISOString().slice(0, 10);
  const rows = await ctx.db
    .selectFrom('agreement')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('term_until', '>=', today)
    .where('term_until', '<=', until)
    .orderBy('term_until')
    .execute();
  const items = (await summarise(ctx, planId, rows.map(toAgreement), lang)).map(({ matters: _m, ...a }) => ({
    ...a,
    daysLeft: Math.round((Date.parse(`${a.termUntil}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000),
  }));
  return { asOf: today, withinDays, items };
}

export async function getAgreement(ctx: ServiceContext, id: string, lang: ExplainLang): Promise<AgreementDetail> {
  const a = await requireAgreement(ctx.db, id);
  return (await summarise(ctx, a.planId, [a], lang))[0]!;
}

export async function createAgreement(ctx: ServiceContext, actor: Actor, planId: string, input: AgreementFields, lang: ExplainLang): Promise<AgreementDetail> {
  const id = await inTransaction(ctx, actor, async (tx, audit) => {
    await requirePlan(tx, planId);
    await assertParties(tx, input.parties);
    await assertProjects(tx, input.projectIds);
    const id = randomUUID();
    const at = nowIso(ctx);
    await tx
      .insertInto('agreement')
      .values({ id, plan_id: planId, title: input.title, parties: writeJson(input.parties), level: input.level, signed_on: input.signedOn, term_until: input.termUntil, documents: input.documents, created_at: at, updated_at: at })
      .execute();
    await setProjectLinks(tx, 'agreement_project', id, input.projectIds);
    await audit('agreement.create', 'agreement', id, null, input);
    return id;
  });
  return getAgreement(ctx, id, lang);
}

export async function updateAgreement(ctx: ServiceContext, actor: Actor, id: string, input: Partial<AgreementFields> & { version: number }, lang: ExplainLang): Promise<AgreementDetail> {
  await inTransaction(ctx, actor, async (tx, audit) => {
    const before = await requireAgreement(tx, id, input.version);
    const { version, ...patch } = input;
    if (patch.parties) await assertParties(tx, patch.parties);
    if (patch.projectIds) await assertProjects(tx, patch.projectIds);
    const beforeProjects = patch.projectIds ? ((await projectsOf(tx, 'agreement_project', [id])).get(id) ?? []).map((p) => p.id) : [];
    await writeVersioned(
      tx
        .updateTable('agreement')
        .set({
          ...(patch.title !== undefined && { title: patch.title }),
          ...(patch.parties !== undefined && { parties: writeJson(patch.parties) }),
          ...(patch.level !== undefined && { level: patch.level }),
          ...(patch.signedOn !== undefined && { signed_on: patch.signedOn }),
          ...(patch.termUntil !== undefined && { term_until: patch.termUntil }),
          ...(patch.documents !== undefined && { documents: patch.documents }),
          version: version + 1,
          updated_at: nowIso(ctx),
        })
        .where('id', '=', id)
        .where('version', '=', version),
      { agreementId: id },
    );
    if (patch.projectIds) await setProjectLinks(tx, 'agreement_project', id, patch.projectIds);
    const changed = Object.keys(patch) as (keyof AgreementFields)[];
    await audit('agreement.update', 'agreement', id, Object.fromEntries(changed.map((k) => [k, k === 'projectIds' ? beforeProjects : before[k]])), patch);
  });
  return getAgreement(ctx, id, lang);
}

/** One matter (合作事项) of an agreement becomes a tracked task linked back to it. */
export async function addMatter(ctx: ServiceContext, actor: Actor, agreementId: string, input: SourcedTaskInput, lang: ExplainLang): Promise<SourcedTask> {
  const { planId, nodeId } = await inTransaction(ctx, actor, async (tx, audit) => {
    const a = await requireAgreement(tx, agreementId);
    const nodeId = await addSourcedTask(ctx, tx, actor, a.planId, input, { kind: 'agreement_matter', id: a.id, startOn: a.signedOn });
    await audit('agreement.matter_add', 'agreement', a.id, null, { nodeId, title: input.title, dueOn: input.dueOn ?? null, closureEvidence: input.closureEvidence });
    return { planId: a.planId, nodeId };
  });
  const tasks = (await listSourcedTasks(ctx, planId, 'agreement_matter', [agreementId], lang)).get(agreementId)!;
  return tasks.find((t) => t.nodeId === nodeId)!;
}

import { sql } from 'kysely';
import { DomainError, sectorsOf, type ProjectCategory, type ProjectPhase, type ProjectSide } from '../../domain';
import { writeJson } from '../../db/json';
import { containsText } from '../../db/queries/like';
import type { Executor } from '../../db/schema';
import { inTransaction, nowIso, type Actor, type ServiceContext } from '../context';
import type { Page } from '../paging';
import { requireProject, selectProjects, sideOfDivisions, toProject, type BudgetLine, type Project, type ProjectDocument, type ProjectLocation, type ProjectMilestone } from './project-model';
import { writeVersioned } from '../versioned-update';

export const PROJECT_SORTS = ['title', 'budgetTotal', 'phase', 'startDate', 'updatedAt'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];
const SORT_COLUMN = { title: 'project.title', budgetTotal: 'project.budget_total', phase: 'project.phase', startDate: 'project.start_date', updatedAt: 'project.updated_at' } as const;

export interface ProjectFilter {
  /** A category ('transport.rail') or its group ('transport'). */
  category?: string | undefined;
  phase?: ProjectPhase | undefined;
  unitId?: string | undefined;
  /** 'sichuan' also finds joint projects: they are Sichuan's too. */
  side?: ProjectSide | undefined;
  division?: string | undefined;
  q?: string | undefined;
}

export interface ProjectFields {
  title: string;
  description?: string | null | undefined;
  purpose?: string | null | undefined;
  category: ProjectCategory;
  type?: string | null | undefined;
  phase: ProjectPhase;
  startDate?: string | null | undefined;
  endDate?: string | null | undefined;
  periodText?: string | null | undefined;
  locations?: ProjectLocation[] | undefined;
  divisionCodes?: string[] | undefined;
  budgetTotal?: number | null | undefined;
  budgetPlan?: BudgetLine[] | undefined;
  owner?: string | null | undefined;
  unitId?: string | null | undefined;
  side?: ProjectSide | undefined;
  milestones?: ProjectMilestone[] | undefined;
  documents?: ProjectDocument[] | undefined;
  source?: string[] | undefined;
  note?: string | null | undefined;
}

export interface LinkedTask {
  nodeId: string;
  code: string;
  title: string;
  kind: string;
}

export function filterProjects(db: Executor, f: ProjectFilter) {
  let q = selectProjects(db);
  if (f.category) q = q.where((eb) => eb.or([eb('project.category', '=', f.category!), eb('project.category', 'like', `${f.category}.%`)]));
  if (f.phase) q = q.where('project.phase', '=', f.phase);
  if (f.unitId) q = q.where('project.unit_id', '=', f.unitId);
  if (f.side) q = q.where('project.side', 'in', f.side === 'joint' ? ['joint'] : [f.side, 'joint']);
  if (f.division) {
    const code = f.division;
    // A prefecture also finds the projects placed in its counties (510100 → 5101xx).
    const prefix = code.endsWith('00') && !code.startsWith('50') ? code.slice(0, 4) : code;
    q = q.where('project.id', 'in', db.selectFrom('project_division').select('project_id').where((eb) => eb.or([eb('division_code', '=', code), eb('division_code', 'like', `${prefix}%`)])));
  }
  if (f.q) q = q.where((eb) => eb.or([containsText(eb.ref('project.title'), f.q!), containsText(eb.ref('project.description'), f.q!), containsText(eb.ref('project.id'), f.q!)]));
  return q;
}

export async function listProjects(ctx: ServiceContext, f: ProjectFilter, page: { page: number; pageSize: number; sort?: ProjectSort | undefined; order: 'asc' | 'desc' }): Promise<Page<Project>> {
  const q = filterProjects(ctx.db, f);
  const [{ n }, rows] = await Promise.all([
    filterProjects(ctx.db, f).clearSelect().select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    q
      // Unknown values last in either direction: PostgreSQL and SQLite disagree where NULL sorts.
      .orderBy(sql`case when ${sql.ref(SORT_COLUMN[page.sort ?? 'title'])} is null then 1 else 0 end`)
      .orderBy(SORT_COLUMN[page.sort ?? 'title'], page.order)
      .orderBy('project.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
  ]);
  return { items: rows.map(toProject), total: Number(n), page: page.page, pageSize: page.pageSize };
}

/** Every project matching the filter, for the map and the exports (the library holds hundreds, not millions). */
export async function allProjects(db: Executor, f: ProjectFilter = {}): Promise<Project[]> {
  return (await filterProjects(db, f).orderBy('project.category').orderBy('project.title').execute()).map(toProject);
}

export async function linkedTasks(db: Executor, projectId: string): Promise<LinkedTask[]> {
  const rows = await db
    .selectFrom('project_task')
    .innerJoin('plan_node', 'plan_node.id', 'project_task.node_id')
    .select(['plan_node.id', 'plan_node.code', 'plan_node.title', 'plan_node.kind'])
    .where('project_task.project_id', '=', projectId)
    .where('plan_node.deleted_at', 'is', null)
    .orderBy('plan_node.sort_key')
    .execute();
  return rows.map((r) => ({ nodeId: r.id, code: r.code, title: r.title, kind: r.kind }));
}

async function assertRefs(db: Executor, input: Partial<ProjectFields>) {
  if (input.unitId) {
    const u = await db.selectFrom('unit').select('id').where('id', '=', input.unitId).executeTakeFirst();
    if (!u) throw new DomainError('UNIT_NOT_FOUND', { unitIds: [input.unitId] });
  }
  if (input.startDate && input.endDate && input.endDate < input.startDate) throw new DomainError('DATES_INVERTED', { startOn: input.startDate, dueOn: input.endDate });
}

export async function writeDivisions(db: Executor, projectId: string, codes: readonly string[]) {
  await db.deleteFrom('project_division').where('project_id', '=', projectId).execute();
  const unique = [...new Set(codes)];
  if (unique.length) await db.insertInto('project_division').values(unique.map((division_code) => ({ project_id: projectId, division_code }))).execute();
}

export function columnsOf(input: Partial<ProjectFields>) {
  return {
    ...(input.title !== undefined && { title: input.title }),
    ...(input.description !== undefined && { description: input.description }),
    ...(input.purpose !== undefined && { purpose: input.purpose }),
    ...(input.category !== undefined && { category: input.category, sector: writeJson(sectorsOf(input.category)) }),
    ...(input.type !== undefined && { type: input.type }),
    ...(input.phase !== undefined && { phase: input.phase }),
    ...(input.startDate !== undefined && { start_date: input.startDate }),
    ...(input.endDate !== undefined && { end_date: input.endDate }),
    ...(input.periodText !== undefined && { period_text: input.periodText }),
    ...(input.locations !== undefined && { locations: writeJson(input.locations) }),
    ...(input.divisionCodes !== undefined && { division_codes: writeJson([...new Set(input.divisionCodes)]), division_code: input.divisionCodes[0] ?? null }),
    ...(input.budgetTotal !== undefined && { budget_total: input.budgetTotal }),
    ...(input.budgetPlan !== undefined && { budget_plan: writeJson([...input.budgetPlan].sort((a, b) => a.year - b.year)) }),
    ...(input.owner !== undefined && { owner: input.owner }),
    ...(input.unitId !== undefined && { unit_id: input.unitId }),
    ...(input.side !== undefined && { side: input.side }),
    ...(input.milestones !== undefined && { milestones: writeJson(input.milestones) }),
    ...(input.documents !== undefined && { documents: writeJson(input.documents) }),
    ...(input.source !== undefined && { source: writeJson(input.source) }),
    ...(input.note !== undefined && { note: input.note }),
  };
}

export async function createProject(ctx: ServiceContext, actor: Actor, input: ProjectFields & { id?: string | undefined }): Promise<Project> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    await assertRefs(tx, input);
    const id = input.id ?? `p-${crypto.randomUUID()}`;
    if (await tx.selectFrom('project').select('id').where('id', '=', id).executeTakeFirst()) throw new DomainError('PROJECT_EXISTS', { projectId: id });
    const at = nowIso(ctx);
    const divisions = input.divisionCodes ?? [];
    await tx
      .insertInto('project')
      .values({ id, ...columnsOf(input), title: input.title, category: input.category, phase: input.phase, side: input.side ?? sideOfDivisions(divisions), origin: 'manual', created_at: at, updated_at: at })
      .execute();
    await writeDivisions(tx, id, divisions);
    await audit('project.create', 'project', id, null, input);
    return requireProject(tx, id);
  });
}

export async function updateProject(ctx: ServiceContext, actor: Actor, id: string, input: Partial<ProjectFields> & { version: number }): Promise<Project> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const before = await requireProject(tx, id, input.version);
    const { version, ...patch } = input;
    await assertRefs(tx, { ...patch, startDate: patch.startDate ?? before.startDate, endDate: patch.endDate ?? before.endDate });
    await writeVersioned(
      tx
        .updateTable('project')
        // An office edit wins over a later shipped data file.
        .set({ ...columnsOf(patch), user_edited: 1, version: version + 1, updated_at: nowIso(ctx) })
        .where('id', '=', id)
        .where('version', '=', version),
      { projectId: id },
    );
    if (patch.divisionCodes) await writeDivisions(tx, id, patch.divisionCodes);
    const changed = Object.keys(patch) as (keyof ProjectFields)[];
    await audit('project.update', 'project', id, Object.fromEntries(changed.map((k) => [k, before[k as keyof Project]])), patch);
    return requireProject(tx, id);
  });
}

/** Links a project to plan tasks it delivers; the project page lists them with links into the plan. */
export async function linkTasks(ctx: ServiceContext, actor: Actor, projectId: string, nodeIds: string[]): Promise<LinkedTask[]> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    await requireProject(tx, projectId);
    const unique = [...new Set(nodeIds)];
    const found = unique.length ? await tx.selectFrom('plan_node').select('id').where('id', 'in', unique).where('deleted_at', 'is', null).execute() : [];
    const missing = unique.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw new DomainError('NODE_NOT_FOUND', { nodeIds: missing });
    const existing = new Set((await tx.selectFrom('project_task').select('node_id').where('project_id', '=', projectId).execute()).map((r) => r.node_id));
    const added = unique.filter((id) => !existing.has(id));
    const at = nowIso(ctx);
    if (added.length) await tx.insertInto('project_task').values(added.map((node_id) => ({ project_id: projectId, node_id, created_at: at }))).execute();
    await audit('project.link_tasks', 'project', projectId, null, { added });
    return linkedTasks(tx, projectId);
  });
}

export async function unlinkTask(ctx: ServiceContext, actor: Actor, projectId: string, nodeId: string): Promise<LinkedTask[]> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    await requireProject(tx, projectId);
    const res = await tx.deleteFrom('project_task').where('project_id', '=', projectId).where('node_id', '=', nodeId).executeTakeFirst();
    if (!Number(res.numDeletedRows)) throw new DomainError('NODE_NOT_FOUND', { nodeId });
    await audit('project.unlink_task', 'project', projectId, { nodeId }, null);
    return linkedTasks(tx, projectId);
  });
}

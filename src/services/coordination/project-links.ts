import { DomainError } from '../../domain';
import type { Executor } from '../../db/schema';

/** Projects of the library a request serves or an agreement contains, as {id, title}. */
export interface ProjectRef {
  id: string;
  title: string;
}

type LinkTable = 'national_request_project' | 'agreement_project';
const OWNER = { national_request_project: 'request_id', agreement_project: 'agreement_id' } as const;

/** Every id must name a project of the library; the unknown ones are listed in the error. */
export async function assertProjects(db: Executor, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  const found = new Set((await db.selectFrom('project').select('id').where('id', 'in', [...ids]).execute()).map((p) => p.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw new DomainError('PROJECT_NOT_FOUND', { projectIds: missing });
}

/** Replaces an owner's project links (the caller has checked the ids and audits the change). */
export async function setProjectLinks(db: Executor, table: LinkTable, ownerId: string, ids: readonly string[]): Promise<void> {
  const col = OWNER[table];
  await db.deleteFrom(table).where(col, '=', ownerId).execute();
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  if (table === 'national_request_project') await db.insertInto(table).values(unique.map((project_id) => ({ request_id: ownerId, project_id }))).execute();
  else await db.insertInto(table).values(unique.map((project_id) => ({ agreement_id: ownerId, project_id }))).execute();
}

/** The linked projects of many owners in one query, each list by title. */
export async function projectsOf(db: Executor, table: LinkTable, ownerIds: readonly string[]): Promise<Map<string, ProjectRef[]>> {
  const out = new Map<string, ProjectRef[]>(ownerIds.map((id) => [id, []]));
  if (!ownerIds.length) return out;
  const rows =
    table === 'national_request_project'
      ? await db
          .selectFrom('national_request_project as l')
          .innerJoin('project', 'project.id', 'l.project_id')
          .select(['l.request_id as owner_id', 'project.id', 'project.title'])
          .where('l.request_id', 'in', [...ownerIds])
          .orderBy('project.title')
          .execute()
      : await db
          .selectFrom('agreement_project as l')
          .innerJoin('project', 'project.id', 'l.project_id')
          .select(['l.agreement_id as owner_id', 'project.id', 'project.title'])
          .where('l.agreement_id', 'in', [...ownerIds])
          .orderBy('project.title')
          .execute();
  for (const r of rows) out.get(r.owner_id)?.push({ id: r.id, title: r.title });
  return out;
}

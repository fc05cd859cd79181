import { projectNameVariants, tasksMentioning, type PlanTaskText } from '../../domain';
import type { ServiceContext } from '../context';

/** The key area the three hour-networks belong to (the Decision's transport tasks). */
const TRANSPORT_KEY_AREA = 'transport';

export interface GapProject {
  /** The project's title in the library, null when the library does not hold it (its page will say so). */
  title: string | null;
  /**
   * The plan's tasks the project serves: those the library links to it (`linked`), then the
   * transport tasks whose text names one of its lines or its title (`mentioned`).
   */
  tasks: { nodeId: string; code: string; title: string; how: 'linked' | 'mentioned' }[];
}

/**
 * For the gap panel: each attributed project with its library title and the plan's transport tasks.
 * Three queries whatever the number of projects (library rows, explicit links, the live plan text).
 */
export async function gapProjects(ctx: ServiceContext, projectIds: readonly string[], lineNames: ReadonlyMap<string, readonly string[]>): Promise<Record<string, GapProject>> {
  const out: Record<string, GapProject> = {};
  if (!projectIds.length) return out;
  const ids = [...new Set(projectIds)];
  const [library, linked, nodes] = await Promise.all([
    ctx.db.selectFrom('project').select(['id', 'title']).where('id', 'in', ids).execute(),
    ctx.db
      .selectFrom('project_task')
      .innerJoin('plan_node', 'plan_node.id', 'project_task.node_id')
      .select(['project_task.project_id', 'plan_node.id', 'plan_node.code', 'plan_node.title', 'plan_node.sort_key'])
      .where('project_task.project_id', 'in', ids)
      .where('plan_node.deleted_at', 'is', null)
      .orderBy('plan_node.sort_key')
      .execute(),
    ctx.db.selectFrom('plan_node').select(['id', 'parent_id', 'kind', 'code', 'title', 'body', 'key_area', 'sort_key']).where('deleted_at', 'is', null).where('cancelled', '=', 0).orderBy('sort_key').execute(),
  ]);
  const titles = new Map(library.map((p) => [p.id, p.title]));
  const texts: PlanTaskText[] = nodes.map((n) => ({ id: n.id, parentId: n.parent_id, kind: n.kind, code: n.code, title: n.title, body: n.body, keyArea: n.key_area }));
  for (const id of ids) {
    const tasks: GapProject['tasks'] = linked.filter((l) => l.project_id === id).map((l) => ({ nodeId: l.id, code: l.code, title: l.title, how: 'linked' }));
    const seen = new Set(tasks.map((x) => x.nodeId));
    const variants = projectNameVariants([...(lineNames.get(id) ?? []), titles.get(id)]);
    for (const n of tasksMentioning(texts, TRANSPORT_KEY_AREA, variants)) {
      if (!seen.has(n.id)) tasks.push({ nodeId: n.id, code: n.code, title: n.title, how: 'mentioned' });
    }
    out[id] = { title: titles.get(id) ?? null, tasks };
  }
  return out;
}

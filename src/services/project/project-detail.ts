import type { Actor, ServiceContext } from '../context';
import { requireProject, type Project } from './project-model';
import { listProjectReports, projectSeries, type ProjectReport, type ProjectSeries } from './project-reports';
import { allProjects, linkedTasks, type LinkedTask, type ProjectFilter } from './projects';

export interface ProjectDetail extends Project {
  tasks: LinkedTask[];
  reports: ProjectReport[];
  series: ProjectSeries;
  divisions: { code: string; name: string }[];
}

export async function getProject(ctx: ServiceContext, actor: Actor, id: string): Promise<ProjectDetail> {
  const project = await requireProject(ctx.db, id);
  const [tasks, reports, series, divisions] = await Promise.all([
    linkedTasks(ctx.db, id),
    listProjectReports(ctx, actor, id),
    projectSeries(ctx, id),
    project.divisionCodes.length ? ctx.db.selectFrom('division').select(['code', 'name']).where('code', 'in', project.divisionCodes).execute() : Promise.resolve([]),
  ]);
  return { ...project, tasks, reports, series, divisions };
}

export interface MapProject {
  id: string;
  title: string;
  category: Project['category'];
  phase: Project['phase'];
  side: Project['side'];
  budgetTotal: number | null;
  divisionCodes: string[];
  locations: Project['locations'];
}

/** The projects the map draws: only what the layer needs, for all matching projects at once. */
export async function mapProjects(ctx: ServiceContext, filter: ProjectFilter): Promise<MapProject[]> {
  return (await allProjects(ctx.db, filter)).map((p) => ({ id: p.id, title: p.title, category: p.category, phase: p.phase, side: p.side, budgetTotal: p.budgetTotal, divisionCodes: p.divisionCodes, locations: p.locations }));
}

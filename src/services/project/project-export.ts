import { writeProjectList } from '../../documents/project-list';
import type { ServiceContext } from '../context';
import { todayInChina } from '../status/plan-status';
import { toOc4idsPackage } from './oc4ids';
import { allProjects, type ProjectFilter } from './projects';

export async function exportProjectsXlsx(ctx: ServiceContext, filter: ProjectFilter): Promise<{ fileName: string; content: Buffer }> {
  const projects = await allProjects(ctx.db, filter);
  const today = todayInChina(ctx);
  const year = Number(today.slice(0, 4));
  const content = await writeProjectList(
    '成渝地区双城经济圈重大项目库',
    projects.map((p) => ({
      title: p.title,
      category: p.category,
      scope: p.description,
      // Years from the dates, which import back; the free-text period only when no date is known.
      years: [...new Set([p.startDate?.slice(0, 4), p.endDate?.slice(0, 4)].filter(Boolean))].join('-') || (p.periodText && /(19|20)\d{2}/.test(p.periodText) ? p.periodText : null),
      total: p.budgetTotal,
      annualPlan: p.budgetPlan.filter((b) => b.year === year).reduce<number | null>((s, b) => (s ?? 0) + b.amount, null),
      unit: [p.unitName, p.owner].filter(Boolean).join('/') || null,
      location: null,
      note: p.note,
    })),
    year,
  );
  return { fileName: `重大项目库-${today}.xlsx`, content };
}

export async function exportProjectsOc4ids(ctx: ServiceContext, filter: ProjectFilter, uriBase: string) {
  const projects = await allProjects(ctx.db, filter);
  return toOc4idsPackage(projects, { uriBase, publishedDate: ctx.clock().toISOString() });
}

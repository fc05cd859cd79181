import { compareCodes, formatDeadlineText } from '../../domain';
import { writeTaskDivisionSheet, type TaskDivisionTask } from '../../documents/task-division';
import type { ServiceContext } from '../context';
import { requirePlan } from '../plan/read-plan';

/** The plan back in the 任务分工表 layout offices circulate: a section per article, key tasks merged over their works. */
export async function exportTaskDivision(ctx: ServiceContext, planId: string): Promise<{ fileName: string; content: Buffer }> {
  const plan = await requirePlan(ctx.db, planId);
  const [nodes, assignments] = await Promise.all([
    ctx.db.selectFrom('plan_node').select(['id', 'parent_id', 'kind', 'code', 'title', 'due_on', 'deadline_text', 'body']).where('plan_id', '=', planId).where('deleted_at', 'is', null).where('kind', '!=', 'milestone').execute(),
    ctx.db.selectFrom('assignment').innerJoin('unit', 'unit.id', 'assignment.unit_id').select(['assignment.node_id', 'assignment.role', 'unit.name']).where('assignment.plan_id', '=', planId).orderBy('unit.sort_order').execute(),
  ]);
  const units = (id: string, role: string) => assignments.filter((a) => a.node_id === id && a.role === role).map((a) => a.name);
  const children = (id: string) => nodes.filter((n) => n.parent_id === id && n.kind === 'task').sort((a, b) => compareCodes(a.code, b.code));
  const work = (n: (typeof nodes)[number]) => ({
    title: n.title,
    lead: units(n.id, 'lead'),
    participants: units(n.id, 'participant'),
    deadlineText: n.deadline_text ?? (n.due_on ? formatDeadlineText(n.due_on) : ''),
  });
  const sections = nodes
    .filter((n) => n.kind === 'article')
    .sort((a, b) => compareCodes(a.code, b.code))
    .map((a) => ({ title: `${a.code} ${a.title}`, tasks: children(a.id).map((t): TaskDivisionTask => ({ ...work(t), works: children(t.id).map(work) })) }))
    .filter((s) => s.tasks.length > 0);
  const content = await writeTaskDivisionSheet({ title: `${plan.shortTitle}重点任务分工表`, sections }, { subtitle: `导出日期：${new Date().toISOString().slice(0, 10)}` });
  return { fileName: `${plan.shortTitle}-任务分工表.xlsx`, content };
}

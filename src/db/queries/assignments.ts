import type { Executor } from '../schema';

export type AssignmentRole = 'lead' | 'participant';

export interface Assignment {
  nodeId: string;
  unitId: string;
  unitName: string;
  side: 'sichuan' | 'chongqing';
  role: AssignmentRole;
}

const base = (db: Executor) =>
  db
    .selectFrom('assignment')
    .innerJoin('unit', 'unit.id', 'assignment.unit_id')
    .select(['assignment.node_id', 'assignment.unit_id', 'unit.name', 'unit.side', 'assignment.role'])
    .orderBy('assignment.role')
    .orderBy('unit.sort_order');

const toAssignment = (r: { node_id: string; unit_id: string; name: string; side: string; role: string }): Assignment => ({
  nodeId: r.node_id,
  unitId: r.unit_id,
  unitName: r.name,
  side: r.side as Assignment['side'],
  role: r.role as AssignmentRole,
});

export async function listPlanAssignments(db: Executor, planId: string): Promise<Assignment[]> {
  return (await base(db).where('assignment.plan_id', '=', planId).execute()).map(toAssignment);
}

export async function listNodeAssignments(db: Executor, nodeId: string): Promise<Assignment[]> {
  return (await base(db).where('assignment.node_id', '=', nodeId).execute()).map(toAssignment);
}

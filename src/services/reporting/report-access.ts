import { DomainError, scopeOf, type ReportActorRole } from '../../domain';
import type { Report } from '../../db/queries/reports';
import type { Executor } from '../../db/schema';
import type { Actor } from '../context';

/** The workflow roles the actor holds towards this report: staff or lead of its unit, or the office. */
export function workflowRolesFor(actor: Actor, report: { unitId: string }): ReportActorRole[] {
  const roles: ReportActorRole[] = [];
  const ownUnit = actor.unitId === report.unitId;
  const write = scopeOf(actor.roles, 'report:write');
  const approve = scopeOf(actor.roles, 'report:approve');
  if (write === 'all' || (write === 'own-unit' && ownUnit)) roles.push('unit_staff');
  if (approve === 'all' || (approve === 'own-unit' && ownUnit)) roles.push('unit_lead');
  if (scopeOf(actor.roles, 'report:review') === 'all') roles.push('office');
  return roles;
}

/**
 * Who may read a report: its own unit always; the lead unit of the same task sees participants'
 * contributions once submitted; office, admin and leaders see everything except other units' drafts.
 */
export async function assertCanRead(db: Executor, actor: Actor, report: Report): Promise<void> {
  if (actor.unitId === report.unitId) return;
  const isDraft = report.state === 'draft' || report.state === 'returned';
  if (scopeOf(actor.roles, 'report:read') === 'all') {
    if (isDraft && !actor.roles.includes('admin')) throw new DomainError('REPORT_NOT_FOUND', { reportId: report.id });
    return;
  }
  if (!isDraft && actor.unitId && report.role === 'participant') {
    const leads = await db
      .selectFrom('assignment')
      .select('unit_id')
      .where('node_id', '=', report.nodeId)
      .where('role', '=', 'lead')
      .where('unit_id', '=', actor.unitId)
      .executeTakeFirst();
    if (leads) return;
  }
  // Not found rather than forbidden: another unit's report should not even be confirmed to exist.
  throw new DomainError('REPORT_NOT_FOUND', { reportId: report.id });
}

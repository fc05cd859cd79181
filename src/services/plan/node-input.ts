import type { NodeKind, Priority } from '../../domain';

export interface NodeFields {
  title: string;
  body: string | null;
  weight: number;
  priority: Priority;
  startOn: string | null;
  dueOn: string | null;
  keyArea: string | null;
  completionCriterion: string | null;
  evidenceRequired: boolean;
  cancelled: boolean;
  completedOn: string | null;
  deadlineText: string | null;
  divisionCodes: string[];
}

export interface CreateNodeInput extends Partial<Omit<NodeFields, 'title'>> {
  parentId: string;
  kind: Extract<NodeKind, 'task' | 'milestone'>;
  title: string;
}

export type UpdateNodeInput = Partial<NodeFields> & { version: number };

export interface MoveNodeInput {
  version: number;
  parentId: string;
  position: number;
}

/** The audit view of a node: the fields a person edits, in domain words. */
export function auditView(r: {
  parent_id: string | null;
  kind: string;
  code: string;
  title: string;
  body: string | null;
  weight: number;
  priority: string;
  start_on: string | null;
  due_on: string | null;
  key_area: string | null;
  completion_criterion: string | null;
  evidence_required: number;
  cancelled: number;
  completed_on: string | null;
  deadline_text: string | null;
  division_codes: string;
  version: number;
}) {
  return {
    parentId: r.parent_id,
    kind: r.kind,
    code: r.code,
    title: r.title,
    body: r.body,
    weight: Number(r.weight),
    priority: r.priority,
    startOn: r.start_on,
    dueOn: r.due_on,
    keyArea: r.key_area,
    completionCriterion: r.completion_criterion,
    evidenceRequired: Boolean(r.evidence_required),
    cancelled: Boolean(r.cancelled),
    completedOn: r.completed_on,
    deadlineText: r.deadline_text,
    divisionCodes: r.division_codes,
    version: Number(r.version),
  };
}

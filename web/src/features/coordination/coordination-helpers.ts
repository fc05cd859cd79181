import type { Dayjs } from 'dayjs';
import type { PartySide, TSourcedTask, TSourcedTaskBody } from '../../api/coordination';

/** A form's optional text: blank → null, else trimmed. */
export function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** A DatePicker's value → `YYYY-MM-DD` or null. */
export function isoDate(value: Dayjs | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null;
}

export type SourcedTaskValues = { title: string; leads: string[]; participants?: string[]; dueOn?: Dayjs | null; closureEvidence: string; articleId?: string | undefined };

/** The add-decision (or matter, or task) form → the API body; a unit chosen as lead is not also a participant. */
export function sourcedTaskBody(v: SourcedTaskValues): TSourcedTaskBody {
  const leads = [...new Set(v.leads)];
  const participants = [...new Set(v.participants ?? [])].filter((id) => !leads.includes(id));
  return { title: v.title.trim(), leads, participants, dueOn: isoDate(v.dueOn), closureEvidence: v.closureEvidence.trim(), ...(v.articleId && { articleId: v.articleId }) };
}

/** The first reason the status gives (why it is red or yellow), or null. */
export function firstReason(task: Pick<TSourcedTask, 'reasons'>): string | null {
  return task.reasons[0]?.text ?? null;
}

export type PartyValues = { name?: string; side?: PartySide; unitId?: string | null };

/** The agreement form's party rows → the API's parties; rows without a name are dropped. A unit, when picked, is who gets the expiry reminder. */
export function partiesFromForm(rows: readonly PartyValues[] | undefined): { name: string; side: PartySide; unitId?: string }[] {
  return (rows ?? []).flatMap((r) => {
    const name = r.name?.trim() ?? '';
    if (!name) return [];
    return [r.unitId ? { name, side: r.side ?? 'sichuan', unitId: r.unitId } : { name, side: r.side ?? 'sichuan' }];
  });
}

export type TaskTreeNode = { value: string; title: string; selectable: boolean; children: TaskTreeNode[] };

/**
 * The plan as a tree for picking the tasks a request serves: every node shows as 「code title」, only
 * tasks can be picked (parts and articles open the way to them), cancelled nodes are left out.
 */
export function buildTaskTree(nodes: readonly OutlineNode[]): TaskTreeNode[] {
  return outlineTree(nodes, (n) => n.kind === 'task', () => true);
}

/** Parts with their articles, only articles selectable: where a decision is filed (tasks are not shown). */
export function buildArticleTree(nodes: readonly OutlineNode[]): TaskTreeNode[] {
  return outlineTree(nodes, (n) => n.kind === 'article', (n) => n.kind === 'part' || n.kind === 'article');
}

type OutlineNode = { id: string; parentId: string | null; kind: string; code: string; seq: number; title: string; cancelled: boolean };

function outlineTree(nodes: readonly OutlineNode[], selectable: (n: OutlineNode) => boolean, shown: (n: OutlineNode) => boolean): TaskTreeNode[] {
  const children = new Map<string | null, OutlineNode[]>();
  for (const n of nodes) {
    if (n.cancelled || !shown(n)) continue;
    const list = children.get(n.parentId) ?? [];
    list.push(n);
    children.set(n.parentId, list);
  }
  const build = (parentId: string | null): TaskTreeNode[] =>
    (children.get(parentId) ?? [])
      .sort((a, b) => a.seq - b.seq)
      .map((n) => ({ value: n.id, title: `${n.code} ${n.title}`, selectable: selectable(n), children: build(n.id) }));
  return build(null);
}

/** Where the way back from a task leads: the meeting page, or the register opened on the record. */
export function sourcePath(kind: string | null | undefined, id: string | null | undefined): string | null {
  if (!kind || !id) return null;
  if (kind === 'meeting_decision') return `/meetings/${id}`;
  if (kind === 'agreement_matter') return `/agreements?open=${encodeURIComponent(id)}`;
  if (kind === 'national_request') return `/national-requests?open=${encodeURIComponent(id)}`;
  return null;
}

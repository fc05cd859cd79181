import dayjs, { type Dayjs } from 'dayjs';
import type { Priority, TNode, TNodeCreate, TNodePatch } from '../../api/types';
import { isStructural } from './node-rules';

export type NodeFormValues = {
  title: string;
  body?: string | null;
  weight?: number | null;
  priority?: Priority;
  startOn?: Dayjs | null;
  dueOn?: Dayjs | null;
  keyArea?: string | null;
  completionCriterion?: string | null;
  evidenceRequired?: boolean;
  deadlineText?: string | null;
  cancelled?: boolean;
};

const DATE = 'YYYY-MM-DD';

const toDate = (value: string | null): Dayjs | null => (value ? dayjs(value, DATE) : null);
const fromDate = (value: Dayjs | null | undefined): string | null => (value ? value.format(DATE) : null);
const blankToNull = (value: string | null | undefined): string | null => (value && value.trim() !== '' ? value : null);

export function valuesFromNode(node: TNode): NodeFormValues {
  return {
    title: node.title,
    body: node.body,
    weight: node.weight,
    priority: node.priority,
    startOn: toDate(node.startOn),
    dueOn: toDate(node.dueOn),
    keyArea: node.keyArea,
    completionCriterion: node.completionCriterion,
    evidenceRequired: node.evidenceRequired,
    deadlineText: node.deadlineText,
    cancelled: node.cancelled,
  };
}

/** A new task or milestone starts with the parent's key area, the usual case. */
export function valuesForNew(parent: TNode): NodeFormValues {
  return { title: '', weight: 1, priority: 'normal', keyArea: parent.keyArea, evidenceRequired: false, cancelled: false };
}

export function toCreateBody(parentId: string, kind: 'task' | 'milestone', v: NodeFormValues): TNodeCreate {
  const body: TNodeCreate = { parentId, kind, title: v.title.trim() };
  const text = blankToNull(v.body);
  if (text !== null) body.body = text;
  if (v.weight !== undefined && v.weight !== null) body.weight = v.weight;
  if (v.priority) body.priority = v.priority;
  const startOn = fromDate(v.startOn);
  if (startOn) body.startOn = startOn;
  const dueOn = fromDate(v.dueOn);
  if (dueOn) body.dueOn = dueOn;
  if (v.keyArea) body.keyArea = v.keyArea;
  const criterion = blankToNull(v.completionCriterion);
  if (criterion !== null) body.completionCriterion = criterion.trim();
  const deadlineText = blankToNull(v.deadlineText);
  if (deadlineText !== null) body.deadlineText = deadlineText.trim();
  if (v.evidenceRequired) body.evidenceRequired = true;
  if (v.cancelled) body.cancelled = true;
  return body;
}

/** Parts and articles carry the Decision's text only: title and body are all that may change. */
export function toPatchBody(node: TNode, v: NodeFormValues): TNodePatch {
  const patch: TNodePatch = { version: node.version, title: v.title.trim(), body: blankToNull(v.body) };
  if (isStructural(node.kind)) return patch;
  return {
    ...patch,
    weight: v.weight ?? 0,
    priority: v.priority ?? 'normal',
    startOn: fromDate(v.startOn),
    dueOn: fromDate(v.dueOn),
    keyArea: v.keyArea ?? null,
    completionCriterion: blankToNull(v.completionCriterion)?.trim() ?? null,
    evidenceRequired: v.evidenceRequired ?? false,
    deadlineText: blankToNull(v.deadlineText)?.trim() ?? null,
    cancelled: v.cancelled ?? false,
  };
}

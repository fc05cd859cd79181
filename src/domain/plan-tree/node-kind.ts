export const NODE_KINDS = ['part', 'article', 'task', 'milestone'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const PRIORITIES = ['high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/**
 * Which kind may sit under which. A task may hold sub-tasks because offices' 任务分工表 list a key
 * task (重点任务) over several specific works (具体工作); a milestone is always a leaf.
 */
const ALLOWED_PARENTS: Record<NodeKind, readonly (NodeKind | null)[]> = {
  part: [null],
  article: ['part'],
  task: ['article', 'task'],
  milestone: ['task'],
};

export function canBeChildOf(kind: NodeKind, parentKind: NodeKind | null): boolean {
  return ALLOWED_PARENTS[kind].includes(parentKind);
}

/** Parts and articles are the Decision's own text: the office may reword them but not remove or reorder them. */
export function isStructural(kind: NodeKind): boolean {
  return kind === 'part' || kind === 'article';
}

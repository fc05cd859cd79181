import type { NodeKind } from '../../api/types';

// The plan's shape (DESIGN.md): parts → articles → tasks → milestones; a task may hold sub-tasks.
// Parts and articles are the Decision's own text, so they can be edited but not moved or deleted.
const ALLOWED_PARENTS: Record<NodeKind, readonly NodeKind[]> = {
  part: [],
  article: ['part'],
  task: ['article', 'task'],
  milestone: ['task'],
};

export function canBeChildOf(child: NodeKind, parent: NodeKind): boolean {
  return ALLOWED_PARENTS[child].includes(parent);
}

export function isStructural(kind: NodeKind): boolean {
  return kind === 'part' || kind === 'article';
}

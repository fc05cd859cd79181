import { compareCodes, compareStatus, cycleLabelInEnglish, explainReason, type ExplainLang, type Reason, type Status } from '../../domain';
import type { NodeStatus, PlanStatus } from './plan-status';

export interface NodeStatusView {
  nodeId: string;
  kind: string;
  code: string;
  title: string;
  status: Status | null;
  reasons: { code: Reason['code']; text: string }[];
  plannedPct: number | null;
  actualPct: number | null;
  progressPct: number;
  counts: Record<Status, number>;
  leads: string[];
  participants: string[];
  isLeaf: boolean;
  /** Where a task came from when not the Decision's text (a meeting, agreement or national request), for the way back. */
  sourceKind: string | null;
  sourceId: string | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function nodeStatusView(s: NodeStatus, lang: ExplainLang): NodeStatusView {
  return {
    nodeId: s.node.id,
    kind: s.node.kind,
    code: s.node.code,
    title: s.node.title,
    status: s.task?.status ?? null,
    reasons: (s.task?.reasons ?? []).map((r) => ({ code: r.code, text: lang === 'en' ? cycleLabelInEnglish(explainReason(r, lang)) : explainReason(r, lang) })),
    plannedPct: s.task?.plannedPct ?? null,
    actualPct: s.task ? s.task.actualPct : null,
    progressPct: round1(s.rollup.progressPct),
    counts: s.rollup.counts,
    leads: s.leads.map((u) => u.unitName),
    participants: s.participants.map((u) => u.unitName),
    isLeaf: s.isLeaf,
    sourceKind: s.node.sourceKind,
    sourceId: s.node.sourceId,
  };
}

/**
 * Every node's view, in code order, kept per status object and language: the plan page asks for it on
 * every visit and rebuilding 1,500 views with their texts (20k at L) per request cost more than sending them.
 * The same object is handed out again, so the route keeps its JSON text too (memoJson).
 */
const planViews = new WeakMap<PlanStatus, Map<ExplainLang, { asOf: string; items: NodeStatusView[] }>>();
export function planStatusView(p: PlanStatus, lang: ExplainLang): { asOf: string; items: NodeStatusView[] } {
  let byLang = planViews.get(p);
  if (!byLang) planViews.set(p, (byLang = new Map()));
  let view = byLang.get(lang);
  if (!view) {
    view = { asOf: p.asOf, items: [...p.nodes.values()].sort((a, b) => compareCodes(a.node.code, b.node.code)).map((s) => nodeStatusView(s, lang)) };
    byLang.set(lang, view);
  }
  return view;
}

/** Lagging tasks, worst first, then by how many reasons and by code. */
export function laggingTasks(p: PlanStatus): NodeStatus[] {
  return [...p.nodes.values()]
    .filter((s) => s.isLeaf && (s.task?.status === 'red' || s.task?.status === 'yellow'))
    .sort((a, b) => compareStatus(a.task!.status, b.task!.status) || b.task!.reasons.length - a.task!.reasons.length || compareCodes(a.node.code, b.node.code));
}

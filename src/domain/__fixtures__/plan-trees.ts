import type { RollupNode } from '../rollup/rollup-progress';
import type { Status } from '../status/status';

/** A node not yet placed: `plan()` fills in parent ids. */
export interface Draft {
  node: Omit<RollupNode, 'parentId'>;
  children: Draft[];
}

export type TaskOverrides = Partial<Pick<RollupNode, 'weight' | 'cancelled' | 'progressPct'>> & { status?: Status };

/** The id of the node `plan()` puts above the parts, so a whole plan rolls up to one figure. */
export const PLAN_ROOT = 'plan';

export function part(code: string, children: Draft[] = [], over: Partial<Pick<RollupNode, 'weight' | 'cancelled'>> = {}): Draft {
  return { node: { id: code, weight: 1, ...over }, children };
}

export const article = part;

/**
 * A task leaf (or, given children, a key task over specific works). Defaults: weight 1, never reported,
 * not started; a cancelled task is counted as cancelled whatever status it is given.
 */
export function task(code: string, over: TaskOverrides = {}, children: Draft[] = []): Draft {
  const node: Omit<RollupNode, 'parentId'> = { id: code, weight: 1, progressPct: null, status: 'not_started', ...over };
  if (over.cancelled && !over.status) node.status = 'cancelled';
  return { node, children };
}

/**
 * Flattens drafts into RollupNode[] under PLAN_ROOT, ids = codes. A draft given out of place (say
 * `task('4.2.1')` at the top) gets its missing part and article created, so a test names only what it needs.
 */
export function plan(drafts: Draft[]): RollupNode[] {
  const out: RollupNode[] = [{ id: PLAN_ROOT, parentId: null, weight: 1 }];
  const ids = new Set<string>([PLAN_ROOT]);
  const place = (d: Draft, parentId: string) => {
    out.push({ ...d.node, parentId });
    ids.add(d.node.id);
    for (const c of d.children) place(c, d.node.id);
  };
  const ensure = (code: string): string => {
    if (ids.has(code)) return code;
    const dot = code.lastIndexOf('.');
    const parentId = dot < 0 ? PLAN_ROOT : ensure(code.slice(0, dot));
    out.push({ id: code, parentId, weight: 1 });
    ids.add(code);
    return code;
  };
  for (const d of drafts) {
    const dot = d.node.id.lastIndexOf('.');
    place(d, dot < 0 ? PLAN_ROOT : ensure(d.node.id.slice(0, dot)));
  }
  return out;
}

/** Part 3 with two articles and a key task over two works; part 4 has one reported task and one cancelled. */
export const DECISION_SAMPLE: RollupNode[] = plan([
  part('3', [
    article('3.1', [
      task('3.1.1', { weight: 2, progressPct: 80, status: 'green' }),
      task('3.1.2', { weight: 1, progressPct: 20, status: 'red' }),
    ]),
    article('3.2', [
      task('3.2.1', { weight: 1 }, [
        task('3.2.1.1', { weight: 1, progressPct: 100, status: 'completed' }),
        task('3.2.1.2', { weight: 3, progressPct: 40, status: 'yellow' }),
      ]),
    ]),
  ]),
  part('4', [
    article('4.1', [
      task('4.1.1', { progressPct: 30, status: 'green' }),
      task('4.1.2', { progressPct: 90, status: 'green', cancelled: true }),
    ]),
  ]),
]);

import { daysBetween, type IsoDate } from './iso-date';

export interface BaselineEntry {
  code: string;
  title: string;
  startOn: IsoDate | null;
  dueOn: IsoDate | null;
  weight: number;
}

export type BaselineSnapshot = Record<string, BaselineEntry>;

export interface Variance {
  nodeId: string;
  code: string;
  title: string;
  change: 'added' | 'removed' | 'changed';
  baseline: BaselineEntry | null;
  current: BaselineEntry | null;
  /** Positive: due later than approved (slipped); negative: earlier. Null when either side has no due date. */
  dueSlipDays: number | null;
  startSlipDays: number | null;
  weightDelta: number | null;
}

/** What moved since the approved blueprint: tasks added or removed, dates slipped or pulled in, weights changed. */
export function compareWithBaseline(baseline: BaselineSnapshot, current: BaselineSnapshot): Variance[] {
  const out: Variance[] = [];
  const slip = (a: IsoDate | null | undefined, b: IsoDate | null | undefined) => (a && b ? daysBetween(a, b) : null);
  for (const [id, cur] of Object.entries(current)) {
    const base = baseline[id];
    if (!base) {
      out.push({ nodeId: id, code: cur.code, title: cur.title, change: 'added', baseline: null, current: cur, dueSlipDays: null, startSlipDays: null, weightDelta: null });
      continue;
    }
    if (base.startOn === cur.startOn && base.dueOn === cur.dueOn && base.weight === cur.weight) continue;
    out.push({
      nodeId: id,
      code: cur.code,
      title: cur.title,
      change: 'changed',
      baseline: base,
      current: cur,
      dueSlipDays: slip(base.dueOn, cur.dueOn),
      startSlipDays: slip(base.startOn, cur.startOn),
      weightDelta: cur.weight - base.weight,
    });
  }
  for (const [id, base] of Object.entries(baseline)) {
    if (!current[id]) out.push({ nodeId: id, code: base.code, title: base.title, change: 'removed', baseline: base, current: null, dueSlipDays: null, startSlipDays: null, weightDelta: null });
  }
  return out;
}

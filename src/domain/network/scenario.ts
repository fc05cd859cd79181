import { DomainError } from '../errors';
import type { NetworkLink, NetworkScenario } from './network-types';
import type { TravelTimeMatrix } from './travel-times';

/** A what-if copy of the network with no edits yet. */
export function createScenario(base: readonly NetworkLink[]): NetworkScenario {
  return { base: base.map((l) => ({ ...l, source: [...l.source] })), overrides: { add: [], remove: [], retime: {} } };
}

/**
 * The scenario's links: the base minus `remove`, with `retime` applied, plus `add`. A retimed link
 * keeps its source but notes that the time is the scenario's. Throws VALIDATION_FAILED when an edit
 * names a link the base does not have (the base may have changed under the scenario), when an added
 * link's id is taken, or on a negative time.
 */
export function applyScenario(scenario: NetworkScenario): NetworkLink[] {
  const { base, overrides } = scenario;
  const ids = new Set(base.map((l) => l.id));
  for (const id of [...overrides.remove, ...Object.keys(overrides.retime)]) {
    if (!ids.has(id)) throw new DomainError('VALIDATION_FAILED', { reason: 'scenario_link_unknown', linkId: id });
  }
  for (const [id, minutes] of Object.entries(overrides.retime)) {
    if (!(Number.isFinite(minutes) && minutes >= 0)) throw new DomainError('VALIDATION_FAILED', { reason: 'link_minutes_invalid', linkId: id, minutes });
  }
  const removed = new Set(overrides.remove);
  const links = base
    .filter((l) => !removed.has(l.id))
    .map((l) => {
      const minutes = overrides.retime[l.id];
      return minutes === undefined ? l : { ...l, minutes, minutesNote: `scenario: retimed from ${l.minutes ?? 'unknown'} to ${minutes} min` };
    });
  const kept = new Set(links.map((l) => l.id));
  for (const l of overrides.add) {
    if (kept.has(l.id)) throw new DomainError('VALIDATION_FAILED', { reason: 'scenario_link_exists', linkId: l.id });
    kept.add(l.id);
    links.push(l);
  }
  return links;
}

export interface PairDelta {
  from: string;
  to: string;
  a: number;
  b: number;
  /** b − a in minutes: negative when scenario b is faster. ±Infinity when one side is unreachable. */
  delta: number;
}

/**
 * The ordered pairs whose times differ between two matrices (usually base and scenario, same date and
 * penalty). Nodes only one matrix knows are skipped. When both directions of a pair change alike,
 * the pair is listed once, from the node listed first.
 */
export function compareScenarios(a: TravelTimeMatrix, b: TravelTimeMatrix): PairDelta[] {
  const ids = a.nodeIds.filter((id) => b.indexOf.has(id));
  const na = a.nodeIds.length;
  const nb = b.nodeIds.length;
  const ta = (x: string, y: string) => a.minutes[a.indexOf.get(x)! * na + a.indexOf.get(y)!]!;
  const tb = (x: string, y: string) => b.minutes[b.indexOf.get(x)! * nb + b.indexOf.get(y)!]!;
  const out: PairDelta[] = [];
  const push = (from: string, to: string, x: number, y: number) => out.push({ from, to, a: x, b: y, delta: y - x });
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const p = ids[i]!;
      const q = ids[j]!;
      const [a1, b1, a2, b2] = [ta(p, q), tb(p, q), ta(q, p), tb(q, p)];
      const d1 = a1 !== b1;
      const d2 = a2 !== b2;
      if (d1) push(p, q, a1, b1);
      if (d2 && !(d1 && a1 === a2 && b1 === b2)) push(q, p, a2, b2);
    }
  }
  return out;
}

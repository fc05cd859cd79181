import type { NetworkLink, NetworkTarget } from '../network-types';

/** An open link of `line` between two nodes; override anything else. */
export function link(id: string, from: string, to: string, minutes: number | null, line: string | null, over: Partial<NetworkLink> = {}): NetworkLink {
  return {
    id, from, to, minutes, line, mode: line === null ? 'access' : 'hsr', status: 'open',
    openFrom: null, plannedOpening: null, closedFrom: null, projectId: null, source: ['test'], ...over,
  };
}

export function target(over: Partial<NetworkTarget> = {}): NetworkTarget {
  return { id: 't', title: 't', pairs: 'cross', from: ['A'], to: ['C'], thresholds: [{ minutes: 60, source: 'plan' }], ...over };
}

/**
 * A —L1 30— B —L1 20— C, B —L2 15— D, A —L3 60— D.
 * A→C rides L1 through B (50, no transfer); A→D is 30 + 10 + 15 = 55 via B, or 60 direct.
 */
export const DIAMOND: NetworkLink[] = [
  link('ab', 'A', 'B', 30, 'L1'),
  link('bc', 'B', 'C', 20, 'L1'),
  link('bd', 'B', 'D', 15, 'L2'),
  link('ad', 'A', 'D', 60, 'L3'),
];

/**
 * City X has two stations joined to it by access links: S1 on L1 to Y (30), S2 on L2 to Z (20).
 * X→Y is 30 (the first boarding is free even after a walk); Y→Z is 30 + 10 + 20 (walking between
 * stations counts as a change of line).
 */
export const TWO_STATIONS: NetworkLink[] = [
  link('s1-x', 'S1', 'X', 0, null),
  link('s2-x', 'S2', 'X', 0, null),
  link('s1-y', 'S1', 'Y', 30, 'L1'),
  link('s2-z', 'S2', 'Z', 20, 'L2'),
];

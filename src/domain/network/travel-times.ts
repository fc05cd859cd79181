import { DomainError } from '../errors';
import { allPairsWholeMinutes, rowsWholeMinutes, UNREACHED } from './all-pairs-whole';
import { checkLink, compileLineGraph, indexNodes, lineKey } from './line-graph';
import type { LinkMode, NetworkLink } from './network-types';

/** Minutes added when a traveller changes line at a node (decision 0005). Staying on the same line costs nothing. */
export const DEFAULT_TRANSFER_PENALTY = 10;

export interface TravelTimeOptions {
  transferPenalty?: number;
  /**
   * Only the rows of these nodes (a target's cities, say): one search each instead of all pairs. The
   * other rows are NaN — read a pair through a row that was computed (or take its other direction).
   */
  sources?: readonly string[];
}

// Edge kinds of the expanded graph (see compileGraph).
const RIDE = 0;
const ALIGHT = 1;
const BOARD = 2;
const ACCESS = 3;
const FIRST_BOARD = 4;

/**
 * The network expanded so that a shortest path prices transfers. For n nodes and P (node, line) pairs:
 * states [0, n) are hubs (at the node, not on a line), [n, 2n) are origins (at the node, not yet
 * boarded anything), [2n, 2n + P) are platforms (at the node, on that line).
 * ride: platform → platform of the same line, the link's minutes; alight: platform → hub, 0;
 * board: hub → platform, the penalty; first board: origin → platform, 0; access links join hubs to
 * hubs and origins to origins. Stored as CSR arrays, so one all-pairs pass allocates nothing per source.
 */
interface CompiledGraph {
  n: number;
  stateCount: number;
  start: Int32Array;
  target: Int32Array;
  weight: Float64Array;
  kind: Uint8Array;
  /** Index into `links` for ride and access edges, -1 otherwise. */
  link: Int32Array;
  /** Tail state of each edge, and the node each state sits at: for walking a route back. */
  tail: Int32Array;
  stateNode: Int32Array;
  links: readonly NetworkLink[];
}

/** All-pairs travel times. `minutes[i * n + j]` is from nodeIds[i] to nodeIds[j]; Infinity when no open path. */
export interface TravelTimeMatrix {
  nodeIds: readonly string[];
  indexOf: ReadonlyMap<string, number>;
  minutes: Float64Array;
  transferPenalty: number;
  /** The expanded graph; `route` rebuilds one source's shortest-path tree from it. */
  readonly graph: CompiledGraph;
}

export interface RouteLeg {
  /** null for an access leg (station ↔ city). */
  line: string | null;
  mode: LinkMode;
  from: string;
  to: string;
  minutes: number;
  linkIds: string[];
  /** Whether the transfer penalty was paid to board this leg. */
  transferBefore: boolean;
}

export interface Route {
  from: string;
  to: string;
  /** In-vehicle minutes plus transfer penalties; equals the matrix entry. */
  minutes: number;
  inVehicleMinutes: number;
  transfers: number;
  transferMinutes: number;
  legs: RouteLeg[];
}

function compileGraph(nodeIds: readonly string[], links: readonly NetworkLink[], penalty: number): CompiledGraph {
  const n = nodeIds.length;
  const indexOf = indexNodes(nodeIds);

  const lineIds = new Map<string, number>();
  const platformOf = new Map<number, number>(); // line * n + node → state
  const platform = (line: string, node: number): number => {
    let l = lineIds.get(line);
    if (l === undefined) lineIds.set(line, (l = lineIds.size));
    const key = l * n + node;
    let s = platformOf.get(key);
    if (s === undefined) {
      s = 2 * n + platformOf.size;
      platformOf.set(key, s);
    }
    return s;
  };

  // Edges as parallel arrays first, then bucketed by tail state into CSR.
  const tail: number[] = [];
  const head: number[] = [];
  const w: number[] = [];
  const kinds: number[] = [];
  const linkIdx: number[] = [];
  const edge = (a: number, b: number, minutes: number, k: number, li: number) => {
    tail.push(a), head.push(b), w.push(minutes), kinds.push(k), linkIdx.push(li);
  };

  links.forEach((link, li) => {
    const { u, v, minutes: m } = checkLink(link, indexOf);
    const line = lineKey(link);
    if (line === null) {
      edge(u, v, m, ACCESS, li), edge(n + u, n + v, m, ACCESS, li);
      if (!link.oneWay) edge(v, u, m, ACCESS, li), edge(n + v, n + u, m, ACCESS, li);
      return;
    }
    const pu = platform(line, u);
    const pv = platform(line, v);
    edge(pu, pv, m, RIDE, li);
    if (!link.oneWay) edge(pv, pu, m, RIDE, li);
  });
  for (const [key, s] of platformOf) {
    const node = key % n;
    edge(s, node, 0, ALIGHT, -1);
    edge(node, s, penalty, BOARD, -1);
    edge(n + node, s, 0, FIRST_BOARD, -1);
  }
  for (let v = 0; v < n; v++) edge(n + v, v, 0, ACCESS, -1);

  const stateCount = 2 * n + platformOf.size;
  const m = tail.length;
  const start = new Int32Array(stateCount + 1);
  for (let e = 0; e < m; e++) start[tail[e]! + 1]!++;
  for (let s = 0; s < stateCount; s++) start[s + 1]! += start[s]!;
  const fill = start.slice(0, stateCount);
  const target = new Int32Array(m);
  const weight = new Float64Array(m);
  const kind = new Uint8Array(m);
  const link = new Int32Array(m);
  const tailOf = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const at = fill[tail[e]!]!++;
    tailOf[at] = tail[e]!;
    target[at] = head[e]!;
    weight[at] = w[e]!;
    kind[at] = kinds[e]!;
    link[at] = linkIdx[e]!;
  }
  const stateNode = new Int32Array(stateCount);
  for (let v = 0; v < n; v++) stateNode[v] = stateNode[n + v] = v;
  for (const [key, s] of platformOf) stateNode[s] = key % n;
  return { n, stateCount, start, target, weight, kind, link, tail: tailOf, stateNode, links };
}

/** Working arrays for Dijkstra, reused across sources. */
interface Search {
  dist: Float64Array;
  pred: Int32Array;
  heap: Int32Array;
  pos: Int32Array;
}

function newSearch(g: CompiledGraph): Search {
  return {
    dist: new Float64Array(g.stateCount),
    pred: new Int32Array(g.stateCount),
    heap: new Int32Array(g.stateCount),
    pos: new Int32Array(g.stateCount).fill(-1),
  };
}

/**
 * Shortest distances from the origin state of node `source` to every state: Dijkstra with an indexed
 * binary min-heap (decrease-key in place, so the heap never holds more than one entry per state).
 * Written as one flat loop over typed arrays: this is the all-pairs hot path.
 */
function runSearch(g: CompiledGraph, search: Search, source: number, withPred: boolean): void {
  const { start, target, weight } = g;
  const { dist, pred, heap, pos } = search;
  dist.fill(Infinity);
  if (withPred) pred.fill(-1);
  const s0 = g.n + source;
  dist[s0] = 0;
  heap[0] = s0;
  pos[s0] = 0;
  let size = 1;
  while (size > 0) {
    const u: number = heap[0]!;
    pos[u] = -1;
    size--;
    if (size > 0) {
      // sift the last entry down from the root
      const last = heap[size]!;
      const dl = dist[last]!;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= size) break;
        if (c + 1 < size && dist[heap[c + 1]!]! < dist[heap[c]!]!) c++;
        const cs = heap[c]!;
        if (dist[cs]! >= dl) break;
        heap[i] = cs;
        pos[cs] = i;
        i = c;
      }
      heap[i] = last;
      pos[last] = i;
    }
    const du = dist[u]!;
    for (let e: number = start[u]!, end: number = start[u + 1]!; e < end; e++) {
      const v = target[e]!;
      const dv = du + weight[e]!;
      if (dv >= dist[v]!) continue;
      dist[v] = dv;
      if (withPred) pred[v] = e;
      // sift up from v's slot (a new entry starts at the end)
      let i = pos[v]!;
      if (i < 0) i = size++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        const ps = heap[p]!;
        if (dist[ps]! <= dv) break;
        heap[i] = ps;
        pos[ps] = i;
        i = p;
      }
      heap[i] = v;
      pos[v] = i;
    }
  }
}

/**
 * Shortest travel time between every pair of nodes over `links` (all taken as open: filter them with
 * `linksOpenOn` first). Time = in-vehicle minutes + the transfer penalty each time the traveller
 * changes line at a node; boarding the first line, and riding on along the same line, cost nothing.
 * Access links (station ↔ city) are walked for their minutes and are no line. Links are undirected
 * unless `oneWay`. One search per source over the (node, line) states: Dial's bucket queue for whole
 * minutes (the usual case; all-pairs-whole.ts, with its symmetric shortcut), a binary heap otherwise.
 *
 * Throws VALIDATION_FAILED on a duplicate node, a link to an unknown node, or a link without valid minutes.
 */
export function computeTravelTimes(nodeIds: readonly string[], links: readonly NetworkLink[], options: TravelTimeOptions = {}): TravelTimeMatrix {
  const transferPenalty = options.transferPenalty ?? DEFAULT_TRANSFER_PENALTY;
  if (!(Number.isFinite(transferPenalty) && transferPenalty >= 0)) {
    throw new DomainError('VALIDATION_FAILED', { reason: 'transfer_penalty_invalid', transferPenalty });
  }
  // validates every node and link (the errors compileGraph would raise, in the same order)
  const lines = compileLineGraph(nodeIds, links);
  const { n, indexOf } = lines;
  const minutes = new Float64Array(n * n);
  // the expanded graph is built only for route() and for fractional minutes
  let graph: CompiledGraph | undefined;
  const expanded = () => (graph ??= compileGraph(nodeIds, links, transferPenalty));
  const states = 2 * n + lines.platformCount;
  const usesPenalty = lines.platformCount > 0;
  const maxWeight = Math.max(lines.maxMinutes, usesPenalty ? transferPenalty : 0);
  const whole = lines.wholeMinutes && (!usesPenalty || Number.isInteger(transferPenalty));
  // int32 distances: no shortest path visits more than every state once at the largest weight
  const rows = options.sources ? sourceRows(options.sources, indexOf) : null;
  if (rows) minutes.fill(NaN);
  if (whole && maxWeight * states < UNREACHED) {
    if (rows) rowsWholeMinutes(lines, transferPenalty, maxWeight, rows, minutes);
    else allPairsWholeMinutes(lines, transferPenalty, maxWeight, minutes);
  } else {
    const g = expanded();
    const search = newSearch(g);
    for (const s of rows ?? Array.from({ length: n }, (_, i) => i)) {
      runSearch(g, search, s, false);
      minutes.set(search.dist.subarray(0, n), s * n);
    }
  }
  return {
    nodeIds: [...nodeIds],
    indexOf,
    minutes,
    transferPenalty,
    get graph() {
      return expanded();
    },
  };
}

/** The distinct row numbers of `sources`; NOT_FOUND for a node that is not in the network. */
function sourceRows(sources: readonly string[], indexOf: ReadonlyMap<string, number>): number[] {
  const rows = new Set<number>();
  for (const id of sources) {
    const i = indexOf.get(id);
    if (i === undefined) throw new DomainError('NOT_FOUND', { reason: 'network_node_unknown', nodeId: id });
    rows.add(i);
  }
  return [...rows];
}

function indexOrThrow(m: TravelTimeMatrix, id: string): number {
  const i = m.indexOf.get(id);
  if (i === undefined) throw new DomainError('NOT_FOUND', { reason: 'network_node_unknown', nodeId: id });
  return i;
}

/** Minutes from one node to another (Infinity when unreachable). Throws NOT_FOUND for an unknown node. */
export function travelTime(m: TravelTimeMatrix, from: string, to: string): number {
  return m.minutes[indexOrThrow(m, from) * m.nodeIds.length + indexOrThrow(m, to)]!;
}

/**
 * The fastest route behind a matrix entry, as legs: consecutive links of one line make one leg.
 * Null when `to` is unreachable; no legs when from = to. Rebuilds the source's shortest-path tree
 * (one Dijkstra) rather than keeping n trees alive in the matrix.
 */
export function route(m: TravelTimeMatrix, from: string, to: string): Route | null {
  const g = m.graph;
  const s = indexOrThrow(m, from);
  const t = indexOrThrow(m, to);
  const search = newSearch(g);
  runSearch(g, search, s, true);
  const total = search.dist[t]!;
  if (total === Infinity) return null;

  // Walk back from the hub of `to`; the edges come out last-first.
  const edges: number[] = [];
  for (let state = t, e = search.pred[state]!; e >= 0; e = search.pred[state]!) {
    edges.push(e);
    state = g.tail[e]!;
  }
  edges.reverse();

  const legs: RouteLeg[] = [];
  let transfers = 0;
  let pendingTransfer = false;
  let prevState = g.n + s;
  let current: RouteLeg | null = null;
  for (const e of edges) {
    const kind = g.kind[e]!;
    const head = g.target[e]!;
    if (kind === BOARD) {
      transfers++;
      pendingTransfer = true;
      current = null;
    } else if (kind === ALIGHT || kind === FIRST_BOARD) {
      current = null;
    } else if (g.link[e]! >= 0) {
      const link = g.links[g.link[e]!]!;
      const forward = m.nodeIds[g.stateNode[prevState]!] === link.from;
      const a = forward ? link.from : link.to;
      const b = forward ? link.to : link.from;
      const line = kind === ACCESS ? null : link.line;
      if (current && kind === RIDE) {
        current.to = b;
        current.minutes += link.minutes!;
        current.linkIds.push(link.id);
      } else {
        current = { line, mode: link.mode, from: a, to: b, minutes: link.minutes!, linkIds: [link.id], transferBefore: pendingTransfer };
        legs.push(current);
        pendingTransfer = false;
        if (kind === ACCESS) current = null;
      }
    }
    prevState = head;
  }
  const inVehicleMinutes = legs.reduce((sum, leg) => sum + leg.minutes, 0);
  return { from, to, minutes: total, inVehicleMinutes, transfers, transferMinutes: transfers * m.transferPenalty, legs };
}

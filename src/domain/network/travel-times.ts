import { DomainError } from '../errors';
import type { LinkMode, NetworkLink } from './network-types';

/** Minutes added when a traveller changes line at a node (decision 0005). Staying on the same line costs nothing. */
export const DEFAULT_TRANSFER_PENALTY = 10;

export interface TravelTimeOptions {
  transferPenalty?: number;
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

/** Access links and the line each other link rides on; an unnamed line is a line of its own. */
function lineKey(link: NetworkLink): string | null {
  if (link.mode === 'access') return null;
  return link.line ?? `\u0000${link.id}`;
}

function compileGraph(nodeIds: readonly string[], links: readonly NetworkLink[], penalty: number): CompiledGraph & { indexOf: Map<string, number> } {
  const n = nodeIds.length;
  const indexOf = new Map<string, number>();
  nodeIds.forEach((id, i) => {
    if (indexOf.has(id)) throw new DomainError('VALIDATION_FAILED', { reason: 'duplicate_node_id', id });
    indexOf.set(id, i);
  });

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
    const u = indexOf.get(link.from);
    const v = indexOf.get(link.to);
    if (u === undefined || v === undefined) {
      throw new DomainError('VALIDATION_FAILED', { reason: 'link_endpoint_unknown', linkId: link.id, nodeId: u === undefined ? link.from : link.to });
    }
    const m = link.minutes;
    if (m === null || !Number.isFinite(m) || m < 0) {
      throw new DomainError('VALIDATION_FAILED', { reason: 'link_minutes_invalid', linkId: link.id, minutes: m });
    }
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
  return { n, stateCount, start, target, weight, kind, link, tail: tailOf, stateNode, links, indexOf };
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
 * The same search with a bucket queue (Dial's algorithm) for graphs whose weights are all whole
 * minutes, as every published timing is: O(S + E + D) per source instead of O(E log S), which is what
 * keeps the all-pairs pass fast. Distances and weights are int32 (a float `%` costs a libm call per
 * push); buckets are a power-of-two ring of linked lists; stale entries are skipped by their key.
 */
const UNREACHED = 0x3fffffff;

interface BucketSearch {
  weight: Int32Array;
  dist: Int32Array;
  head: Int32Array;
  next: Int32Array;
  item: Int32Array;
  /** Hubs whose distance this search must still settle; the search stops once it has them all. */
  wanted: Uint8Array;
}

function newBucketSearch(g: CompiledGraph, maxWeight: number): BucketSearch {
  let ring = 1;
  while (ring <= maxWeight) ring <<= 1;
  // every push is a strict improvement made while settling an edge's tail, so at most E + 1 entries
  const cap = g.target.length + 1;
  return {
    weight: Int32Array.from(g.weight),
    dist: new Int32Array(g.stateCount),
    head: new Int32Array(ring),
    next: new Int32Array(cap),
    item: new Int32Array(cap),
    wanted: new Uint8Array(g.n).fill(1),
  };
}

/** Settles states from `source` in order of distance until every wanted hub is settled (or nothing is left). */
function runBucketSearch(g: CompiledGraph, b: BucketSearch, source: number, wantedCount: number): void {
  const { start, target, n } = g;
  const { weight, dist, head, next, item, wanted } = b;
  const mask = head.length - 1;
  dist.fill(UNREACHED);
  head.fill(-1);
  const s0 = n + source;
  dist[s0] = 0;
  item[0] = s0;
  next[0] = -1;
  head[0] = 0;
  let used = 1;
  let pending = 1;
  let left = wantedCount;
  for (let key = 0; pending > 0; key++) {
    const slot = key & mask;
    let entry: number = head[slot]!;
    head[slot] = -1;
    while (entry >= 0) {
      pending--;
      const u: number = item[entry]!;
      entry = next[entry]!;
      if (dist[u] !== key) continue; // improved since it was queued
      if (u < n && wanted[u] === 1 && --left === 0) return;
      for (let e: number = start[u]!, end: number = start[u + 1]!; e < end; e++) {
        const v = target[e]!;
        const dv = key + weight[e]!;
        if (dv >= dist[v]!) continue;
        dist[v] = dv;
        item[used] = v;
        if (dv === key) {
          // zero-weight edge (alight, free first board): same bucket, handled in this sweep
          next[used] = entry;
          entry = used++;
        } else {
          const at = dv & mask;
          next[used] = head[at]!;
          head[at] = used++;
        }
        pending++;
      }
    }
  }
}

/**
 * Sources in the order that lets the symmetric pass stop earliest: farthest from the network's
 * centre first. Each later source then only has to reach the (more central) nodes not yet done, so
 * its search ends well before it has swept the whole graph. The centre is estimated by a double
 * sweep (two extra searches): the node whose larger distance to the two far ends is smallest.
 */
function sourceOrder(g: CompiledGraph, b: BucketSearch): Int32Array {
  const n = g.n;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  if (n < 3) return order;
  const distancesFrom = (s: number) => {
    runBucketSearch(g, b, s, n + 1);
    return Int32Array.from(b.dist.subarray(0, n));
  };
  const farthest = (d: Int32Array) => {
    let f = 0;
    for (let i = 1; i < n; i++) if (d[i]! < UNREACHED && (d[f]! >= UNREACHED || d[i]! > d[f]!)) f = i;
    return f;
  };
  const da = distancesFrom(farthest(distancesFrom(0)));
  const db = distancesFrom(farthest(da));
  let centre = 0;
  for (let i = 1; i < n; i++) if (Math.max(da[i]!, db[i]!) < Math.max(da[centre]!, db[centre]!)) centre = i;
  const dc = distancesFrom(centre);
  return order.sort((p, q) => dc[q]! - dc[p]! || p - q);
}

/**
 * All pairs with whole-minute weights. When every link runs both ways the matrix is symmetric (a
 * route reversed has the same links and the same number of boardings), so each source only searches
 * until it has settled the nodes no earlier source has covered, and copies the rest from their rows.
 */
function allPairsWhole(g: CompiledGraph, maxWeight: number, symmetric: boolean, minutes: Float64Array): void {
  const n = g.n;
  const b = newBucketSearch(g, maxWeight);
  const order = symmetric ? sourceOrder(g, b) : Int32Array.from({ length: n }, (_, i) => i);
  const { dist, wanted } = b;
  wanted.fill(1);
  let wantedCount = n;
  for (let i = 0; i < n; i++) {
    const s = order[i]!;
    runBucketSearch(g, b, s, wantedCount);
    const row = s * n;
    for (let t = 0; t < n; t++) {
      if (wanted[t] === 1) {
        const d = dist[t]!;
        minutes[row + t] = d >= UNREACHED ? Infinity : d;
      } else {
        minutes[row + t] = minutes[t * n + s]!;
      }
    }
    if (symmetric) {
      wanted[s] = 0;
      wantedCount--;
    }
  }
}

/**
 * Shortest travel time between every pair of nodes over `links` (all taken as open: filter them with
 * `linksOpenOn` first). Time = in-vehicle minutes + the transfer penalty each time the traveller
 * changes line at a node; boarding the first line, and riding on along the same line, cost nothing.
 * Access links (station ↔ city) are walked for their minutes and are no line. Links are undirected
 * unless `oneWay`. One search per source over the (node, line) states: Dial's bucket queue for whole
 * minutes (the usual case, with the symmetric shortcut of allPairsWhole), a binary heap otherwise.
 *
 * Throws VALIDATION_FAILED on a duplicate node, a link to an unknown node, or a link without valid minutes.
 */
export function computeTravelTimes(nodeIds: readonly string[], links: readonly NetworkLink[], options: TravelTimeOptions = {}): TravelTimeMatrix {
  const transferPenalty = options.transferPenalty ?? DEFAULT_TRANSFER_PENALTY;
  if (!(Number.isFinite(transferPenalty) && transferPenalty >= 0)) {
    throw new DomainError('VALIDATION_FAILED', { reason: 'transfer_penalty_invalid', transferPenalty });
  }
  const { indexOf, ...graph } = compileGraph(nodeIds, links, transferPenalty);
  const n = graph.n;
  const minutes = new Float64Array(n * n);
  let maxWeight = 0;
  let whole = true;
  for (const w of graph.weight) {
    if (w > maxWeight) maxWeight = w;
    if (!Number.isInteger(w)) whole = false;
  }
  // A hub's distance is the best over the node's platforms (alighting is free) and its origin.
  // int32 distances: no shortest path visits more than every state once at the largest weight
  if (whole && maxWeight * graph.stateCount < UNREACHED) {
    allPairsWhole(graph, maxWeight, links.every((l) => !l.oneWay), minutes);
  } else {
    const search = newSearch(graph);
    for (let s = 0; s < n; s++) {
      runSearch(graph, search, s, false);
      minutes.set(search.dist.subarray(0, n), s * n);
    }
  }
  return { nodeIds: [...nodeIds], indexOf, minutes, transferPenalty, graph };
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

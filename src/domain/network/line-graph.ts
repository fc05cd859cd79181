import { DomainError } from '../errors';
import type { NetworkLink } from './network-types';

/**
 * The network as the all-pairs pass reads it: nodes, and platforms (a node on one line). Riding
 * moves between platforms of one line; alighting (free) and boarding (the transfer penalty) join a
 * platform to its node; access links join nodes directly and are no line. This is the expanded
 * graph of expanded-graph.ts without its hub/origin edges spelt out, so a search can settle a node
 * the moment its first platform settles and board all its lines in one step.
 */
export interface LineGraph {
  n: number;
  platformCount: number;
  platformNode: Int32Array;
  /** Ride edges, CSR by platform. */
  rideStart: Int32Array;
  rideTo: Int32Array;
  rideMinutes: Float64Array;
  /** The platforms at each node, CSR by node. */
  boardStart: Int32Array;
  boardPlatform: Int32Array;
  /** Access links, CSR by node (both directions unless one-way). */
  accessStart: Int32Array;
  accessTo: Int32Array;
  accessMinutes: Float64Array;
  /** Largest ride or access minutes. */
  maxMinutes: number;
  wholeMinutes: boolean;
  /** Every link runs both ways, so the matrix is symmetric. */
  twoWay: boolean;
  /** Connected component of each node (links taken both ways): a search never reaches past it. */
  component: Int32Array;
  indexOf: Map<string, number>;
}

/** Access links and the line each other link rides on; an unnamed line is a line of its own. */
export function lineKey(link: NetworkLink): string | null {
  if (link.mode === 'access') return null;
  return link.line ?? `\u0000${link.id}`;
}

export function indexNodes(nodeIds: readonly string[]): Map<string, number> {
  const indexOf = new Map<string, number>();
  nodeIds.forEach((id, i) => {
    if (indexOf.has(id)) throw new DomainError('VALIDATION_FAILED', { reason: 'duplicate_node_id', id });
    indexOf.set(id, i);
  });
  return indexOf;
}

/** The link's endpoints and minutes, or VALIDATION_FAILED (the same checks, in the same order, as compileGraph). */
export function checkLink(link: NetworkLink, indexOf: ReadonlyMap<string, number>): { u: number; v: number; minutes: number } {
  const u = indexOf.get(link.from);
  const v = indexOf.get(link.to);
  if (u === undefined || v === undefined) {
    throw new DomainError('VALIDATION_FAILED', { reason: 'link_endpoint_unknown', linkId: link.id, nodeId: u === undefined ? link.from : link.to });
  }
  const m = link.minutes;
  if (m === null || !Number.isFinite(m) || m < 0) {
    throw new DomainError('VALIDATION_FAILED', { reason: 'link_minutes_invalid', linkId: link.id, minutes: m });
  }
  return { u, v, minutes: m };
}

/** Groups `count` items by `keyOf` into CSR order: start (length buckets + 1) and the items in bucket order. */
function csr(buckets: number, count: number, keyOf: (i: number) => number): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(buckets + 1);
  for (let i = 0; i < count; i++) start[keyOf(i) + 1]!++;
  for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!;
  const fill = start.slice(0, buckets);
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[fill[keyOf(i)]!++] = i;
  return { start, order };
}

/** values[order[i]] for each i, as a typed array (a plain loop: `from` with a map function is slow here). */
function pick<A extends Int32Array | Float64Array>(Type: new (length: number) => A, order: Int32Array, values: readonly number[]): A {
  const out = new Type(order.length);
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]!]!;
  return out;
}

export function compileLineGraph(nodeIds: readonly string[], links: readonly NetworkLink[]): LineGraph {
  const n = nodeIds.length;
  const indexOf = indexNodes(nodeIds);
  // lines first, so a (line, node) pair can index a flat table rather than a Map
  const lineIds = new Map<string, number>();
  const lineOf = new Int32Array(links.length);
  links.forEach((link, i) => {
    const line = lineKey(link);
    if (line === null) return void (lineOf[i] = -1);
    let l = lineIds.get(line);
    if (l === undefined) lineIds.set(line, (l = lineIds.size));
    lineOf[i] = l;
  });
  const flat = lineIds.size * n <= 1 << 22;
  const platformAt = flat ? new Int32Array(lineIds.size * n).fill(-1) : null;
  const platformMap = flat ? null : new Map<number, number>();
  const nodeOfPlatform: number[] = [];
  const platform = (l: number, node: number): number => {
    const key = l * n + node;
    let p = platformAt ? platformAt[key]! : (platformMap!.get(key) ?? -1);
    if (p < 0) {
      p = nodeOfPlatform.length;
      if (platformAt) platformAt[key] = p;
      else platformMap!.set(key, p);
      nodeOfPlatform.push(node);
    }
    return p;
  };

  const rideFrom: number[] = [];
  const rideTo: number[] = [];
  const rideMin: number[] = [];
  const accFrom: number[] = [];
  const accTo: number[] = [];
  const accMin: number[] = [];
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const root = (a: number): number => {
    while (parent[a] !== a) a = parent[a] = parent[parent[a]!]!;
    return a;
  };
  let maxMinutes = 0;
  let wholeMinutes = true;
  let twoWay = true;
  for (let i = 0; i < links.length; i++) {
    const link = links[i]!;
    const { u, v, minutes } = checkLink(link, indexOf);
    if (minutes > maxMinutes) maxMinutes = minutes;
    if (!Number.isInteger(minutes)) wholeMinutes = false;
    if (link.oneWay) twoWay = false;
    parent[root(u)] = root(v);
    const line = lineOf[i]!;
    if (line < 0) {
      accFrom.push(u), accTo.push(v), accMin.push(minutes);
      if (!link.oneWay) accFrom.push(v), accTo.push(u), accMin.push(minutes);
    } else {
      const a = platform(line, u);
      const b = platform(line, v);
      rideFrom.push(a), rideTo.push(b), rideMin.push(minutes);
      if (!link.oneWay) rideFrom.push(b), rideTo.push(a), rideMin.push(minutes);
    }
  }

  const platformCount = nodeOfPlatform.length;
  const platformNode = Int32Array.from(nodeOfPlatform);
  const rides = csr(platformCount, rideFrom.length, (i) => rideFrom[i]!);
  const access = csr(n, accFrom.length, (i) => accFrom[i]!);
  const boards = csr(n, platformCount, (p) => platformNode[p]!);
  const component = new Int32Array(n);
  for (let i = 0; i < n; i++) component[i] = root(i);
  return {
    n,
    platformCount,
    platformNode,
    rideStart: rides.start,
    rideTo: pick(Int32Array, rides.order, rideTo),
    rideMinutes: pick(Float64Array, rides.order, rideMin),
    boardStart: boards.start,
    boardPlatform: boards.order,
    accessStart: access.start,
    accessTo: pick(Int32Array, access.order, accTo),
    accessMinutes: pick(Float64Array, access.order, accMin),
    maxMinutes,
    wholeMinutes,
    twoWay,
    component,
    indexOf,
  };
}

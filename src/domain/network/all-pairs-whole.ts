import type { LineGraph } from './line-graph';

/** Larger than any distance the int32 pass can produce (computeTravelTimes checks the bound). */
export const UNREACHED = 0x3fffffff;

/**
 * One shortest-path search per source over whole minutes: Dial's bucket queue (a power-of-two ring
 * of singly linked lists, stale entries skipped by their key) over platforms, with nodes handled
 * without queue entries of their own where possible:
 * - a node is settled the moment its first platform settles (alighting is free, so nothing can
 *   reach it sooner), and is then queued once as a boarding at key + penalty;
 * - that boarding settles, in one step, every platform of the node still above the key, rather than
 *   queueing each of them;
 * - access links (node ↔ node) and origins (at the source, or walked to from it: boarding there is
 *   free) have queue entries of their own.
 * Queue entries: platform p → p; boarding at node h → P + h; arrival at node h by access → P + n + h;
 * origin o → P + 2n + o.
 */
class WholeMinuteSearch {
  private readonly rideMinutes: Int32Array;
  private readonly accessMinutes: Int32Array;
  readonly nodeDist: Int32Array;
  readonly nodeDone: Uint8Array;
  private readonly originDist: Int32Array;
  private readonly platformDist: Int32Array;
  private readonly head: Int32Array;
  private readonly next: Int32Array;
  private readonly item: Int32Array;
  private readonly mask: number;
  /** Nodes the current search must settle before it may stop (1 = wanted). */
  readonly wanted: Uint8Array;
  /** Queue entries used, and wanted nodes still to settle: kept in locals by run(), here for the rare paths. */
  private used = 0;
  private left = 0;

  constructor(
    private readonly g: LineGraph,
    private readonly penalty: number,
    maxWeight: number,
  ) {
    let ring = 1;
    while (ring <= maxWeight) ring <<= 1;
    this.mask = ring - 1;
    this.rideMinutes = Int32Array.from(g.rideMinutes);
    this.accessMinutes = Int32Array.from(g.accessMinutes);
    this.nodeDist = new Int32Array(g.n);
    this.nodeDone = new Uint8Array(g.n);
    this.originDist = new Int32Array(g.n);
    this.platformDist = new Int32Array(g.platformCount);
    this.head = new Int32Array(ring);
    // each entry is a strict improvement made once per settled tail: rides, access both layers, boardings, the source
    const cap = g.rideTo.length + 2 * g.accessTo.length + g.n + 1;
    this.next = new Int32Array(cap);
    this.item = new Int32Array(cap);
    this.wanted = new Uint8Array(g.n);
  }

  private push(entry: number, key: number): void {
    const at = key & this.mask;
    this.item[this.used] = entry;
    this.next[this.used] = this.head[at]!;
    this.head[at] = this.used++;
  }

  /** Queues arrivals by access link from node h (or, with `origin`, from the origin at h). */
  private walk(h: number, key: number, origin: boolean): void {
    const { g, accessMinutes } = this;
    const dist = origin ? this.originDist : this.nodeDist;
    const base = g.platformCount + (origin ? 2 * g.n : g.n);
    for (let e = g.accessStart[h]!, end = g.accessStart[h + 1]!; e < end; e++) {
      const v = g.accessTo[e]!;
      const dv = key + accessMinutes[e]!;
      if ((origin || this.nodeDone[v] === 0) && dv < dist[v]!) {
        dist[v] = dv;
        this.push(base + v, dv);
      }
    }
  }

  /** Settles node h at `key` outside the hot loop (reached by access, or the origin itself). False once the last wanted node is settled. */
  private settleNode(h: number, key: number): boolean {
    this.nodeDone[h] = 1;
    this.nodeDist[h] = key;
    if (this.wanted[h] === 1 && --this.left === 0) return false;
    this.push(this.g.platformCount + h, key + this.penalty);
    this.walk(h, key, false);
    return true;
  }

  /**
   * Settles nodes from `source` in order of travel time until `wantedCount` wanted nodes are settled
   * (or nothing is left). The platform and boarding paths are written out in one loop with local
   * counters: this is the all-pairs hot path.
   */
  run(source: number, wantedCount: number): void {
    const { g, head, next, item, nodeDist, nodeDone, originDist, platformDist, rideMinutes, wanted, mask, penalty } = this;
    const { platformNode, rideStart, rideTo, boardStart, boardPlatform, accessStart, n } = g;
    const P = g.platformCount;
    const ARRIVAL = P + n;
    const ORIGIN = P + 2 * n;
    nodeDist.fill(UNREACHED);
    nodeDone.fill(0);
    originDist.fill(UNREACHED);
    platformDist.fill(UNREACHED);
    head.fill(-1);
    originDist[source] = 0;
    this.used = 0;
    this.push(ORIGIN + source, 0);
    let used = this.used;
    let left = wantedCount;
    // every entry lies within one ring of the current key, so a ring of empty buckets means the search is over
    for (let key = 0, idle = 0; idle <= mask; key++) {
      const slot = key & mask;
      if (head[slot]! < 0) {
        idle++;
        continue;
      }
      idle = 0;
      // entries pushed at this key while the bucket is processed land at head[slot] and are taken next
      for (let entry = head[slot]!; entry >= 0; entry = head[slot]!) {
        head[slot] = next[entry]!;
        const x = item[entry]!;
        // the platforms to settle now: x alone (popped at its key), or every platform of a node boarded at this key
        let b = 0;
        let bEnd = 1;
        let single = x;
        if (x >= P) {
          let h = x - P;
          if (x >= ARRIVAL) {
            // rare: an arrival by access link, or an origin (boarding there is free)
            const origin = x >= ORIGIN;
            h = x - (origin ? ORIGIN : ARRIVAL);
            if ((origin ? originDist[h] : nodeDist[h]) !== key || (!origin && nodeDone[h] === 1)) continue;
            this.used = used;
            this.left = left;
            if (nodeDone[h] === 0 && !this.settleNode(h, key)) return;
            if (origin) this.walk(h, key, true);
            used = this.used;
            left = this.left;
            if (!origin) continue;
          }
          b = boardStart[h]!;
          bEnd = boardStart[h + 1]!;
          single = -1;
        } else if (platformDist[x] !== key) {
          continue; // improved since it was queued
        }
        for (; b < bEnd; b++) {
          let p = single;
          if (p < 0) {
            p = boardPlatform[b]!;
            if (key >= platformDist[p]!) continue;
            platformDist[p] = key;
          }
          // alighting is free: a node is settled by the first of its platforms to settle, then boards at key + penalty
          const h = platformNode[p]!;
          if (nodeDone[h] === 0) {
            nodeDone[h] = 1;
            nodeDist[h] = key;
            if (wanted[h] === 1 && --left === 0) return;
            const at = (key + penalty) & mask;
            item[used] = P + h;
            next[used] = head[at]!;
            head[at] = used++;
            if (accessStart[h] !== accessStart[h + 1]) {
              this.used = used;
              this.walk(h, key, false);
              used = this.used;
            }
          }
          for (let e = rideStart[p]!, end = rideStart[p + 1]!; e < end; e++) {
            const v = rideTo[e]!;
            const dv = key + rideMinutes[e]!;
            if (dv >= platformDist[v]!) continue;
            platformDist[v] = dv;
            const at = dv & mask;
            item[used] = v;
            next[used] = head[at]!;
            head[at] = used++;
          }
        }
      }
    }
  }
}

/**
 * Sources in the order that lets the symmetric pass stop earliest: farthest from the network's
 * centre first. Each later source then only has to reach the (more central) nodes not yet done, so
 * its search ends well before it has swept the whole graph. The centre is estimated by a double
 * sweep from a node of the largest component: the node whose larger distance to the two far ends is
 * smallest. Nodes the centre cannot reach come first (their searches end with their component).
 */
function sourceOrder(g: LineGraph, search: WholeMinuteSearch): Int32Array {
  const n = g.n;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  if (n < 3) return order;
  const size = new Int32Array(n);
  let start = 0;
  for (let i = 0; i < n; i++) if (++size[g.component[i]!]! > size[g.component[start]!]!) start = i;
  const distancesFrom = (s: number) => {
    search.run(s, n + 1);
    return Int32Array.from(search.nodeDist, (d, i) => (search.nodeDone[i] === 1 ? d : UNREACHED));
  };
  const farthest = (d: Int32Array) => {
    let f = start;
    for (let i = 0; i < n; i++) if (d[i]! < UNREACHED && d[i]! > d[f]!) f = i;
    return f;
  };
  const da = distancesFrom(farthest(distancesFrom(start)));
  const db = distancesFrom(farthest(da));
  let centre = start;
  for (let i = 0; i < n; i++) if (Math.max(da[i]!, db[i]!) < Math.max(da[centre]!, db[centre]!)) centre = i;
  const dc = distancesFrom(centre);
  return order.sort((p, q) => dc[q]! - dc[p]! || p - q);
}

/**
 * All pairs with whole-minute weights into `minutes` (n × n, Infinity when unreachable). When every
 * link runs both ways the matrix is symmetric (a route reversed has the same links and the same
 * number of boardings), so each source searches only until it has settled the nodes of its component
 * no earlier source has covered, and the other half of the matrix is copied at the end.
 */
export function allPairsWholeMinutes(g: LineGraph, penalty: number, maxWeight: number, minutes: Float64Array): void {
  const n = g.n;
  const search = new WholeMinuteSearch(g, penalty, maxWeight);
  const symmetric = g.twoWay;
  const order = symmetric ? sourceOrder(g, search) : Int32Array.from({ length: n }, (_, i) => i);
  const { nodeDist, nodeDone, wanted } = search;
  // wanted nodes left per component; without symmetry every search runs to the end (n + 1 is never reached)
  const leftIn = new Int32Array(n);
  for (let i = 0; i < n; i++) leftIn[g.component[i]!]!++;
  const rank = new Int32Array(n);
  wanted.fill(1);
  for (let i = 0; i < n; i++) {
    const s = order[i]!;
    rank[s] = i;
    const c = g.component[s]!;
    search.run(s, symmetric ? leftIn[c]! : n + 1);
    const row = s * n;
    for (let t = 0; t < n; t++) {
      if (wanted[t] === 1) minutes[row + t] = nodeDone[t] === 1 ? nodeDist[t]! : Infinity;
    }
    if (symmetric) {
      wanted[s] = 0;
      leftIn[c]!--;
    }
  }
  if (!symmetric) return;
  // pair (s, t) sits in the row of whichever of the two came first; copy it across, in tiles for the cache
  const TILE = 32;
  for (let a0 = 0; a0 < n; a0 += TILE) {
    for (let b0 = a0; b0 < n; b0 += TILE) {
      for (let a = a0, aEnd = Math.min(a0 + TILE, n); a < aEnd; a++) {
        for (let b = Math.max(b0, a + 1), bEnd = Math.min(b0 + TILE, n); b < bEnd; b++) {
          if (rank[a]! < rank[b]!) minutes[b * n + a] = minutes[a * n + b]!;
          else minutes[a * n + b] = minutes[b * n + a]!;
        }
      }
    }
  }
}

/** The rows of `sources` only (full searches, no symmetric shortcut) into `minutes`; other rows are left as they are. */
export function rowsWholeMinutes(g: LineGraph, penalty: number, maxWeight: number, sources: readonly number[], minutes: Float64Array): void {
  const n = g.n;
  const search = new WholeMinuteSearch(g, penalty, maxWeight);
  const { nodeDist, nodeDone } = search;
  for (const s of sources) {
    search.run(s, n + 1);
    for (let t = 0; t < n; t++) minutes[s * n + t] = nodeDone[t] === 1 ? nodeDist[t]! : Infinity;
  }
}

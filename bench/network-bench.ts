/**
 * All-pairs travel times on a synthetic network of 300 nodes and 3,000 links (issue 7's budget:
 * well under 10 ms). Deterministic: a fixed-seed generator, so runs compare.
 *
 *   npx tsx bench/network-bench.ts
 *   npx tsx bench/network-bench.ts --dump-graph /tmp/network.bin   # for bench/network-kernel.c
 *
 * Then what the office runs on a network of that size: a target's rows (2 × 7 cities), the year each
 * pair first meets the target over 16 years, and which of 10 planned projects closes which gap.
 *
 * The network: 300 nodes scattered over a 1,000 × 1,000 km square; 3,000 links on 180 lines that walk
 * between near neighbours: 40 high-speed lines and 40 expressways of 25 links, 100 suburban lines of
 * 10 links. Minutes = distance / speed (300, 100, 60 km/h), rounded up. Transfer penalty 10 min.
 */
import { writeFileSync } from 'node:fs';
import { attributeGaps, computeTravelTimes, firstYearMet, type NetworkLink, type NetworkTarget } from '../src/domain/network';
import { compileLineGraph } from '../src/domain/network/line-graph';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

export function generateNetwork(nodeCount = 300, seed = 20_201_231): { nodeIds: string[]; links: NetworkLink[] } {
  const rand = lcg(seed);
  const xy = Array.from({ length: nodeCount }, () => [rand() * 1000, rand() * 1000] as const);
  const dist = (a: number, b: number) => Math.hypot(xy[a]![0] - xy[b]![0], xy[a]![1] - xy[b]![1]);
  const near = xy.map((_, a) =>
    xy.map((_, b) => b).filter((b) => b !== a).sort((p, q) => dist(a, p) - dist(a, q)).slice(0, 8),
  );
  const nodeIds = xy.map((_, i) => `n${i}`);
  const links: NetworkLink[] = [];
  const kinds = [
    { lines: 40, length: 25, mode: 'hsr', kmh: 300 },
    { lines: 40, length: 25, mode: 'expressway', kmh: 100 },
    { lines: 100, length: 10, mode: 'suburban', kmh: 60 },
  ] as const;
  for (const k of kinds) {
    for (let l = 0; l < k.lines; l++) {
      const line = `${k.mode}-${l}`;
      let at = Math.floor(rand() * nodeCount);
      let prev = -1;
      for (let i = 0; i < k.length; i++) {
        const options = near[at]!.filter((b) => b !== prev);
        const next = options[Math.floor(rand() * options.length)]!;
        links.push({
          id: `${line}-${i}`, from: nodeIds[at]!, to: nodeIds[next]!, mode: k.mode, line,
          minutes: Math.ceil((dist(at, next) / k.kmh) * 60), status: 'open', openFrom: null,
          plannedOpening: null, closedFrom: null, projectId: null, source: [],
        });
        prev = at;
        at = next;
      }
    }
  }
  return { nodeIds, links };
}

const { nodeIds, links } = generateNetwork();
const dumpAt = process.argv.indexOf('--dump-graph');
if (dumpAt > 0) {
  // the line graph as bench/network-kernel.c reads it: a header, then the CSR arrays as int32
  const g = compileLineGraph(nodeIds, links);
  const parts = [Int32Array.of(g.n, g.platformCount, g.rideTo.length, g.maxMinutes), g.rideStart, g.rideTo, Int32Array.from(g.rideMinutes), g.boardStart, g.boardPlatform, g.platformNode];
  writeFileSync(process.argv[dumpAt + 1]!, Buffer.concat(parts.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))));
}
const runs = 30;
const times: number[] = [];
const cpu: number[] = [];
let checksum = 0;
for (let r = 0; r < runs + 5; r++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const m = computeTravelTimes(nodeIds, links);
  const dt = performance.now() - t0;
  const c = process.cpuUsage(c0);
  // the first runs warm the JIT up; CPU time is reported too because wall time on a shared machine
  // counts the time other processes held the core
  if (r >= 5) times.push(dt), cpu.push((c.user + c.system) / 1000);
  checksum = m.minutes.reduce((a, b) => (b === Infinity ? a : a + b), 0);
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!.toFixed(2);
console.log(`all pairs, ${nodeIds.length} nodes × ${links.length} links, transfer penalty 10 min; load average ${(await import('node:os')).loadavg()[0]!.toFixed(2)}`);
console.log(`wall: median ${pct(times, 0.5)} ms, p90 ${pct(times, 0.9)} ms, min ${pct(times, 0)} ms over ${runs} runs (checksum ${checksum})`);
console.log(`cpu:  median ${pct(cpu, 0.5)} ms, min ${pct(cpu, 0)} ms`);

// Floor for this machine: one relaxation of every edge of the expanded (node, line) graph per source,
// with no queue at all. No exact all-pairs search can do less work than this.
const { graph } = computeTravelTimes(nodeIds, links);
function sweepPerSource(): void {
  const { start, target, weight, stateCount } = graph;
  const dist = new Float64Array(stateCount);
  for (let s = 0; s < nodeIds.length; s++) {
    dist.fill(0);
    for (let u = 0; u < stateCount; u++) {
      const du = dist[u]!;
      for (let e = start[u]!, end = start[u + 1]!; e < end; e++) {
        const d = du + weight[e]!;
        if (d < dist[target[e]!]!) dist[target[e]!] = d;
      }
    }
  }
}
const floor: number[] = [];
for (let r = 0; r < 15; r++) {
  const t0 = performance.now();
  sweepPerSource();
  if (r >= 5) floor.push(performance.now() - t0);
}
console.log(`expanded graph: ${graph.stateCount} states, ${graph.target.length} edges; one sweep of all edges per source: median ${pct(floor, 0.5)} ms, min ${pct(floor, 0)} ms`);

// What the office runs: a target between 2 core cities and 7 others (the shape of target 2), its
// first years over 2020–2035, and the gap attribution of 10 planned projects of 5 links each.
const target: NetworkTarget = {
  id: 'bench', title: 'bench', pairs: 'cross', from: ['n0', 'n1'], to: ['n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8'],
  thresholds: [{ minutes: 60, source: 'bench' }, { minutes: 90, source: 'bench' }],
};
const planned: NetworkLink[] = [];
{
  const rand = lcg(7);
  for (let p = 0; p < 10; p++) {
    for (let i = 0; i < 5; i++) {
      const a = target.from[p % 2]!;
      const b = i === 4 ? target.to[p % 7]! : nodeIds[Math.floor(rand() * nodeIds.length)]!;
      planned.push({
        id: `planned-${p}-${i}`, from: i === 0 ? a : `n${10 + p * 5 + i - 1}`, to: i === 4 ? b : `n${10 + p * 5 + i}`, mode: 'hsr', line: `planned-${p}`,
        minutes: 8 + Math.floor(rand() * 10), status: 'planned', openFrom: null, plannedOpening: String(2026 + p), closedFrom: null, projectId: `project-${p}`, source: [],
      });
    }
  }
}
const withPlanned = [...links, ...planned];
function timed(label: string, runs: number, f: () => void): void {
  const xs: number[] = [];
  for (let r = 0; r < runs + 2; r++) {
    const c0 = process.cpuUsage();
    f();
    const c = process.cpuUsage(c0);
    if (r >= 2) xs.push((c.user + c.system) / 1000);
  }
  console.log(`${label}: cpu median ${pct(xs, 0.5)} ms, min ${pct(xs, 0)} ms`);
}
timed(`one full search per source, no symmetric shortcut (as bench/network-kernel.c)`, 30, () => void computeTravelTimes(nodeIds, links, { sources: nodeIds }));
timed(`target rows only (${target.from.length + target.to.length} sources)`, 30, () => void computeTravelTimes(nodeIds, links, { sources: [...target.from, ...target.to] }));
timed('first year met, 2020–2035 (16 networks)', 10, () => void firstYearMet(target, withPlanned, Array.from({ length: 16 }, (_, i) => 2020 + i)));
timed('gap attribution, 10 planned projects (22 networks)', 10, () => void attributeGaps(target, withPlanned, '2025-12-31'));

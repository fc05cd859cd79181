import { DEFAULT_THRESHOLDS, deriveStatus, emptyCounts, rollup, type Reason, type RollupResult, type Status, type StatusResult, type StatusThresholds } from '../../domain';
import { readJson } from '../../db/json';
import { revisionOf, VIEW_NEUTRAL_ENTITIES, type ServiceContext } from '../context';
import { requirePlan } from '../plan/read-plan';
import { loadStatusFacts, type PlanFacts, type TaskRow } from './load-status-facts';

export interface NodeStatus {
  node: TaskRow;
  /** Present on tasks: the engine's verdict with its reasons. */
  task: StatusResult | null;
  rollup: RollupResult;
  leads: { unitId: string; unitName: string }[];
  participants: { unitId: string; unitName: string }[];
  isLeaf: boolean;
}

export interface PlanStatus {
  asOf: string;
  thresholds: StatusThresholds;
  nodes: Map<string, NodeStatus>;
  /** The whole plan: its parts rolled up once more. */
  overall: RollupResult;
}

const PLAN_ROOT = '__plan__';

// Offices work on Beijing time: a report due "today" is due until midnight there, not in UTC.
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
export const todayInChina = (ctx: ServiceContext) => new Date(ctx.clock().getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);

export async function planThresholds(ctx: ServiceContext, planId: string): Promise<StatusThresholds> {
  const row = await ctx.db.selectFrom('plan').select('settings').where('id', '=', planId).executeTakeFirst();
  const settings = readJson<{ statusThresholds?: Partial<StatusThresholds> }>(row?.settings, {});
  return { ...DEFAULT_THRESHOLDS, ...settings.statusThresholds };
}

/**
 * Status of every task and the rollup of every part, article and task of a plan, as of a day.
 *
 * Per process, the last status of each plan and day is kept until something that could change it is
 * written: a commit through this process bumps `revisionOf` (immediate), and another process's commit
 * shows up as a new audit entry (every change is audited in its own transaction), looked for at most
 * once per CHECK_EVERY_MS with one range read on the audit key. My tasks and the cockpit read it on
 * every request; recomputing it cost ~25 ms at the Decision's size and seconds at 100k nodes
 * (bench/RESULTS.md), and a time-to-live alone made every cockpit request after it pay that.
 */
const CHECK_EVERY_MS = 1_000;
/** More new audit entries than this since the last look: recompute rather than read them all. */
const TAIL_LIMIT = 500;
export interface CacheEntry<T = PlanStatus> {
  revision: number;
  auditHead: number;
  checkedAt: number;
  value: Promise<T>;
}
const statusCache = new WeakMap<object, Map<string, CacheEntry>>();

export async function computePlanStatus(ctx: ServiceContext, planId: string, asOf = todayInChina(ctx)): Promise<PlanStatus> {
  let byKey = statusCache.get(ctx.db);
  if (!byKey) statusCache.set(ctx.db, (byKey = new Map()));
  const key = `${planId}|${asOf}`;
  const hit = byKey.get(key);
  const revision = revisionOf(ctx.db);
  if (hit && hit.revision === revision && (await stillCurrent(ctx, hit))) return hit.value;
  // The audit head is read before the facts: a commit landing in between is seen again on the next look.
  const auditHead = await readAuditHead(ctx);
  const value = computeFresh(ctx, planId, asOf);
  const entry: CacheEntry = { revision, auditHead, checkedAt: Date.now(), value };
  // A day's status is only asked for today; older days are dropped so the cache holds one status per plan.
  for (const k of byKey.keys()) if (k.startsWith(`${planId}|`) && k !== key) byKey.delete(k);
  byKey.set(key, entry);
  value.catch(() => byKey.delete(key));
  return value;
}

/** The id of the newest audit entry: every committed change advances it, in whichever process. */
export async function readAuditHead(ctx: ServiceContext): Promise<number> {
  const row = await ctx.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row ? Number(row.id) : 0;
}

/** True when no other process committed a change since the entry was computed (sign-ins do not count). */
export async function stillCurrent(ctx: ServiceContext, entry: CacheEntry<unknown>): Promise<boolean> {
  if (Date.now() - entry.checkedAt < CHECK_EVERY_MS) return true;
  const tail = await ctx.db.selectFrom('audit_log').select(['id', 'entity']).where('id', '>', entry.auditHead).orderBy('id').limit(TAIL_LIMIT).execute();
  if (tail.length === TAIL_LIMIT || tail.some((e) => !VIEW_NEUTRAL_ENTITIES.has(e.entity))) return false;
  if (tail.length) entry.auditHead = Number(tail[tail.length - 1]!.id);
  entry.checkedAt = Date.now();
  return true;
}

async function computeFresh(ctx: ServiceContext, planId: string, asOf: string): Promise<PlanStatus> {
  await requirePlan(ctx.db, planId);
  const [facts, thresholds] = await Promise.all([loadStatusFacts(ctx.db, planId, asOf), planThresholds(ctx, planId)]);
  const { nodes, overall } = assemble(facts, asOf, thresholds);
  return { asOf, thresholds, nodes, overall };
}

function assemble(p: PlanFacts, asOf: string, thresholds: StatusThresholds): { nodes: Map<string, NodeStatus>; overall: RollupResult } {
  const results = new Map<string, StatusResult>();
  for (const [id, f] of p.facts) results.set(id, deriveStatus(f, asOf, thresholds));
  const hasTaskChild = new Set(p.nodes.filter((n) => n.kind === 'task' && n.parentId).map((n) => n.parentId!));
  const isLeafTask = (n: TaskRow) => n.kind === 'task' && !hasTaskChild.has(n.id);
  // Parts and articles with no task below them (some articles of part 1 are about understanding, not
  // doing) stay out of the rollup: as empty leaves they would be counted as tasks.
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const carriesTasks = new Set<string>();
  for (const n of p.nodes) {
    if (n.kind !== 'task') continue;
    for (let cur: TaskRow | undefined = n; cur && !carriesTasks.has(cur.id); cur = cur.parentId ? byId.get(cur.parentId) : undefined) carriesTasks.add(cur.id);
  }
  const rolled = rollup([
    { id: PLAN_ROOT, parentId: null, weight: 1 },
    ...p.nodes.filter((n) => carriesTasks.has(n.id)).map((n) => {
      const r = results.get(n.id);
      const parentId = n.parentId ?? PLAN_ROOT;
      return isLeafTask(n) && r
        ? { id: n.id, parentId, weight: n.weight, cancelled: n.cancelled, status: r.status, progressPct: r.actualPct }
        : { id: n.id, parentId, weight: n.weight, cancelled: n.cancelled };
    }),
  ]);
  const units = new Map<string, { lead: NodeStatus['leads']; participant: NodeStatus['participants'] }>();
  // One object per unit, shared by all its tasks: at 100k nodes there are ~50k assignments.
  const unitRefs = new Map<string, { unitId: string; unitName: string }>();
  for (const a of p.assignments) {
    const entry = units.get(a.nodeId) ?? { lead: [], participant: [] };
    let ref = unitRefs.get(a.unitId);
    if (!ref) unitRefs.set(a.unitId, (ref = { unitId: a.unitId, unitName: a.unitName }));
    entry[a.role].push(ref);
    units.set(a.nodeId, entry);
  }
  const out = new Map<string, NodeStatus>();
  for (const n of p.nodes) {
    out.set(n.id, {
      node: n,
      task: results.get(n.id) ?? null,
      rollup: rolled.get(n.id) ?? { progressPct: 0, weightTotal: 0, counts: emptyCounts() },
      leads: units.get(n.id)?.lead ?? [],
      participants: units.get(n.id)?.participant ?? [],
      isLeaf: isLeafTask(n),
    });
  }
  return { nodes: out, overall: rolled.get(PLAN_ROOT)! };
}

export type { Reason, Status };

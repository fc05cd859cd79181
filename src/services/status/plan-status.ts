import { DEFAULT_THRESHOLDS, deriveStatus, emptyCounts, rollup, type Reason, type RollupResult, type Status, type StatusResult, type StatusThresholds } from '../../domain';
import { readJson } from '../../db/json';
import { revisionOf, VIEW_NEUTRAL_ENTITIES, type ServiceContext } from '../context';
import { requirePlan } from '../plan/read-plan';
import { loadStatusFacts, ONLY_LIMIT, type TaskRow } from './load-status-facts';

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
// Asked on every My tasks request: the day changes only on a whole minute (the offset is whole hours),
// so it is worked out once a minute of the clock.
let dayMinute = NaN;
let day = '';
export const todayInChina = (ctx: ServiceContext): string => {
  const now = ctx.clock().getTime();
  const minute = Math.floor(now / 60_000);
  if (minute !== dayMinute) {
    day = new Date(now + CHINA_OFFSET_MS).toISOString().slice(0, 10);
    dayMinute = minute;
  }
  return day;
};

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
 * (bench/RESULTS.md), and a time-to-live alone made every cockpit request after it pay that. When
 * it is out of date, the audit entries since say what changed, and a report or one task's edit
 * updates it (updateOrRecompute) instead of computing it again.
 */
const CHECK_EVERY_MS = 1_000;
/** More new audit entries than this since the last look: recompute rather than read them all. */
const TAIL_LIMIT = 500;
export interface CacheEntry<T = PlanStatus> {
  revision: number;
  auditHead: number;
  checkedAt: number;
  value: Promise<T>;
  /** The value once it has resolved, for callers that can use it without waiting. */
  settled?: T;
}
const statusCache = new WeakMap<object, Map<string, CacheEntry>>();

export function computePlanStatus(ctx: ServiceContext, planId: string, asOf = todayInChina(ctx)): Promise<PlanStatus> {
  const key = `${planId}|${asOf}`;
  return keptUntilChange(ctx, statusCache, key, (previous, auditHead) => {
    // A day's status is only asked for today; older days are dropped so the cache holds one status per plan.
    const byKey = statusCache.get(ctx.db)!;
    for (const k of byKey.keys()) if (k.startsWith(`${planId}|`) && k !== key) byKey.delete(k);
    return previous ? updateOrRecompute(ctx, planId, asOf, previous, auditHead) : computeFresh(ctx, planId, asOf);
  });
}

/**
 * The kept status of a plan for today when it is known current without asking the database — nothing
 * committed through this process since, and the audit log looked at less than CHECK_EVERY_MS ago — else
 * undefined (then computePlanStatus). My tasks answers most requests from it without a promise.
 */
export function currentPlanStatus(ctx: ServiceContext, planId: string): PlanStatus | undefined {
  const byKey = statusCache.get(ctx.db);
  if (byKey === undefined || byKey.size === 0) return undefined;
  const hit = byKey.get(`${planId}|${todayInChina(ctx)}`);
  if (!hit || hit.settled === undefined || hit.revision !== revisionOf(ctx.db) || Date.now() - hit.checkedAt >= CHECK_EVERY_MS) return undefined;
  return hit.settled;
}

/**
 * A value kept per database and key under the status's validity rule (this process's commits at once,
 * other processes' within CHECK_EVERY_MS): the plan's status, its outline and the outline's levels. When
 * it is out of date, `compute` gets the entry it replaces (the status updates from it) and the audit
 * head read before it runs. At most `limit` keys.
 */
export async function keptUntilChange<T>(
  ctx: ServiceContext,
  cache: WeakMap<object, Map<string, CacheEntry<T>>>,
  key: string,
  compute: (previous: CacheEntry<T> | undefined, auditHead: number) => Promise<T>,
  limit = Infinity,
): Promise<T> {
  let byKey = cache.get(ctx.db);
  if (!byKey) cache.set(ctx.db, (byKey = new Map()));
  const hit = byKey.get(key);
  const revision = revisionOf(ctx.db);
  if (hit && hit.revision === revision && (await stillCurrent(ctx, hit))) return hit.value;
  // The audit head is read before the value: a commit landing in between is seen again on the next look.
  const auditHead = await readAuditHead(ctx);
  const value = compute(hit, auditHead);
  if (byKey.size >= limit) byKey.clear();
  const entry: CacheEntry<T> = { revision, auditHead, checkedAt: Date.now(), value };
  byKey.set(key, entry);
  value.then((v) => (entry.settled = v), () => byKey.delete(key));
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

/** How plan statuses were arrived at in this process (bench and tests read it). */
export const statusComputations = { full: 0, updated: 0 };

/** The whole plan's status from the database (no cache). */
export async function computeFresh(ctx: ServiceContext, planId: string, asOf: string = todayInChina(ctx)): Promise<PlanStatus> {
  statusComputations.full++;
  await requirePlan(ctx.db, planId);
  const [facts, thresholds] = await Promise.all([loadStatusFacts(ctx.db, planId, asOf), planThresholds(ctx, planId)]);
  const results = new Map<string, StatusResult>();
  for (const [id, f] of facts.facts) results.set(id, deriveStatus(f, asOf, thresholds));
  const units = new Map<string, UnitsOf>();
  // One object per unit, shared by all its tasks: at 100k nodes there are ~50k assignments.
  const unitRefs = new Map<string, { unitId: string; unitName: string }>();
  for (const a of facts.assignments) {
    const entry = units.get(a.nodeId) ?? { lead: [], participant: [] };
    let ref = unitRefs.get(a.unitId);
    if (!ref) unitRefs.set(a.unitId, (ref = { unitId: a.unitId, unitName: a.unitName }));
    entry[a.role].push(ref);
    units.set(a.nodeId, entry);
  }
  const { nodes, overall } = assemble(facts.nodes, results, units);
  return { asOf, thresholds, nodes, overall };
}

/**
 * The cached status brought up to date. Most writes are a unit's report or one task's edit: then only
 * the tasks the new audit entries name are read again and derived, and the rollup is redone in memory
 * from the cached results (at 100k nodes the facts of the whole plan take seconds to read). Anything
 * else that feeds the status — cycles, units, users, the plan, nodes created, moved, deleted or
 * restored, a write with no audit entry, or more entries than TAIL_LIMIT — recomputes it whole.
 */
async function updateOrRecompute(ctx: ServiceContext, planId: string, asOf: string, hit: CacheEntry, head: number): Promise<PlanStatus> {
  const prev = await hit.value.catch(() => null);
  const changed = prev && (await changedNodes(ctx, hit.auditHead, head));
  if (!prev || !changed) return computeFresh(ctx, planId, asOf);
  statusComputations.updated++;
  // a new object even when no task changed: views kept per status object (cockpit, My tasks) are rebuilt
  if (changed.length === 0) return { ...prev };
  const part = await loadStatusFacts(ctx.db, planId, asOf, changed);
  const rows = new Map(part.nodes.map((n) => [n.id, n]));
  const results = new Map<string, StatusResult>();
  for (const [id, s] of prev.nodes) if (s.task) results.set(id, s.task);
  for (const [id, f] of part.facts) results.set(id, deriveStatus(f, asOf, prev.thresholds));
  const units = new Map<string, UnitsOf>();
  for (const [id, s] of prev.nodes) units.set(id, { lead: s.leads, participant: s.participants });
  for (const id of changed) if (rows.has(id)) units.set(id, { lead: [], participant: [] });
  for (const a of part.assignments) units.get(a.nodeId)?.[a.role].push({ unitId: a.unitId, unitName: a.unitName });
  const nodes = [...prev.nodes.values()].map((s) => rows.get(s.node.id) ?? s.node);
  const { nodes: byId, overall } = assemble(nodes, results, units);
  return { asOf, thresholds: prev.thresholds, nodes: byId, overall };
}

/** Entities whose writes never reach the status's inputs (plan nodes, reports, cycles, assignments, units, overrides, users' names, the plan's settings). */
const STATUS_NEUTRAL = new Set([
  ...VIEW_NEUTRAL_ENTITIES,
  'supervision_item', 'meeting', 'agreement', 'national_request', 'project', 'project_report', 'indicator', 'indicator_report',
  'bulletin', 'assessment_period', 'assessment_appeal', 'network_scenario', 'network_node', 'network_link',
]);
/** Writes to one node that change its own row, facts or units, and nothing else's. */
const ONE_NODE_ACTIONS = new Set(['plan_node.update', 'plan_node.assign', 'status.override', 'status.override_revoke']);

/**
 * The parts, articles and tasks whose status inputs the audit entries after `from` (up to `to`) may
 * have changed, or null when the whole status must be computed again. A report names its task, a
 * milestone its parent task.
 */
async function changedNodes(ctx: ServiceContext, from: number, to: number): Promise<string[] | null> {
  if (to <= from) return null; // committed, but nothing audited: nothing to go by
  const tail = await ctx.db.selectFrom('audit_log').select(['entity', 'entity_id', 'action']).where('id', '>', from).where('id', '<=', to).orderBy('id').limit(TAIL_LIMIT + 1).execute();
  if (tail.length > TAIL_LIMIT) return null;
  const reportIds = new Set<string>();
  const nodeIds = new Set<string>();
  for (const e of tail) {
    if (STATUS_NEUTRAL.has(e.entity)) continue;
    if (e.entity === 'report') reportIds.add(e.entity_id);
    else if (e.entity === 'plan_node' && ONE_NODE_ACTIONS.has(e.action)) nodeIds.add(e.entity_id);
    else return null;
  }
  const ids = [...reportIds];
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of await ctx.db.selectFrom('report').select('node_id').where('id', 'in', ids.slice(i, i + 500)).execute()) nodeIds.add(r.node_id);
  }
  const named = [...nodeIds];
  const out = new Set<string>();
  for (let i = 0; i < named.length; i += 500) {
    const rows = await ctx.db.selectFrom('plan_node').select(['id', 'kind', 'parent_id']).where('id', 'in', named.slice(i, i + 500)).execute();
    for (const n of rows) out.add(n.kind === 'milestone' && n.parent_id ? n.parent_id : n.id);
  }
  return out.size > ONLY_LIMIT ? null : [...out];
}

type UnitsOf = { lead: NodeStatus['leads']; participant: NodeStatus['participants'] };

function assemble(nodeRows: readonly TaskRow[], results: ReadonlyMap<string, StatusResult>, units: ReadonlyMap<string, UnitsOf>): { nodes: Map<string, NodeStatus>; overall: RollupResult } {
  const hasTaskChild = new Set(nodeRows.filter((n) => n.kind === 'task' && n.parentId).map((n) => n.parentId!));
  const isLeafTask = (n: TaskRow) => n.kind === 'task' && !hasTaskChild.has(n.id);
  // Parts and articles with no task below them (some articles of part 1 are about understanding, not
  // doing) stay out of the rollup: as empty leaves they would be counted as tasks.
  const byId = new Map(nodeRows.map((n) => [n.id, n]));
  const carriesTasks = new Set<string>();
  for (const n of nodeRows) {
    if (n.kind !== 'task') continue;
    for (let cur: TaskRow | undefined = n; cur && !carriesTasks.has(cur.id); cur = cur.parentId ? byId.get(cur.parentId) : undefined) carriesTasks.add(cur.id);
  }
  const rolled = rollup([
    { id: PLAN_ROOT, parentId: null, weight: 1 },
    ...nodeRows.filter((n) => carriesTasks.has(n.id)).map((n) => {
      const r = results.get(n.id);
      const parentId = n.parentId ?? PLAN_ROOT;
      return isLeafTask(n) && r
        ? { id: n.id, parentId, weight: n.weight, cancelled: n.cancelled, status: r.status, progressPct: r.actualPct }
        : { id: n.id, parentId, weight: n.weight, cancelled: n.cancelled };
    }),
  ]);
  const out = new Map<string, NodeStatus>();
  for (const n of nodeRows) {
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

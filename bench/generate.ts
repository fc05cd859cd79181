/**
 * Deterministic data generator for the scale benchmarks (issue 4).
 *
 *   npx tsx bench/generate.ts --size S|M|L --db <sqlite file | postgres://…> [--force]
 *
 * Fills a FRESH database (migrate + loadShippedData first) with a realistic plan built on the shipped
 * Decision (4 parts, 18 articles, 88 tasks): extra tasks (some as sub-tasks), milestones, units, users,
 * a division of work, monthly cycles with a mix of on-time, late, missing, submitted, approved and
 * accepted reports, and an open current-month cycle whose reports are drafts (for the save benchmark).
 *
 * Size S goes entirely through the services the app uses (createUnit, createUser, createNode,
 * updateNode, assignUnits, openCycle, saveReport, transitionReport), so every change is audited.
 * Sizes M and L cannot: createNode renumbers the whole plan on every insert (O(n) per node, O(n²) in
 * total) and argon2 costs ~20–50 ms per user. For M and L, units, the two bench accounts (office,
 * viewer) and the dating of the 88 shipped tasks still go through the services; the generated nodes,
 * assignments, the remaining users (one shared precomputed argon2 hash), cycles and reports are
 * inserted directly in batches. Those rows are NOT audited; audit_log is never touched directly, so
 * the hash chain stays valid (verified at the end).
 *
 * Deterministic: a fixed-seed PRNG drives every choice; row ids are random UUIDs (as the app makes them),
 * everything else is identical between runs of the same size.
 */
import { existsSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Role } from '../src/domain';
import { cyclePeriod, defaultDueOn, numberTree } from '../src/domain';
import { migrateToLatest, openDatabase } from '../src/db/connect';
import { codeSortKey, listSkeleton } from '../src/db/queries/plan-nodes';
import { loadShippedData } from '../src/seed/load-shipped-data';
import { verifyAuditChain } from '../src/services/audit';
import { actorOf } from '../src/services/auth';
import { SYSTEM_ACTOR, type Actor, type ServiceContext } from '../src/services/context';
import { hashPassword } from '../src/services/passwords';
import { assignUnits } from '../src/services/plan/assign-units';
import { createNode } from '../src/services/plan/create-node';
import { updateNode } from '../src/services/plan/update-node';
import { openCycle } from '../src/services/reporting/cycles';
import { saveReport, transitionReport } from '../src/services/reporting/reports';
import { createUnit } from '../src/services/units';
import { createUser } from '../src/services/users';

export const BENCH_PASSWORD = 'Bench-2026-pass';
export const ADMIN_PASSWORD = 'Bench-admin-2026';

export type Size = 'S' | 'M' | 'L';
interface SizeSpec {
  /** Total tasks wanted (the 88 shipped ones included). */
  tasks: number;
  milestonesPerTask: number;
  /** Units that carry tasks (shipped ones first, then created). */
  units: number;
  /** Users in total (2 per unit first: reporter and lead; then extra reporters). */
  users: number;
  /** Closed monthly cycles before the current, open one. */
  closedCycles: number;
  mode: 'services' | 'bulk';
}
export const SIZES: Record<Size, SizeSpec> = {
  S: { tasks: 300, milestonesPerTask: 4, units: 60, users: 122, closedCycles: 6, mode: 'services' },
  M: { tasks: 4_000, milestonesPerTask: 4, units: 200, users: 1_000, closedCycles: 12, mode: 'bulk' },
  // 20,000 tasks × ~2.6 reports per task and cycle × 19 cycles (18 closed + current) ≈ 1,000,000 reports.
  L: { tasks: 20_000, milestonesPerTask: 4, units: 500, users: 5_000, closedCycles: 18, mode: 'bulk' },
};

/** mulberry32: small, fast, good enough, and the same everywhere. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const t0 = Date.now();
const secs = (from: number) => ((Date.now() - from) / 1000).toFixed(1);
const log = (msg: string) => console.log(`[${secs(t0).padStart(7)} s] ${msg}`);

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const monthsBack = (today: string, n: number) => {
  const d = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - n);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
};

const WORKS = ['推进', '建设', '完善', '实施', '深化', '培育', '打造', '优化', '共建', '提升'];
const OBJECTS = ['综合交通枢纽', '产业协作园区', '科技创新平台', '生态廊道', '公共服务共享机制', '营商环境', '开放通道', '数字基础设施', '水资源保障', '人才交流合作'];
const STEPS = ['完成方案编制', '完成立项审批', '开工建设', '完成年度目标', '通过验收'];

async function insertBatches<T extends Record<string, unknown>>(ctx: ServiceContext, table: 'plan_node' | 'assignment' | 'app_user' | 'cycle' | 'report', rows: T[], perBatch = 500, label: string = table) {
  const started = Date.now();
  await ctx.db.transaction().execute(async (tx) => {
    for (let i = 0; i < rows.length; i += perBatch) {
      await tx.insertInto(table).values(rows.slice(i, i + perBatch) as never).execute();
      if ((i / perBatch) % 200 === 199) log(`  ${label}: ${i + perBatch} / ${rows.length}`);
    }
  });
  log(`  ${label}: ${rows.length} rows inserted directly in ${secs(started)} s`);
}

export async function generate(size: Size, dbUrl: string, opts: { force?: boolean; today?: string } = {}) {
  const spec = SIZES[size];
  const isPg = /^postgres(ql)?:\/\//.test(dbUrl);
  if (!isPg) {
    const file = dbUrl.replace(/^sqlite:(\/\/)?/, '');
    if (existsSync(file)) {
      if (!opts.force) throw new Error(`${file} exists; pass --force to replace it`);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    }
  }
  const database = openDatabase(isPg ? dbUrl : `sqlite:${dbUrl.replace(/^sqlite:(\/\/)?/, '')}`);
  const ctx: ServiceContext = { db: database.db, dialect: database.dialect, clock: () => new Date(), security: { lockout: { threshold: 5, minutes: 15 }, sessionIdleMinutes: 480 } };
  const phase: Record<string, number> = {};
  const timed = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
    const s = Date.now();
    log(`${name} …`);
    const out = await f();
    phase[name] = (Date.now() - s) / 1000;
    log(`${name} done in ${phase[name]!.toFixed(1)} s`);
    return out;
  };
  try {
    await timed('migrate + loadShippedData', async () => {
      await migrateToLatest(ctx.db);
      if (await ctx.db.selectFrom('report').select('id').limit(1).executeTakeFirst()) throw new Error('the database already holds reports: generate into a fresh database');
      await loadShippedData(ctx, { adminPassword: ADMIN_PASSWORD });
    });
    const random = prng(20_200_710 + size.charCodeAt(0));
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const today = opts.today ?? new Date().toISOString().slice(0, 10);
    const plan = await ctx.db.selectFrom('plan').select('id').executeTakeFirstOrThrow();
    const planId = plan.id;

    // ---- units ----------------------------------------------------------------------------------
    const pool = await timed('units', async () => {
      const shipped = await ctx.db.selectFrom('unit').select(['id', 'name', 'kind', 'side']).where('active', '=', 1).orderBy('sort_order').execute();
      // Departments and cities carry tasks; take them first, then anything else.
      const rank = (k: string) => (k === 'department' ? 0 : k === 'city' ? 1 : 2);
      const ordered = [...shipped].sort((a, b) => rank(a.kind) - rank(b.kind));
      const chosen = ordered.slice(0, spec.units).map((u) => ({ id: u.id, name: u.name }));
      for (let i = chosen.length; i < spec.units; i++) {
        const side = random() < 0.6 ? 'sichuan' : 'chongqing';
        const u = await createUnit(ctx, SYSTEM_ACTOR, { name: `基准单位${String(i + 1).padStart(4, '0')}`, kind: pick(['department', 'county', 'enterprise'] as const), side });
        chosen.push({ id: u.id, name: u.name });
      }
      log(`  ${chosen.length} units carry tasks (${Math.max(0, spec.units - ordered.length)} created through createUnit)`);
      return chosen;
    });

    // ---- users ----------------------------------------------------------------------------------
    const staff = await timed('users', async () => {
      const officeUnit = (await ctx.db.selectFrom('unit').select('id').where('name', '=', '省推进成渝地区双城经济圈建设办公室').executeTakeFirstOrThrow()).id;
      const viaService = async (username: string, unitId: string, roles: Role[]) =>
        actorOf(await createUser(ctx, SYSTEM_ACTOR, { username, displayName: username, unitId, roles, password: BENCH_PASSWORD }, { mustChangePassword: false }));
      const office = await viaService('bench-office', officeUnit, ['office']);
      const viewer = await viaService('bench-viewer', officeUnit, ['viewer']);
      const byUnit = new Map<string, { reporter: Actor; lead: Actor }>();
      const wanted: { username: string; unitId: string; roles: Role[] }[] = [];
      pool.forEach((u, i) => {
        const tag = `b-u${String(i + 1).padStart(4, '0')}`;
        wanted.push({ username: `${tag}-reporter`, unitId: u.id, roles: ['reporter'] }, { username: `${tag}-lead`, unitId: u.id, roles: ['unit_lead'] });
      });
      for (let k = 0; wanted.length + 2 < spec.users; k++) {
        const i = k % pool.length;
        wanted.push({ username: `b-u${String(i + 1).padStart(4, '0')}-r${Math.floor(k / pool.length) + 1}`, unitId: pool[i]!.id, roles: ['reporter'] });
      }
      if (spec.mode === 'services') {
        for (const w of wanted) {
          const a = await viaService(w.username, w.unitId, w.roles);
          const entry = byUnit.get(w.unitId) ?? ({} as { reporter: Actor; lead: Actor });
          if (w.username.endsWith('-reporter')) entry.reporter = a;
          if (w.username.endsWith('-lead')) entry.lead = a;
          byUnit.set(w.unitId, entry);
        }
        log(`  ${wanted.length + 2} users created through createUser (argon2 each)`);
      } else {
        const hash = await hashPassword(BENCH_PASSWORD);
        const at = new Date().toISOString();
        const rows = wanted.map((w) => ({
          id: randomUUID(),
          username: w.username,
          display_name: w.username,
          unit_id: w.unitId,
          roles: JSON.stringify(w.roles),
          password_hash: hash,
          active: 1,
          must_change_password: 0,
          failed_logins: 0,
          version: 1,
          created_at: at,
          updated_at: at,
        }));
        await insertBatches(ctx, 'app_user', rows, 500, 'app_user (one shared argon2 hash, not audited)');
        for (const r of rows) {
          const a: Actor = { userId: r.id, username: r.username, unitId: r.unit_id, roles: JSON.parse(r.roles) as Role[] };
          const entry = byUnit.get(r.unit_id) ?? ({} as { reporter: Actor; lead: Actor });
          if (r.username.endsWith('-reporter')) entry.reporter = a;
          if (r.username.endsWith('-lead')) entry.lead = a;
          byUnit.set(r.unit_id, entry);
        }
        log(`  2 users through createUser, ${rows.length} inserted directly`);
      }
      return { office, viewer, byUnit };
    });

    // ---- plan: dates for shipped tasks, new tasks, milestones --------------------------------------
    const dates = () => {
      const start = addDays('2025-01-01', Math.floor(random() * 520));
      const overdue = random() < 0.1;
      const due = overdue ? addDays(today, -15 - Math.floor(random() * 200)) : addDays(today, 60 + Math.floor(random() * 900));
      return { startOn: start < due ? start : addDays(due, -180), dueOn: due };
    };
    const priority = () => (random() < 0.2 ? 'high' : random() < 0.9 ? 'normal' : 'low') as 'high' | 'normal' | 'low';
    interface GenTask { id: string; version: number; startOn: string; dueOn: string }
    const tasks: GenTask[] = [];
    const articles = await ctx.db.selectFrom('plan_node').select(['id', 'code', 'key_area']).where('plan_id', '=', planId).where('kind', '=', 'article').where('deleted_at', 'is', null).orderBy('sort_key').execute();
    const shippedTasks = await ctx.db.selectFrom('plan_node').select(['id', 'version', 'parent_id', 'code', 'seq']).where('plan_id', '=', planId).where('kind', '=', 'task').where('deleted_at', 'is', null).orderBy('sort_key').execute();

    await timed('date the 88 shipped tasks (updateNode)', async () => {
      for (const t of shippedTasks) {
        const d = dates();
        const n = await updateNode(ctx, staff.office, planId, t.id, { version: Number(t.version), ...d, priority: priority() });
        tasks.push({ id: t.id, version: n.version, ...d });
      }
    });

    const extraTasks = spec.tasks - shippedTasks.length;
    const milestoneCount = spec.tasks * spec.milestonesPerTask;
    if (spec.mode === 'services') {
      await timed(`createNode: ${extraTasks} tasks`, async () => {
        for (let i = 0; i < extraTasks; i++) {
          const article = pick(articles);
          const siblings = tasks.filter((t) => t.id !== undefined).slice(-20);
          // ~15% sub-tasks (具体工作 under a 重点任务).
          const parentId = random() < 0.15 && siblings.length ? pick(siblings).id : article.id;
          const d = dates();
          const n = await createNode(ctx, staff.office, planId, { parentId, kind: 'task', title: `${pick(WORKS)}${pick(OBJECTS)}（${i + 1}）`, ...d, priority: priority(), weight: 1 + Math.floor(random() * 3) });
          tasks.push({ id: n.id, version: n.version, ...d });
          if ((i + 1) % 50 === 0) log(`  ${i + 1} / ${extraTasks} tasks`);
        }
      });
      await timed(`createNode: ${milestoneCount} milestones`, async () => {
        let done = 0;
        for (const t of tasks) {
          for (let k = 0; k < spec.milestonesPerTask; k++) {
            const dueOn = addDays(t.startOn, Math.round(((k + 1) / spec.milestonesPerTask) * ((Date.parse(t.dueOn) - Date.parse(t.startOn)) / 86_400_000)));
            const completedOn = dueOn < today && random() < 0.7 ? addDays(dueOn, -Math.floor(random() * 20)) : null;
            await createNode(ctx, staff.office, planId, { parentId: t.id, kind: 'milestone', title: STEPS[k % STEPS.length]!, dueOn, completedOn, evidenceRequired: false });
            if (++done % 200 === 0) log(`  ${done} / ${milestoneCount} milestones`);
          }
          // createNode under a task does not change the task's version (renumbering writes code/seq only).
        }
      });
    } else {
      await timed(`direct insert: ${extraTasks} tasks + ${milestoneCount} milestones (not audited)`, async () => {
        const at = new Date().toISOString();
        const childCount = new Map<string, number>();
        for (const t of shippedTasks) childCount.set(t.parent_id!, Math.max(childCount.get(t.parent_id!) ?? 0, Number(t.seq) + 1));
        const codeOf = new Map<string, string>([...articles.map((a) => [a.id, a.code] as const), ...shippedTasks.map((t) => [t.id, t.code] as const)]);
        const keyAreaOf = new Map(articles.map((a) => [a.id, a.key_area]));
        const nodeRow = (parentId: string, kind: 'task' | 'milestone', title: string, f: { startOn?: string | null; dueOn: string; priority?: string; weight?: number; completedOn?: string | null; keyArea: string | null }) => {
          const seq = childCount.get(parentId) ?? 0;
          childCount.set(parentId, seq + 1);
          const code = `${codeOf.get(parentId)!}.${seq + 1}`;
          const id = randomUUID();
          codeOf.set(id, code);
          return {
            id,
            plan_id: planId,
            parent_id: parentId,
            key: null,
            kind,
            code,
            sort_key: codeSortKey(code),
            seq,
            title,
            body: null,
            weight: f.weight ?? 1,
            priority: f.priority ?? 'normal',
            start_on: f.startOn ?? null,
            due_on: f.dueOn,
            key_area: f.keyArea,
            source_ref: null,
            completion_criterion: null,
            evidence_required: 0,
            cancelled: 0,
            completed_on: f.completedOn ?? null,
            deadline_text: null,
            division_codes: '[]',
            user_edited: 1,
            version: 1,
            created_at: at,
            updated_at: at,
          };
        };
        const taskRows: ReturnType<typeof nodeRow>[] = [];
        const keyOfTask = new Map<string, string | null>();
        for (let i = 0; i < extraTasks; i++) {
          const article = pick(articles);
          const recent = taskRows.slice(-20);
          const parent = random() < 0.15 && recent.length ? pick(recent) : null;
          const d = dates();
          const keyArea = parent ? keyOfTask.get(parent.id)! : (keyAreaOf.get(article.id) ?? null);
          const row = nodeRow(parent?.id ?? article.id, 'task', `${pick(WORKS)}${pick(OBJECTS)}（${i + 1}）`, { ...d, priority: priority(), weight: 1 + Math.floor(random() * 3), keyArea });
          keyOfTask.set(row.id, keyArea);
          taskRows.push(row);
          tasks.push({ id: row.id, version: 1, ...d });
        }
        const msRows: ReturnType<typeof nodeRow>[] = [];
        for (const t of tasks) {
          for (let k = 0; k < spec.milestonesPerTask; k++) {
            const dueOn = addDays(t.startOn, Math.round(((k + 1) / spec.milestonesPerTask) * ((Date.parse(t.dueOn) - Date.parse(t.startOn)) / 86_400_000)));
            const completedOn = dueOn < today && random() < 0.7 ? addDays(dueOn, -Math.floor(random() * 20)) : null;
            msRows.push(nodeRow(t.id, 'milestone', STEPS[k % STEPS.length]!, { dueOn, completedOn, keyArea: keyOfTask.get(t.id) ?? null }));
          }
        }
        await insertBatches(ctx, 'plan_node', taskRows, 400, 'plan_node tasks');
        await insertBatches(ctx, 'plan_node', msRows, 400, 'plan_node milestones');
        // Check the codes against the numbering the app itself derives.
        const skeleton = await listSkeleton(ctx.db, planId);
        const numbering = numberTree(skeleton);
        const wrong = skeleton.filter((n) => numbering.get(n.id)?.code !== n.code).length;
        if (wrong) throw new Error(`${wrong} generated codes differ from numberTree`);
        log(`  codes checked against numberTree: ${skeleton.length} live nodes, 0 differ`);
      });
      // What the service would have cost: createNode renumbers the whole plan on each insert.
      await timed('createNode latency at this size (10 audited milestones)', async () => {
        const lastTask = tasks[tasks.length - 1]!;
        const ms: number[] = [];
        for (let k = 0; k < 10; k++) {
          const s = performance.now();
          await createNode(ctx, staff.office, planId, { parentId: lastTask.id, kind: 'milestone', title: `基准里程碑${k + 1}`, dueOn: lastTask.dueOn });
          ms.push(performance.now() - s);
        }
        ms.sort((a, b) => a - b);
        phase['createNode ms (median of 10)'] = Math.round(ms[5]! * 10) / 10;
        log(`  createNode at ${spec.tasks * (1 + spec.milestonesPerTask)} nodes: median ${ms[5]!.toFixed(1)} ms, max ${ms[9]!.toFixed(1)} ms per node`);
      });
    }

    // ---- division of work ------------------------------------------------------------------------
    const assignments = new Map<string, { leads: string[]; participants: string[] }>();
    for (const t of tasks) {
      const leads = [pick(pool).id];
      if (random() < 0.1) leads.push(pick(pool).id); // 川渝共同牵头
      const participants: string[] = [];
      const np = Math.floor(random() * 4);
      for (let k = 0; k < np; k++) participants.push(pick(pool).id);
      const ls = [...new Set(leads)];
      assignments.set(t.id, { leads: ls, participants: [...new Set(participants)].filter((p) => !ls.includes(p)) });
    }
    if (spec.mode === 'services') {
      await timed(`assignUnits: ${tasks.length} tasks`, async () => {
        for (const t of tasks) {
          const current = await ctx.db.selectFrom('plan_node').select('version').where('id', '=', t.id).executeTakeFirstOrThrow();
          const r = await assignUnits(ctx, staff.office, planId, t.id, { version: Number(current.version), ...assignments.get(t.id)! });
          t.version = r.node.version;
        }
      });
    } else {
      await timed('direct insert: assignments (not audited)', async () => {
        const at = new Date().toISOString();
        const rows = tasks.flatMap((t) => {
          const a = assignments.get(t.id)!;
          return [...a.leads.map((u) => ({ u, role: 'lead' })), ...a.participants.map((u) => ({ u, role: 'participant' }))].map(({ u, role }) => ({ id: randomUUID(), plan_id: planId, node_id: t.id, unit_id: u, role, created_at: at }));
        });
        await insertBatches(ctx, 'assignment', rows, 1000, 'assignment');
      });
    }

    // ---- cycles and reports ----------------------------------------------------------------------
    const months = [...Array.from({ length: spec.closedCycles }, (_, i) => monthsBack(today, spec.closedCycles - i)), monthsBack(today, 0)];
    const basePct = new Map(tasks.map((t) => [t.id, Math.floor(random() * 30)]));
    const pctFor = (taskId: string, cycleIndex: number) => Math.min(95, basePct.get(taskId)! + cycleIndex * 5 + Math.floor(random() * 10));
    if (spec.mode === 'services') {
      await timed(`openCycle ×${months.length} + saveReport/transitionReport (per-cycle clock)`, async () => {
        let saved = 0;
        let transitions = 0;
        for (const [ci, m] of months.entries()) {
          const cycle = await openCycle(ctx, staff.office, planId, { frequency: 'monthly', year: m.year, index: m.month });
          const owed = await ctx.db.selectFrom('report').select(['id', 'version', 'unit_id', 'node_id', 'role']).where('cycle_id', '=', cycle.id).orderBy('id').execute();
          const current = ci === months.length - 1;
          let filedThisCycle = 0;
          for (const r of owed) {
            const who = staff.byUnit.get(r.unit_id)!;
            if (current) {
              // The open cycle: a few drafts already started, the rest untouched.
              if (random() < 0.2) {
                await saveReport(ctx, who.reporter, r.id, { version: Number(r.version), progressPct: pctFor(r.node_id, ci), narrative: '本月正在推进。' });
                saved++;
              }
              continue;
            }
            const lead = r.role === 'lead';
            if (random() < (lead ? 0.12 : 0.4)) continue; // missing
            const late = random() < 0.1;
            const filedAt = new Date(Date.parse(`${cycle.dueOn}T02:00:00.000Z`) + (late ? 3 : -2) * 86_400_000);
            const then: ServiceContext = { ...ctx, clock: () => filedAt };
            const s = await saveReport(then, who.reporter, r.id, {
              version: Number(r.version),
              progressPct: pctFor(r.node_id, ci),
              narrative: '按计划推进，完成阶段性工作。',
              problems: random() < 0.3 ? '要素保障有待加强' : null,
            });
            const sub = await transitionReport(then, who.reporter, r.id, 'submit', { version: s.version });
            saved++;
            transitions++;
            filedThisCycle++;
            if (lead && random() < 0.75) {
              const ap = await transitionReport(then, who.lead, r.id, 'approve', { version: sub.version });
              transitions++;
              if (random() < 0.85) {
                await transitionReport(then, staff.office, r.id, 'accept', { version: ap.version, qualityRating: 3 + Math.floor(random() * 3) });
                transitions++;
              }
            }
          }
          log(`  cycle ${cycle.label}: ${owed.length} reports owed, ${current ? 'open (drafts)' : `${filedThisCycle} filed`} — ${saved} saves, ${transitions} transitions so far`);
        }
      });
    } else {
      await timed(`direct insert: ${months.length} cycles and their reports (not audited)`, async () => {
        const at = new Date().toISOString();
        let total = 0;
        for (const [ci, m] of months.entries()) {
          const period = cyclePeriod('monthly', m.year, m.month);
          const dueOn = defaultDueOn(period.periodEnd);
          const cycleId = randomUUID();
          const current = ci === months.length - 1;
          await ctx.db
            .insertInto('cycle')
            .values({ id: cycleId, plan_id: planId, label: period.label, frequency: 'monthly', period_start: period.periodStart, period_end: period.periodEnd, opens_on: period.periodStart, due_on: dueOn, created_at: at, updated_at: at })
            .execute();
          const rows: Record<string, unknown>[] = [];
          for (const t of tasks) {
            if (t.startOn > period.periodEnd) continue; // as openCycle: only tasks under way owe a report
            const a = assignments.get(t.id)!;
            for (const [unitId, role] of [...a.leads.map((u) => [u, 'lead'] as const), ...a.participants.map((u) => [u, 'participant'] as const)]) {
              const who = staff.byUnit.get(unitId)!;
              const base = { id: randomUUID(), cycle_id: cycleId, node_id: t.id, unit_id: unitId, role, created_at: at, updated_at: at };
              const lead = role === 'lead';
              if (current || random() < (lead ? 0.12 : 0.4)) {
                rows.push({ ...base, state: 'draft', version: 1 });
                continue;
              }
              const late = random() < 0.1;
              const filedAt = new Date(Date.parse(`${dueOn}T02:00:00.000Z`) + (late ? 3 : -2) * 86_400_000).toISOString();
              const stage = lead ? (random() < 0.75 ? (random() < 0.85 ? 'accepted' : 'approved') : 'submitted') : 'submitted';
              rows.push({
                ...base,
                state: stage,
                progress_pct: pctFor(t.id, ci),
                narrative: '按计划推进，完成阶段性工作。',
                problems: random() < 0.3 ? '要素保障有待加强' : null,
                submitted_at: filedAt,
                submitted_by: who.reporter.userId,
                ...(stage !== 'submitted' && { approved_at: filedAt, approved_by: who.lead.userId }),
                ...(stage === 'accepted' && { accepted_at: filedAt, accepted_by: staff.office.userId, quality_rating: 3 + Math.floor(random() * 3) }),
                version: stage === 'submitted' ? 3 : stage === 'approved' ? 4 : 5,
              });
            }
          }
          // Uniform column sets per batch: fill the optional columns with null.
          const cols = ['progress_pct', 'narrative', 'problems', 'submitted_at', 'submitted_by', 'approved_at', 'approved_by', 'accepted_at', 'accepted_by', 'quality_rating'];
          for (const r of rows) for (const c of cols) if (!(c in r)) r[c] = null;
          await insertBatches(ctx, 'report', rows, 500, `report ${period.label}`);
          total += rows.length;
        }
        log(`  ${total} reports in ${months.length} cycles`);
      });
    }

    // ---- summary -------------------------------------------------------------------------------
    const count = async (t: 'plan_node' | 'report' | 'app_user' | 'unit' | 'assignment' | 'cycle' | 'audit_log') => Number((await ctx.db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const summary = {
      size,
      dialect: ctx.dialect,
      nodes: await count('plan_node'),
      tasks: tasks.length,
      units: pool.length,
      unitsTotal: await count('unit'),
      users: await count('app_user'),
      assignments: await count('assignment'),
      cycles: await count('cycle'),
      reports: await count('report'),
      auditEntries: await count('audit_log'),
      mode: spec.mode,
      seconds: Number(secs(t0)),
      phases: phase,
    };
    const audit = await timed('verify audit chain', () => verifyAuditChain(ctx.db));
    if (!audit.ok) throw new Error(`audit chain broken: ${JSON.stringify(audit.firstBroken)}`);
    log(`audit chain intact (${audit.checked} entries)`);
    console.log(JSON.stringify(summary, null, 2));
    return summary;
  } finally {
    await database.close();
  }
}

const isMain = Boolean(process.argv[1]) && import.meta.url === pathToFileURL(resolve(process.argv[1]!)).href;
if (isMain) {
  const { values } = parseArgs({ options: { size: { type: 'string', default: 'S' }, db: { type: 'string' }, force: { type: 'boolean', default: false }, today: { type: 'string' } } });
  const size = values.size!.toUpperCase() as Size;
  if (!(size in SIZES) || !values.db) {
    console.error('usage: npx tsx bench/generate.ts --size S|M|L --db <sqlite file | postgres://…> [--force]');
    process.exit(2);
  }
  generate(size, values.db, { force: values.force, today: values.today }).then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}

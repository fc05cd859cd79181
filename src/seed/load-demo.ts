import { DomainError, type Role } from '../domain';
import { SYSTEM_ACTOR, type Actor, type ServiceContext } from '../services/context';
import { assignUnits } from '../services/plan/assign-units';
import { updateNode } from '../services/plan/update-node';
import { openCycle } from '../services/reporting/cycles';
import { saveReport, transitionReport } from '../services/reporting/reports';
import { createUser } from '../services/users';
import { actorOf } from '../services/auth';
import { findUser, toUser } from '../db/queries/users';
import { readJson, writeJson } from '../db/json';

export const DEMO_PASSWORD = 'Demo-2026-pass';

/** Demo users, one per role, so a newcomer can see every screen. Their names say they are demo accounts. */
const DEMO_USERS: { username: string; displayName: string; unit: string; roles: Role[] }[] = [
  { username: 'demo-office', displayName: '【演示】办公室', unit: '省推进成渝地区双城经济圈建设办公室', roles: ['office'] },
  { username: 'demo-lead', displayName: '【演示】发改委负责人', unit: '省发展改革委', roles: ['unit_lead'] },
  { username: 'demo-reporter', displayName: '【演示】发改委填报人', unit: '省发展改革委', roles: ['reporter'] },
  { username: 'demo-chengdu', displayName: '【演示】成都市填报人', unit: '成都市', roles: ['reporter', 'unit_lead'] },
  { username: 'demo-leader', displayName: '【演示】领导', unit: '省推进成渝地区双城经济圈建设办公室', roles: ['viewer'] },
];

/** Lead and participating units by key area: a plausible division of work, not the real one (the seed names none). */
const LEADS_BY_AREA: Record<string, [string[], string[]]> = {
  transport: [['省交通运输厅', '省发展改革委'], ['成都市', '市交通局']],
  industry: [['省经济和信息化厅'], ['省发展改革委', '成都市']],
  innovation: [['省科技厅'], ['成都市', '绵阳市']],
  ecology: [['省生态环境厅'], ['省林草局', '省水利厅']],
  reform: [['省发展改革委'], ['省自然资源厅']],
  opening: [['省商务厅'], ['成都市']],
  'public-services': [['省教育厅', '省卫生健康委'], ['省人力资源社会保障厅']],
};

// A small deterministic generator, so every demo looks the same and tests can rely on it.
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function monthsBack(today: string, n: number): { year: number; month: number } {
  const d = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - n);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

/**
 * Loads clearly labelled demo data through the same services the app uses: demo users for every role,
 * a division of work, dates, three monthly cycles and a mix of on-time, late and missing reports. Refuses
 * a database that already holds real reports: production never mixes demo data in.
 */
export async function loadDemo(ctx: ServiceContext, today: string): Promise<{ loaded: boolean }> {
  const plan = await ctx.db.selectFrom('plan').select(['id', 'settings']).executeTakeFirstOrThrow();
  const settings = readJson<{ demo?: boolean }>(plan.settings, {});
  if (settings.demo) return { loaded: false };
  const reports = await ctx.db.selectFrom('report').select('id').limit(1).executeTakeFirst();
  if (reports) throw new DomainError('FORBIDDEN', { reason: 'demo data only goes into a database without reports' });

  const units = new Map((await ctx.db.selectFrom('unit').select(['id', 'name']).execute()).map((u) => [u.name, u.id]));
  for (const u of DEMO_USERS) {
    if (await findUser(ctx.db, { username: u.username })) continue;
    await createUser(ctx, SYSTEM_ACTOR, { username: u.username, displayName: u.displayName, unitId: units.get(u.unit)!, roles: u.roles, password: DEMO_PASSWORD }, { mustChangePassword: false });
  }
  const office = actorOf(toUser((await findUser(ctx.db, { username: 'demo-office' }))!));
  const staff = async (username: string): Promise<Actor> => actorOf(toUser((await findUser(ctx.db, { username }))!));

  const random = prng(20200710);
  const tasks = await ctx.db.selectFrom('plan_node').select(['id', 'version', 'key_area', 'code']).where('plan_id', '=', plan.id).where('kind', '=', 'task').where('deleted_at', 'is', null).orderBy('code').execute();
  const start = `${Number(today.slice(0, 4)) - 1}-01-01`;
  for (const t of tasks) {
    const dueYear = Number(today.slice(0, 4)) + 1 + Math.floor(random() * 2);
    const due = `${dueYear}-${random() < 0.5 ? '06-30' : '12-31'}`;
    const dated = await updateNode(ctx, office, plan.id, t.id, { version: Number(t.version), startOn: start, dueOn: due, priority: random() < 0.2 ? 'high' : 'normal' });
    const [leads, participants] = (t.key_area && LEADS_BY_AREA[t.key_area]) || (t.code.startsWith('2.') ? [['成都市'], ['省发展改革委']] : [['省发展改革委'], []]);
    await assignUnits(ctx, office, plan.id, t.id, {
      version: dated.version,
      leads: leads.map((n) => units.get(n)).filter((x): x is string => Boolean(x)),
      participants: participants.map((n) => units.get(n)).filter((x): x is string => Boolean(x)).filter((id) => !leads.some((l) => units.get(l) === id)),
    });
  }

  // Three closed monthly cycles: most reports on time and accepted, some late, some missing.
  const elapsed = (daysFromStart: number) => Math.min(100, Math.round(daysFromStart));
  for (const back of [3, 2, 1]) {
    const { year, month } = monthsBack(today, back);
    const cycle = await openCycle(ctx, office, plan.id, { frequency: 'monthly', year, index: month });
    const owed = await ctx.db
      .selectFrom('report')
      .innerJoin('unit', 'unit.id', 'report.unit_id')
      .innerJoin('plan_node', 'plan_node.id', 'report.node_id')
      .select(['report.id', 'report.version', 'unit.name', 'report.role'])
      .where('cycle_id', '=', cycle.id)
      .where('report.role', '=', 'lead')
      // Keys are random per database, so draw the demo's random numbers in the plan's own order.
      .orderBy('plan_node.sort_key')
      .orderBy('unit.sort_order')
      .orderBy('unit.name')
      .execute();
    // Reports are filed two days before the cycle's due date, on the demo's own clock, so most are on time.
    const filedOn = new Date(Date.parse(`${cycle.dueOn}T02:00:00.000Z`) - 2 * 86_400_000);
    const then: ServiceContext = { ...ctx, clock: () => filedOn };
    for (const r of owed) {
      if (random() < 0.12) continue; // missing
      // Units without demo staff file through the system account (audited as such).
      const actor = r.name === '省发展改革委' ? await staff('demo-reporter') : r.name === '成都市' ? await staff('demo-chengdu') : SYSTEM_ACTOR;
      const lead = r.name === '省发展改革委' ? await staff('demo-lead') : actor;
      const pct = elapsed(25 + (3 - back) * 10 + random() * 45);
      const saved = await saveReport(then, actor, r.id, { version: Number(r.version), progressPct: pct, narrative: '【演示数据】完成阶段性工作，正按计划推进。', problems: random() < 0.3 ? '【演示数据】用地指标紧张' : null });
      const submitted = await transitionReport(then, actor, r.id, 'submit', { version: saved.version });
      if (random() < 0.75) {
        const approved = await transitionReport(then, lead, r.id, 'approve', { version: submitted.version });
        await transitionReport(then, office, r.id, 'accept', { version: approved.version, qualityRating: 3 + Math.floor(random() * 3) });
      }
    }
  }
  await ctx.db.updateTable('plan').set({ settings: writeJson({ ...settings, demo: true }) }).where('id', '=', plan.id).execute();
  return { loaded: true };
}

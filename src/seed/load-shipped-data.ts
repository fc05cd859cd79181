import { randomBytes, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { numberTree } from '../domain';
import { writeJson } from '../db/json';
import { listSkeleton, saveNumbering } from '../db/queries/plan-nodes';
import type { DB } from '../db/schema';
import { SYSTEM_ACTOR, inTransaction, nowIso, type BoundAudit, type ServiceContext } from '../services/context';
import { hashPassword } from '../services/passwords';
import { applyTransportProjects, ZTransportProjectsFile, type TransportProjectsFile } from './load-projects';
import {
  readDataFile,
  ZDecisionFile,
  ZDivisionsFile,
  ZPlatformsFile,
  ZUnitsFile,
  type DecisionFile,
  type LoadedFile,
  type SeedNode,
  type UnitsFile,
  ZNetworkFile,
  type NetworkFile,
} from './data-files';
import { readIndicatorFiles, type IndicatorFiles } from './indicator-files';
import { applyIndicators } from './load-indicators';

export interface SeedReport {
  applied: string[];
  skipped: string[];
  admin: { created: boolean; generatedPassword: string | null };
}

/**
 * Loads the shipped plan and reference data. Each file is applied only when its checksum changed since
 * the last load, so restarting never duplicates, and an edited data file is applied as an upgrade that
 * leaves records the office has edited alone.
 */
export async function loadShippedData(ctx: ServiceContext, opts: { adminPassword?: string | undefined } = {}): Promise<SeedReport> {
  const report: SeedReport = { applied: [], skipped: [], admin: { created: false, generatedPassword: null } };
  const steps: [string, LoadedFile<unknown>, (tx: Transaction<DB>, audit: BoundAudit, data: never) => Promise<void>][] = [
    ['units', readDataFile('units.json', ZUnitsFile), (tx, audit, d: UnitsFile) => applyUnits(ctx, tx, audit, d)],
    ['divisions', readDataFile('reference/divisions.json', ZDivisionsFile), (tx, audit, d) => applyDivisions(tx, audit, d)],
    ['platforms', readDataFile('reference/platforms.json', ZPlatformsFile), (tx, audit, d) => applyPlatforms(tx, audit, d)],
    ['plan', readDataFile('plan/decision.json', ZDecisionFile), (tx, audit, d: DecisionFile) => applyPlan(ctx, tx, audit, d)],
    ['network', readDataFile('network/network.json', ZNetworkFile), (tx, audit, d: NetworkFile) => applyNetwork(tx, audit, d)],
    // After the network: the projects' schematic lines are drawn through its node positions.
    ['projects', readDataFile('projects/transport-projects.json', ZTransportProjectsFile), (tx, audit, d: TransportProjectsFile) => applyTransportProjects(ctx, tx, audit, d)],
    ['indicators', readIndicatorFiles(), (tx, audit, d: IndicatorFiles) => applyIndicators(tx, audit, d, nowIso(ctx))],
  ];
  for (const [key, file, apply] of steps) {
    const done = await ctx.db.selectFrom('seed_state').select('checksum').where('key', '=', key).executeTakeFirst();
    if (done?.checksum === file.checksum) {
      report.skipped.push(key);
      continue;
    }
    await inTransaction(ctx, SYSTEM_ACTOR, async (tx, audit) => {
      await apply(tx, audit, file.data as never);
      const row = { key, checksum: file.checksum, applied_at: nowIso(ctx) };
      await tx.insertInto('seed_state').values(row).onConflict((oc) => oc.column('key').doUpdateSet({ checksum: row.checksum, applied_at: row.applied_at })).execute();
    });
    report.applied.push(key);
  }
  report.admin = await ensureAdmin(ctx, opts.adminPassword);
  return report;
}

async function applyUnits(ctx: ServiceContext, tx: Transaction<DB>, audit: BoundAudit, file: UnitsFile) {
  const existing = new Map((await tx.selectFrom('unit').selectAll().where('key', 'is not', null).execute()).map((r) => [r.key!, r]));
  const idOf = new Map<string, string>([...existing].map(([k, r]) => [k, r.id]));
  for (const u of file.units) if (!idOf.has(u.key)) idOf.set(u.key, randomUUID());
  const at = nowIso(ctx);
  // Parents first, so the foreign key holds at every insert.
  const ordered = [...file.units].sort((a, b) => Number(a.parentKey !== null) - Number(b.parentKey !== null));
  for (const u of ordered) {
    const values = {
      name: u.name,
      full_name: u.fullName,
      kind: u.kind,
      side: u.side,
      parent_id: u.parentKey ? (idOf.get(u.parentKey) ?? null) : null,
      division_code: u.divisionCode,
      aliases: writeJson(u.aliases),
      sort_order: file.units.indexOf(u),
    };
    const row = existing.get(u.key);
    if (!row) {
      const id = idOf.get(u.key)!;
      await tx.insertInto('unit').values({ id, key: u.key, ...values, active: 1, source: 'data/units.json', user_edited: 0, version: 1, created_at: at, updated_at: at }).execute();
      await audit('unit.seed', 'unit', id, null, { key: u.key, ...values });
    } else if (!row.user_edited && Object.entries(values).some(([k, v]) => row[k as keyof typeof row] !== v)) {
      await tx.updateTable('unit').set({ ...values, updated_at: at, version: Number(row.version) + 1 }).where('id', '=', row.id).execute();
      await audit('unit.seed', 'unit', row.id, { name: row.name, full_name: row.full_name }, { key: u.key, ...values });
    }
  }
}

async function applyDivisions(tx: Transaction<DB>, audit: BoundAudit, file: ReturnType<typeof ZDivisionsFile.parse>) {
  await tx.deleteFrom('division').execute();
  const rows = [
    ...file.sichuan_prefectures.map((d) => ({
      code: d.code,
      name: d.name,
      level: 'prefecture',
      side: 'sichuan',
      parent_code: '510000',
      roles: writeJson([...(d.code === '510100' ? ['core'] : []), ...(d.regional_central_city_2020 ? ['regional_central'] : [])]),
      outline_scope: d.outline_scope ?? null,
      borders_chongqing: d.borders_chongqing ? 1 : 0,
      source: writeJson(d.source ?? null),
    })),
    ...file.chongqing_districts_counties.map((d) => ({
      code: d.code,
      name: d.name,
      level: 'county',
      side: 'chongqing',
      parent_code: '500000',
      roles: writeJson([]),
      outline_scope: d.outline_scope ?? null,
      borders_chongqing: d.borders_sichuan ? 1 : 0,
      source: writeJson(d.source ?? null),
    })),
  ];
  for (let i = 0; i < rows.length; i += 200) await tx.insertInto('division').values(rows.slice(i, i + 200)).execute();
  await audit('reference.load', 'division', 'all', null, { count: rows.length });
}

async function applyPlatforms(tx: Transaction<DB>, audit: BoundAudit, file: ReturnType<typeof ZPlatformsFile.parse>) {
  await tx.deleteFrom('platform').execute();
  for (const p of file.platforms) {
    await tx
      .insertInto('platform')
      .values({ id: p.id, name: p.name, cluster: p.cluster ?? null, members: writeJson({ sichuan: p.members.sichuan, chongqing: p.members.chongqing }), focus: p.focus ?? null, source: writeJson(p.source ?? null) })
      .execute();
  }
  await audit('reference.load', 'platform', 'all', null, { count: file.platforms.length });
}

async function applyPlan(ctx: ServiceContext, tx: Transaction<DB>, audit: BoundAudit, file: DecisionFile) {
  const at = nowIso(ctx);
  const planValues = {
    title: file.meta.title,
    short_title: file.meta.shortTitle,
    adopted_on: file.meta.adoptedOn,
    issuer: file.meta.issuer,
    summary: file.meta.summary,
    facts: writeJson(file.facts),
    source: writeJson(file.meta.source),
  };
  let plan = await tx.selectFrom('plan').select(['id', 'version']).where('key', '=', file.meta.code).executeTakeFirst();
  if (!plan) {
    plan = { id: randomUUID(), version: 1 };
    await tx.insertInto('plan').values({ id: plan.id, key: file.meta.code, ...planValues, version: 1, created_at: at, updated_at: at }).execute();
    await audit('plan.seed', 'plan', plan.id, null, { key: file.meta.code, title: file.meta.title });
  } else {
    await tx.updateTable('plan').set({ ...planValues, updated_at: at, version: Number(plan.version) + 1 }).where('id', '=', plan.id).execute();
    await audit('plan.seed', 'plan', plan.id, null, { key: file.meta.code, title: file.meta.title, upgrade: true });
  }
  const planId = plan.id;
  const existing = new Map(
    (await tx.selectFrom('plan_node').selectAll().where('plan_id', '=', planId).where('key', 'is not', null).execute()).map((r) => [r.key!, r]),
  );

  // An article of part 3 is one of the 7 key areas and carries its key, so tasks added under it inherit it.
  const keyAreaByTitle = new Map(file.facts.keyAreas.map((k) => [k.title, k.key]));
  const visit = async (nodes: SeedNode[], parentId: string | null, parentKeyArea: string | null) => {
    for (const [seq, n] of nodes.entries()) {
      const keyArea = n.keyArea ?? (n.kind === 'article' ? (keyAreaByTitle.get(n.title) ?? null) : parentKeyArea);
      const values = { title: n.title, body: n.body ?? null, key_area: keyArea, source_ref: n.sourceRef ? writeJson(n.sourceRef) : null };
      const row = existing.get(n.key);
      let id: string;
      if (!row) {
        id = randomUUID();
        await tx
          .insertInto('plan_node')
          .values({ id, plan_id: planId, parent_id: parentId, key: n.key, kind: n.kind, code: '', seq, weight: 1, priority: 'normal', ...values, user_edited: 0, version: 1, created_at: at, updated_at: at })
          .execute();
        await audit('plan_node.seed', 'plan_node', id, null, { key: n.key, kind: n.kind, title: n.title });
      } else {
        id = row.id;
        // The office's own edits and deletions win over a later data file.
        const changed = row.title !== values.title || row.body !== values.body || row.key_area !== values.key_area || row.source_ref !== values.source_ref;
        if (!row.user_edited && !row.deleted_at && changed) {
          await tx.updateTable('plan_node').set({ ...values, version: Number(row.version) + 1, updated_at: at }).where('id', '=', id).execute();
          await audit('plan_node.seed', 'plan_node', id, { title: row.title }, { key: n.key, title: n.title, upgrade: true });
        }
      }
      await visit(n.children ?? [], id, n.kind === 'part' ? null : values.key_area);
    }
  };
  await visit(file.nodes, null, null);
  const skeleton = await listSkeleton(tx, planId);
  await saveNumbering(tx, skeleton, numberTree(skeleton));
}

/** Network nodes, links and targets; links and node positions the office edited are kept. */
async function applyNetwork(tx: Transaction<DB>, audit: BoundAudit, file: NetworkFile) {
  const nodes = new Map((await tx.selectFrom('network_node').select(['id', 'user_edited']).execute()).map((n) => [n.id, n]));
  for (const n of file.nodes) {
    const values = { name: n.name, kind: n.kind, division_code: n.divisionCode, lon: n.lon, lat: n.lat, position_source: n.positionSource ?? null, note: n.note ?? null };
    const row = nodes.get(n.id);
    if (!row) await tx.insertInto('network_node').values({ id: n.id, ...values }).execute();
    else if (!row.user_edited) await tx.updateTable('network_node').set(values).where('id', '=', n.id).execute();
  }
  const links = new Map((await tx.selectFrom('network_link').select(['id', 'user_edited']).execute()).map((l) => [l.id, l]));
  for (const l of file.links) {
    const values = {
      from_id: l.from, to_id: l.to, mode: l.mode, line: l.line, minutes: l.minutes, minutes_note: l.minutesNote ?? null, headway_minutes: l.headwayMinutes ?? null,
      status: l.status, open_from: l.openFrom, planned_opening: l.plannedOpening, closed_from: l.closedFrom, project_id: l.projectId, one_way: l.oneWay ? 1 : 0,
      source: writeJson(l.source), reliability: l.reliability ?? null,
    };
    const row = links.get(l.id);
    if (!row) await tx.insertInto('network_link').values({ id: l.id, ...values }).execute();
    else if (!row.user_edited) await tx.updateTable('network_link').set(values).where('id', '=', l.id).execute();
  }
  await tx.deleteFrom('network_target').execute();
  for (const [ord, t] of file.targets.entries()) await tx.insertInto('network_target').values({ id: t.id, ord, data: writeJson(t) }).execute();
  await audit('reference.load', 'network', 'all', null, { nodes: file.nodes.length, links: file.links.length, targets: file.targets.length });
}

/** On first start there is no user: create `admin` in the leading-group office with the configured or a generated password. */
async function ensureAdmin(ctx: ServiceContext, configured: string | undefined): Promise<SeedReport['admin']> {
  const any = await ctx.db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  if (any) return { created: false, generatedPassword: null };
  const office = await ctx.db.selectFrom('unit').select('id').where('kind', '=', 'office').orderBy('sort_order').limit(1).executeTakeFirst();
  if (!office) throw new Error('No office unit in data/units.json to hold the admin account');
  const generated = configured ? null : `${randomBytes(9).toString('base64url')}7a`;
  const password = configured ?? generated!;
  const passwordHash = await hashPassword(password);
  await inTransaction(ctx, SYSTEM_ACTOR, async (tx, audit) => {
    const id = randomUUID();
    const at = nowIso(ctx);
    await tx
      .insertInto('app_user')
      .values({ id, username: 'admin', display_name: '系统管理员', unit_id: office.id, roles: writeJson(['admin']), password_hash: passwordHash, active: 1, must_change_password: generated ? 1 : 0, failed_logins: 0, version: 1, created_at: at, updated_at: at })
      .execute();
    await audit('app_user.create', 'app_user', id, null, { username: 'admin', roles: ['admin'] });
  });
  return { created: true, generatedPassword: generated };
}

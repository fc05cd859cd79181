import { randomUUID } from 'node:crypto';
import {
  applyScenario,
  attributeGaps,
  compareScenarios,
  computeTravelTimes,
  DomainError,
  evaluateTarget,
  firstYearMet,
  linksOpenOn,
  plannedOpeningDate,
  route,
  type NetworkLink,
  type NetworkNode,
  type NetworkScenario,
  type NetworkTarget,
  type TravelTimeMatrix,
} from '../../domain';
import { readJson, writeJson } from '../../db/json';
import { writeNetworkWorkbook } from '../../documents/network/write-network-workbook';
import type { Executor } from '../../db/schema';
import { inTransaction, nowIso, type Actor, type ServiceContext } from '../context';
import { writeOnce, writeVersioned } from '../versioned-update';

export interface StoredLink extends NetworkLink {
  version: number;
}

export interface Network {
  nodes: (NetworkNode & { version: number })[];
  links: StoredLink[];
  targets: NetworkTarget[];
}

export async function loadNetwork(db: Executor): Promise<Network> {
  const [nodes, links, targets] = await Promise.all([
    db.selectFrom('network_node').selectAll().orderBy('id').execute(),
    db.selectFrom('network_link').selectAll().orderBy('id').execute(),
    db.selectFrom('network_target').select('data').orderBy('ord').execute(),
  ]);
  return {
    nodes: nodes.map((n) => ({
      id: n.id,
      name: n.name,
      kind: n.kind as NetworkNode['kind'],
      divisionCode: n.division_code,
      lon: Number(n.lon),
      lat: Number(n.lat),
      ...(n.position_source && { positionSource: n.position_source }),
      ...(n.note && { note: n.note }),
      version: Number(n.version),
    })),
    links: links.map((l) => ({
      id: l.id,
      from: l.from_id,
      to: l.to_id,
      mode: l.mode as NetworkLink['mode'],
      line: l.line,
      minutes: l.minutes === null ? null : Number(l.minutes),
      ...(l.minutes_note && { minutesNote: l.minutes_note }),
      headwayMinutes: l.headway_minutes === null ? null : Number(l.headway_minutes),
      status: l.status as NetworkLink['status'],
      openFrom: l.open_from,
      plannedOpening: l.planned_opening,
      closedFrom: l.closed_from,
      projectId: l.project_id,
      source: readJson<string[]>(l.source, []),
      ...(l.reliability && { reliability: l.reliability }),
      oneWay: Boolean(l.one_way),
      version: Number(l.version),
    })),
    targets: targets.map((t) => readJson<NetworkTarget>(t.data, {} as NetworkTarget)),
  };
}

export interface NetworkQuery {
  date: string;
  assumePlanned: boolean;
  scenarioId?: string | undefined;
}

async function linksFor(ctx: ServiceContext, scenarioId: string | undefined): Promise<{ network: Network; links: NetworkLink[] }> {
  const network = await loadNetwork(ctx.db);
  if (!scenarioId) return { network, links: network.links };
  const scenario = await requireScenario(ctx.db, scenarioId);
  return { network, links: applyScenario({ base: network.links, overrides: scenario.overrides }) };
}

/** The matrix on a date (links open that day, or projected with planned openings), for a scenario or the base. */
export async function travelTimes(ctx: ServiceContext, q: NetworkQuery): Promise<{ network: Network; matrix: TravelTimeMatrix; unknownLinks: string[] }> {
  const { network, links } = await linksFor(ctx, q.scenarioId);
  const open = linksOpenOn(links, q.date, { assumePlannedOpenings: q.assumePlanned });
  const matrix = computeTravelTimes(
    network.nodes.map((n) => n.id),
    open.links,
  );
  return { network, matrix, unknownLinks: open.unknownMinutes.map((l) => l.id) };
}

export const minutesOrNull = (x: number) => (Number.isFinite(x) ? x : null);

export async function findRoute(ctx: ServiceContext, q: NetworkQuery & { from: string; to: string }) {
  const { matrix } = await travelTimes(ctx, q);
  if (!matrix.indexOf.has(q.from) || !matrix.indexOf.has(q.to)) throw new DomainError('NOT_FOUND', { from: q.from, to: q.to });
  const r = route(matrix, q.from, q.to);
  if (!r) throw new DomainError('NOT_FOUND', { from: q.from, to: q.to, reason: 'no open path' });
  return r;
}

export async function evaluateTargets(ctx: ServiceContext, q: NetworkQuery) {
  const { network, matrix } = await travelTimes(ctx, q);
  return network.targets.map((target) => ({ target, evaluation: evaluateTarget(target, matrix, q.date) }));
}

export async function targetFirstYears(ctx: ServiceContext, targetId: string, years: number[]) {
  const network = await loadNetwork(ctx.db);
  const target = network.targets.find((t) => t.id === targetId);
  if (!target) throw new DomainError('NOT_FOUND', { targetId });
  return firstYearMet(target, network.links, years);
}

/**
 * Which planned projects would close each gap of a target. For a future date read with planned
 * openings, the projects due by then count as open, so the gaps are the ones still left after them;
 * a scenario's edits apply too.
 */
export async function targetGaps(ctx: ServiceContext, targetId: string, q: NetworkQuery) {
  const { network, links } = await linksFor(ctx, q.scenarioId);
  const target = network.targets.find((t) => t.id === targetId);
  if (!target) throw new DomainError('NOT_FOUND', { targetId });
  const asOf = q.assumePlanned
    ? links.map((l) => {
        const opens = l.status !== 'open' ? plannedOpeningDate(l.plannedOpening) : null;
        return opens && opens <= q.date ? { ...l, status: 'open' as const, openFrom: opens } : l;
      })
    : links;
  return attributeGaps(target, asOf, q.date);
}

export interface LinkPatch {
  version: number;
  minutes?: number | null | undefined;
  status?: NetworkLink['status'] | undefined;
  openFrom?: string | null | undefined;
  plannedOpening?: string | null | undefined;
  closedFrom?: string | null | undefined;
  headwayMinutes?: number | null | undefined;
  minutesNote?: string | null | undefined;
}

/** The office enters what the sources do not give (a link's minutes) or corrects a date; audited, and kept over later data files. */
export async function updateLink(ctx: ServiceContext, actor: Actor, linkId: string, p: LinkPatch): Promise<StoredLink> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const before = (await loadNetwork(tx)).links.find((l) => l.id === linkId);
    if (!before) throw new DomainError('NOT_FOUND', { linkId });
    if (before.version !== p.version) throw new DomainError('VERSION_CONFLICT', { linkId });
    await writeVersioned(
      tx
        .updateTable('network_link')
        .set({
          ...(p.minutes !== undefined && { minutes: p.minutes }),
          ...(p.status !== undefined && { status: p.status }),
          ...(p.openFrom !== undefined && { open_from: p.openFrom }),
          ...(p.plannedOpening !== undefined && { planned_opening: p.plannedOpening }),
          ...(p.closedFrom !== undefined && { closed_from: p.closedFrom }),
          ...(p.headwayMinutes !== undefined && { headway_minutes: p.headwayMinutes }),
          ...(p.minutesNote !== undefined && { minutes_note: p.minutesNote }),
          user_edited: 1,
          version: p.version + 1,
        })
        .where('id', '=', linkId)
        .where('version', '=', p.version),
      { linkId },
    );
    const after = (await loadNetwork(tx)).links.find((l) => l.id === linkId)!;
    await audit('network.link_update', 'network_link', linkId, before, after);
    return after;
  });
}

export async function updateNodePosition(ctx: ServiceContext, actor: Actor, nodeId: string, p: { version: number; lon: number; lat: number }) {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const row = await tx.selectFrom('network_node').selectAll().where('id', '=', nodeId).executeTakeFirst();
    if (!row) throw new DomainError('NOT_FOUND', { nodeId });
    if (Number(row.version) !== p.version) throw new DomainError('VERSION_CONFLICT', { nodeId });
    await writeVersioned(tx.updateTable('network_node').set({ lon: p.lon, lat: p.lat, position_source: 'set by the office', user_edited: 1, version: p.version + 1 }).where('id', '=', nodeId).where('version', '=', p.version), { nodeId });
    await audit('network.node_move', 'network_node', nodeId, { lon: Number(row.lon), lat: Number(row.lat) }, { lon: p.lon, lat: p.lat });
    return (await loadNetwork(tx)).nodes.find((n) => n.id === nodeId)!;
  });
}

type Overrides = NetworkScenario['overrides'];
export interface StoredScenario {
  id: string;
  name: string;
  overrides: Overrides;
  version: number;
  createdAt: string;
}

async function requireScenario(db: Executor, id: string): Promise<StoredScenario> {
  const r = await db.selectFrom('network_scenario').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new DomainError('NOT_FOUND', { scenarioId: id });
  return { id: r.id, name: r.name, overrides: readJson<Overrides>(r.overrides, { add: [], remove: [], retime: {} }), version: Number(r.version), createdAt: r.created_at };
}

export async function listScenarios(ctx: ServiceContext): Promise<StoredScenario[]> {
  const rows = await ctx.db.selectFrom('network_scenario').select('id').orderBy('created_at', 'desc').execute();
  return Promise.all(rows.map((r) => requireScenario(ctx.db, r.id)));
}

/** A what-if copy of the current network: it starts with no changes; the office then adds, removes or retimes links. */
export async function createScenario(ctx: ServiceContext, actor: Actor, name: string): Promise<StoredScenario> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const id = randomUUID();
    const at = nowIso(ctx);
    await tx.insertInto('network_scenario').values({ id, name, overrides: writeJson({ add: [], remove: [], retime: {} }), created_by: actor.userId ?? 'system', created_at: at, updated_at: at }).execute();
    await audit('network.scenario_create', 'network_scenario', id, null, { name });
    return requireScenario(tx, id);
  });
}

export async function updateScenario(ctx: ServiceContext, actor: Actor, id: string, p: { version: number; name?: string | undefined; overrides?: Overrides | undefined }) {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const before = await requireScenario(tx, id);
    if (before.version !== p.version) throw new DomainError('VERSION_CONFLICT', { scenarioId: id });
    if (p.overrides) {
      const known = new Set((await loadNetwork(tx)).links.map((l) => l.id));
      const unknown = [...p.overrides.remove, ...Object.keys(p.overrides.retime)].filter((l) => !known.has(l));
      if (unknown.length) throw new DomainError('NOT_FOUND', { linkIds: unknown });
    }
    await writeVersioned(
      tx
        .updateTable('network_scenario')
        .set({ ...(p.name && { name: p.name }), ...(p.overrides && { overrides: writeJson(p.overrides) }), version: p.version + 1, updated_at: nowIso(ctx) })
        .where('id', '=', id)
        .where('version', '=', p.version),
      { scenarioId: id },
    );
    const after = await requireScenario(tx, id);
    await audit('network.scenario_update', 'network_scenario', id, before, after);
    return after;
  });
}

export async function deleteScenario(ctx: ServiceContext, actor: Actor, id: string) {
  await inTransaction(ctx, actor, async (tx, audit) => {
    const before = await requireScenario(tx, id);
    await writeOnce(tx.deleteFrom('network_scenario').where('id', '=', id), { scenarioId: id });
    await audit('network.scenario_delete', 'network_scenario', id, before, null);
  });
}

export async function compareScenario(ctx: ServiceContext, id: string, q: { date: string; assumePlanned: boolean }) {
  const [base, scenario] = await Promise.all([travelTimes(ctx, q), travelTimes(ctx, { ...q, scenarioId: id })]);
  return compareScenarios(base.matrix, scenario.matrix);
}

/** The xlsx the office sends around: the matrix between the seats that have links, the targets, the links with sources. */
export async function exportNetwork(ctx: ServiceContext, q: NetworkQuery): Promise<Buffer> {
  const { network, matrix } = await travelTimes(ctx, q);
  const targets = await evaluateTargets(ctx, q);
  const name = new Map(network.nodes.map((n) => [n.id, n.name]));
  const seats = network.nodes.filter((n) => n.kind === 'seat' && network.links.some((l) => l.from === n.id || l.to === n.id));
  const n = matrix.nodeIds.length;
  const at = (a: string, b: string) => minutesOrNull(matrix.minutes[matrix.indexOf.get(a)! * n + matrix.indexOf.get(b)!]!);
  return writeNetworkWorkbook({
    title: `${q.date}${q.assumePlanned ? '（含规划线路）' : ''} 分钟；空白表示不通`,
    matrix: { names: seats.map((s) => s.name), minutes: seats.map((a) => seats.map((b) => at(a.id, b.id))) },
    targets: targets.flatMap(({ target, evaluation }) =>
      evaluation.readings.map((r) => ({ title: target.title, thresholdMinutes: r.thresholdMinutes, source: r.source, met: r.met.length, notMet: r.notMet.length, share: r.share })),
    ),
    links: network.links.map((k) => ({ id: k.id, line: k.line, mode: k.mode, from: name.get(k.from) ?? k.from, to: name.get(k.to) ?? k.to, minutes: k.minutes, status: k.status, openFrom: k.openFrom, plannedOpening: k.plannedOpening, source: k.source, reliability: k.reliability ?? '' })),
  });
}

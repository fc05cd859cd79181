import type { Transaction } from 'kysely';
import { z } from 'zod';
import { phaseFromText, schematicGeometry, sectorsOf, type PlaceNode } from '../domain';
import { writeJson } from '../db/json';
import type { DB } from '../db/schema';
import { nowIso, type BoundAudit, type ServiceContext } from '../services/context';
import { sideOfDivisions, type ProjectMilestone } from '../services/project/project-model';
import { writeDivisions } from '../services/project/projects';

export const ZTransportProjectsFile = z.object({
  meta: z.record(z.string(), z.unknown()),
  projects: z.array(
    z
      .object({
        id: z.string().min(1),
        name: z.string().min(1),
        status: z.string(),
        source: z.array(z.string()),
        stations: z.union([z.array(z.string()), z.number()]).optional(),
        investment_100m_yuan: z.union([z.number(), z.string()]).optional(),
      })
      .loose(),
  ),
});
export type TransportProjectsFile = z.infer<typeof ZTransportProjectsFile>;

/** Who answers for the shipped rail projects in Sichuan's division of work, by unit key; the office can change it per project. */
const RESPONSIBLE_UNIT_KEY = 'sc-jtt';

const FACT_KEYS = ['endpoints', 'length_km', 'length_detail', 'design_speed_kmh', 'speed_note', 'chengdu_chongqing_time', 'travel_time', 'investment_note', 'build_period', 'upgrade'] as const;
const MILESTONES: [key: string, title: string, type: string][] = [
  ['feasibility_approved', '可研批复', 'approval'],
  ['groundbreaking', '控制性工程开工', 'delivery'],
  ['construction_launch_ceremony', '开工动员', 'delivery'],
  ['construction_start', '开工', 'delivery'],
  ['formal_construction_start', '全面开工', 'delivery'],
  ['upgrade', '提质改造', 'delivery'],
  ['opening', '开通运营', 'delivery'],
  ['planned_opening', '计划建成通车', 'delivery'],
];

/** The first date written in a free-text field ("2022-11-28", "2021-08 (NDRC)", "2015 (year-end …)") as YYYY-MM-DD. */
export function firstDate(text: unknown): string | null {
  if (typeof text !== 'string' && typeof text !== 'number') return null;
  const m = /(19|20)\d{2}(?:-(\d{2}))?(?:-(\d{2}))?/.exec(String(text));
  if (!m) return null;
  return `${m[0].slice(0, 4)}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
}

type Shipped = TransportProjectsFile['projects'][number];
const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

/**
 * The shipped rail projects. Ids are the data file's, since network links point at them (network_link.project_id).
 * A project the office has edited is left alone; nothing is deleted.
 */
export async function applyTransportProjects(ctx: ServiceContext, tx: Transaction<DB>, audit: BoundAudit, file: TransportProjectsFile) {
  const at = nowIso(ctx);
  const nodes: PlaceNode[] = (await tx.selectFrom('network_node').select(['id', 'name', 'kind', 'division_code', 'lon', 'lat']).execute()).map((n) => ({
    id: n.id, name: n.name, kind: n.kind as PlaceNode['kind'], divisionCode: n.division_code, lon: Number(n.lon), lat: Number(n.lat),
  }));
  const links = await tx.selectFrom('network_link').select(['from_id', 'to_id', 'project_id', 'mode']).where('project_id', 'is not', null).execute();
  // Chongqing's stations have no division of their own in the network; their access link says which node they serve.
  const access = await tx.selectFrom('network_link').select(['from_id', 'to_id']).where('mode', '=', 'access').execute();
  const divisionOf = (id: string) => nodes.find((n) => n.id === id)?.divisionCode ?? access.find((a) => a.from_id === id)?.to_id ?? null;
  const unit = await tx.selectFrom('unit').select('id').where('key', '=', RESPONSIBLE_UNIT_KEY).executeTakeFirst();
  const existing = new Map((await tx.selectFrom('project').select(['id', 'user_edited', 'version']).where('origin', '=', 'shipped').execute()).map((p) => [p.id, p]));
  for (const p of file.projects) {
    const own = links.filter((l) => l.project_id === p.id).map((l) => ({ from: l.from_id, to: l.to_id }));
    const g = schematicGeometry(Array.isArray(p.stations) ? p.stations : null, own, nodes);
    const divisionCodes = [...new Set(g.nodeIds.map(divisionOf).filter((c): c is string => Boolean(c)))];
    const today = at.slice(0, 10);
    const milestones: ProjectMilestone[] = MILESTONES.filter(([k]) => p[k] !== undefined).map(([k, title, type]) => {
      const date = firstDate(p[k]);
      const planned = k === 'planned_opening';
      return { id: k, title: `${title}：${str(p[k])}`, type, dueDate: planned ? date : null, dateMet: !planned && date && date <= today ? date : null };
    });
    const phase = phaseFromText(p.status) ?? 'implementation';
    const startDate = [p.formal_construction_start, p.construction_start, p.construction_launch_ceremony, p.groundbreaking].map(firstDate).find(Boolean) ?? null;
    const endDate = firstDate(p.planned_opening ?? (phase === 'completed' ? p.opening : undefined));
    const budget = typeof p.investment_100m_yuan === 'number' ? p.investment_100m_yuan : null;
    const facts = Object.fromEntries([
      ...FACT_KEYS.filter((k) => p[k] !== undefined && p[k] !== null).map((k) => [k, typeof p[k] === 'number' ? p[k] : str(p[k])]),
      ...(typeof p.investment_100m_yuan === 'string' ? [['investment_text', p.investment_100m_yuan]] : []),
      ...(Array.isArray(p.stations) ? [['stations', p.stations.join('、')]] : typeof p.stations === 'number' ? [['station_count', p.stations]] : []),
      ...(g.unplaced.length ? [['geometry_unplaced_stations', g.unplaced.join('、')]] : []),
      ['status_text', p.status],
    ]) as Record<string, string | number | null>;
    const values = {
      title: p.name,
      description: str(p.endpoints) ? `${str(p.endpoints)}${typeof p.length_km === 'number' ? `，约${p.length_km}公里` : ''}` : null,
      purpose: '成渝地区双城经济圈交通互联互通（轨道交通）',
      category: 'transport.rail',
      sector: writeJson(sectorsOf('transport.rail')),
      type: 'construction',
      phase,
      start_date: startDate,
      end_date: endDate && startDate && endDate < startDate ? null : endDate,
      period_text: [str(p.construction_start ?? p.formal_construction_start), str(p.opening ?? p.planned_opening)].filter(Boolean).join(' → ') || null,
      locations: writeJson(g.geometry ? [{ id: 'line', description: str(p.endpoints) ?? p.name, geometry: g.geometry, schematic: true }] : []),
      division_codes: writeJson(divisionCodes),
      division_code: divisionCodes[0] ?? null,
      budget_total: budget,
      owner: null,
      unit_id: unit?.id ?? null,
      side: sideOfDivisions(divisionCodes),
      milestones: writeJson(milestones),
      documents: writeJson([]),
      facts: writeJson(facts),
      source: writeJson(p.source),
      note: '数据来源：data/projects/transport-projects.json（公开报道转载）；线路走向为示意，按站点/城市位置连线。',
    };
    const row = existing.get(p.id);
    if (!row) {
      await tx.insertInto('project').values({ id: p.id, ...values, origin: 'shipped', created_at: at, updated_at: at }).execute();
      await writeDivisions(tx, p.id, divisionCodes);
      await audit('project.seed', 'project', p.id, null, { title: p.name });
    } else if (!row.user_edited) {
      await tx.updateTable('project').set({ ...values, version: Number(row.version) + 1, updated_at: at }).where('id', '=', p.id).execute();
      await writeDivisions(tx, p.id, divisionCodes);
      await audit('project.seed', 'project', p.id, null, { title: p.name, upgrade: true });
    }
  }
}

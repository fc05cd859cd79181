import type { Selectable } from 'kysely';
import { DomainError, type ProjectCategory, type ProjectPhase, type ProjectSide } from '../../domain';
import { fromFlag, readJson } from '../../db/json';
import type { Executor, ProjectTable } from '../../db/schema';

export interface GeoJsonGeometry {
  type: 'Point' | 'MultiPoint' | 'LineString' | 'MultiLineString';
  coordinates: unknown[];
}

export interface ProjectLocation {
  id: string;
  description: string | null;
  geometry: GeoJsonGeometry | null;
  /** Drawn from station or city positions, not surveyed: the map says so. */
  schematic: boolean;
}

export interface BudgetLine {
  year: number;
  /** 亿元 */
  amount: number;
  /** 中央预算内 / 地方专项债 / 企业自筹 …; null when the list gives only the total. */
  source: string | null;
}

export interface ProjectMilestone {
  id: string;
  title: string;
  type: string | null;
  dueDate: string | null;
  dateMet: string | null;
}

export interface ProjectDocument {
  id: string;
  title: string;
  url: string | null;
  documentType: string | null;
}

export interface Project {
  id: string;
  title: string;
  description: string | null;
  purpose: string | null;
  category: ProjectCategory;
  sector: string[];
  type: string | null;
  phase: ProjectPhase;
  startDate: string | null;
  endDate: string | null;
  periodText: string | null;
  locations: ProjectLocation[];
  divisionCodes: string[];
  budgetTotal: number | null;
  budgetPlan: BudgetLine[];
  owner: string | null;
  unitId: string | null;
  unitName: string | null;
  side: ProjectSide;
  milestones: ProjectMilestone[];
  documents: ProjectDocument[];
  facts: Record<string, string | number | null>;
  source: string[];
  note: string | null;
  origin: 'shipped' | 'import' | 'manual';
  userEdited: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type ProjectRow = Selectable<ProjectTable> & { unit_name?: string | null };

export function toProject(r: ProjectRow): Project {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    purpose: r.purpose,
    category: r.category as ProjectCategory,
    sector: readJson<string[]>(r.sector, []),
    type: r.type,
    phase: r.phase as ProjectPhase,
    startDate: r.start_date,
    endDate: r.end_date,
    periodText: r.period_text,
    locations: readJson<ProjectLocation[]>(r.locations, []),
    divisionCodes: readJson<string[]>(r.division_codes, []),
    budgetTotal: r.budget_total === null ? null : Number(r.budget_total),
    budgetPlan: readJson<BudgetLine[]>(r.budget_plan, []),
    owner: r.owner,
    unitId: r.unit_id,
    unitName: r.unit_name ?? null,
    side: r.side as ProjectSide,
    milestones: readJson<ProjectMilestone[]>(r.milestones, []),
    documents: readJson<ProjectDocument[]>(r.documents, []),
    facts: readJson<Record<string, string | number | null>>(r.facts, {}),
    source: readJson<string[]>(r.source, []),
    note: r.note,
    origin: r.origin as Project['origin'],
    userEdited: fromFlag(r.user_edited),
    version: Number(r.version),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function selectProjects(db: Executor) {
  return db.selectFrom('project').leftJoin('unit', 'unit.id', 'project.unit_id').selectAll('project').select('unit.name as unit_name');
}

export async function requireProject(db: Executor, id: string, version?: number): Promise<Project> {
  const row = await selectProjects(db).where('project.id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('PROJECT_NOT_FOUND', { projectId: id });
  if (version !== undefined && Number(row.version) !== version) throw new DomainError('VERSION_CONFLICT', { projectId: id, expected: version, actual: Number(row.version) });
  return toProject(row);
}

/** Sichuan, Chongqing or both, from the divisions a project runs through (GB/T 2260: 51… Sichuan, 50… Chongqing). */
export function sideOfDivisions(codes: readonly string[], fallback: ProjectSide = 'sichuan'): ProjectSide {
  const sc = codes.some((c) => c.startsWith('51'));
  const cq = codes.some((c) => c.startsWith('50'));
  return sc && cq ? 'joint' : cq ? 'chongqing' : sc ? 'sichuan' : fallback;
}

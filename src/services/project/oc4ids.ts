import { oc4idsStatusOf } from '../../domain';
import type { Project } from './project-model';

const YI = 100_000_000;
const dateTime = (d: string | null) => (d ? `${d}T00:00:00+08:00` : undefined);
const money = (yi: number) => ({ amount: Math.round(yi * YI), currency: 'CNY' });
const orgId = (name: string) => `org-${Buffer.from(name).toString('hex').slice(0, 24)}`;

/** Drops keys whose value is undefined, null or an empty array: OC4IDS arrays must not be empty. */
function compact<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0))) as Partial<T>;
}

/** One project in OC4IDS 0.9.5 form. Amounts go out in yuan (the library keeps 亿元). */
export function toOc4idsProject(p: Project, opts: { uriBase: string }) {
  const parties = [
    ...(p.unitName ? [compact({ id: p.unitId ? `unit-${p.unitId}` : orgId(p.unitName), name: p.unitName, roles: ['publicAuthority'] })] : []),
    ...(p.owner && p.owner !== p.unitName ? [compact({ id: orgId(p.owner), name: p.owner, roles: ['administrativeEntity'] })] : []),
  ];
  const authority = parties.find((x) => (x.roles as string[]).includes('publicAuthority'));
  const plan = p.budgetPlan.map((b, i) =>
    compact({
      id: `${b.year}-${i + 1}`,
      description: b.source ? `${b.year}年度计划投资（${b.source}）` : `${b.year}年度计划投资`,
      amount: money(b.amount),
      period: { startDate: `${b.year}-01-01T00:00:00+08:00`, endDate: `${b.year}-12-31T23:59:59+08:00` },
    }),
  );
  const locations = [
    ...p.locations.filter((l) => l.geometry).map((l) => compact({ id: l.id, description: [l.description, l.schematic ? '示意位置（非测绘）/ schematic' : null].filter(Boolean).join(' — ') || undefined, geometry: l.geometry })),
    ...(p.divisionCodes.length ? [{ id: 'divisions', description: '所在行政区划 (GB/T 2260)', gazetteer: { scheme: 'GB/T 2260', identifiers: p.divisionCodes } }] : []),
  ];
  const documents = [
    ...p.documents.map((d) => compact({ id: d.id, title: d.title, url: d.url ?? undefined, documentType: d.documentType ?? undefined })),
    ...p.source.filter((s) => /^https?:\/\//.test(s)).map((url, i) => ({ id: `source-${i + 1}`, title: '信息来源 / source', url })),
  ];
  return compact({
    id: p.id,
    updated: p.updatedAt,
    language: 'zh',
    title: p.title,
    description: p.description ?? undefined,
    purpose: p.purpose ?? undefined,
    sector: p.sector,
    type: p.type ?? undefined,
    status: oc4idsStatusOf(p.phase),
    period: p.startDate || p.endDate ? compact({ startDate: dateTime(p.startDate), endDate: dateTime(p.endDate) }) : undefined,
    locations,
    budget: p.budgetTotal !== null || plan.length ? compact({ amount: p.budgetTotal !== null ? money(p.budgetTotal) : undefined, budgetBreakdowns: plan.length ? [{ id: 'annual-plan', description: '年度计划投资', budgetBreakdown: plan }] : undefined }) : undefined,
    parties,
    publicAuthority: authority ? { id: authority.id as string, name: authority.name as string } : undefined,
    milestones: p.milestones.map((m) => compact({ id: m.id, title: m.title, type: m.type ?? undefined, dueDate: dateTime(m.dueDate), dateMet: dateTime(m.dateMet), status: m.dateMet ? 'met' : 'scheduled' })),
    documents,
    additionalClassifications: [{ scheme: 'shuangcheng-category', id: p.category }],
    relatedProjects: undefined,
    identifiers: [{ id: p.id, scheme: `${opts.uriBase}/projects` }],
  });
}

/** A project package (project-package-schema.json) of the given projects. */
export function toOc4idsPackage(projects: readonly Project[], opts: { uriBase: string; publishedDate: string }) {
  return {
    uri: `${opts.uriBase}/api/projects/export/oc4ids`,
    publishedDate: opts.publishedDate,
    publisher: { name: '四川省推进成渝地区双城经济圈建设办公室' },
    version: '0.9',
    license: 'https://creativecommons.org/licenses/by/4.0/',
    publicationPolicy: `${opts.uriBase}/docs/oc4ids`,
    projects: projects.map((p) => toOc4idsProject(p, opts)),
  };
}

import { DomainError } from '../errors';

/** Our categories of the annual project lists; the transport ones are split the way the Outline splits them. */
export const PROJECT_CATEGORIES = [
  'transport.rail',
  'transport.road',
  'transport.air',
  'transport.water',
  'transport.logistics',
  'industry',
  'innovation',
  'ecology',
  'publicServices',
  'energy',
  'newInfrastructure',
] as const;
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number];

/** The life of a project, in OC4IDS projectStatus words plus our 'completed' (closed out and in use). */
export const PROJECT_PHASES = ['identification', 'preparation', 'implementation', 'completion', 'completed', 'cancelled'] as const;
export type ProjectPhase = (typeof PROJECT_PHASES)[number];

export const PROJECT_SIDES = ['sichuan', 'chongqing', 'joint'] as const;
export type ProjectSide = (typeof PROJECT_SIDES)[number];

/** OC4IDS projectSector codes each category is published under (codelist projectSector.csv). */
const SECTORS: Record<ProjectCategory, string[]> = {
  'transport.rail': ['transport', 'transport.rail'],
  'transport.road': ['transport', 'transport.road'],
  'transport.air': ['transport', 'transport.air'],
  'transport.water': ['transport', 'transport.water'],
  'transport.logistics': ['transport', 'economy'],
  industry: ['economy'],
  innovation: ['economy', 'communications'],
  ecology: ['naturalResources', 'waterAndWaste'],
  publicServices: ['education', 'health', 'cultureSportsAndRecreation', 'socialHousing'],
  energy: ['energy'],
  newInfrastructure: ['communications'],
};
export const sectorsOf = (c: ProjectCategory): string[] => SECTORS[c];

/**
 * OC4IDS has no "completed" status: a finished project in use is in `maintenance`. The other phases map
 * one to one.
 */
export function oc4idsStatusOf(phase: ProjectPhase): string {
  return phase === 'completed' ? 'maintenance' : phase;
}

/** Phase from the words the data files and workbooks use (under construction, 在建, 建成 …). */
export function phaseFromText(text: string | null | undefined): ProjectPhase | null {
  if (!text) return null;
  const t = text.trim().toLowerCase();
  if ((PROJECT_PHASES as readonly string[]).includes(t)) return t as ProjectPhase;
  if (/partly operating|under construction|在建|续建|新开工|implementation/.test(t)) return 'implementation';
  if (/^operating|建成|通车|投运|竣工|开通/.test(t)) return 'completed';
  if (/收尾|completion/.test(t)) return 'completion';
  if (/前期|储备|可研|preparation|planned/.test(t)) return 'preparation';
  if (/谋划|identification/.test(t)) return 'identification';
  if (/取消|cancel/.test(t)) return 'cancelled';
  return null;
}

const CATEGORY_WORDS: [RegExp, ProjectCategory][] = [
  [/铁路|高铁|轨道|城际|市域/, 'transport.rail'],
  [/公路|高速|道路|桥/, 'transport.road'],
  [/机场|航空/, 'transport.air'],
  [/港|航道|水运|码头/, 'transport.water'],
  [/物流|枢纽|陆海/, 'transport.logistics'],
  [/交通/, 'transport.road'],
  [/产业|制造|工业/, 'industry'],
  [/创新|科技|科学|研发/, 'innovation'],
  [/生态|环保|环境|水利|治理/, 'ecology'],
  [/公共服务|民生|教育|医疗|卫生|文化|体育|养老/, 'publicServices'],
  [/能源|电力|电网|天然气|油气/, 'energy'],
  [/新型基础设施|新基建|数据中心|5G|算力/, 'newInfrastructure'],
];

/** The category a section heading or a project name speaks of, or null. */
export function categoryFromText(text: string): ProjectCategory | null {
  for (const [re, c] of CATEGORY_WORDS) if (re.test(text)) return c;
  return null;
}

/** A section row of an annual list: "一、交通基础设施（19个）" → its title and the count it announces. */
export function parseSectionHeading(text: string): { title: string; count: number | null } | null {
  const m = /^\s*[一二三四五六七八九十]+\s*[、.．]\s*(.+?)\s*(?:[（(]\s*(\d+)\s*个?\s*[）)])?\s*$/.exec(text);
  if (!m) return null;
  return { title: m[1]!, count: m[2] ? Number(m[2]) : null };
}

/** "2021-2027", "2021—2027年", "2023年" → start and end years; null when no year is written. */
export function parseYearSpan(text: string | null | undefined): { startYear: number; endYear: number } | null {
  if (!text) return null;
  const years = [...String(text).matchAll(/(19|20)\d{2}/g)].map((m) => Number(m[0]));
  if (!years.length) return null;
  return { startYear: years[0]!, endYear: years[years.length - 1]! };
}

export function assertPhase(phase: string): ProjectPhase {
  if (!(PROJECT_PHASES as readonly string[]).includes(phase)) throw new DomainError('VALIDATION_FAILED', { field: 'phase', value: phase });
  return phase as ProjectPhase;
}

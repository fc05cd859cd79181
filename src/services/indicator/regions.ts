import type { Executor } from '../../db/schema';

/** Codes an observation or target may be filed under, with their names: the map's divisions, the two provinces, and regions. */
export interface DivisionCatalogue {
  names: Map<string, { zh: string; en: string }>;
  /** Members of each region a derived indicator can sum over. */
  regions: Map<string, string[]>;
  /** The Sichuan prefectures and Chongqing districts the map draws, in display order. */
  mapCodes: string[];
}

export const PROVINCES: Record<string, { zh: string; en: string }> = {
  '510000': { zh: '四川省', en: 'Sichuan' },
  '500000': { zh: '重庆市', en: 'Chongqing' },
};

export const REGIONS: Record<string, { zh: string; en: string }> = {
  'region:circle': { zh: '成渝地区双城经济圈', en: 'Chengdu–Chongqing economic circle' },
  'region:sc_cq': { zh: '四川省与重庆市合计', en: 'Sichuan and Chongqing combined' },
  'region:outline_scope': { zh: '《规划纲要》范围', en: "The Outline's scope" },
};

export async function loadDivisionCatalogue(db: Executor): Promise<DivisionCatalogue> {
  const divisions = await db.selectFrom('division').select(['code', 'name', 'outline_scope']).orderBy('side', 'desc').orderBy('code').execute();
  const names = new Map<string, { zh: string; en: string }>([...Object.entries(PROVINCES), ...Object.entries(REGIONS)]);
  for (const d of divisions) names.set(d.code, { zh: d.name, en: d.name });
  const regions = new Map<string, string[]>([
    ['region:sc_cq', ['510000', '500000']],
    // A division partly in the Outline's scope (绵阳 without 平武 and 北川) counts whole: the sum says so in its description.
    ['region:outline_scope', divisions.filter((d) => d.outline_scope === 'full' || d.outline_scope === 'partial').map((d) => d.code)],
  ]);
  return { names, regions, mapCodes: divisions.map((d) => d.code) };
}

export const divisionName = (cat: DivisionCatalogue, code: string, lang: 'zh' | 'en') => cat.names.get(code)?.[lang] ?? code;

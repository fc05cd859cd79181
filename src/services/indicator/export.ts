import { writeIndicatorWorkbook } from '../../documents/indicator/indicator-workbook';
import type { ExplainLang, IndicatorDerivation } from '../../domain';
import type { ServiceContext } from '../context';
import { getIndicatorDetail } from './detail';
import { divisionName, loadDivisionCatalogue, type DivisionCatalogue } from './regions';

export function formulaText(d: IndicatorDerivation | null, cat: DivisionCatalogue, lang: ExplainLang): string | null {
  if (!d) return null;
  const op = (o: { indicator: string; members?: string[] | undefined; region?: string | undefined }) =>
    `${o.indicator}[${o.region ? divisionName(cat, o.region, lang) : (o.members ?? []).map((m) => divisionName(cat, m, lang)).join(' + ')}]`;
  return d.kind === 'share' ? `${op(d.numerator)} ÷ ${op(d.denominator)} × ${d.scale}` : `Σ ${op(d.operand)}`;
}

export async function exportIndicator(ctx: ServiceContext, id: string, today: string, lang: ExplainLang): Promise<{ fileName: string; content: Buffer }> {
  const detail = await getIndicatorDetail(ctx, id, { today }, lang);
  const cat = await loadDivisionCatalogue(ctx.db);
  const i = detail.indicator;
  const name = divisionName(cat, detail.division ?? '', lang);
  const content = await writeIndicatorWorkbook({
    code: i.code,
    name: i.name,
    unit: i.unit,
    frequency: i.frequency,
    aggregation: i.aggregation,
    direction: i.direction,
    source: i.source,
    description: i.description,
    owner: i.ownerUnitName,
    formula: formulaText(i.derivation, cat, lang),
    observations: detail.observations.map((o) => ({
      ...o,
      note: [o.note, o.missing.length ? `缺少：${o.missing.map((m) => `${m.indicator} ${m.divisionName}`).join('、')}` : null].filter(Boolean).join('；') || null,
    })),
    targets: detail.targets,
    trajectory: detail.trajectory.map((p) => ({ ...p, divisionName: name })),
  });
  return { fileName: `指标-${i.code}-${today}.xlsx`, content };
}

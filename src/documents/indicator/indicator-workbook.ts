import type ExcelJS from 'exceljs';
import { Workbook } from '../exceljs-workbook';
import { toXlsxBuffer } from '../xlsx-safety';

export interface IndicatorWorkbook {
  code: string;
  name: string;
  unit: string;
  frequency: string;
  aggregation: string;
  direction: string;
  source: string | null;
  description: string | null;
  owner: string | null;
  formula: string | null;
  observations: { divisionCode: string; divisionName: string; period: string; value: number | null; source: string | null; reliability: string | null; note: string | null; origin: string }[];
  targets: { divisionCode: string; divisionName: string; period: string; value: number; source: string | null }[];
  trajectory: { divisionName: string; period: string; value: number; kind: string }[];
}

const MISSING = '缺失';
const ORIGIN: Record<string, string> = { seed: '随系统发布', entry: '手工录入', import: '导入', derived: '计算' };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
const MISSING_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F3F3' } };

function header(ws: ExcelJS.Worksheet, titles: [string, number][]) {
  ws.columns = titles.map(([h, width]) => ({ header: h, width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).eachCell((c) => (c.fill = HEADER_FILL));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/**
 * The observations sheet has the import's columns, so an exported file can be corrected and imported back.
 * A missing value is written as “缺失”, which the import reads as a known gap.
 */
export async function writeIndicatorWorkbook(data: IndicatorWorkbook): Promise<Buffer> {
  const wb = new Workbook();
  wb.creator = 'Shuangcheng';
  const obs = wb.addWorksheet('观测值');
  header(obs, [['指标代码', 24], ['指标名称', 28], ['区划代码', 14], ['区划名称', 18], ['期间', 10], ['数值', 14], ['单位', 8], ['来源', 50], ['可靠性', 24], ['备注', 40], ['录入方式', 12]]);
  for (const o of data.observations) {
    const row = obs.addRow([data.code, data.name, o.divisionCode, o.divisionName, o.period, o.value ?? MISSING, data.unit, o.source ?? '', o.reliability ?? '', o.note ?? '', ORIGIN[o.origin] ?? o.origin]);
    if (o.value === null) row.getCell(6).fill = MISSING_FILL;
  }

  const tgt = wb.addWorksheet('目标与轨迹');
  header(tgt, [['区划名称', 18], ['期间', 10], ['类型', 10], ['数值', 14], ['来源', 50]]);
  const targetSource = new Map(data.targets.map((t) => [`${t.divisionName}|${t.period}`, t.source]));
  for (const t of data.trajectory) {
    tgt.addRow([t.divisionName, t.period, t.kind === 'target' ? '目标' : t.kind === 'base' ? '基期' : '轨迹', t.value, targetSource.get(`${t.divisionName}|${t.period}`) ?? '']);
  }
  for (const t of data.targets.filter((t) => !data.trajectory.some((p) => p.kind === 'target' && p.period === t.period && p.divisionName === t.divisionName))) {
    tgt.addRow([t.divisionName, t.period, '目标', t.value, t.source ?? '']);
  }

  const about = wb.addWorksheet('指标说明');
  about.columns = [{ width: 16 }, { width: 90 }];
  const rows: [string, string | null][] = [
    ['指标代码', data.code],
    ['指标名称', data.name],
    ['单位', data.unit],
    ['频度', data.frequency],
    ['汇总方式', data.aggregation],
    ['方向', data.direction],
    ['责任单位', data.owner],
    ['计算方法', data.formula],
    ['来源', data.source],
    ['说明', data.description],
    ['数据说明', '“缺失”表示未取得可靠数据，未作估算；可靠性一列注明每个数值的出处可信程度。'],
  ];
  for (const [k, v] of rows) about.addRow([k, v ?? '']).getCell(1).font = { bold: true };
  about.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  // Sources, notes and the formula text are typed by users; the import reverses the neutralising (cellText).
  return toXlsxBuffer(wb);
}

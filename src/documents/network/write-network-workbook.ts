import { Workbook } from '../exceljs-workbook';
import { toXlsxBuffer } from '../xlsx-safety';

export interface NetworkWorkbook {
  title: string;
  /** Row and column names, and the minutes between them (null: no open path). */
  matrix: { names: string[]; minutes: (number | null)[][] };
  targets: { title: string; thresholdMinutes: number; source: string; met: number; notMet: number; share: number }[];
  links: { id: string; line: string | null; mode: string; from: string; to: string; minutes: number | null; status: string; openFrom: string | null; plannedOpening: string | null; source: string[]; reliability: string }[];
}

/** The matrix, the targets and the links with their sources, one sheet each. */
export async function writeNetworkWorkbook(w: NetworkWorkbook): Promise<Buffer> {
  const wb = new Workbook();
  const m = wb.addWorksheet('通行时间矩阵');
  m.addRow([w.title]);
  m.addRow(['', ...w.matrix.names]);
  w.matrix.names.forEach((name, i) => m.addRow([name, ...w.matrix.minutes[i]!]));
  const t = wb.addWorksheet('目标');
  t.addRow(['目标', '口径(分钟)', '来源', '达标', '未达标', '达标率']);
  for (const r of w.targets) t.addRow([r.title, r.thresholdMinutes, r.source, r.met, r.notMet, r.share]);
  const l = wb.addWorksheet('线路');
  l.addRow(['编号', '线路', '方式', '起点', '终点', '分钟', '状态', '开通', '计划开通', '来源', '可靠性']);
  for (const k of w.links) l.addRow([k.id, k.line, k.mode, k.from, k.to, k.minutes ?? '未知', k.status, k.openFrom, k.plannedOpening, k.source.join('\n'), k.reliability]);
  return toXlsxBuffer(wb);
}

import { Workbook } from '../exceljs-workbook';
import { formatChineseNumber } from '../../domain/import';
import { PROJECT_CATEGORIES, type ProjectCategory } from '../../domain/project';
import { toXlsxBuffer } from '../xlsx-safety';

export const CATEGORY_ZH: Record<ProjectCategory, string> = {
  'transport.rail': '交通基础设施（铁路）',
  'transport.road': '交通基础设施（公路）',
  'transport.air': '交通基础设施（航空）',
  'transport.water': '交通基础设施（水运）',
  'transport.logistics': '物流枢纽',
  industry: '现代产业',
  innovation: '科技创新',
  ecology: '生态环保',
  publicServices: '公共服务',
  energy: '能源保障',
  newInfrastructure: '新型基础设施',
};

export interface ProjectListLine {
  title: string;
  category: ProjectCategory;
  scope: string | null;
  years: string | null;
  total: number | null;
  annualPlan: number | null;
  unit: string | null;
  location: string | null;
  note: string | null;
}

const HEADERS = ['序号', '项目名称', '建设内容及规模', '建设年限', '总投资(亿元)', '年度计划投资(亿元)', '责任单位/业主单位', '所在地', '备注'];
const WIDTHS = [6, 32, 40, 12, 12, 14, 22, 16, 30];
const FONT = 'SimSun';

/** The project library in the form of the annual list (section rows by category), so it can be imported again. */
export async function writeProjectList(title: string, lines: readonly ProjectListLine[], year: number | null): Promise<Buffer> {
  const wb = new Workbook();
  const ws = wb.addWorksheet('重大项目');
  ws.columns = WIDTHS.map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, HEADERS.length);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { name: FONT, size: 16, bold: true };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  const header = ws.addRow(HEADERS.map((h) => (h.startsWith('年度计划投资') && year ? `${year}年度计划投资(亿元)` : h)));
  header.font = { name: FONT, bold: true };
  let section = 0;
  for (const category of PROJECT_CATEGORIES) {
    const inCategory = lines.filter((l) => l.category === category);
    if (!inCategory.length) continue;
    section++;
    const r = ws.addRow([`${formatChineseNumber(section)}、${CATEGORY_ZH[category]}（${inCategory.length}个）`]);
    ws.mergeCells(r.number, 1, r.number, HEADERS.length);
    r.font = { name: FONT, bold: true };
    inCategory.forEach((l, i) => {
      const row = ws.addRow([i + 1, l.title, l.scope ?? '', l.years ?? '', l.total ?? '', l.annualPlan ?? '', l.unit ?? '', l.location ?? '', l.note ?? '']);
      row.font = { name: FONT };
      row.alignment = { vertical: 'top', wrapText: true };
    });
  }
  // Project names and notes are typed by users: toXlsxBuffer neutralises anything a spreadsheet would run.
  return toXlsxBuffer(wb);
}

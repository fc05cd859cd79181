import { parseAmountYi } from './amount';
import { categoryFromText, parseSectionHeading, parseYearSpan, type ProjectCategory } from './project-codes';

/** The columns of the annual joint project list (年度重大项目清单), by the words their headers use. */
export const PROJECT_LIST_FIELDS = ['seq', 'title', 'scope', 'years', 'total', 'annualPlan', 'unit', 'location', 'note'] as const;
export type ProjectListField = (typeof PROJECT_LIST_FIELDS)[number];

const HEADER_WORDS: [ProjectListField, RegExp][] = [
  ['seq', /^(序号|编号)$/],
  ['title', /项目名称/],
  ['scope', /建设内容|建设规模/],
  ['years', /建设年限|建设期|起止年限/],
  ['total', /总投资/],
  ['annualPlan', /年度?计划投资|计划投资|年度投资/],
  ['unit', /责任单位|业主单位|牵头单位/],
  ['location', /所在地|建设地点|所在地区/],
  ['note', /备注/],
];

export interface ProjectListProblem {
  /** 1-based sheet row and column letter, as Excel shows them. */
  row: number;
  column: string;
  field: ProjectListField | 'section';
  code: 'TITLE_MISSING' | 'AMOUNT_INVALID' | 'YEARS_INVALID' | 'UNIT_UNKNOWN' | 'CATEGORY_UNKNOWN' | 'SECTION_COUNT_MISMATCH' | 'DUPLICATE_TITLE';
  value: string;
  message_zh: string;
  message_en: string;
  /** Blocking problems stop the apply; the others are shown and left to the office. */
  blocking: boolean;
}

export interface ProjectListRow {
  row: number;
  seq: string;
  title: string;
  scope: string | null;
  yearsText: string | null;
  startYear: number | null;
  endYear: number | null;
  total: number | null;
  annualPlan: number | null;
  unitText: string | null;
  location: string | null;
  note: string | null;
  section: string | null;
  category: ProjectCategory | null;
}

export interface ProjectListSection {
  row: number;
  title: string;
  announced: number | null;
  category: ProjectCategory | null;
  projects: number;
}

export interface ParsedProjectList {
  headerRow: number;
  columns: Partial<Record<ProjectListField, number>>;
  sections: ProjectListSection[];
  rows: ProjectListRow[];
  problems: ProjectListProblem[];
}

export const columnLetterOf = (column: number): string => {
  let n = column;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

/** The names of a 责任单位/业主单位 cell, in the order written. */
export const splitOwnerCell = (text: string): string[] => text.split(/[、,，;；/\n]+/).map((s) => s.trim()).filter(Boolean);

const clean = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The header row (1-based) and the column of each field, or null when no row names 项目名称. */
export function findProjectListHeader(cells: readonly (readonly string[])[]): { headerRow: number; columns: Partial<Record<ProjectListField, number>> } | null {
  for (let r = 0; r < Math.min(cells.length, 30); r++) {
    const columns: Partial<Record<ProjectListField, number>> = {};
    (cells[r] ?? []).forEach((text, c) => {
      const t = clean(text).replace(/\s/g, '');
      const hit = HEADER_WORDS.find(([f, re]) => columns[f] === undefined && re.test(t));
      if (hit) columns[hit[0]] = c + 1;
    });
    if (columns.title !== undefined) return { headerRow: r + 1, columns };
  }
  return null;
}

/**
 * Reads the rows under the header: a section row ("一、交通基础设施（19个）") sets the category of the rows after
 * it; every other row with a name is a project. Amounts are read into 亿元 whichever unit the cell writes;
 * the annual plan column takes the unit its header names (年度计划投资（万元）). Every cell that cannot be read is
 * reported with its row and column; nothing is guessed.
 */
export function parseProjectList(cells: readonly (readonly string[])[], header: { headerRow: number; columns: Partial<Record<ProjectListField, number>> }, unitKnown: (name: string) => boolean): ParsedProjectList {
  const { headerRow, columns } = header;
  const headerText = (f: ProjectListField) => (columns[f] ? clean(cells[headerRow - 1]?.[columns[f]! - 1]) : '');
  const unitOf = (f: ProjectListField): '亿元' | '万元' => (headerText(f).includes('万元') ? '万元' : '亿元');
  const get = (r: readonly string[], f: ProjectListField) => (columns[f] ? clean(r[columns[f]! - 1]) : '');
  const problems: ProjectListProblem[] = [];
  const sections: ProjectListSection[] = [];
  const rows: ProjectListRow[] = [];
  const problem = (row: number, field: ProjectListField | 'section', code: ProjectListProblem['code'], value: string, zh: string, en: string, blocking = true) =>
    problems.push({ row, column: field === 'section' ? 'A' : columnLetterOf(columns[field] ?? 1), field, code, value, message_zh: zh, message_en: en, blocking });
  let section: ProjectListSection | null = null;
  const seen = new Map<string, number>();
  for (let i = headerRow; i < cells.length; i++) {
    const r = cells[i] ?? [];
    const rowNo = i + 1;
    const texts = r.map((t) => clean(t)).filter(Boolean);
    if (!texts.length) continue;
    // A section row is one heading, often merged across the whole width, so every cell reads the same.
    const heading = new Set(texts).size === 1 ? parseSectionHeading(texts[0]!) : null;
    if (heading) {
      section = { row: rowNo, title: heading.title, announced: heading.count, category: categoryFromText(heading.title), projects: 0 };
      sections.push(section);
      continue;
    }
    const title = get(r, 'title');
    const seq = get(r, 'seq');
    // A total line (合计) closes the list: its amounts are sums, not a project.
    if (/^(合计|总计|小计)/.test(seq) || /^(合计|总计|小计)/.test(title)) continue;
    if (!title) {
      problem(rowNo, 'title', 'TITLE_MISSING', '', `第${rowNo}行没有项目名称`, `Row ${rowNo} has no project name`);
      continue;
    }
    const totalText = get(r, 'total');
    const total = totalText ? parseAmountYi(totalText, unitOf('total')) : null;
    if (totalText && total === null) problem(rowNo, 'total', 'AMOUNT_INVALID', totalText, `第${rowNo}行总投资“${totalText}”不是金额`, `Row ${rowNo}: total investment "${totalText}" is not an amount`);
    const planText = get(r, 'annualPlan');
    const annualPlan = planText ? parseAmountYi(planText, unitOf('annualPlan')) : null;
    if (planText && annualPlan === null) problem(rowNo, 'annualPlan', 'AMOUNT_INVALID', planText, `第${rowNo}行年度计划投资“${planText}”不是金额`, `Row ${rowNo}: annual plan "${planText}" is not an amount`);
    const yearsText = get(r, 'years');
    const span = parseYearSpan(yearsText);
    if (yearsText && (!span || span.endYear < span.startYear)) problem(rowNo, 'years', 'YEARS_INVALID', yearsText, `第${rowNo}行建设年限“${yearsText}”无法识别`, `Row ${rowNo}: construction period "${yearsText}" cannot be read`);
    const unitText = get(r, 'unit');
    // 责任单位/业主单位 names the responsible unit and often the owner company: one name must be a unit of the catalogue.
    if (unitText && !splitOwnerCell(unitText).some(unitKnown))
      problem(rowNo, 'unit', 'UNIT_UNKNOWN', unitText, `第${rowNo}行责任单位“${unitText}”不在单位目录中`, `Row ${rowNo}: no unit of "${unitText}" is in the unit catalogue`);
    const category = section?.category ?? categoryFromText(title);
    if (!category) problem(rowNo, 'title', 'CATEGORY_UNKNOWN', title, `第${rowNo}行无法确定项目类别（请放在分类标题行之下）`, `Row ${rowNo}: no category (put it under a section row)`);
    if (seen.has(title)) problem(rowNo, 'title', 'DUPLICATE_TITLE', title, `第${rowNo}行与第${seen.get(title)}行项目名称重复`, `Row ${rowNo} repeats the project of row ${seen.get(title)}`);
    seen.set(title, rowNo);
    if (section) section.projects++;
    rows.push({
      row: rowNo, seq, title, scope: get(r, 'scope') || null, yearsText: yearsText || null, startYear: span?.startYear ?? null, endYear: span?.endYear ?? null,
      total, annualPlan, unitText: unitText || null, location: get(r, 'location') || null, note: get(r, 'note') || null, section: section?.title ?? null, category,
    });
  }
  for (const s of sections) {
    if (s.announced !== null && s.announced !== s.projects)
      problem(s.row, 'section', 'SECTION_COUNT_MISMATCH', String(s.announced), `第${s.row}行“${s.title}”标明${s.announced}个项目，实际读到${s.projects}个`, `Row ${s.row}: "${s.title}" announces ${s.announced} projects, ${s.projects} were read`, false);
  }
  return { headerRow, columns, sections, rows, problems };
}

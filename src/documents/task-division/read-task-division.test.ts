import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildImportTree, ImportError, type CatalogueUnit, type ImportSection, type ParsedSheet } from '../../domain/import';
import { buildRealisticTaskDivisionWorkbook, buildUnusualHeaderWorkbook, REALISTIC_TITLE } from '../../../test/fixtures/task-division/build-workbook';
import { cellText, listTaskDivisionSheets, readTaskDivisionSheet } from './read-task-division';

const CATALOGUE: CatalogueUnit[] = [
  { id: 'sc-office', name: '省推进成渝地区双城经济圈建设办公室', fullName: '四川省推动成渝地区双城经济圈建设暨推进区域协同发展领导小组办公室', kind: 'office', side: 'sichuan', aliases: ['省双城办'] },
  { id: 'sc-fgw', name: '省发展改革委', fullName: '四川省发展和改革委员会', kind: 'department', side: 'sichuan', aliases: ['省发改委'] },
  { id: 'sc-jtt', name: '省交通运输厅', fullName: '四川省交通运输厅', kind: 'department', side: 'sichuan', aliases: [] },
  { id: 'sc-zrt', name: '省自然资源厅', fullName: '四川省自然资源厅', kind: 'department', side: 'sichuan', aliases: [] },
  { id: 'sc-sthjt', name: '省生态环境厅', fullName: '四川省生态环境厅', kind: 'department', side: 'sichuan', aliases: [] },
  { id: 'sc-tjj', name: '省统计局', fullName: '四川省统计局', kind: 'department', side: 'sichuan', aliases: [] },
  { id: 'sc-rail', name: '国铁成都局', fullName: '中国铁路成都局集团有限公司', kind: 'central', side: 'sichuan', aliases: ['成都铁路局'] },
  { id: 'sc-cd', name: '成都市', fullName: '成都市人民政府', kind: 'city', side: 'sichuan', aliases: ['成都'] },
  { id: 'sc-dy', name: '德阳市', fullName: '德阳市人民政府', kind: 'city', side: 'sichuan', aliases: [] },
  { id: 'sc-ms', name: '眉山市', fullName: '眉山市人民政府', kind: 'city', side: 'sichuan', aliases: [] },
  { id: 'sc-zy', name: '资阳市', fullName: '资阳市人民政府', kind: 'city', side: 'sichuan', aliases: [] },
  { id: 'cq-fgw', name: '市发展改革委', fullName: '重庆市发展和改革委员会', kind: 'department', side: 'chongqing', aliases: [] },
  { id: 'cq-jxw', name: '市经济信息委', fullName: '重庆市经济和信息化委员会', kind: 'department', side: 'chongqing', aliases: [] },
  { id: 'sc-jxt', name: '省经济和信息化厅', fullName: '四川省经济和信息化厅', kind: 'department', side: 'sichuan', aliases: ['省经信厅'] },
];
const ARTICLES = [
  { id: 'a31', code: '3.1', title: '加强交通基础设施建设' },
  { id: 'a32', code: '3.2', title: '加快现代产业体系建设' },
  { id: 'a41', code: '4.1', title: '强化组织领导保障' },
];

async function rejection(p: Promise<unknown>): Promise<ImportError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ImportError) return err;
    throw err;
  }
  throw new Error('did not reject');
}

describe('readTaskDivisionSheet on a realistic workbook', () => {
  let sheet: ParsedSheet;
  beforeAll(async () => {
    sheet = await readTaskDivisionSheet(await buildRealisticTaskDivisionWorkbook());
  });
  const row = (n: number) => sheet.rows.find((r) => r.row === n)!;

  it('skips the cover sheet and finds the header on row 4 under the title', () => {
    expect(sheet.sheetName).toBe('重点任务分工');
    expect(sheet.sheetNames).toEqual(['填表说明', '重点任务分工']);
    expect(sheet.title).toBe(REALISTIC_TITLE);
    expect(sheet.headerRow).toBe(4);
    expect(sheet.columns).toEqual({ seq: 1, keyTask: 2, work: 3, lead: 4, participants: 5, deadline: 6, note: 7 });
    expect(sheet.unmappedHeaders).toEqual([]);
    expect(sheet.needsMapping).toBe(false);
  });

  it('classifies every row after the header', () =>
    expect(sheet.rows.map((r) => [r.row, r.kind])).toEqual([
      [5, 'section'], [6, 'task'], [7, 'task'], [8, 'task'], [9, 'task'], [10, 'task'], [11, 'task'],
      [12, 'section'], [13, 'task'], [14, 'task'], [15, 'blank'], [16, 'note'], [17, 'note'],
    ]));

  it('gives section and note rows their one text', () => {
    expect(row(5).text).toBe('一、加强交通基础设施建设');
    expect(row(12).text).toBe('二、建立常态化监测评估机制');
    expect(row(16).text).toMatch(/^注：1\.各牵头单位每季度末/);
    expect(row(17).text).toBe('2.完成时限为最迟完成时间。');
  });

  it('reads every cell of a merge as its master', () => {
    expect([6, 7, 8].map((n) => [row(n).cells.seq, row(n).cells.keyTask])).toEqual([
      ['1', '加快推进成渝中线高铁建设'], ['1', '加快推进成渝中线高铁建设'], ['1', '加快推进成渝中线高铁建设'],
    ]);
    expect(row(8).cells.lead).toBe('省交通运输厅'); // D7:D8
    expect([6, 7, 8].map((n) => row(n).keyTaskMergeId)).toEqual(['B6:B8', 'B6:B8', 'B6:B8']);
    expect(row(9).keyTaskMergeId).toBeUndefined();
  });

  it('flattens rich text, turns a date cell into YYYY-MM-DD and keeps line breaks', () => {
    expect(row(9).cells.keyTask).toBe('构建“一小时交通圈”');
    expect(row(9).cells.deadline).toBe('2021-06-30');
    expect(row(8).cells.participants).toBe('成都市、资阳市等\n省发展改革委');
    expect(row(14).cells).toEqual({
      seq: '6', keyTask: '建立联席会议制度', work: '召开川渝联席会议', lead: '省推进成渝地区双城经济圈建设办公室',
      participants: '相关市（州）、省直有关部门', deadline: '2022年上半年', note: '视情调整',
    });
  });

  it('builds the preview tree with every problem of the sheet', () => {
    const tree = buildImportTree({ rows: sheet.rows, columns: sheet.columns, catalogue: CATALOGUE, articles: ARTICLES });
    const [traffic, monitoring] = tree.nodes as ImportSection[];
    expect(traffic!.match).toMatchObject({ kind: 'article', articleId: 'a31' });
    expect(monitoring!.match).toEqual({ kind: 'new_section' });
    expect(traffic!.tasks.map((t) => [t.title, t.sourceRows, t.subTasks.map((s) => s.title)])).toEqual([
      ['加快推进成渝中线高铁建设', [6, 7, 8], ['开展成渝中线高铁可行性研究', '完成项目初步设计审批', '全线开工建设']],
      ['构建“一小时交通圈”', [9], ['推进成都至德阳、眉山、资阳市域铁路建设']],
      ['推进城际公交一体化', [10], []],
    ]);
    const [feasibility, design, build] = traffic!.tasks[0]!.subTasks;
    expect(feasibility!.units.map((u) => [u.name, u.role, u.match.kind === 'exact' ? u.match.unitId : u.match.kind])).toEqual([
      ['省发展改革委', 'lead', 'sc-fgw'], ['省交通运输厅', 'participant', 'sc-jtt'], ['重庆市发展改革委', 'participant', 'cq-fgw'], ['国铁成都局', 'participant', 'sc-rail'],
    ]);
    expect(design!.units.map((u) => u.name)).toEqual(['省交通运输厅', '省自然资源厅', '省生态环境厅']);
    expect(build!.units.map((u) => [u.name, u.role])).toEqual([['省交通运输厅', 'lead'], ['成都市', 'participant'], ['资阳市', 'participant'], ['省发展改革委', 'participant']]);
    expect([feasibility, design, build].map((w) => w!.deadline)).toMatchObject([{ dueOn: '2020-12-31' }, { dueOn: '2021-06-30' }, { dueOn: '2021-03-31' }]);
    expect(traffic!.tasks[1]!.subTasks[0]!.deadline).toMatchObject({ kind: 'date', dueOn: '2021-06-30' });
    expect(traffic!.tasks[2]!.units[0]!.match).toEqual({ kind: 'group', group: 'all_cities', unitIds: ['sc-cd', 'sc-dy', 'sc-ms', 'sc-zy'] });
    expect(traffic!.tasks[2]!.deadline).toEqual({ kind: 'ongoing', text: '持续推进' });
    expect(monitoring!.tasks[0]!.subTasks[0]!.deadline).toEqual({ kind: 'recurring', rule: { every: 'year', month: 12 }, text: '每年12月底前' });
    expect(monitoring!.tasks[0]!.subTasks[0]!.units.map((u) => [u.name, u.role])).toEqual([['省统计局', 'lead'], ['省发展改革委', 'participant'], ['各有关单位', 'participant']]);

    expect(tree.problems.map((p) => [p.row, p.column, p.code, p.value])).toEqual([
      [10, 'E', 'UNIT_UNKNOWN', '省交通厅'],
      [11, 'B', 'TITLE_MISSING', ''],
      [12, 'A', 'SECTION_UNMATCHED', '二、建立常态化监测评估机制'],
      [13, 'E', 'UNIT_GROUP_NEEDS_CHOICE', '各有关单位'],
      [14, 'E', 'UNIT_GROUP_NEEDS_CHOICE', '相关市（州）'],
      [14, 'E', 'UNIT_GROUP_NEEDS_CHOICE', '省直有关部门'],
    ]);
    expect(tree.notes.map((n) => n.row)).toEqual([16, 17]);
  });

  it('against the shipped catalogue, where 省交通厅 is a listed alias, only the groups are left', () => {
    const shipped = JSON.parse(readFileSync(join(import.meta.dirname, '../../../data/units.json'), 'utf8')) as { units: (Omit<CatalogueUnit, 'id'> & { key: string })[] };
    const catalogue = shipped.units.map((u) => ({ ...u, id: u.key }));
    const tree = buildImportTree({ rows: sheet.rows, columns: sheet.columns, catalogue, articles: ARTICLES });
    expect(tree.problems.map((p) => p.code).filter((c) => c.startsWith('UNIT_'))).toEqual(['UNIT_GROUP_NEEDS_CHOICE', 'UNIT_GROUP_NEEDS_CHOICE', 'UNIT_GROUP_NEEDS_CHOICE']);
    const bus = (tree.nodes[0] as ImportSection).tasks[2]!;
    expect(bus.units[1]!.match).toEqual({ kind: 'exact', unitId: 'sc-jtt' });
    expect((bus.units[0]!.match as { unitIds: string[] }).unitIds).toHaveLength(21);
  });
});

describe('readTaskDivisionSheet on an unusual header', () => {
  it('finds the header by 序号 and 备注, and asks for a mapping for the rest', async () => {
    const sheet = await readTaskDivisionSheet(await buildUnusualHeaderWorkbook());
    expect(sheet.headerRow).toBe(3);
    expect(sheet.columns).toEqual({ seq: 1, note: 5 });
    expect(sheet.unmappedHeaders).toEqual(['事项', '责任主体', '时间要求']);
    expect(sheet.needsMapping).toBe(true);
    expect(sheet.headers.map((h) => [h.letter, h.text, h.field])).toEqual([['A', '序号', 'seq'], ['B', '事项', undefined], ['C', '责任主体', undefined], ['D', '时间要求', undefined], ['E', '备注', 'note']]);
  });

  it('reads the rows once the office maps the columns', async () => {
    const sheet = await readTaskDivisionSheet(await buildUnusualHeaderWorkbook(), { mapping: { keyTask: 2, lead: 3, deadline: 4 } });
    expect(sheet.needsMapping).toBe(false);
    expect(sheet.unmappedHeaders).toEqual([]);
    expect(sheet.rows.map((r) => [r.row, r.kind, r.cells.keyTask, r.cells.lead, r.cells.deadline])).toEqual([
      [4, 'task', '共建成渝地区工业互联网一体化发展示范区', '省经济和信息化厅、市经济信息委', '2021年12月'],
      [5, 'task', '共同争取国家数字经济创新发展试验区政策', '省发展改革委', '2021年第二季度'],
    ]);
    const tree = buildImportTree({ rows: sheet.rows, columns: sheet.columns, catalogue: CATALOGUE });
    expect(tree.problems).toEqual([]);
    expect(tree.nodes.map((n) => [n.kind, n.title, n.kind === 'task' && n.deadline?.kind === 'date' ? n.deadline.dueOn : null])).toEqual([
      ['task', '共建成渝地区工业互联网一体化发展示范区', '2021-12-31'],
      ['task', '共同争取国家数字经济创新发展试验区政策', '2021-06-30'],
    ]);
  });
});

describe('readTaskDivisionSheet refuses', () => {
  it.each([
    ['an old .xls (OLE header)', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])],
    ['a CSV', Buffer.from('序号,重点任务,牵头单位\n1,甲,省发展改革委\n')],
    ['an empty upload', Buffer.alloc(0)],
    ['a broken zip', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 7)])],
  ])('%s as NOT_XLSX', async (_label, buf) => expect((await rejection(readTaskDivisionSheet(buf))).code).toBe('NOT_XLSX'));

  it('a workbook without a recognisable header as NO_HEADER', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['事项', '责任主体', '时间要求']);
    ws.addRow(['甲', '省发展改革委', '2021年']);
    const err = await rejection(readTaskDivisionSheet(Buffer.from(await wb.xlsx.writeBuffer())));
    expect(err.code).toBe('NO_HEADER');
    expect(err.details.candidates).toEqual([{ row: 1, cells: ['事项', '责任主体', '时间要求'] }, { row: 2, cells: ['甲', '省发展改革委', '2021年'] }]);
  });

  it('a workbook with a header but no rows, or no cells, as EMPTY', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').addRow(['序号', '重点任务', '牵头单位', '完成时限']);
    expect((await rejection(readTaskDivisionSheet(Buffer.from(await wb.xlsx.writeBuffer())))).code).toBe('EMPTY');
    const blank = new ExcelJS.Workbook();
    blank.addWorksheet('S');
    expect((await rejection(readTaskDivisionSheet(Buffer.from(await blank.xlsx.writeBuffer())))).code).toBe('EMPTY');
  });

  it('a missing sheet as SHEET_NOT_FOUND', async () => {
    const buf = await buildRealisticTaskDivisionWorkbook();
    expect((await rejection(readTaskDivisionSheet(buf, { sheet: '不存在' }))).code).toBe('SHEET_NOT_FOUND');
    expect((await rejection(readTaskDivisionSheet(buf, { sheet: 5 }))).code).toBe('SHEET_NOT_FOUND');
    expect((await readTaskDivisionSheet(buf, { sheet: 1 })).sheetName).toBe('重点任务分工');
    expect(await listTaskDivisionSheets(buf)).toEqual(['填表说明', '重点任务分工']);
  });

  it('more rows than allowed as TOO_LARGE', async () => {
    const buf = await buildRealisticTaskDivisionWorkbook();
    const err = await rejection(readTaskDivisionSheet(buf, { sheet: 1, maxRows: 10 }));
    expect(err).toMatchObject({ code: 'TOO_LARGE', details: { rows: 15, maxRows: 10 } });
  });

  it('a sheet over 20,000 rows as TOO_LARGE by default', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['序号', '重点任务', '牵头单位']);
    for (let i = 1; i <= 20_000; i++) ws.addRow([i, `任务${i}`, '省发展改革委']);
    expect((await rejection(readTaskDivisionSheet(Buffer.from(await wb.xlsx.writeBuffer()))))).toMatchObject({ code: 'TOO_LARGE', details: { rows: 20_001 } });
  });
});

describe('cellText', () => {
  it.each([
    [null, ''],
    [12, '12'],
    ['  a\r\nb  ', 'a\nb'],
    [new Date(Date.UTC(2021, 11, 31)), '2021-12-31'],
    [{ richText: [{ text: '省发展' }, { text: '改革委' }] }, '省发展改革委'],
    [{ formula: 'A1', result: '2021年底前' }, '2021年底前'],
    [{ formula: 'TODAY()', result: new Date(Date.UTC(2022, 0, 5)) }, '2022-01-05'],
    [{ text: '链接', hyperlink: 'http://x' }, '链接'],
    [{ error: '#N/A' }, ''],
  ] as [ExcelJS.CellValue, string][])('%j → %j', (value, text) => expect(cellText(value)).toBe(text));
});

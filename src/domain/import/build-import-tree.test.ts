import { describe, expect, it } from 'vitest';
import { buildImportTree, matchSection, stripSectionNumber, type ImportSection, type ImportTask } from './build-import-tree';
import type { CatalogueUnit } from './match-unit';
import { TASK_DIVISION_FIELDS, type ColumnMapping, type ParsedRow, type TaskDivisionField } from './parsed-sheet';

const CATALOGUE: CatalogueUnit[] = [
  { id: 'sc-fgw', name: '省发展改革委', fullName: '四川省发展和改革委员会', kind: 'department', side: 'sichuan', aliases: ['省发改委'] },
  { id: 'sc-jtt', name: '省交通运输厅', fullName: '四川省交通运输厅', kind: 'department', side: 'sichuan', aliases: [] },
  { id: 'sc-cd', name: '成都市', fullName: '成都市人民政府', kind: 'city', side: 'sichuan', aliases: [] },
  { id: 'sc-dy', name: '德阳市', fullName: '德阳市人民政府', kind: 'city', side: 'sichuan', aliases: [] },
  { id: 'cq-fgw', name: '市发展改革委', fullName: '重庆市发展和改革委员会', kind: 'department', side: 'chongqing', aliases: [] },
];
const ARTICLES = [
  { id: 'a31', code: '3.1', title: '加强交通基础设施建设' },
  { id: 'a32', code: '3.2', title: '加快现代产业体系建设' },
];
const FULL: ColumnMapping = { seq: 1, keyTask: 2, work: 3, lead: 4, participants: 5, deadline: 6, note: 7 };

const cells = (c: Partial<Record<TaskDivisionField, string>>) =>
  Object.fromEntries(TASK_DIVISION_FIELDS.map((f) => [f, c[f] ?? ''])) as Record<TaskDivisionField, string>;
const task = (row: number, c: Partial<Record<TaskDivisionField, string>>, keyTaskMergeId?: string): ParsedRow =>
  keyTaskMergeId ? { row, kind: 'task', cells: cells(c), keyTaskMergeId } : { row, kind: 'task', cells: cells(c) };
const section = (row: number, text: string): ParsedRow => ({ row, kind: 'section', cells: cells({}), text });

describe('buildImportTree', () => {
  const rows: ParsedRow[] = [
    section(5, '一、加强交通基础设施建设'),
    task(6, { seq: '1', keyTask: '加快推进成渝中线高铁建设', work: '可行性研究', lead: '省发展改革委（牵头）、省交通运输厅', participants: '重庆市发展改革委', deadline: '2020年底前' }, 'B6:B7'),
    task(7, { seq: '1', keyTask: '加快推进成渝中线高铁建设', work: '开工建设', lead: '省交通运输厅', participants: '成都市、德阳市', deadline: '2021年6月底前' }, 'B6:B7'),
    task(8, { seq: '2', keyTask: '推进城际公交一体化', lead: '各市（州）人民政府', participants: '省交通厅', deadline: '待定' }),
    task(9, { seq: '3', lead: '省发展改革委' }),
    { row: 10, kind: 'blank', cells: cells({}) },
    section(11, '二、某个不存在的章节'),
    task(12, { keyTask: '建立联席会议制度', work: '召开会议', lead: '省发展改革委', participants: '相关市（州）、省直有关部门、各有关单位', deadline: '每年12月底前' }),
    task(13, { keyTask: '', work: '印发纪要', lead: '省发展改革委', deadline: '持续推进' }),
    { row: 15, kind: 'note', cells: cells({}), text: '注：以上时限为最迟时间。' },
  ];
  const tree = buildImportTree({ rows, columns: FULL, catalogue: CATALOGUE, articles: ARTICLES });
  const [s1, s2] = tree.nodes as ImportSection[];

  it('matches a section to its article by title and flags the one that matches none', () => {
    expect(tree.nodes.map((n) => n.kind)).toEqual(['section', 'section']);
    expect(s1).toMatchObject({ title: '加强交通基础设施建设', rawTitle: '一、加强交通基础设施建设', level: 1, sourceRow: 5, match: { kind: 'article', articleId: 'a31', code: '3.1', score: 1 } });
    expect(s2!.match).toEqual({ kind: 'new_section' });
  });

  it('makes a key task merged over several rows one task with a sub-task per work', () => {
    const hsr = s1!.tasks[0]!;
    expect(hsr).toMatchObject({ key: 't6', title: '加快推进成渝中线高铁建设', seqText: '1', sourceRow: 6, sourceRows: [6, 7] });
    expect(hsr.subTasks.map((s) => [s.key, s.title, s.sourceRow])).toEqual([['w6', '可行性研究', 6], ['w7', '开工建设', 7]]);
    expect(hsr.subTasks[1]!.deadline).toEqual({ kind: 'date', dueOn: '2021-06-30', text: '2021年6月底前' });
  });

  it('reads units with their roles and matches', () => {
    const [w6, w7] = s1!.tasks[0]!.subTasks as [ImportTask, ImportTask];
    // 省交通运输厅 sits in the lead column but unmarked beside a （牵头） unit: a participant
    expect(w6.units).toEqual([
      { name: '省发展改革委', role: 'lead', match: { kind: 'exact', unitId: 'sc-fgw' } },
      { name: '省交通运输厅', role: 'participant', match: { kind: 'exact', unitId: 'sc-jtt' } },
      { name: '重庆市发展改革委', role: 'participant', match: { kind: 'exact', unitId: 'cq-fgw' } },
    ]);
    expect(w7.units.map((u) => [u.name, u.role])).toEqual([['省交通运输厅', 'lead'], ['成都市', 'participant'], ['德阳市', 'participant']]);
  });

  it('gives a key task the union of its works’ units, leads first, and their latest date', () => {
    const hsr = s1!.tasks[0]!;
    expect(hsr.units.map((u) => [u.name, u.role])).toEqual([
      ['省发展改革委', 'lead'], ['省交通运输厅', 'lead'], ['重庆市发展改革委', 'participant'], ['成都市', 'participant'], ['德阳市', 'participant'],
    ]);
    expect(hsr.deadline).toMatchObject({ kind: 'date', dueOn: '2021-06-30' });
  });

  it('keeps a key task without works as a task of its own, with its group and unknown unit', () => {
    const bus = s1!.tasks[1]!;
    expect(bus).toMatchObject({ key: 't8', title: '推进城际公交一体化', subTasks: [] });
    expect(bus.units[0]).toEqual({ name: '各市（州）人民政府', role: 'lead', match: { kind: 'group', group: 'all_cities', unitIds: ['sc-cd', 'sc-dy'] } });
    expect(bus.units[1]).toMatchObject({ name: '省交通厅', match: { kind: 'unknown', suggestions: [{ unitId: 'sc-jtt' }] } });
  });

  it('continues a key task over an empty key-task cell and ends it at a new section', () => {
    const meeting = s2!.tasks[0]!;
    expect(s2!.tasks).toHaveLength(1);
    expect(meeting.subTasks.map((s) => s.title)).toEqual(['召开会议', '印发纪要']);
    expect(meeting.subTasks[0]!.deadline).toEqual({ kind: 'recurring', rule: { every: 'year', month: 12 }, text: '每年12月底前' });
    expect(meeting.subTasks[1]!.deadline).toEqual({ kind: 'ongoing', text: '持续推进' });
  });

  it('reports each row-level problem once, with the column letter and both languages', () => {
    expect(tree.problems.map((p) => [p.row, p.column, p.code, p.value])).toEqual([
      [8, 'E', 'UNIT_UNKNOWN', '省交通厅'],
      [8, 'F', 'DEADLINE_UNKNOWN', '待定'],
      [9, 'B', 'TITLE_MISSING', ''],
      [11, 'A', 'SECTION_UNMATCHED', '二、某个不存在的章节'],
      [12, 'E', 'UNIT_GROUP_NEEDS_CHOICE', '相关市（州）'],
      [12, 'E', 'UNIT_GROUP_NEEDS_CHOICE', '省直有关部门'],
      [12, 'E', 'UNIT_GROUP_NEEDS_CHOICE', '各有关单位'],
    ]);
    expect(tree.problems[0]!.message_zh).toBe('第8行E列：未能识别单位“省交通厅”，是否为：省交通运输厅');
    expect(tree.problems[0]!.message_en).toBe('Row 8, column E: unknown unit "省交通厅"; did you mean: 省交通运输厅');
  });

  it('collects notes apart from the tree', () => expect(tree.notes).toEqual([{ row: 15, text: '注：以上时限为最迟时间。' }]));

  it('makes each row a task when there is only one title column, at the top when no section precedes', () => {
    const flat = buildImportTree({
      rows: [task(4, { keyTask: '共建示范区', lead: '省发改委', deadline: '2021年12月' }), task(5, { keyTask: '', lead: '成都市' })],
      columns: { keyTask: 2, lead: 3, deadline: 4 },
      catalogue: CATALOGUE,
    });
    expect(flat.nodes).toEqual([
      { kind: 'task', key: 't4', title: '共建示范区', seqText: '', sourceRow: 4, sourceRows: [4], note: '', subTasks: [],
        units: [{ name: '省发改委', role: 'lead', match: { kind: 'exact', unitId: 'sc-fgw' } }], deadline: { kind: 'date', dueOn: '2021-12-31', text: '2021年12月' } },
    ]);
    expect(flat.problems).toMatchObject([{ row: 5, column: 'B', code: 'TITLE_MISSING' }]);
  });

  it('groups unmerged rows that repeat the key task text', () => {
    const t = buildImportTree({
      rows: [task(3, { keyTask: '甲', work: '一' }), task(4, { keyTask: '甲', work: '二' }), task(5, { keyTask: '乙', work: '三' })],
      columns: FULL,
      catalogue: CATALOGUE,
    });
    expect((t.nodes as ImportTask[]).map((n) => [n.title, n.subTasks.map((s) => s.title)])).toEqual([['甲', ['一', '二']], ['乙', ['三']]]);
  });
});

describe('matchSection', () => {
  it.each([
    ['加强交通基础设施建设', 'a31'],
    ['（一）加快交通基础设施建设', 'a31'],
    ['第三部分 加快现代产业体系建设', 'a32'],
    ['加快现代产业体系建设，推动制造业高质量发展', 'a32'],
  ])('%s → %s', (title, articleId) => expect(matchSection(title, ARTICLES)).toMatchObject({ kind: 'article', articleId }));

  it.each(['某个不存在的章节', '建立常态化监测评估机制', ''])('%s → new', (title) => expect(matchSection(title, ARTICLES)).toEqual({ kind: 'new_section' }));

  it.each([
    ['一、加强交通', '加强交通'],
    ['（三）推进体制创新', '推进体制创新'],
    ['第二部分 推动重点区域', '推动重点区域'],
    ['12.强化组织领导', '强化组织领导'],
  ])('stripSectionNumber(%s) → %s', (raw, title) => expect(stripSectionNumber(raw)).toBe(title));
});

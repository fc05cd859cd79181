import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildImportTree, formatDeadlineText, type ImportSection } from '../../domain/import';
import { readTaskDivisionSheet } from './read-task-division';
import { writeTaskDivisionSheet, type TaskDivisionExport } from './write-task-division';

const PLAN: TaskDivisionExport = {
  title: '《关于加快推动成渝地区双城经济圈建设的决定》重点任务分工方案',
  sections: [
    {
      title: '加强交通基础设施建设',
      tasks: [
        {
          title: '加快推进成渝中线高铁建设', lead: [], participants: [], deadlineText: '',
          works: [
            { title: '开展可行性研究', lead: ['省发展改革委'], participants: ['省交通运输厅', '国铁成都局'], deadlineText: '2020年底前' },
            { title: '完成初步设计审批', lead: ['省交通运输厅'], participants: [], deadlineText: '2021年6月底前', note: '与重庆同步' },
            { title: '全线开工建设', lead: ['省交通运输厅'], participants: ['成都市', '资阳市'], deadlineText: formatDeadlineText('2021-12-31') },
          ],
        },
        { title: '推进城际公交一体化', lead: ['各市（州）人民政府'], participants: [], deadlineText: '持续推进', works: [] },
      ],
    },
    {
      title: '（二）强化组织领导保障',
      tasks: [{ title: '建立联席会议制度', lead: [], participants: [], deadlineText: '', works: [{ title: '召开联席会议', lead: ['省发展改革委'], participants: ['市发展改革委'], deadlineText: '每年12月底前' }] }],
    },
  ],
};

describe('writeTaskDivisionSheet', () => {
  it('lays the plan out as offices do: merged title, header, merged sections, key tasks merged down', async () => {
    const buf = await writeTaskDivisionSheet(PLAN, { subtitle: '附件1' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('任务分工');
    expect([...ws.model.merges].sort()).toEqual(['A1:G1', 'A2:G2', 'A4:G4', 'A5:A7', 'A9:G9', 'B5:B7'].sort());
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(['序号', '重点任务', '具体工作', '牵头单位', '配合单位', '完成时限', '备注']);
    expect(ws.getCell('A4').value).toBe('一、加强交通基础设施建设');
    expect(ws.getCell('A9').value).toBe('（二）强化组织领导保障');
    expect(ws.getCell('E5').value).toBe('省交通运输厅、国铁成都局');
    expect(ws.getCell('F7').value).toBe('2021年12月31日');
  });

  it('round-trips: what it writes reads back row for row', async () => {
    const sheet = await readTaskDivisionSheet(await writeTaskDivisionSheet(PLAN));
    expect(sheet.title).toBe(PLAN.title);
    expect(sheet.headerRow).toBe(2);
    expect(sheet.rows.map((r) => [r.row, r.kind, r.text ?? null, r.keyTaskMergeId ?? null, r.kind === 'task' ? Object.values(r.cells) : null])).toEqual([
      [3, 'section', '一、加强交通基础设施建设', null, null],
      [4, 'task', null, 'B4:B6', ['1', '加快推进成渝中线高铁建设', '开展可行性研究', '省发展改革委', '省交通运输厅、国铁成都局', '2020年底前', '']],
      [5, 'task', null, 'B4:B6', ['1', '加快推进成渝中线高铁建设', '完成初步设计审批', '省交通运输厅', '', '2021年6月底前', '与重庆同步']],
      [6, 'task', null, 'B4:B6', ['1', '加快推进成渝中线高铁建设', '全线开工建设', '省交通运输厅', '成都市、资阳市', '2021年12月31日', '']],
      [7, 'task', null, null, ['2', '推进城际公交一体化', '', '各市（州）人民政府', '', '持续推进', '']],
      [8, 'section', '（二）强化组织领导保障', null, null],
      [9, 'task', null, null, ['3', '建立联席会议制度', '召开联席会议', '省发展改革委', '市发展改革委', '每年12月底前', '']],
    ]);
  });

  it('round-trips through the preview tree to the same sections, tasks, works and units', async () => {
    const sheet = await readTaskDivisionSheet(await writeTaskDivisionSheet(PLAN));
    const tree = buildImportTree({ rows: sheet.rows, columns: sheet.columns, catalogue: [] });
    const back = (tree.nodes as ImportSection[]).map((s) => ({
      title: s.title,
      tasks: s.tasks.map((t) => ({
        title: t.title,
        works: t.subTasks.map((w) => ({ title: w.title, lead: w.units.filter((u) => u.role === 'lead').map((u) => u.name), participants: w.units.filter((u) => u.role === 'participant').map((u) => u.name), deadlineText: w.deadline?.text ?? '' })),
      })),
    }));
    expect(back).toEqual(
      PLAN.sections.map((s) => ({
        title: s.title.replace(/^（二）/, ''),
        tasks: s.tasks.map((t) => ({ title: t.title, works: t.works.map(({ note: _note, ...w }) => w) })),
      })),
    );
  });
});

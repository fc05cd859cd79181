import { describe, expect, it } from 'vitest';
import { ImportError } from './import-error';
import { matchHeaderField } from './map-header';
import { parseTaskDivisionGrid, type SheetGrid } from './parse-grid';

const grid = (cells: string[][], merges: string[] = []): SheetGrid => ({ sheetName: 'S', sheetNames: ['S'], cells, merges });

function thrown(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ImportError) return err;
    throw err;
  }
  throw new Error('did not throw');
}

describe('matchHeaderField', () => {
  it.each([
    ['序号', 'seq'], ['重点任务', 'keyTask'], ['具体工作', 'work'], ['工作任务', 'work'], ['主要任务', 'work'], ['任务内容', 'work'],
    ['牵头单位', 'lead'], ['责任单位', 'lead'], ['主责单位', 'lead'], ['牵头单位\n（责任单位）', 'lead'],
    ['配合单位', 'participants'], ['参与单位', 'participants'], ['协同单位', 'participants'],
    ['完成时限', 'deadline'], ['时间节点', 'deadline'], ['完成时间', 'deadline'], ['完成时限（时间节点）', 'deadline'], ['备注', 'note'],
  ])('%j → %s', (text, field) => expect(matchHeaderField(text)).toBe(field));

  it.each(['事项', '责任主体', '时间要求', '', '《关于加快推动成渝地区双城经济圈建设的决定》重点任务分工方案'])('%j → null', (text) =>
    expect(matchHeaderField(text)).toBeNull());
});

describe('parseTaskDivisionGrid', () => {
  it('takes the lower row of a two-row header, whose merged cells read from above', () => {
    const sheet = parseTaskDivisionGrid(
      grid(
        [
          ['序号', '重点任务', '责任单位', '', '完成时限'],
          ['', '', '牵头单位', '配合单位', ''],
          ['1', '任务甲', '省发展改革委', '成都市', '2021年'],
        ],
        ['A1:A2', 'B1:B2', 'C1:D1', 'E1:E2'],
      ),
    );
    expect(sheet.headerRow).toBe(2);
    expect(sheet.columns).toEqual({ seq: 1, keyTask: 2, lead: 3, participants: 4, deadline: 5 });
    expect(sheet.rows).toEqual([{ row: 3, kind: 'task', cells: { seq: '1', keyTask: '任务甲', work: '', lead: '省发展改革委', participants: '成都市', deadline: '2021年', note: '' } }]);
  });

  it('reads a section numbered in 序号 with its title beside it, and unmerged numbered titles', () => {
    const sheet = parseTaskDivisionGrid(
      grid([
        ['序号', '主要任务', '牵头单位', '完成时限'],
        ['一', '加强交通基础设施建设'],
        ['（二）', '加快现代产业体系建设'],
        ['', '三、增强协同创新发展能力'],
        ['1', '只有标题的任务'],
      ]),
    );
    expect(sheet.rows.map((r) => [r.row, r.kind, r.text])).toEqual([
      [2, 'section', '一、加强交通基础设施建设'],
      [3, 'section', '（二）加快现代产业体系建设'],
      [4, 'section', '三、增强协同创新发展能力'],
      [5, 'task', undefined],
    ]);
  });

  it('lets a mapping take a column from the field the header gave it', () => {
    const sheet = parseTaskDivisionGrid(grid([['序号', '事项', '责任单位', '说明'], ['1', '甲', '省发展改革委', '2021年']]), { mapping: { keyTask: 2, deadline: 4 } });
    expect(sheet.columns).toEqual({ seq: 1, keyTask: 2, lead: 3, deadline: 4 });
    expect(sheet.unmappedHeaders).toEqual([]);
    expect(sheet.needsMapping).toBe(false);
  });

  it('refuses a sheet without a recognisable header, offering its top rows', () => {
    const err = thrown(() => parseTaskDivisionGrid(grid([['事项', '责任主体'], ['甲', '省发展改革委']])));
    expect(err.code).toBe('NO_HEADER');
    expect(err.details.candidates).toEqual([{ row: 1, cells: ['事项', '责任主体'] }, { row: 2, cells: ['甲', '省发展改革委'] }]);
  });

  it('accepts a forced header row', () =>
    expect(parseTaskDivisionGrid(grid([['事项', '责任主体'], ['甲', '省发展改革委']]), { headerRow: 1, mapping: { keyTask: 1, lead: 2 } }).rows).toHaveLength(1));

  it.each([
    ['no cells', [] as string[][]],
    ['only blanks', [['', ''], ['  ']]],
    ['a header and no rows', [['序号', '重点任务', '牵头单位'], [], ['注：无']]],
  ])('refuses %s as EMPTY', (_label, cells) => expect(thrown(() => parseTaskDivisionGrid(grid(cells))).code).toBe('EMPTY'));
});

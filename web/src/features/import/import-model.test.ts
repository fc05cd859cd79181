import { describe, expect, it } from 'vitest';
import type { ImportSection, ImportTask, TImportPreview } from '../../api/imports';
import { emptyResolutions, sectionsToResolve, SKIP_SECTION, toResolutions, unitsToResolve, withSuggestions } from './import-model';

const task = (row: number, units: ImportTask['units'], subTasks: ImportTask[] = []): ImportTask => ({
  kind: 'task', key: `t${row}`, title: `任务${row}`, seqText: '', sourceRow: row, sourceRows: [row, ...subTasks.map((s) => s.sourceRow)], units, deadline: null, note: '', subTasks,
});
const unknown = (name: string) => ({ name, role: 'lead' as const, match: { kind: 'unknown' as const, suggestions: [{ unitId: 'u1', name: '省发展改革委', score: 0.8 }, { unitId: 'u2', name: '市发展改革委', score: 0.7 }] } });
const group = (name: string) => ({ name, role: 'participant' as const, match: { kind: 'group' as const, group: 'related_cities' as const, unitIds: [] } });
const exact = (name: string) => ({ name, role: 'lead' as const, match: { kind: 'exact' as const, unitId: 'u9' } });
const section = (row: number, matched: boolean, tasks: ImportTask[]): ImportSection => ({
  kind: 'section', key: `s${row}`, title: `章节${row}`, rawTitle: `一、章节${row}`, level: 1, sourceRow: row,
  match: matched ? { kind: 'article', articleId: 'a1', code: '3.1', title: 'x', score: 1 } : { kind: 'new_section' }, tasks,
});

const preview = (nodes: TImportPreview['tree']['nodes']): Pick<TImportPreview, 'tree'> => ({
  tree: { nodes, notes: [], problems: [{ row: 11, column: 'B', field: 'keyTask', code: 'TITLE_MISSING', message_zh: '', message_en: '', value: '' }] },
});

describe('import resolutions', () => {
  const p = preview([
    task(3, [unknown('发改委')]),
    section(5, true, [task(6, [], [task(6, [exact('省交通运输厅'), unknown('发改委')]), task(7, [group('相关市（州）')])])]),
    section(12, false, [task(13, [group('相关市（州）')])]),
  ]);

  it('lists unknown names and groups once, with the rows they come from', () => {
    expect(unitsToResolve(p).map((u) => [u.name, u.kind, u.rows])).toEqual([
      ['发改委', 'unknown', [3, 6]],
      ['相关市（州）', 'group', [7, 13]],
    ]);
  });

  it('asks for the top tasks and unmatched sections', () => {
    expect(sectionsToResolve(p).map((s) => [s.key, s.rows])).toEqual([
      ['top', [3]],
      ['12', [12, 13]],
    ]);
  });

  it('pre-fills the closest suggestion without overriding a choice', () => {
    const filled = withSuggestions({ ...emptyResolutions(), units: { '相关市（州）': ['c1'] } }, unitsToResolve(p));
    expect(filled.units).toEqual({ '相关市（州）': ['c1'], 发改委: ['u1'] });
  });

  it('turns a skipped section into its rows and drops empty choices', () => {
    const r = toResolutions({ units: { 发改委: ['u1'], '相关市（州）': [] }, sections: { top: 'a2', '12': SKIP_SECTION }, skipTitleMissing: true }, p);
    expect(r).toEqual({ units: { 发改委: ['u1'] }, sections: { top: 'a2' }, skipRows: [11, 12, 13] });
  });

  it('sends nothing when nothing is chosen', () => {
    expect(toResolutions(emptyResolutions(), p)).toEqual({});
  });
});

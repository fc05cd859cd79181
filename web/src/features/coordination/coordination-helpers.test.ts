import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { blankToNull, buildArticleTree, buildTaskTree, firstReason, isoDate, partiesFromForm, sourcedTaskBody, sourcePath } from './coordination-helpers';

describe('coordination helpers', () => {
  it('turns blank text into null and trims the rest', () => {
    expect(blankToNull('  ')).toBeNull();
    expect(blankToNull(undefined)).toBeNull();
    expect(blankToNull(' 重庆 ')).toBe('重庆');
  });

  it('formats dates', () => {
    expect(isoDate(dayjs('2026-03-05'))).toBe('2026-03-05');
    expect(isoDate(null)).toBeNull();
  });

  it('builds a decision body without duplicate or lead participants', () => {
    expect(
      sourcedTaskBody({ title: ' 推进 ', leads: ['a', 'a'], participants: ['a', 'b', 'b'], dueOn: dayjs('2026-12-31'), closureEvidence: ' 文件 ' }),
    ).toEqual({ title: '推进', leads: ['a'], participants: ['b'], dueOn: '2026-12-31', closureEvidence: '文件' });
    expect(sourcedTaskBody({ title: 't', leads: ['a'], closureEvidence: 'e' })).toEqual({ title: 't', leads: ['a'], participants: [], dueOn: null, closureEvidence: 'e' });
  });

  it('reads the first reason', () => {
    expect(firstReason({ reasons: [] })).toBeNull();
    expect(firstReason({ reasons: [{ code: 'overdue', text: '已逾期' }, { code: 'x', text: 'y' }] })).toBe('已逾期');
  });

  it('keeps only named parties, defaulting the side', () => {
    expect(partiesFromForm([{ name: ' 四川省 ', side: 'sichuan' }, { name: ' ' }, { name: '重庆市', side: 'chongqing' }, { name: '某企业' }])).toEqual([
      { name: '四川省', side: 'sichuan' },
      { name: '重庆市', side: 'chongqing' },
      { name: '某企业', side: 'sichuan' },
    ]);
    expect(partiesFromForm(undefined)).toEqual([]);
  });

  it('keeps a party\'s unit when one is picked', () => {
    expect(partiesFromForm([{ name: ' 四川省发展改革委 ', side: 'sichuan', unitId: 'u1' }, { name: '重庆市', side: 'chongqing', unitId: null }])).toEqual([
      { name: '四川省发展改革委', side: 'sichuan', unitId: 'u1' },
      { name: '重庆市', side: 'chongqing' },
    ]);
  });

  it('builds the task tree: ordered by seq, only tasks selectable, cancelled left out', () => {
    const tree = buildTaskTree([
      { id: 't2', parentId: 'a', kind: 'task', code: '1.1.2', seq: 2, title: '乙', cancelled: false },
      { id: 'a', parentId: null, kind: 'article', code: '1.1', seq: 1, title: '交通', cancelled: false },
      { id: 't1', parentId: 'a', kind: 'task', code: '1.1.1', seq: 1, title: '甲', cancelled: false },
      { id: 't3', parentId: 'a', kind: 'task', code: '1.1.3', seq: 3, title: '丙', cancelled: true },
    ]);
    expect(tree).toEqual([
      {
        value: 'a',
        title: '1.1 交通',
        selectable: false,
        children: [
          { value: 't1', title: '1.1.1 甲', selectable: true, children: [] },
          { value: 't2', title: '1.1.2 乙', selectable: true, children: [] },
        ],
      },
    ]);
  });

  it('leads from a task back to its meeting, agreement or request', () => {
    expect(sourcePath('meeting_decision', 'm1')).toBe('/meetings/m1');
    expect(sourcePath('agreement_matter', 'a1')).toBe('/agreements?open=a1');
    expect(sourcePath('national_request', 'r1')).toBe('/national-requests?open=r1');
    expect(sourcePath(null, 'x')).toBeNull();
  });
  it('offers parts and their articles, only articles selectable, no tasks', () => {
    const n = (id: string, parentId: string | null, kind: string, code: string, seq: number) => ({ id, parentId, kind, code, seq, title: id, cancelled: false });
    const tree = buildArticleTree([n('p4', null, 'part', '4', 4), n('a42', 'p4', 'article', '4.2', 2), n('a41', 'p4', 'article', '4.1', 1), n('t', 'a41', 'task', '4.1.1', 1)]);
    expect(tree).toEqual([
      { value: 'p4', title: '4 p4', selectable: false, children: [
        { value: 'a41', title: '4.1 a41', selectable: true, children: [] },
        { value: 'a42', title: '4.2 a42', selectable: true, children: [] },
      ] },
    ]);
  });
});

import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { applyFilter, buildArticleOptions, DEFAULT_MY_TASKS_PARAMS, dueWindow } from './my-tasks-params';

describe('my tasks params', () => {
  it('resets to page 1 and drops blank filters', () => {
    const params = { ...DEFAULT_MY_TASKS_PARAMS, page: 3, q: 'old' };
    expect(applyFilter(params, { q: '', status: 'red' })).toEqual({ ...DEFAULT_MY_TASKS_PARAMS, page: 1, status: 'red' });
  });

  it('turns a due window into dueFrom/dueTo', () => {
    expect(dueWindow([dayjs('2026-01-01'), dayjs('2026-03-31')])).toEqual({ dueFrom: '2026-01-01', dueTo: '2026-03-31' });
    expect(dueWindow(null)).toEqual({ dueFrom: undefined, dueTo: undefined });
    expect(dueWindow([null, dayjs('2026-03-31')])).toEqual({ dueFrom: undefined, dueTo: '2026-03-31' });
  });

  it('builds parts with their articles in order, without tasks', () => {
    const options = buildArticleOptions([
      { id: 'a2', parentId: 'p1', kind: 'article', code: '2', seq: 1, title: '第二条' },
      { id: 'p1', parentId: null, kind: 'part', code: '一', seq: 0, title: '第一部分' },
      { id: 'a1', parentId: 'p1', kind: 'article', code: '1', seq: 0, title: '第一条' },
      { id: 't1', parentId: 'a1', kind: 'task', code: '1.1', seq: 0, title: '任务' },
      { id: 'p2', parentId: null, kind: 'part', code: '二', seq: 1, title: '第二部分' },
    ]);
    expect(options).toEqual([
      { value: 'p1', title: '一 第一部分', children: [{ value: 'a1', title: '1 第一条' }, { value: 'a2', title: '2 第二条' }] },
      { value: 'p2', title: '二 第二部分' },
    ]);
  });
});

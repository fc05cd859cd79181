import { describe, expect, it } from 'vitest';
import { mentionsProject, projectNameVariants, tasksMentioning, type PlanTaskText } from './project-tasks';

describe('project names in the plan’s text', () => {
  it('takes a line’s name with and without the kind of line', () => {
    expect(projectNameVariants(['成渝中线高铁', '成资市域铁路 (S3)', null])).toEqual(['成渝中线高铁', '成渝中线', '成资市域铁路 (S3)', '成资']);
  });

  it('a short name counts only as an item of a list', () => {
    const v = projectNameVariants(['渝昆高铁', '成渝高铁']);
    expect(mentionsProject('加快成自宜、成达万、成兰(西宁)及渝西、渝昆等出川高铁建设', v)).toBe(true);
    expect(mentionsProject('推动成渝地区双城经济圈建设', v)).toBe(false);
    expect(mentionsProject('加快推进成渝中线高铁等重大项目建设', projectNameVariants(['成渝中线高铁']))).toBe(true);
  });

  it('finds the tasks of the key area, inherited from the article', () => {
    const nodes: PlanTaskText[] = [
      { id: 'a', parentId: null, kind: 'article', code: '2.1', title: '交通', body: null, keyArea: 'transport' },
      { id: 't1', parentId: 'a', kind: 'task', code: '2.1.1', title: '加快推进成渝中线高铁等重大项目建设', body: null, keyArea: null },
      { id: 't2', parentId: 'a', kind: 'task', code: '2.1.2', title: '构建现代综合交通运输体系', body: null, keyArea: null },
      { id: 'b', parentId: null, kind: 'article', code: '3.1', title: '产业', body: null, keyArea: 'industry' },
      { id: 't3', parentId: 'b', kind: 'task', code: '3.1.1', title: '成渝中线高铁沿线产业带', body: null, keyArea: null },
    ];
    expect(tasksMentioning(nodes, 'transport', projectNameVariants(['成渝中线高铁'])).map((n) => n.id)).toEqual(['t1']);
  });
});

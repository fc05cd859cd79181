import { describe, expect, it } from 'vitest';
import { reportingRanking } from './gather-snapshot';

const unit = (unitName: string, kind: string, order: number, due: number, onTime: number) => ({ unitName, kind, order, due, onTime });

describe('ranking by on-time reporting (no published assessment)', () => {
  it('ranks departments and cities apart, equal rates sharing a rank, the office’s order breaking ties', () => {
    const groups = reportingRanking([
      unit('成都市', 'city', 20, 4, 3),
      unit('省教育厅', 'department', 5, 2, 2),
      unit('省发展改革委', 'department', 1, 4, 4),
      unit('省科技厅', 'department', 3, 3, 1),
      unit('绵阳市', 'city', 21, 4, 3),
      unit('某企业', 'enterprise', 50, 1, 0),
    ]);
    expect(groups.map((g) => g.groupLabel)).toEqual(['省直部门', '市（州）', '其他单位']);
    expect(groups[0]!.rows).toEqual([
      { rank: 1, unitName: '省发展改革委', score: 100, detail: '按时4/应报4' },
      { rank: 1, unitName: '省教育厅', score: 100, detail: '按时2/应报2' },
      { rank: 3, unitName: '省科技厅', score: 33.3, detail: '按时1/应报3' },
    ]);
    expect(groups[1]!.rows.map((r) => [r.rank, r.unitName, r.score])).toEqual([
      [1, '成都市', 75],
      [1, '绵阳市', 75],
    ]);
    expect(groups[2]!.rows).toEqual([{ rank: 1, unitName: '某企业', score: 0, detail: '按时0/应报1' }]);
  });
});

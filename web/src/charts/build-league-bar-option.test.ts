import { describe, expect, it } from 'vitest';
import { buildLeagueBarOption } from './build-league-bar-option';

describe('league bar option', () => {
  it('puts rank 1 on top and keeps the unit id on each bar', () => {
    const option = buildLeagueBarOption(
      [
        { unitId: 'a', unitName: '省发展改革委', rank: 1, score: 98.5 },
        { unitId: 'b', unitName: '省经济和信息化厅', rank: 2, score: 90 },
      ],
      100,
      '得分',
    );
    expect((option.yAxis as { data: string[] }).data).toEqual(['省经济和信息化厅', '省发展改革委']);
    expect((option.series as { data: { unitId: string }[] }[])[0]!.data.map((d) => d.unitId)).toEqual(['b', 'a']);
    expect((option.xAxis as { max: number }).max).toBe(100);
  });
});

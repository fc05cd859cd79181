import { describe, expect, it } from 'vitest';
import { BULLETIN_SNAPSHOT } from '../__fixtures__/bulletin-snapshot';
import { buildBulletinContent, bulletinNumber, chineseDate, chineseNumeral, defaultSections, PRINTED_ROWS } from './bulletin-content';

const META = { number: '〔2026〕3号', title: '关于2026年10月重点任务推进情况的通报', issuingBody: '四川省推动成渝地区双城经济圈建设工作领导小组办公室', issuedOn: '2026-11-28' };

describe('bulletin content', () => {
  it('writes numerals, numbers and dates the way official documents do', () => {
    expect([1, 9, 10, 11, 20, 23].map(chineseNumeral)).toEqual(['一', '九', '十', '十一', '二十', '二十三']);
    expect(bulletinNumber(2026, 3)).toBe('〔2026〕3号');
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
  });

  it('numbers the headings 一、 then （一） restarting under each', () => {
    const c = buildBulletinContent(BULLETIN_SNAPSHOT, META, {});
    const headings = c.blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? `${b.level}:${b.text}` : ''));
    expect(headings).toEqual([
      '1:一、总体进展',
      '1:二、分领域推进情况',
      '2:（一）分部分推进情况',
      '2:（二）重点领域推进情况',
      '1:三、节点目标完成情况',
      '1:四、滞后任务及原因',
      '1:五、督办事项办理情况',
      '1:六、报告按时率排名',
      '2:（一）省直部门',
      '2:（二）市（州）',
      '1:七、需协调解决的事项',
      '1:八、下步工作安排',
    ]);
    expect(c.dateText).toBe('2026年11月28日');
  });

  it('writes default wording from the data, and the office’s wording where edited', () => {
    const d = defaultSections(BULLETIN_SNAPSHOT);
    expect(d.overall).toContain('纳入跟踪的6项任务总体完成进度为41.3%');
    expect(d.overall).toContain('按时报告率50%');
    expect(d.lagging).toContain('2项任务推进滞后，其中严重滞后1项');
    const c = buildBulletinContent(BULLETIN_SNAPSHOT, META, { overall: '总体平稳。', nextSteps: '1. 压实责任\n\n2、加强调度' });
    const texts = c.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b.kind === 'paragraph' ? `${b.lead ?? ''}${b.text}` : ''));
    expect(texts).toContain('总体平稳。');
    expect(texts.slice(-2)).toEqual(['1．压实责任', '2．加强调度']);
  });

  it('lists the lagging tasks with lead units and the units’ own reasons; rankings per group', () => {
    const c = buildBulletinContent(BULLETIN_SNAPSHOT, META, {});
    const lagging = c.tables.find((t) => t.key === 'lagging')!;
    expect(lagging.rows[0]).toEqual([1, '3.1.2', '共建汽车产业集群', '严重滞后', '省经济和信息化厅', '2026年10月报告缺报；单位反映：=配套资金未到位']);
    expect(c.tables.map((t) => t.key)).toEqual(['overall', 'parts', 'keyAreas', 'milestones', 'lagging', 'supervision', 'ranking-department', 'ranking-city', 'coordination']);
    expect(c.blocks.filter((b) => b.kind === 'chart').map((b) => (b.kind === 'chart' ? b.chart.key : ''))).toEqual(['status', 'parts']);
  });

  it('prints the head of a long list and leaves the whole of it to the xlsx', () => {
    const many = { ...BULLETIN_SNAPSHOT, lagging: Array.from({ length: PRINTED_ROWS + 5 }, (_, i) => ({ ...BULLETIN_SNAPSHOT.lagging[0]!, code: `3.1.${i + 1}` })) };
    const c = buildBulletinContent(many, META, {});
    const printed = c.blocks.find((b) => b.kind === 'table' && b.table.key === 'lagging');
    expect(printed?.kind === 'table' && printed.table.rows.length).toBe(PRINTED_ROWS);
    expect(c.tables.find((t) => t.key === 'lagging')!.rows).toHaveLength(PRINTED_ROWS + 5);
  });
});

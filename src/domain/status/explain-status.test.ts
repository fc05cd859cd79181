import { describe, expect, it } from 'vitest';
import { explainReason } from './explain-status';
import type { Reason } from './status';

describe('explainReason', () => {
  it.each<[Reason, string, string]>([
    [{ code: 'milestone_overdue', milestone: '3.1.2.1', days: 12 }, '节点 3.1.2.1 逾期 12 天', 'Milestone 3.1.2.1 is 12 days overdue'],
    [{ code: 'milestone_overdue', milestone: '3.1.2.1', days: 1 }, '节点 3.1.2.1 逾期 1 天', 'Milestone 3.1.2.1 is 1 day overdue'],
    [{ code: 'report_missing', cycle: '2026年11月' }, '2026年11月报告未提交', 'Report for 2026年11月 not submitted'],
    [{ code: 'report_late', cycle: '2026年10月', days: 3 }, '2026年10月报告迟报 3 天', 'Report for 2026年10月 was 3 days late'],
    [{ code: 'behind_plan', planned: 60, actual: 35, gap: 25 }, '计划进度 60%，实际 35%，落后 25 个百分点', 'Planned 60%, actual 35%: 25 points behind'],
    [{ code: 'behind_plan', planned: 62.5, actual: 50, gap: 12.5 }, '计划进度 62.5%，实际 50%，落后 12.5 个百分点', 'Planned 62.5%, actual 50%: 12.5 points behind'],
    [{ code: 'task_overdue', days: 5 }, '已超过完成时限 5 天', '5 days past the due date'],
    [{ code: 'due_soon', days: 7 }, '距完成时限还有 7 天', 'Due in 7 days'],
    [{ code: 'due_soon', days: 0 }, '今天到期', 'Due today'],
    [{ code: 'not_started_yet', startOn: '2027-01-01' }, '尚未到开始日期（2027-01-01）', 'Not started yet (starts 2027-01-01)'],
    [{ code: 'completed', on: null }, '已完成', 'Completed'],
    [{ code: 'completed', on: '2026-05-20' }, '已完成（2026-05-20）', 'Completed on 2026-05-20'],
    [
      { code: 'override', status: 'red', reason: '征地未落实', expiresOn: '2026-12-31', by: 'office-1' },
      '办公室认定为滞后：征地未落实（至 2026-12-31）',
      'The office set this to lagging: 征地未落实 (until 2026-12-31)',
    ],
    [
      { code: 'override', status: 'yellow', reason: '资金缺口', expiresOn: '2026-12-31', by: 'office-1' },
      '办公室认定为预警：资金缺口（至 2026-12-31）',
      'The office set this to at risk: 资金缺口 (until 2026-12-31)',
    ],
  ])('%o', (reason, zh, en) => {
    expect(explainReason(reason, 'zh')).toBe(zh);
    expect(explainReason(reason, 'en')).toBe(en);
  });
});

import type { BulletinSnapshot } from '../bulletin/bulletin-snapshot';

const counts = (c: Partial<Record<'red' | 'yellow' | 'green' | 'not_started' | 'completed' | 'cancelled', number>>) => ({ red: 0, yellow: 0, green: 0, not_started: 0, completed: 0, cancelled: 0, ...c });

/** A small cycle's data, by hand: two parts, one key area, a lagging task with the unit's own words. */
export const BULLETIN_SNAPSHOT: BulletinSnapshot = {
  plan: { title: '中共四川省委关于深入推动成渝地区双城经济圈建设的决定', shortTitle: '双城经济圈决定' },
  cycle: { id: 'c-2026-10', label: '2026年10月', periodStart: '2026-10-01', periodEnd: '2026-10-31', dueOn: '2026-11-05' },
  asOf: '2026-11-20',
  overall: { progressPct: 41.25, tasks: 6, counts: counts({ red: 1, yellow: 1, green: 2, not_started: 1, completed: 1 }) },
  parts: [
    { code: '2', title: '第二部分 合力建设现代基础设施网络', progressPct: 55.5, counts: counts({ green: 2, completed: 1 }) },
    { code: '3', title: '第三部分 协同建设现代产业体系', progressPct: 20, counts: counts({ red: 1, yellow: 1, not_started: 1 }) },
  ],
  keyAreas: [{ code: 'transport', title: '交通基础设施', progressPct: 60, counts: counts({ green: 2 }) }],
  milestones: [{ taskCode: '2.1.1', taskTitle: '成渝中线高铁', code: '2.1.1.1', title: '完成可行性研究报告批复', dueOn: '2026-10-31', completedOn: '2026-10-20', leads: ['省发展改革委'] }],
  lagging: [
    { code: '3.1.2', title: '共建汽车产业集群', status: 'red', leads: ['省经济和信息化厅'], reasons: ['2026年10月报告缺报'], problems: '=配套资金未到位' },
    { code: '3.2.1', title: '电子信息产业协作', status: 'yellow', leads: ['成都市'], reasons: ['进度落后计划15个百分点'], problems: null },
  ],
  laggingTotal: 2,
  supervision: {
    counts: { open: 1, responded: 0, closed: 1, escalated: 0, overdue: 1 },
    items: [{ level: 'urge', state: 'open', taskCode: '3.1.2', taskTitle: '共建汽车产业集群', unitName: '省经济和信息化厅', message: '请于11月15日前报送整改措施', responseDueOn: '2026-11-15', respondedAt: null }],
  },
  reporting: { due: 4, onTime: 2, late: 1, missing: 1 },
  rankings: {
    source: 'reporting',
    periodLabel: '2026年10月',
    groups: [
      { group: 'department', groupLabel: '省直部门', rows: [{ rank: 1, unitName: '省发展改革委', score: 100, detail: '按时2/应报2' }, { rank: 2, unitName: '省经济和信息化厅', score: 0, detail: '按时0/应报1' }] },
      { group: 'city', groupLabel: '市（州）', rows: [{ rank: 1, unitName: '成都市', score: 0, detail: '按时0/应报1' }] },
    ],
  },
  coordination: [{ taskCode: '2.1.1', taskTitle: '成渝中线高铁', unitName: '省发展改革委', request: '请省自然资源厅协调用地指标' }],
  nextSteps: [{ taskCode: '2.1.1', unitName: '省发展改革委', text: '开展初步设计' }],
};

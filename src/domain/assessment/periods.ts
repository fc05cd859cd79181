/** An assessment period: a calendar year or one of its quarters. */
export type PeriodKind = 'year' | 'quarter';

export function assessmentPeriod(kind: PeriodKind, year: number, quarter?: number): { periodStart: string; periodEnd: string; label: string; labelEn: string } {
  if (kind === 'year') return { periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, label: `${year}年度`, labelEn: `${year}` };
  const q = quarter ?? 1;
  if (!Number.isInteger(q) || q < 1 || q > 4) throw new RangeError(`quarter ${q}`);
  const startMonth = (q - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, '0');
  return { periodStart: `${year}-${mm(startMonth)}-01`, periodEnd: `${year}-${mm(endMonth)}-${lastDay}`, label: `${year}年第${'一二三四'[q - 1]}季度`, labelEn: `${year} Q${q}` };
}

/** Beijing calendar date of an ISO timestamp: a report sent at 23:30 on the due date in Chengdu is on time. */
export function chinaDateOf(isoTimestamp: string): string {
  return new Date(new Date(isoTimestamp).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The scheme the office starts from; it edits titles, points and parameters before computing. */
export const DEFAULT_SCHEME = [
  { rule: 'report_timeliness', title: '报告按时率', maxPoints: 20, params: {} },
  { rule: 'milestone_timeliness', title: '节点按期完成', maxPoints: 40, params: { lateCredit: 0.5 } },
  { rule: 'report_quality', title: '报告质量', maxPoints: 20, params: { scaleMax: 5 } },
  { rule: 'supervision_response', title: '督办事项反馈', maxPoints: 20, params: {} },
  { rule: 'bonus_penalty', title: '加减分', maxPoints: 5, params: {} },
] as const;

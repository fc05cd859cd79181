export interface AnnualPlan {
  year: number;
  /** 亿元 planned for the year (all sources together). */
  amount: number;
}

export interface MonthlyFigure {
  /** 'YYYY-MM', the month the report covers. */
  month: string;
  investmentMonth: number | null;
  /** Cumulative since the start of the project as the unit reported it; wins over the running sum when given. */
  investmentCumulative: number | null;
}

export interface PlanVsActualPoint {
  month: string;
  planned: number;
  actual: number | null;
}

const monthKey = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;
const round = (n: number) => Math.round(n * 10_000) / 10_000;

/**
 * Cumulative planned and actual investment by month. The plan for a year is spread evenly over its twelve
 * months (the annual lists give no monthly split); the actual line follows the reports: a reported cumulative
 * figure wins, otherwise the month's investment is added to the previous value. Months without a report keep
 * the actual line where it was, and months before the first report have none (null), so the chart shows a gap
 * rather than a zero the unit never reported.
 */
export function planVsActual(plans: readonly AnnualPlan[], reports: readonly MonthlyFigure[]): PlanVsActualPoint[] {
  const byMonth = new Map(reports.map((r) => [r.month, r]));
  const years = [...plans.map((p) => p.year), ...reports.map((r) => Number(r.month.slice(0, 4)))];
  if (!years.length) return [];
  const first = Math.min(...years);
  const last = Math.max(...years);
  const planOf = new Map<number, number>();
  for (const p of plans) planOf.set(p.year, (planOf.get(p.year) ?? 0) + p.amount);
  const lastReported = reports.length ? reports.map((r) => r.month).sort().at(-1)! : null;
  const points: PlanVsActualPoint[] = [];
  let planned = 0;
  let actual: number | null = null;
  for (let y = first; y <= last; y++) {
    for (let m = 1; m <= 12; m++) {
      const key = monthKey(y, m);
      planned += (planOf.get(y) ?? 0) / 12;
      const r = byMonth.get(key);
      if (r) {
        if (r.investmentCumulative !== null) actual = r.investmentCumulative;
        else if (r.investmentMonth !== null) actual = (actual ?? 0) + r.investmentMonth;
      }
      points.push({ month: key, planned: round(planned), actual: actual === null || (lastReported !== null && key > lastReported) ? null : round(actual) });
    }
  }
  return points;
}

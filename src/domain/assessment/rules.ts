/**
 * Assessment rules (考核细则): each scheme item turns the evidence already recorded by delivery tracking
 * (reports, milestones, supervision items, the office's bonus/penalty entries) into points and a line
 * of breakdown a unit can read. Pure: the same evidence always gives the same points.
 *
 * Appeals change a score only through these rules: an upheld appeal that names one piece of evidence
 * under one item *excuses* it for that item — it leaves the count entirely (neither for nor against the
 * unit), and the line says how many were excused. An appeal or self-assessment that names no evidence
 * changes nothing by itself; the office acts on it with a bonus/penalty entry.
 */

export const ASSESSMENT_RULES = ['report_timeliness', 'milestone_timeliness', 'report_quality', 'supervision_response', 'bonus_penalty'] as const;
export type AssessmentRule = (typeof ASSESSMENT_RULES)[number];

/** The kind of record a rule counts; an appeal names one of these. */
export const EVIDENCE_KINDS = ['report', 'milestone', 'supervision', 'adjustment'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const EVIDENCE_KIND_OF_RULE: Record<AssessmentRule, EvidenceKind> = {
  report_timeliness: 'report',
  report_quality: 'report',
  milestone_timeliness: 'milestone',
  supervision_response: 'supervision',
  bonus_penalty: 'adjustment',
};

export interface RuleParams {
  /** Share of the full credit a late report, milestone or response still earns (0–1); 0 unless set. */
  lateCredit?: number | undefined;
  /** The top of the office's quality scale; ratings are 1–5 at acceptance. */
  scaleMax?: number | undefined;
}

export interface SchemeItem {
  id: string;
  rule: AssessmentRule;
  title: string;
  /** Full marks of the item; for bonus/penalty the cap of the net entries either way. */
  maxPoints: number;
  params: RuleParams;
}

/** Dates are Beijing calendar dates (YYYY-MM-DD); the service converts timestamps before they get here. */
export interface ReportEvidence { id: string; unitId: string; label: string; dueOn: string; submittedOn: string | null; qualityRating: number | null }
export interface MilestoneEvidence { id: string; unitId: string; label: string; dueOn: string; completedOn: string | null }
export interface SupervisionEvidence { id: string; unitId: string; label: string; dueOn: string; respondedOn: string | null }
export interface AdjustmentEvidence { id: string; unitId: string; label: string; points: number }

/** An upheld appeal: this piece of evidence does not count under this item. */
export interface Excuse { itemId: string; evidenceKind: EvidenceKind; evidenceId: string }

export interface AssessmentEvidence {
  /** The day the computation looks from: something due on or after it is not yet owed. */
  asOf: string;
  periodStart: string;
  periodEnd: string;
  reports: ReportEvidence[];
  milestones: MilestoneEvidence[];
  supervision: SupervisionEvidence[];
  adjustments: AdjustmentEvidence[];
  excuses: Excuse[];
}

export type EvidenceStatus = 'on_time' | 'late' | 'missing' | 'pending' | 'excused' | 'rated' | 'unrated' | 'applied';

export interface EvidenceLine { kind: EvidenceKind; id: string; label: string; status: EvidenceStatus; detail: string | null }

export interface BreakdownLine {
  itemId: string;
  rule: AssessmentRule;
  title: string;
  maxPoints: number;
  /** Rounded to one decimal, as shown; the total is the sum of these. */
  points: number;
  counts: Record<string, number>;
  text: { zh: string; en: string };
  evidence: EvidenceLine[];
}

const inPeriod = (d: string, ev: AssessmentEvidence) => d >= ev.periodStart && d <= ev.periodEnd;
/** In tenths, so that sums of points are exact whatever the order. */
export const toTenths = (x: number) => Math.round(x * 10 + Number.EPSILON * Math.sign(x));
const fmt = (tenths: number) => (tenths / 10).toFixed(1);
const signed = (tenths: number) => (tenths > 0 ? '+' : tenths < 0 ? '−' : '') + (Math.abs(tenths) / 10).toFixed(1);
const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function excusedIds(ev: AssessmentEvidence, item: SchemeItem): Set<string> {
  const kind = EVIDENCE_KIND_OF_RULE[item.rule];
  return new Set(ev.excuses.filter((e) => e.itemId === item.id && e.evidenceKind === kind).map((e) => e.evidenceId));
}

/** When something was due and when (if ever) it was done: on or before the due date is on time. */
export function timeliness(dueOn: string, doneOn: string | null, asOf: string): 'on_time' | 'late' | 'missing' | 'pending' {
  if (doneOn !== null) return doneOn <= dueOn ? 'on_time' : 'late';
  return dueOn < asOf ? 'missing' : 'pending';
}

const TIMELINESS_WORDS = {
  report_timeliness: { zhLate: '迟报', zhMissing: '未报', enLate: 'late', enMissing: 'missing', enWhat: 'on time' },
  milestone_timeliness: { zhLate: '逾期完成', zhMissing: '逾期未完成', enLate: 'completed late', enMissing: 'overdue', enWhat: 'met on time' },
  supervision_response: { zhLate: '逾期反馈', zhMissing: '未反馈', enLate: 'late', enMissing: 'unanswered', enWhat: 'answered on time' },
} as const;

function timelinessLine(item: SchemeItem, ev: AssessmentEvidence, rows: { id: string; label: string; dueOn: string; doneOn: string | null }[], kind: EvidenceKind): BreakdownLine {
  const excused = excusedIds(ev, item);
  const counts = { on_time: 0, late: 0, missing: 0, pending: 0, excused: 0 };
  const evidence: EvidenceLine[] = [];
  for (const r of [...rows].sort(byId)) {
    const status = excused.has(r.id) ? 'excused' : timeliness(r.dueOn, r.doneOn, ev.asOf);
    counts[status] += 1;
    evidence.push({ kind, id: r.id, label: r.label, status, detail: r.doneOn ? `${r.dueOn} / ${r.doneOn}` : r.dueOn });
  }
  const owed = counts.on_time + counts.late + counts.missing;
  const lateCredit = Math.min(1, Math.max(0, item.params.lateCredit ?? 0));
  // Nothing owed in the period is nothing failed: full marks, said so on the line.
  const tenths = owed === 0 ? toTenths(item.maxPoints) : toTenths((item.maxPoints * (counts.on_time + lateCredit * counts.late)) / owed);
  const w = TIMELINESS_WORDS[item.rule as keyof typeof TIMELINESS_WORDS];
  const zhExtra = [counts.late && `${w.zhLate} ${counts.late}`, counts.missing && `${w.zhMissing} ${counts.missing}`, counts.excused && `申诉免计 ${counts.excused}`, counts.pending && `未到期 ${counts.pending}`].filter(Boolean);
  const enExtra = [counts.late && `${counts.late} ${w.enLate}`, counts.missing && `${counts.missing} ${w.enMissing}`, counts.excused && `${counts.excused} excused on appeal`, counts.pending && `${counts.pending} not yet due`].filter(Boolean);
  const zh = owed === 0 ? `${item.title} 本期无应考核事项 → ${fmt(tenths)} 分（满分）` : `${item.title} ${counts.on_time}/${owed} → ${fmt(tenths)} 分${zhExtra.length ? `（${zhExtra.join('，')}）` : ''}`;
  const en = owed === 0 ? `${item.title}: nothing due in the period → ${fmt(tenths)} pts (full marks)` : `${item.title}: ${counts.on_time}/${owed} ${w.enWhat} → ${fmt(tenths)} pts${enExtra.length ? ` (${enExtra.join(', ')})` : ''}`;
  return { itemId: item.id, rule: item.rule, title: item.title, maxPoints: item.maxPoints, points: tenths / 10, counts, text: { zh, en }, evidence };
}

function qualityLine(item: SchemeItem, ev: AssessmentEvidence, reports: ReportEvidence[]): BreakdownLine {
  const excused = excusedIds(ev, item);
  const scaleMax = item.params.scaleMax && item.params.scaleMax > 0 ? item.params.scaleMax : 5;
  let n = 0;
  let sum = 0;
  const counts = { rated: 0, unrated: 0, excused: 0 };
  const evidence: EvidenceLine[] = [];
  for (const r of [...reports].sort(byId)) {
    const status: EvidenceStatus = excused.has(r.id) ? 'excused' : r.qualityRating !== null ? 'rated' : 'unrated';
    counts[status as keyof typeof counts] += 1;
    if (status === 'rated') {
      n += 1;
      sum += Math.min(scaleMax, Math.max(0, r.qualityRating!));
    }
    evidence.push({ kind: 'report', id: r.id, label: r.label, status, detail: r.qualityRating !== null ? `${r.qualityRating}/${scaleMax}` : null });
  }
  const tenths = n === 0 ? toTenths(item.maxPoints) : toTenths((item.maxPoints * sum) / (n * scaleMax));
  const avg = n ? (sum / n).toFixed(1) : '—';
  const zhExcused = counts.excused ? `，申诉免计 ${counts.excused}` : '';
  const enExcused = counts.excused ? `, ${counts.excused} excused on appeal` : '';
  const zh = n === 0 ? `${item.title} 本期无评定 → ${fmt(tenths)} 分（满分）` : `${item.title} 平均 ${avg}/${scaleMax}（评定 ${n} 份${zhExcused}）→ ${fmt(tenths)} 分`;
  const en = n === 0 ? `${item.title}: no ratings in the period → ${fmt(tenths)} pts (full marks)` : `${item.title}: average ${avg}/${scaleMax} (${n} rated${enExcused}) → ${fmt(tenths)} pts`;
  return { itemId: item.id, rule: item.rule, title: item.title, maxPoints: item.maxPoints, points: tenths / 10, counts, text: { zh, en }, evidence };
}

function bonusPenaltyLine(item: SchemeItem, ev: AssessmentEvidence, entries: AdjustmentEvidence[]): BreakdownLine {
  const excused = excusedIds(ev, item);
  let bonus = 0;
  let penalty = 0;
  const counts = { bonus: 0, penalty: 0, excused: 0 };
  const evidence: EvidenceLine[] = [];
  for (const a of [...entries].sort(byId)) {
    const t = toTenths(a.points);
    if (excused.has(a.id)) counts.excused += 1;
    else if (t >= 0) (bonus += t), (counts.bonus += 1);
    else (penalty += t), (counts.penalty += 1);
    evidence.push({ kind: 'adjustment', id: a.id, label: a.label, status: excused.has(a.id) ? 'excused' : 'applied', detail: signed(t) });
  }
  const cap = toTenths(Math.abs(item.maxPoints));
  const tenths = Math.max(-cap, Math.min(cap, bonus + penalty));
  const capped = tenths !== bonus + penalty;
  const zh = `${item.title} 加分 ${signed(bonus) || '0.0'}，减分 ${signed(penalty) || '0.0'} → ${signed(tenths) || '0.0'} 分${capped ? `（以 ±${fmt(cap)} 为限）` : ''}${counts.excused ? `（申诉撤销 ${counts.excused}）` : ''}`;
  const en = `${item.title}: bonus ${signed(bonus) || '0.0'}, penalty ${signed(penalty) || '0.0'} → ${signed(tenths) || '0.0'} pts${capped ? ` (capped at ±${fmt(cap)})` : ''}${counts.excused ? ` (${counts.excused} withdrawn on appeal)` : ''}`;
  return { itemId: item.id, rule: item.rule, title: item.title, maxPoints: item.maxPoints, points: tenths / 10, counts, text: { zh, en }, evidence };
}

/** One item's line for one unit, from the evidence of the period. */
export function scoreItem(item: SchemeItem, unitId: string, ev: AssessmentEvidence): BreakdownLine {
  const reports = ev.reports.filter((r) => r.unitId === unitId && inPeriod(r.dueOn, ev));
  switch (item.rule) {
    case 'report_timeliness':
      return timelinessLine(item, ev, reports.map((r) => ({ id: r.id, label: r.label, dueOn: r.dueOn, doneOn: r.submittedOn })), 'report');
    case 'milestone_timeliness':
      return timelinessLine(item, ev, ev.milestones.filter((m) => m.unitId === unitId && inPeriod(m.dueOn, ev)).map((m) => ({ id: m.id, label: m.label, dueOn: m.dueOn, doneOn: m.completedOn })), 'milestone');
    case 'supervision_response':
      return timelinessLine(item, ev, ev.supervision.filter((s) => s.unitId === unitId && inPeriod(s.dueOn, ev)).map((s) => ({ id: s.id, label: s.label, dueOn: s.dueOn, doneOn: s.respondedOn })), 'supervision');
    case 'report_quality':
      return qualityLine(item, ev, reports);
    case 'bonus_penalty':
      return bonusPenaltyLine(item, ev, ev.adjustments.filter((a) => a.unitId === unitId));
  }
}

import type { Reason, Status } from './status';

export type ExplainLang = 'zh' | 'en';

/** Status names as the office writes them (滞后 / 预警 …); the web's i18n keys `status.*` should match. */
export const STATUS_LABEL: Record<ExplainLang, Record<Status, string>> = {
  zh: { red: '滞后', yellow: '预警', green: '正常推进', not_started: '未开始', completed: '已完成', cancelled: '已取消' },
  en: { red: 'lagging', yellow: 'at risk', green: 'on track', not_started: 'not started', completed: 'completed', cancelled: 'cancelled' },
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * One reason as a sentence for the cockpit, bulletins and 催办 notices. Cycle labels are passed through
 * as given (e.g. 2026年11月), so the caller chooses the label in the reader's language.
 */
export function explainReason(reason: Reason, lang: ExplainLang): string {
  const zh = lang === 'zh';
  switch (reason.code) {
    case 'milestone_overdue':
      return zh ? `节点 ${reason.milestone} 逾期 ${reason.days} 天` : `Milestone ${reason.milestone} is ${plural(reason.days, 'day')} overdue`;
    case 'report_missing':
      return zh ? `${reason.cycle}报告未提交` : `Report for ${reason.cycle} not submitted`;
    case 'report_late':
      return zh ? `${reason.cycle}报告迟报 ${reason.days} 天` : `Report for ${reason.cycle} was ${plural(reason.days, 'day')} late`;
    case 'behind_plan':
      return zh
        ? `计划进度 ${reason.planned}%，实际 ${reason.actual}%，落后 ${reason.gap} 个百分点`
        : `Planned ${reason.planned}%, actual ${reason.actual}%: ${plural(reason.gap, 'point')} behind`;
    case 'task_overdue':
      return zh ? `已超过完成时限 ${reason.days} 天` : `${plural(reason.days, 'day')} past the due date`;
    case 'due_soon':
      if (reason.days === 0) return zh ? '今天到期' : 'Due today';
      return zh ? `距完成时限还有 ${reason.days} 天` : `Due in ${plural(reason.days, 'day')}`;
    case 'unassigned':
      return zh ? '尚未明确牵头单位' : 'No lead unit assigned yet';
    case 'not_started_yet':
      return zh ? `尚未到开始日期（${reason.startOn}）` : `Not started yet (starts ${reason.startOn})`;
    case 'completed':
      if (reason.on === null) return zh ? '已完成' : 'Completed';
      return zh ? `已完成（${reason.on}）` : `Completed on ${reason.on}`;
    case 'override':
      return zh
        ? `办公室认定为${STATUS_LABEL.zh[reason.status]}：${reason.reason}（至 ${reason.expiresOn}）`
        : `The office set this to ${STATUS_LABEL.en[reason.status]}: ${reason.reason} (until ${reason.expiresOn})`;
  }
}

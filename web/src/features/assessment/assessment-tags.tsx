import { Tag } from 'antd';
import type { AppealState, PeriodState } from '../../api/assessment';
import { useT } from '../../i18n/use-t';

const PERIOD_COLOR: Record<PeriodState, string> = { draft: 'default', computed: 'blue', published: 'green' };
const APPEAL_COLOR: Record<AppealState, string> = { submitted: 'gold', upheld: 'green', rejected: 'red' };
const EVIDENCE_COLOR: Record<string, string> = { on_time: 'green', late: 'orange', missing: 'red', pending: 'default', excused: 'purple', rated: 'blue', unrated: 'default', applied: 'blue' };

export function PeriodStateTag({ state, publishedNumber }: { state: PeriodState; publishedNumber: number }) {
  const t = useT();
  return (
    <Tag color={PERIOD_COLOR[state]} data-testid="period-state">
      {t(`assess.state.${state}`)}
      {publishedNumber > 0 && ` · ${t('assess.publishedVersion', { n: publishedNumber })}`}
    </Tag>
  );
}

export function AppealStateTag({ state }: { state: AppealState }) {
  const t = useT();
  return <Tag color={APPEAL_COLOR[state]}>{t(`assess.appeal.state.${state}`)}</Tag>;
}

const EVIDENCE_STATUSES = ['on_time', 'late', 'missing', 'pending', 'excused', 'rated', 'unrated', 'applied'] as const;
type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];
const isEvidenceStatus = (s: string): s is EvidenceStatus => (EVIDENCE_STATUSES as readonly string[]).includes(s);

export function EvidenceStatusTag({ status }: { status: string }) {
  const t = useT();
  return <Tag color={EVIDENCE_COLOR[status] ?? 'default'}>{isEvidenceStatus(status) ? t(`assess.evidence.${status}`) : status}</Tag>;
}

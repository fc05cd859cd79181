import { Space, Tag } from 'antd';
import { REPORT_STATES, type ReportState } from '../../api/types';
import { useT } from '../../i18n/use-t';

export const REPORT_STATE_COLOR: Record<ReportState, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'cyan',
  accepted: 'success',
  returned: 'error',
};

export function ReportStateTag({ state }: { state: ReportState }) {
  const t = useT();
  return (
    <Tag color={REPORT_STATE_COLOR[state]} data-state={state}>
      {t(`report.state.${state}`)}
    </Tag>
  );
}

/** Small tags "草稿 3 · 已提交 2 …" for the states that occur. */
export function ReportStateCounts({ counts }: { counts: Partial<Record<ReportState, number>> }) {
  const t = useT();
  return (
    <Space size={2} wrap>
      {REPORT_STATES.filter((s) => (counts[s] ?? 0) > 0).map((s) => (
        <Tag key={s} color={REPORT_STATE_COLOR[s]} data-state={s} style={{ marginInlineEnd: 0 }}>
          {t(`report.state.${s}`)} {counts[s]}
        </Tag>
      ))}
    </Space>
  );
}

import { Tag } from 'antd';
import type { IndicatorReportState } from '../../api/indicator-reports';
import { useT } from '../../i18n/use-t';

const COLOR: Record<IndicatorReportState, string> = { draft: 'default', submitted: 'processing', accepted: 'green', returned: 'red' };

export function IndicatorReportStateTag({ state }: { state: IndicatorReportState | null }) {
  const t = useT();
  if (!state) return <Tag data-testid="ind-report-state-none">{t('ind.report.state.none')}</Tag>;
  return (
    <Tag color={COLOR[state]} data-testid={`ind-report-state-${state}`}>
      {t(`ind.report.state.${state}`)}
    </Tag>
  );
}

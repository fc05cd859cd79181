import { Collapse, Empty, Progress, Space, Tag } from 'antd';
import type { TReportDetail } from '../../api/types';
import { useT } from '../../i18n/use-t';
import { formatTime } from '../common/format-time';
import { ReportStateTag } from '../reports/report-state-tag';
import { ReportTextView } from './report-text-view';

/** For the lead unit's report: what the participating units have submitted on the same task and cycle. */
export function ReportContributions({ contributions }: { contributions: TReportDetail['contributions'] }) {
  const t = useT();
  if (contributions.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.noContributions')} />;
  return (
    <Collapse
      data-testid="report-contributions"
      items={contributions.map((c) => ({
        key: c.id,
        label: (
          <Space wrap>
            <strong>{c.unitName}</strong>
            <Tag>{t('assign.role.participant')}</Tag>
            <ReportStateTag state={c.state} />
            {c.progressPct !== null && <Progress size="small" percent={Math.round(c.progressPct)} style={{ width: 140, margin: 0 }} />}
            <span style={{ color: '#8c8c8c' }}>{formatTime(c.submittedAt)}</span>
          </Space>
        ),
        children: <ReportTextView report={c} />,
      }))}
    />
  );
}

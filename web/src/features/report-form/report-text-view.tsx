import { Descriptions, Typography } from 'antd';
import type { TReportDetail } from '../../api/types';
import { useT } from '../../i18n/use-t';

type Texts = Pick<TReportDetail, 'narrative' | 'problems' | 'coordinationRequest' | 'nextSteps'>;

/** The four text parts of a report, read-only (a submitted report, or a participating unit's contribution). */
export function ReportTextView({ report }: { report: Texts }) {
  const t = useT();
  const text = (value: string | null) =>
    value ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{value}</Typography.Paragraph> : <Typography.Text type="secondary">{t('report.notFilled')}</Typography.Text>;
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      items={[
        { key: 'narrative', label: t('report.narrative'), children: text(report.narrative) },
        { key: 'problems', label: t('report.problems'), children: text(report.problems) },
        { key: 'coordinationRequest', label: t('report.coordinationRequest'), children: text(report.coordinationRequest) },
        { key: 'nextSteps', label: t('report.nextSteps'), children: text(report.nextSteps) },
      ]}
    />
  );
}

import { Alert, Descriptions, Progress, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TReportDetail } from '../../api/types';
import { useT } from '../../i18n/use-t';
import { formatTime } from '../common/format-time';
import { ReportStateTag } from '../reports/report-state-tag';
import { useCycleLabel } from '../../i18n/use-cycle-label';

/** Who reports on what, for which cycle, and where the report stands. */
export function ReportHeader({ report }: { report: TReportDetail }) {
  const t = useT();
  const cycleLabel = useCycleLabel();
  return (
    <>
      {report.state === 'returned' && (
        <Alert
          type="error"
          showIcon
          data-testid="report-returned"
          style={{ marginBottom: 16 }}
          title={t('report.returnedAlert')}
          description={report.returnComment && `${t('report.returnComment')}：${report.returnComment}`}
        />
      )}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        data-testid="report-header"
        items={[
          {
            key: 'task',
            label: t('report.task'),
            span: 2,
            children: (
              <Space>
                <Typography.Text strong>{report.nodeCode}</Typography.Text>
                <span data-testid="report-task-title">{report.nodeTitle}</span>
                <Link to={`/plan/${report.nodeId}`}>{t('report.openTask')}</Link>
              </Space>
            ),
          },
          {
            key: 'unit',
            label: t('report.unit'),
            children: (
              <Space>
                {report.unitName}
                <Tag color={report.role === 'lead' ? 'blue' : undefined}>{t(`assign.role.${report.role}`)}</Tag>
              </Space>
            ),
          },
          { key: 'cycle', label: t('report.cycle'), children: `${cycleLabel(report)} · ${t('report.cycleDue', { date: report.cycleDueOn })}` },
          { key: 'state', label: t('report.state'), children: <ReportStateTag state={report.state} /> },
          {
            key: 'progress',
            label: t('report.progress'),
            children: report.progressPct === null ? '—' : <Progress size="small" percent={Math.round(report.progressPct)} style={{ maxWidth: 240 }} />,
          },
          { key: 'submittedAt', label: t('report.submittedAt'), children: formatTime(report.submittedAt) },
          { key: 'updatedAt', label: t('report.updatedAt'), children: formatTime(report.updatedAt) },
          ...(report.approvedAt ? [{ key: 'approvedAt', label: t('report.approvedAt'), children: formatTime(report.approvedAt) }] : []),
          ...(report.acceptedAt
            ? [
                {
                  key: 'acceptedAt',
                  label: t('report.acceptedAt'),
                  children: `${formatTime(report.acceptedAt)}${report.qualityRating ? ` · ${t('report.qualityRating')} ${'★'.repeat(report.qualityRating)}` : ''}`,
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

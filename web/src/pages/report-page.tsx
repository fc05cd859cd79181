import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Result, Spin, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useReport } from '../api/reporting';
import { MilestoneUpdatesView } from '../features/report-form/milestone-updates-view';
import { ReportAttachments } from '../features/report-form/report-attachments';
import { ReportContributions } from '../features/report-form/report-contributions';
import { ReportForm } from '../features/report-form/report-form';
import { ReportHeader } from '../features/report-form/report-header';
import { ReportTextView } from '../features/report-form/report-text-view';
import { ReportWorkflowButtons } from '../features/report-form/report-workflow-buttons';
import { useErrorText } from '../i18n/use-error-text';
import { useT } from '../i18n/use-t';

export default function ReportPage() {
  const t = useT();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { reportId } = useParams();
  const query = useReport(reportId);

  if (query.error) return <Result status={query.error instanceof ApiError && query.error.status === 404 ? '404' : 'error'} title={t('common.loadFailed')} subTitle={errorText(query.error)} />;
  if (!query.data) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  const report = query.data;

  return (
    <Flex vertical gap={16} data-testid="report-page">
      <Card
        title={
          <Flex gap={8} align="center">
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('report.back')} onClick={() => navigate('/reports')} />
            <Typography.Text strong>{t('menu.reports')}</Typography.Text>
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: 520 }}>
              {report.nodeCode} {report.nodeTitle}
            </Typography.Text>
          </Flex>
        }
        extra={<ReportWorkflowButtons report={report} />}
      >
        <ReportHeader report={report} />
      </Card>
      <Card title={t('report.title')} size="small">
        {report.editable ? (
          // Keyed by id so another report starts with its own values; a refetch of this one keeps the user's input.
          <ReportForm key={report.id} report={report} onReload={() => void query.refetch()} />
        ) : (
          <Flex vertical gap={16}>
            <ReportTextView report={report} />
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('report.milestones')}
            </Typography.Title>
            <MilestoneUpdatesView report={report} />
          </Flex>
        )}
      </Card>
      <Card title={t('report.attachments')} size="small">
        <ReportAttachments reportId={report.id} attachments={report.attachments} editable={report.editable} />
      </Card>
      {report.role === 'lead' && (
        <Card title={t('report.contributions')} size="small">
          <ReportContributions contributions={report.contributions} />
        </Card>
      )}
    </Flex>
  );
}

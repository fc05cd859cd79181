import { Card, Empty, Result, Spin } from 'antd';
import { useCurrentPlan } from '../features/common/use-current-plan';
import { ExportTaskDivisionButton } from '../features/import/export-task-division-button';
import { ImportWizard } from '../features/import/import-wizard';
import { useErrorText } from '../i18n/use-error-text';
import { useT } from '../i18n/use-t';

export default function ImportPage() {
  const t = useT();
  const errorText = useErrorText();
  const { plan, isPending, error } = useCurrentPlan();
  if (error) return <Result status="error" title={t('common.loadFailed')} subTitle={errorText(error)} />;
  if (isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (!plan) return <Empty description={t('plan.noPlan')} />;
  return (
    <Card title={t('import.title')} extra={<ExportTaskDivisionButton planId={plan.id} />}>
      <ImportWizard planId={plan.id} />
    </Card>
  );
}

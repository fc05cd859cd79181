import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { downloadTaskDivision } from '../../api/imports';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';

/** GET /api/plans/:planId/exports/task-division, saved as a file. */
export function ExportTaskDivisionButton({ planId }: { planId: string }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = () => {
    setBusy(true);
    downloadTaskDivision(planId)
      .catch((err: unknown) => message.error(t('import.exportFailed', { error: errorText(err) })))
      .finally(() => setBusy(false));
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={run} data-testid="btn-export-task-division">
      {t('import.export')}
    </Button>
  );
}

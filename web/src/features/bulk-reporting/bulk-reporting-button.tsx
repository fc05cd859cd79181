import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Tooltip, Upload } from 'antd';
import { useState } from 'react';
import { downloadReportingSheet } from '../../api/reporting-sheets';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { usePermissions } from '../auth/use-permissions';
import { SheetPreviewModal } from './sheet-preview-modal';

const MAX_SHEET_BYTES = 5 * 1024 * 1024;

/**
 * 批量填报: download the unit's prefilled sheet for a cycle, fill it offline, upload it to preview and
 * apply. Renders nothing without report:write.
 */
export function BulkReportingButton({ cycleId }: { cycleId: string | undefined }) {
  const t = useT();
  const can = usePermissions();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  if (!can('report:write')) return null;

  const download = () => {
    if (!cycleId) return;
    setDownloading(true);
    downloadReportingSheet(cycleId)
      .catch((err: unknown) => message.error(t('sheet.downloadFailed', { error: errorText(err) })))
      .finally(() => setDownloading(false));
  };

  return (
    <Space>
      <Tooltip title={cycleId ? undefined : t('sheet.chooseCycle')}>
        <Button icon={<DownloadOutlined />} disabled={!cycleId} loading={downloading} onClick={download} data-testid="btn-download-sheet">
          {t('sheet.download')}
        </Button>
      </Tooltip>
      <Upload
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={(f) => {
          if (!f.name.toLowerCase().endsWith('.xlsx')) message.error(t('import.upload.notXlsx'));
          else if (f.size > MAX_SHEET_BYTES) message.error(t('import.upload.tooLarge'));
          else setFile(f);
          return Upload.LIST_IGNORE;
        }}
      >
        <Button icon={<UploadOutlined />} data-testid="btn-upload-sheet">
          {t('sheet.upload')}
        </Button>
      </Upload>
      {file && <SheetPreviewModal file={file} onClose={() => setFile(null)} />}
    </Space>
  );
}

import { InboxOutlined } from '@ant-design/icons';
import { App, Upload } from 'antd';
import { useT } from '../../i18n/use-t';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** Step 1: pick the 任务分工表. Nothing is sent until the wizard previews it. */
export function ImportUpload({ onFile, disabled, maxBytes = MAX_IMPORT_BYTES, testId = 'import-upload' }: { onFile: (file: File) => void; disabled?: boolean; maxBytes?: number; testId?: string }) {
  const t = useT();
  const { message } = App.useApp();
  return (
    <div data-testid={testId}>
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        disabled={disabled}
        beforeUpload={(file) => {
          if (!file.name.toLowerCase().endsWith('.xlsx')) message.error(t('import.upload.notXlsx'));
          else if (file.size > maxBytes) message.error(t('import.upload.tooLarge'));
          else onFile(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('import.upload.hint')}</p>
        <p className="ant-upload-hint">{t('import.upload.subHint')}</p>
      </Upload.Dragger>
    </div>
  );
}

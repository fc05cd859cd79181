import { DeleteOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Image, Popconfirm, Typography, Upload, type UploadProps } from 'antd';
import { attachmentUrl, thumbnailUrl, useDeleteAttachment, useUploadAttachment } from '../../api/reporting';
import type { TAttachment } from '../../api/types';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';

type Props = { reportId: string; attachments: readonly TAttachment[]; editable: boolean };

const ACCEPT = '.jpg,.jpeg,.png,.webp,.pdf,.docx,.xlsx';
const formatSize = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** Evidence files: upload while editable (the server checks type by content and size), thumbnails for images. */
export function ReportAttachments({ reportId, attachments, editable }: Props) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const upload = useUploadAttachment(reportId);
  const remove = useDeleteAttachment(reportId);

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    if (!(file instanceof File)) return;
    upload.mutate(file, {
      onSuccess: (a) => {
        onSuccess?.(a);
        void message.success(t('report.uploaded', { name: a.fileName }));
      },
      onError: (err) => {
        onError?.(err instanceof Error ? err : new Error(String(err)));
        // 415 ATTACHMENT_TYPE_REJECTED and 413 ATTACHMENT_TOO_LARGE come back here with their own text.
        void message.error({ content: t('report.uploadFailed', { name: file.name, reason: errorText(err) }), key: 'upload-error' });
      },
    });
  };

  return (
    <Flex vertical gap={8} data-testid="report-attachments">
      {editable && (
        <Flex gap={12} align="center" wrap>
          <Upload accept={ACCEPT} multiple showUploadList={false} customRequest={customRequest} data-testid="report-upload">
            <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="btn-upload">
              {t('report.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{t('report.uploadHint')}</Typography.Text>
        </Flex>
      )}
      {attachments.length === 0 && <Typography.Text type="secondary">{t('report.noAttachments')}</Typography.Text>}
      <Flex wrap gap={12}>
        {attachments.map((a) => (
          <Flex key={a.id} gap={8} align="center" data-testid="attachment-item" style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 8, minWidth: 240 }}>
            {a.hasThumbnail ? (
              <Image width={64} height={64} style={{ objectFit: 'cover' }} src={thumbnailUrl(a.id)} preview={{ src: attachmentUrl(a.id) }} alt={a.fileName} />
            ) : (
              <FileOutlined style={{ fontSize: 32, color: '#8c8c8c', width: 64 }} />
            )}
            <Flex vertical style={{ flex: 1, minWidth: 0 }}>
              <Typography.Link href={attachmentUrl(a.id)} download={a.fileName} target="_blank" rel="noreferrer" ellipsis style={{ maxWidth: 220 }}>
                {a.fileName}
              </Typography.Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatSize(a.size)}
              </Typography.Text>
            </Flex>
            {editable && (
              <Popconfirm
                title={t('common.delete')}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  remove.mutateAsync(a.id).then(
                    () => void message.success(t('report.attachmentDeleted')),
                    (err: unknown) => void message.error(errorText(err)),
                  )
                }
              >
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid="btn-delete-attachment" />
              </Popconfirm>
            )}
          </Flex>
        ))}
      </Flex>
    </Flex>
  );
}

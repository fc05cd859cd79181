import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, InputNumber, Modal, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useApplyProjectImport, usePreviewProjectImport, type TProjectImportPreview } from '../../api/projects';
import { useErrorText } from '../../i18n/use-error-text';
import { useLang, useT } from '../../i18n/use-t';
import { formatYi } from './project-tags';

/**
 * Upload an annual project list, see every row and every problem (row and column), then apply all of it or
 * nothing. Like the task import, the preview writes nothing; a list with a blocking problem cannot be applied.
 */
export function ProjectImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [preview, setPreview] = useState<TProjectImportPreview | null>(null);
  const previewMutation = usePreviewProjectImport();
  const apply = useApplyProjectImport();
  const error = previewMutation.error ?? apply.error;

  const runPreview = async (f: File, y: number | null) => {
    setPreview(null);
    setPreview(await previewMutation.mutateAsync({ file: f, ...(y && { year: y }) }));
  };
  const close = () => {
    setFile(null);
    setPreview(null);
    previewMutation.reset();
    apply.reset();
    onClose();
  };

  return (
    <Modal
      open={open}
      width={1100}
      title={t('project.import.title')}
      onCancel={close}
      footer={
        <Button
          type="primary"
          data-testid="project-import-apply"
          disabled={!file || !preview || preview.blocking > 0}
          loading={apply.isPending}
          onClick={async () => {
            const r = await apply.mutateAsync({ file: file!, ...(year && { year }) });
            void message.success(t('project.import.done', { created: r.created, updated: r.updated }));
            close();
          }}
        >
          {t('project.import.apply')}
        </Button>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('project.import.hint')}</Typography.Text>
        <Flex gap={8} align="center">
          <Upload
            accept=".xlsx"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => {
              setFile(f);
              void runPreview(f, year).catch(() => undefined);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="project-import-file">
              {file?.name ?? t('project.import.pick')}
            </Button>
          </Upload>
          <span>{t('project.import.year')}</span>
          <InputNumber min={2000} max={2100} value={year ?? preview?.year ?? null} onChange={(v) => setYear(v)} />
          <Button disabled={!file} loading={previewMutation.isPending} onClick={() => file && void runPreview(file, year).catch(() => undefined)}>
            {t('project.import.preview')}
          </Button>
        </Flex>
        {error && <Alert type="error" showIcon title={errorText(error)} />}
        {preview && (
          <>
            {preview.blocking > 0 ? (
              <Alert type="error" showIcon title={t('project.import.blocked', { count: preview.blocking })} data-testid="project-import-blocked" />
            ) : (
              <Alert type="success" showIcon title={t('project.import.counts', preview.counts)} />
            )}
            {preview.problems.length > 0 && (
              <Table
                size="small"
                rowKey={(p) => `${p.row}-${p.column}-${p.code}`}
                pagination={false}
                dataSource={preview.problems}
                data-testid="project-import-problems"
                columns={[
                  { title: t('project.import.row'), dataIndex: 'row', width: 60 },
                  { title: t('project.import.column'), dataIndex: 'column', width: 60 },
                  { title: t('project.import.message'), render: (_, p) => <Typography.Text type={p.blocking ? 'danger' : 'warning'}>{lang === 'en-US' ? p.message_en : p.message_zh}</Typography.Text> },
                ]}
              />
            )}
            <Table
              size="small"
              rowKey="row"
              pagination={{ pageSize: 10 }}
              dataSource={preview.rows}
              columns={[
                { title: t('project.import.row'), dataIndex: 'row', width: 60 },
                { title: t('project.col.title'), dataIndex: 'title' },
                { title: t('project.col.category'), dataIndex: 'category', render: (c: string | null) => (c ? t(`project.category.${c}` as 'project.category.industry') : '—') },
                { title: t('project.col.period'), dataIndex: 'yearsText' },
                { title: t('project.col.budget'), dataIndex: 'total', align: 'right', render: formatYi },
                { title: t('project.budgetPlan'), dataIndex: 'annualPlan', align: 'right', render: formatYi },
                { title: t('project.col.unit'), dataIndex: 'unitText' },
                { title: '', render: (_, r) => <Tag>{t(r.existingId ? 'project.import.update' : 'project.import.new')}</Tag> },
              ]}
            />
          </>
        )}
      </Flex>
    </Modal>
  );
}

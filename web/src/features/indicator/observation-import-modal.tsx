import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useApplyObservationImport, usePreviewObservationImport, type TObservationImportPreview } from '../../api/indicators';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';

type Problem = TObservationImportPreview['problems'][number];

/** Upload an xlsx or CSV, see every row and every problem (row and column named), then import all or nothing. */
export function ObservationImportModal({ indicatorId, onClose }: { indicatorId?: string; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const preview = usePreviewObservationImport(indicatorId);
  const apply = useApplyObservationImport(indicatorId);
  const data = preview.data;
  const blocked = apply.error instanceof ApiError && Array.isArray(apply.error.details.problems) ? (apply.error.details.problems as Problem[]) : null;
  const problems = blocked ?? data?.problems ?? [];

  const choose = (f: File) => {
    setFile(f);
    apply.reset();
    preview.mutate(f);
    return false;
  };
  const run = () =>
    file &&
    apply.mutate(file, {
      onSuccess: (r) => {
        void message.success(t('ind.import.done', { inserted: r.inserted, updated: r.updated }));
        onClose();
      },
    });

  return (
    <Modal
      open
      width={900}
      title={t('ind.import.title')}
      onCancel={onClose}
      footer={
        <Button type="primary" disabled={!data || problems.length > 0} loading={apply.isPending} onClick={run} data-testid="import-apply">
          {t('ind.import.apply')}
        </Button>
      }
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('ind.import.hint')}</Typography.Text>
        <Upload accept=".xlsx,.csv,.txt" maxCount={1} showUploadList={false} beforeUpload={choose}>
          <Button icon={<UploadOutlined />} loading={preview.isPending} data-testid="import-choose">
            {file ? file.name : t('ind.import.choose')}
          </Button>
        </Upload>
        {(preview.error || (apply.error && !blocked)) && <Alert type="error" showIcon title={errorText(preview.error ?? apply.error)} />}
        {data && (
          <Typography.Text>
            {data.encoding && `${t('ind.import.encoding', { encoding: data.encoding })} · `}
            {t('ind.import.clean', data.counts)}
          </Typography.Text>
        )}
        {problems.length > 0 && (
          <>
            <Alert type="warning" showIcon title={t('ind.import.problems', { count: problems.length })} />
            <Table<Problem>
              size="small"
              rowKey={(p) => `${p.row}-${p.column}-${p.code}`}
              dataSource={problems}
              pagination={false}
              data-testid="import-problems"
              columns={[
                { title: t('ind.import.row'), dataIndex: 'row', width: 70 },
                { title: t('ind.import.column'), dataIndex: 'column', width: 70 },
                { title: t('ind.import.problem'), dataIndex: 'code', render: (c: Problem['code']) => t(`ind.import.code.${c}`) },
                { title: t('ind.value'), dataIndex: 'value' },
              ]}
            />
          </>
        )}
        {data && data.rows.length > 0 && (
          <Table
            size="small"
            rowKey="row"
            dataSource={data.rows}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              { title: t('ind.import.row'), dataIndex: 'row', width: 60 },
              { title: t('ind.field.code'), dataIndex: 'indicatorCode' },
              { title: t('ind.division'), dataIndex: 'divisionName' },
              { title: t('ind.period'), dataIndex: 'period' },
              { title: t('ind.value'), dataIndex: 'value', render: (v: number | null) => v ?? t('ind.missing') },
              { title: '', dataIndex: 'action', render: (a: 'insert') => t(`ind.import.action.${a}`) },
            ]}
          />
        )}
      </Flex>
    </Modal>
  );
}

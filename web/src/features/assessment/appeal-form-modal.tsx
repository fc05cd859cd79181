import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Modal, Select, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useSubmitAppeal, type TBreakdownLine } from '../../api/assessment';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';

const ACCEPT = '.pdf,.docx,.xlsx,.jpg,.jpeg,.png,.webp';
export type AppealTarget = { kind: 'appeal' | 'self_assessment'; itemId?: string; evidence?: { kind: TBreakdownLine['evidence'][number]['kind']; id: string; label: string } };
type Values = { itemId?: string; reason: string; claimedPoints?: number };

/** A unit's appeal against an item (or one record under it) or its self-assessment, with attachments. */
export function AppealFormModal({ periodId, unitId, lines, target, onClose }: { periodId: string; unitId: string; lines: TBreakdownLine[]; target: AppealTarget; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const submit = useSubmitAppeal(periodId);
  const [files, setFiles] = useState<File[]>([]);
  const onFinish = (v: Values) =>
    submit.mutate(
      {
        body: {
          unitId,
          kind: target.kind,
          itemId: v.itemId ?? null,
          evidenceKind: target.evidence?.kind ?? null,
          evidenceId: target.evidence?.id ?? null,
          reason: v.reason.trim(),
          claimedPoints: target.kind === 'self_assessment' ? (v.claimedPoints ?? null) : null,
        },
        files,
      },
      { onSuccess: () => (void message.success(t('assess.appeal.submitted')), onClose()), onError: (e) => void message.error(errorText(e)) },
    );
  return (
    <Modal
      open
      title={t(target.kind === 'appeal' ? 'assess.unit.appeal' : 'assess.unit.selfAssess')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: submit.isPending, 'data-testid': 'btn-appeal-submit' }}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={{ itemId: target.itemId }}>
        <Form.Item name="itemId" label={t('assess.appeal.item')} rules={[{ required: Boolean(target.evidence) }]}>
          <Select allowClear={!target.evidence} disabled={Boolean(target.evidence)} options={lines.map((l) => ({ value: l.itemId, label: l.title }))} data-testid="appeal-item" />
        </Form.Item>
        {target.evidence && (
          <Form.Item label={t('assess.appeal.evidence')}>
            <Typography.Text>{target.evidence.label}</Typography.Text>
          </Form.Item>
        )}
        {target.kind === 'self_assessment' && (
          <Form.Item name="claimedPoints" label={t('assess.appeal.claimed')}>
            <InputNumber min={-1000} max={1000} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('assess.appeal.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={4000} data-testid="appeal-reason" />
        </Form.Item>
        <Form.Item label={t('assess.appeal.files')} extra={t('assess.appeal.filesHelp')}>
          <Upload accept={ACCEPT} multiple beforeUpload={(f) => (setFiles((l) => [...l, f]), false)} onRemove={(f) => setFiles((l) => l.filter((x) => x.name !== f.name))}>
            <Button icon={<UploadOutlined />}>{t('assess.appeal.files')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSetOverride } from '../../api/status';
import { OVERRIDE_STATUSES, type TNode, type TOverride } from '../../api/types';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';

type Props = { planId: string; node: TNode; onClose: () => void };
type Values = { status: TOverride['status']; reason: string; expiresOn: Dayjs };

/** The office sets a task's status by hand, with a reason, until a date. */
export function StatusOverrideModal({ planId, node, onClose }: Props) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const save = useSetOverride(planId);

  const submit = (v: Values) => {
    setError(null);
    save.mutate(
      { nodeId: node.id, body: { status: v.status, reason: v.reason.trim(), expiresOn: v.expiresOn.format('YYYY-MM-DD') } },
      {
        onSuccess: () => {
          void message.success(t('override.saved'));
          onClose();
        },
        onError: setError,
      },
    );
  };

  return (
    <Modal
      open
      title={t('override.title', { title: `${node.code} ${node.title}` })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" data-testid="override-form" initialValues={{ expiresOn: dayjs().add(3, 'month').endOf('month') }} onFinish={submit}>
        <Form.Item name="status" label={t('override.status')} rules={[{ required: true, message: t('override.statusRequired') }]}>
          <Select options={OVERRIDE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('override.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('override.reasonRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
        </Form.Item>
        <Form.Item name="expiresOn" label={t('override.expiresOn')} rules={[{ required: true, message: t('override.expiresOnRequired') }]}>
          <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { Form, Input, Modal } from 'antd';
import { useT } from '../../i18n/use-t';

type Props = { loading: boolean; onCancel: () => void; onReturn: (comment: string) => void };

/** 退回 needs a comment: the unit has to know what to fix. */
export function ReturnModal({ loading, onCancel, onReturn }: Props) {
  const t = useT();
  const [form] = Form.useForm<{ comment: string }>();
  return (
    <Modal
      open
      title={t('report.returnTitle')}
      okText={t('report.return')}
      okButtonProps={{ danger: true, 'data-testid': 'btn-confirm-return' }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={loading}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="return-form" onFinish={(v) => onReturn(v.comment.trim())}>
        <Form.Item name="comment" label={t('report.returnComment')} rules={[{ required: true, whitespace: true, message: t('report.returnCommentRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

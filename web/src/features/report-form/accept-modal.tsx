import { Form, Modal, Rate } from 'antd';
import { useT } from '../../i18n/use-t';

type Props = { loading: boolean; onCancel: () => void; onAccept: (qualityRating: number | undefined) => void };

/** 采纳, with an optional quality rating (1–5) that feeds the unit's assessment. */
export function AcceptModal({ loading, onCancel, onAccept }: Props) {
  const t = useT();
  const [form] = Form.useForm<{ qualityRating?: number }>();
  return (
    <Modal
      open
      title={t('report.acceptTitle')}
      okText={t('report.accept')}
      okButtonProps={{ 'data-testid': 'btn-confirm-accept' }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={loading}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="accept-form" onFinish={(v) => onAccept(v.qualityRating || undefined)}>
        <Form.Item name="qualityRating" label={t('report.qualityRating')}>
          <Rate />
        </Form.Item>
      </Form>
    </Modal>
  );
}

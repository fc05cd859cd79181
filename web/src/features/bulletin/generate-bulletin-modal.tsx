import { Alert, Form, Input, Modal, Select, Spin } from 'antd';
import { useNavigate } from 'react-router';
import { useGenerateBulletin, type TGenerateBulletin } from '../../api/bulletins';
import { useCycles } from '../../api/reporting';
import { useCycleLabel } from '../../i18n/use-cycle-label';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';

export const BULLETIN_NUMBER = /^[\p{Script=Han}A-Za-z]{0,12}〔\d{4}〕\d{1,4}号$/u;

/** Picks a cycle and drafts its bulletin; gathering the data takes a moment, so the modal shows it working. */
export function GenerateBulletinModal({ planId, onClose }: { planId: string; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const cycleLabel = useCycleLabel();
  const navigate = useNavigate();
  const cycles = useCycles(planId);
  const generate = useGenerateBulletin(planId);
  const [form] = Form.useForm<TGenerateBulletin>();

  const submit = async () => {
    const values = await form.validateFields();
    const body = Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as TGenerateBulletin;
    const created = await generate.mutateAsync(body);
    navigate(`/bulletins/${created.id}`);
  };

  return (
    <Modal open title={t('bulletin.newTitle')} onCancel={onClose} onOk={() => void submit().catch(() => undefined)} okText={t('bulletin.new')} confirmLoading={generate.isPending} okButtonProps={{ 'data-testid': 'btn-generate-confirm' }} destroyOnHidden>
      <Spin spinning={generate.isPending} tip={t('bulletin.generating')}>
        {generate.error && <Alert type="error" showIcon message={errorText(generate.error)} style={{ marginBottom: 12 }} />}
        {cycles.data?.length === 0 && <Alert type="info" showIcon message={t('bulletin.noCycles')} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" initialValues={{ cycleId: cycles.data?.[0]?.id }}>
          <Form.Item name="cycleId" label={t('bulletin.cycle')} rules={[{ required: true }]}>
            <Select data-testid="generate-cycle" loading={cycles.isPending} options={(cycles.data ?? []).map((c) => ({ value: c.id, label: cycleLabel(c) }))} />
          </Form.Item>
          <Form.Item name="number" label={t('bulletin.number')} extra={t('bulletin.numberHint')} rules={[{ pattern: BULLETIN_NUMBER, message: t('bulletin.numberInvalid') }]}>
            <Input data-testid="generate-number" maxLength={30} />
          </Form.Item>
          <Form.Item name="title" label={t('bulletin.docTitle')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="issuingBody" label={t('bulletin.issuingBody')}>
            <Input maxLength={60} />
          </Form.Item>
        </Form>
      </Spin>
    </Modal>
  );
}

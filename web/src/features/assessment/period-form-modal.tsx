import { App, Form, InputNumber, Modal, Select, Switch } from 'antd';
import { useNavigate } from 'react-router';
import { useCreatePeriod } from '../../api/assessment';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';

type Values = { kind: 'year' | 'quarter'; year: number; quarter?: number; includeChongqing: boolean };

/** A new period starts from the default scheme; the office adjusts it on the period page. */
export function PeriodFormModal({ planId, onClose }: { planId: string; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreatePeriod(planId);
  const kind = Form.useWatch('kind', form);
  const thisYear = new Date().getFullYear();

  const submit = (v: Values) =>
    create.mutate(
      { kind: v.kind, year: v.year, includeChongqing: v.includeChongqing, ...(v.kind === 'quarter' && { quarter: v.quarter }) },
      {
        onSuccess: (period) => {
          void message.success(t('assess.created'));
          onClose();
          void navigate(`/assessment/${period.id}`);
        },
        onError: (err) => void message.error(errorText(err)),
      },
    );

  return (
    <Modal open title={t('assess.newPeriod')} okButtonProps={{ loading: create.isPending, 'data-testid': 'btn-period-submit' }} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" data-testid="period-form" onFinish={submit} initialValues={{ kind: 'quarter', year: thisYear, quarter: Math.floor(new Date().getMonth() / 3) + 1, includeChongqing: false }}>
        <Form.Item name="kind" label={t('assess.kind')} rules={[{ required: true }]}>
          <Select data-testid="period-kind" options={(['quarter', 'year'] as const).map((k) => ({ value: k, label: t(`assess.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="year" label={t('assess.year')} rules={[{ required: true }]}>
          <InputNumber data-testid="period-year" min={2020} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        {kind === 'quarter' && (
          <Form.Item name="quarter" label={t('assess.quarter')} rules={[{ required: true }]}>
            <Select data-testid="period-quarter" options={[1, 2, 3, 4].map((q) => ({ value: q, label: `Q${q}` }))} />
          </Form.Item>
        )}
        <Form.Item name="includeChongqing" label={t('assess.includeChongqing')} valuePropName="checked">
          <Switch data-testid="period-include-cq" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { Alert, App, DatePicker, Form, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useOpenCycle } from '../../api/reporting';
import type { TCycle } from '../../api/types';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { defaultCycleValues, toOpenCycleBody, type CycleFormValues } from './cycle-form-values';

type Props = { planId: string; onClose: () => void; onOpened: (cycle: TCycle) => void };

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const QUARTERS = [1, 2, 3, 4];

export function OpenCycleModal({ planId, onClose, onOpened }: Props) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<CycleFormValues>();
  const [error, setError] = useState<unknown>(null);
  const open = useOpenCycle(planId);
  const frequency = Form.useWatch('frequency', form);

  const submit = (values: CycleFormValues) => {
    setError(null);
    open.mutate(toOpenCycleBody(values), {
      onSuccess: (cycle) => {
        void message.success(t('cycle.opened', { label: cycle.label }));
        onOpened(cycle);
      },
      onError: setError,
    });
  };

  return (
    <Modal
      open
      title={t('cycle.open')}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={open.isPending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} data-testid="cycle-form-error" />}
      <Form<CycleFormValues> form={form} layout="vertical" data-testid="cycle-form" initialValues={defaultCycleValues(dayjs())} onFinish={submit}>
        <Form.Item name="frequency" label={t('cycle.frequency')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'monthly', label: t('cycle.frequency.monthly') },
              { value: 'quarterly', label: t('cycle.frequency.quarterly') },
            ]}
          />
        </Form.Item>
        <Form.Item name="year" label={t('cycle.year')} rules={[{ required: true }]}>
          <InputNumber min={2020} max={2100} precision={0} style={{ width: 120 }} />
        </Form.Item>
        {frequency === 'monthly' ? (
          <Form.Item name="month" label={t('cycle.month')} rules={[{ required: true }]}>
            <Select style={{ width: 120 }} options={MONTHS.map((n) => ({ value: n, label: t('cycle.monthN', { n }) }))} />
          </Form.Item>
        ) : (
          <Form.Item name="quarter" label={t('cycle.quarter')} rules={[{ required: true }]}>
            <Select style={{ width: 120 }} options={QUARTERS.map((n) => ({ value: n, label: t('cycle.quarterN', { n }) }))} />
          </Form.Item>
        )}
        <Form.Item name="dueOn" label={t('cycle.dueOn')} extra={t('cycle.dueOnHint')}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

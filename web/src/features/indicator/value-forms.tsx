import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useDivisionOptions, useSaveObservation, useSaveTarget, type TIndicatorDetail, type TObservation, type TTarget } from '../../api/indicators';
import { useT } from '../../i18n/use-t';
import { useIndicatorErrorHandler } from './use-conflict-handler';

type ObsValues = { divisionCode: string; period: string; value?: number | null; source?: string; reliability?: string; note?: string };
type TargetValues = { divisionCode: string; period: string; value: number; source?: string };
const blank = (v: string | undefined) => (v && v.trim() ? v.trim() : null);
const PERIOD_HINT = { year: '2025', quarter: '2025-Q1', month: '2025-01' } as const;

function DivisionField({ detail }: { detail: TIndicatorDetail }) {
  const t = useT();
  const all = useDivisionOptions();
  // Regions the indicator already uses (the economic circle) come from the detail; the rest from the catalogue.
  const options = [...detail.divisions.filter((d) => d.code.startsWith('region:')).map((d) => ({ value: d.code, label: d.name })), ...(all.data ?? [])];
  return (
    <Form.Item name="divisionCode" label={t('ind.division')} rules={[{ required: true }]}>
      <Select showSearch={{ optionFilterProp: 'label' }} options={options} loading={all.isPending} data-testid="value-division" />
    </Form.Item>
  );
}

/** Enters or corrects one observation; an empty value records the period as missing. */
export function ObservationFormModal({ detail, row, onClose }: { detail: TIndicatorDetail; row: TObservation | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ObsValues>();
  const save = useSaveObservation(detail.indicator.id);
  const onError = useIndicatorErrorHandler(form, ['divisionCode', 'period', 'value', 'source', 'reliability', 'note'] as const);
  const submit = (v: ObsValues) =>
    save.mutate(
      { divisionCode: v.divisionCode, period: v.period.trim(), value: v.value ?? null, source: blank(v.source), reliability: blank(v.reliability), note: blank(v.note), version: row?.version ?? undefined },
      {
        onSuccess: () => {
          void message.success(t('ind.saved'));
          onClose();
        },
        onError,
      },
    );
  return (
    <Modal open title={row ? t('ind.obs.edit') : t('ind.obs.add')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form<ObsValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={row ? { ...row, value: row.value, source: row.source ?? undefined, reliability: row.reliability ?? undefined, note: row.note ?? undefined } : { divisionCode: detail.division ?? undefined }}
      >
        <DivisionField detail={detail} />
        <Form.Item name="period" label={t('ind.period')} rules={[{ required: true }]} extra={PERIOD_HINT[detail.indicator.frequency]}>
          <Input disabled={Boolean(row)} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="value" label={`${t('ind.value')}（${detail.indicator.unit}）`} extra={t('ind.obs.valueHelp')}>
          <InputNumber style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="source" label={t('ind.field.source')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
        <Form.Item name="reliability" label={t('ind.reliability')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="note" label={t('ind.note')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Sets a target for a future period, or changes one with the version it read. */
export function TargetFormModal({ detail, target, onClose }: { detail: TIndicatorDetail; target: TTarget | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<TargetValues>();
  const save = useSaveTarget(detail.indicator.id);
  const onError = useIndicatorErrorHandler(form, ['divisionCode', 'period', 'value', 'source'] as const);
  const submit = (v: TargetValues) =>
    save.mutate(
      { divisionCode: v.divisionCode, period: v.period.trim(), value: v.value, source: blank(v.source), version: target?.version },
      {
        onSuccess: () => {
          void message.success(t('ind.saved'));
          onClose();
        },
        onError,
      },
    );
  return (
    <Modal open title={t('ind.targets.add')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form<TargetValues> form={form} layout="vertical" onFinish={submit} initialValues={target ? { ...target, source: target.source ?? undefined } : { divisionCode: detail.division ?? undefined }}>
        <DivisionField detail={detail} />
        <Form.Item name="period" label={t('ind.period')} rules={[{ required: true }]} extra={PERIOD_HINT[detail.indicator.frequency]}>
          <Input disabled={Boolean(target)} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="value" label={`${t('ind.value')}（${detail.indicator.unit}）`} rules={[{ required: true }]}>
          <InputNumber style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="source" label={t('ind.field.source')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

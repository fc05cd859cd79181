import { App, Form, Input, Modal, Select } from 'antd';
import { useNavigate } from 'react-router';
import { AGGREGATIONS, DIRECTIONS, DIVISION_LEVELS, FREQUENCIES, useCreateIndicator, useUpdateIndicator, type TIndicator, type TIndicatorCreate } from '../../api/indicators';
import { useT } from '../../i18n/use-t';
import { filterUnitOption, useUnitOptions } from '../import/use-unit-options';
import { useIndicatorErrorHandler } from './use-conflict-handler';

type Values = Omit<TIndicatorCreate, 'derivation' | 'source' | 'description' | 'ownerUnitId'> & { derivation?: string; source?: string; description?: string; ownerUnitId?: string };
const FIELDS = ['code', 'nameZh', 'nameEn', 'unit', 'frequency', 'aggregation', 'divisionLevel', 'direction', 'source', 'description', 'ownerUnitId', 'derivation'] as const;
const blank = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

/** Defines an indicator, or edits one with the version it read. A derived indicator's formula is JSON (share a/b or a regional sum). */
export function IndicatorFormModal({ indicator, onClose }: { indicator?: TIndicator; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateIndicator();
  const update = useUpdateIndicator();
  const units = useUnitOptions();
  const onError = useIndicatorErrorHandler(form, FIELDS);

  const submit = (v: Values) => {
    let derivation: TIndicatorCreate['derivation'] = null;
    if (blank(v.derivation)) {
      try {
        derivation = JSON.parse(v.derivation!) as TIndicatorCreate['derivation'];
      } catch {
        form.setFields([{ name: 'derivation', errors: ['JSON'] }]);
        return;
      }
    }
    const fields = { ...v, source: blank(v.source), description: blank(v.description), ownerUnitId: v.ownerUnitId ?? null, derivation };
    const done = () => {
      void message.success(t('ind.saved'));
      onClose();
    };
    if (indicator) {
      const { code: _code, ...patch } = fields;
      update.mutate({ id: indicator.id, body: { ...patch, version: indicator.version } }, { onSuccess: done, onError });
      return;
    }
    create.mutate(fields, {
      onSuccess: (created) => {
        done();
        void navigate(`/indicators/${created.id}`);
      },
      onError,
    });
  };

  return (
    <Modal
      open
      title={indicator ? t('ind.edit') : t('ind.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      width={640}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          indicator
            ? { ...indicator, source: indicator.source ?? undefined, description: indicator.description ?? undefined, ownerUnitId: indicator.ownerUnitId ?? undefined, derivation: indicator.derivation ? JSON.stringify(indicator.derivation, null, 1) : undefined }
            : { frequency: 'year', aggregation: 'sum', divisionLevel: 'division', direction: 'higher_is_better' }
        }
      >
        <Form.Item name="code" label={t('ind.field.code')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,59}$/ }]}>
          <Input disabled={Boolean(indicator)} data-testid="indicator-code" />
        </Form.Item>
        <Form.Item name="nameZh" label={t('ind.field.nameZh')} rules={[{ required: true, max: 200 }]}>
          <Input data-testid="indicator-name-zh" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('ind.field.nameEn')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="unit" label={t('ind.field.unit')} rules={[{ required: true, max: 20 }]}>
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="frequency" label={t('ind.field.frequency')} rules={[{ required: true }]}>
          <Select options={FREQUENCIES.map((f) => ({ value: f, label: t(`ind.frequency.${f}`) }))} />
        </Form.Item>
        <Form.Item name="aggregation" label={t('ind.field.aggregation')} rules={[{ required: true }]}>
          <Select options={AGGREGATIONS.map((a) => ({ value: a, label: t(`ind.aggregation.${a}`) }))} />
        </Form.Item>
        <Form.Item name="divisionLevel" label={t('ind.field.divisionLevel')} rules={[{ required: true }]}>
          <Select options={DIVISION_LEVELS.map((l) => ({ value: l, label: t(`ind.level.${l}`) }))} />
        </Form.Item>
        <Form.Item name="direction" label={t('ind.field.direction')} rules={[{ required: true }]}>
          <Select options={DIRECTIONS.map((d) => ({ value: d, label: t(`ind.direction.${d}`) }))} />
        </Form.Item>
        <Form.Item name="ownerUnitId" label={t('ind.field.owner')}>
          <Select allowClear showSearch={{ filterOption: filterUnitOption }} options={units.options} loading={units.loading} />
        </Form.Item>
        <Form.Item name="source" label={t('ind.field.source')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="description" label={t('ind.field.description')} rules={[{ max: 4000 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="derivation" label={t('ind.field.derivation')} extra='{"kind":"share","division":"510100","numerator":{"indicator":"gdp","members":["510100"]},"denominator":{"indicator":"gdp","region":"region:sc_cq"},"scale":100}'>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

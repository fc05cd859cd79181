import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { SIDES, UNIT_KINDS, type Side, type TUnit, type UnitKind } from '../../api/types';
import { useCreateUnit, useUpdateUnit } from '../../api/units';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { toFormFieldErrors } from '../common/field-errors';
import { UnitSelect } from './unit-select';

type Values = {
  name: string;
  fullName?: string;
  kind: UnitKind;
  side: Side;
  parentId?: string | null;
  divisionCode?: string | null;
  aliases?: string[];
};

const FIELDS: readonly (keyof Values)[] = ['name', 'fullName', 'kind', 'side', 'parentId', 'divisionCode', 'aliases'];

/** `unit` undefined → create. */
export function UnitFormModal({ unit, onClose }: { unit?: TUnit; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const create = useCreateUnit();
  const update = useUpdateUnit();

  const fail = (err: unknown) => {
    if (err instanceof ApiError && err.code === 'VALIDATION_FAILED') {
      const { errors, complete } = toFormFieldErrors(err.fields, FIELDS);
      form.setFields(errors);
      if (complete) return;
    } else if (err instanceof ApiError && err.code === 'UNIT_EXISTS') {
      form.setFields([{ name: 'name', errors: [errorText(err)] }]);
      return;
    }
    setError(err);
  };

  const done = () => {
    void message.success(t('common.saved'));
    onClose();
  };

  const submit = (v: Values) => {
    setError(null);
    const body = {
      name: v.name.trim(),
      fullName: v.fullName?.trim() || undefined,
      kind: v.kind,
      side: v.side,
      parentId: v.parentId ?? null,
      divisionCode: v.divisionCode?.trim() || null,
      aliases: v.aliases ?? [],
    };
    if (unit) update.mutate({ unitId: unit.id, patch: { version: unit.version, ...body } }, { onSuccess: done, onError: fail });
    else create.mutate(body, { onSuccess: done, onError: fail });
  };

  return (
    <Modal
      open
      title={t(unit ? 'unit.editTitle' : 'unit.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="unit-form"
        onFinish={submit}
        initialValues={unit ?? { kind: 'department', side: 'sichuan', aliases: [] }}
      >
        <Form.Item name="name" label={t('unit.name')} rules={[{ required: true, whitespace: true, message: t('unit.nameRequired') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="fullName" label={t('unit.fullName')}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="kind" label={t('unit.kind')} rules={[{ required: true, message: t('unit.kindRequired') }]}>
          <Select options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unit.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="side" label={t('unit.side')} rules={[{ required: true, message: t('unit.sideRequired') }]}>
          <Select options={SIDES.map((s) => ({ value: s, label: t(`unit.side.${s}`) }))} />
        </Form.Item>
        <Form.Item name="parentId" label={t('unit.parent')}>
          <UnitSelect excludeId={unit?.id} />
        </Form.Item>
        <Form.Item name="divisionCode" label={t('unit.divisionCode')} rules={[{ pattern: /^\d{6}$/, message: t('unit.divisionCodeFormat') }]}>
          <Input maxLength={6} />
        </Form.Item>
        <Form.Item name="aliases" label={t('unit.aliases')} extra={t('unit.aliasesHint')}>
          <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

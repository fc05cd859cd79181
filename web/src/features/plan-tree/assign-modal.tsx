import { Alert, App, Form, Modal } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useAssignNode } from '../../api/assignments';
import type { TAssignment, TNode } from '../../api/types';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { toFormFieldErrors } from '../common/field-errors';
import { UnitMultiSelect } from '../units/unit-multi-select';

type Props = { planId: string; node: TNode; assignments: readonly TAssignment[]; onClose: () => void };
type Values = { leads: string[]; participants: string[] };

export function AssignModal({ planId, node, assignments, onClose }: Props) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const assign = useAssignNode(planId);
  const known = assignments.map((a) => ({ id: a.unitId, name: a.unitName, side: a.side }));

  const submit = (values: Values) => {
    setError(null);
    assign.mutate(
      { nodeId: node.id, body: { version: node.version, leads: values.leads, participants: values.participants } },
      {
        onSuccess: () => {
          void message.success(t('assign.saved'));
          onClose();
        },
        onError: (err) => {
          // ASSIGNMENT_ROLE_CLASH arrives with fields: [{ path: 'participants' }].
          if (err instanceof ApiError && err.fields.length > 0) {
            const { errors, complete } = toFormFieldErrors(err.fields, ['leads', 'participants'] as const);
            form.setFields(errors.map((e) => ({ ...e, errors: err.code === 'VALIDATION_FAILED' ? e.errors : [errorText(err)] })));
            if (complete) return;
          }
          setError(err);
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('assign.title', { title: `${node.code} ${node.title}` })}
      width={640}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={assign.isPending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} data-testid="assign-error" />}
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="assign-form"
        initialValues={{
          leads: assignments.filter((a) => a.role === 'lead').map((a) => a.unitId),
          participants: assignments.filter((a) => a.role === 'participant').map((a) => a.unitId),
        }}
        onFinish={submit}
      >
        <Form.Item name="leads" label={t('assign.leads')}>
          <UnitMultiSelect known={known} data-testid="assign-leads" />
        </Form.Item>
        <Form.Item name="participants" label={t('assign.participants')}>
          <UnitMultiSelect known={known} data-testid="assign-participants" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

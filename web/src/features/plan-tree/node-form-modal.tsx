import { Alert, App, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useCreateNode, useUpdateNode } from '../../api/plans';
import { PRIORITIES, type TKeyArea, type TNode } from '../../api/types';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { toFormFieldErrors } from '../common/field-errors';
import { toCreateBody, toPatchBody, valuesForNew, valuesFromNode, type NodeFormValues } from './node-form-values';
import { isStructural } from './node-rules';

export type NodeFormTarget = { mode: 'create'; kind: 'task' | 'milestone'; parent: TNode } | { mode: 'edit'; node: TNode };

type Props = {
  planId: string;
  keyAreas: readonly TKeyArea[];
  target: NodeFormTarget;
  onClose: () => void;
  onSaved: (node: TNode) => void;
  /** Re-reads the plan after a version conflict; the form keeps what the user typed. */
  onReload: () => void;
};

const FORM_FIELDS: readonly (keyof NodeFormValues)[] = [
  'title',
  'body',
  'weight',
  'priority',
  'startOn',
  'dueOn',
  'keyArea',
  'completionCriterion',
  'evidenceRequired',
  'deadlineText',
  'cancelled',
];

export function NodeFormModal({ planId, keyAreas, target, onClose, onSaved, onReload }: Props) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<NodeFormValues>();
  const [error, setError] = useState<unknown>(null);
  const create = useCreateNode(planId);
  const update = useUpdateNode(planId);
  const kind = target.mode === 'create' ? target.kind : target.node.kind;
  const textOnly = isStructural(kind);

  const fail = (err: unknown) => {
    if (err instanceof ApiError && err.code === 'VALIDATION_FAILED') {
      const { errors, complete } = toFormFieldErrors(err.fields, FORM_FIELDS);
      form.setFields(errors);
      // Every problem is shown beside its field; a banner would only repeat it.
      if (complete) return;
    } else if (err instanceof ApiError && err.code === 'DATES_INVERTED') {
      form.setFields([{ name: 'dueOn', errors: [errorText(err)] }]);
      return;
    }
    setError(err);
  };

  const saved = (node: TNode) => {
    void message.success(t(target.mode === 'create' ? 'node.created' : 'common.saved'));
    onSaved(node);
  };

  const submit = (values: NodeFormValues) => {
    setError(null);
    if (target.mode === 'create') {
      create.mutate(toCreateBody(target.parent.id, target.kind, values), { onSuccess: saved, onError: fail });
    } else {
      // target.node is re-read from the live list on every render, so after a reload this is the new version.
      update.mutate({ nodeId: target.node.id, patch: toPatchBody(target.node, values) }, { onSuccess: saved, onError: fail });
    }
  };

  const conflict = error instanceof ApiError && error.code === 'VERSION_CONFLICT';
  const title =
    target.mode === 'create' ? t(`node.createTitle.${target.kind}`) : t('node.editTitle', { kind: t(`node.kind.${kind}`) });

  return (
    <Modal
      open
      title={title}
      width={720}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {error !== null && (
        <Alert
          type={conflict ? 'warning' : 'error'}
          showIcon
          title={errorText(error)}
          style={{ marginBottom: 16 }}
          data-testid={conflict ? 'version-conflict' : 'node-form-error'}
          action={
            conflict && (
              <Button
                size="small"
                onClick={() => {
                  onReload();
                  setError(null);
                }}
              >
                {t('common.reload')}
              </Button>
            )
          }
        />
      )}
      <Form<NodeFormValues>
        form={form}
        layout="vertical"
        data-testid="node-form"
        initialValues={target.mode === 'create' ? valuesForNew(target.parent) : valuesFromNode(target.node)}
        onFinish={submit}
      >
        <Form.Item
          name="title"
          label={t('node.title')}
          rules={[
            { required: true, whitespace: true, message: t('node.titleRequired') },
            { max: 200, message: t('node.titleTooLong') },
          ]}
        >
          <Input showCount maxLength={200} />
        </Form.Item>
        <Form.Item name="body" label={t('node.body')} rules={[{ max: 20000, message: t('node.bodyTooLong') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} />
        </Form.Item>
        {!textOnly && (
          <>
            <Form.Item name="weight" label={t('node.weight')}>
              <InputNumber min={0} step={1} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="priority" label={t('node.priority')}>
              <Select style={{ width: 160 }} options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))} />
            </Form.Item>
            <Form.Item name="startOn" label={t('node.startOn')}>
              <DatePicker />
            </Form.Item>
            <Form.Item
              name="dueOn"
              label={t('node.dueOn')}
              dependencies={['startOn']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, due: NodeFormValues['dueOn']) => {
                    const start: NodeFormValues['startOn'] = getFieldValue('startOn');
                    return due && start && due.isBefore(start, 'day')
                      ? Promise.reject(new Error(t('errors.DATES_INVERTED')))
                      : Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker />
            </Form.Item>
            <Form.Item name="keyArea" label={t('node.keyArea')}>
              <Select allowClear options={keyAreas.map((a) => ({ value: a.key, label: a.title }))} />
            </Form.Item>
            <Form.Item name="completionCriterion" label={t('node.completionCriterion')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
            </Form.Item>
            <Form.Item name="deadlineText" label={t('node.deadlineText')}>
              <Input maxLength={60} />
            </Form.Item>
            <Flex gap={32}>
              <Form.Item name="evidenceRequired" label={t('node.evidenceRequired')} valuePropName="checked">
                <Switch data-testid="switch-evidence-required" />
              </Form.Item>
              <Form.Item name="cancelled" label={t('node.cancelled')} valuePropName="checked">
                <Switch data-testid="switch-cancelled" />
              </Form.Item>
            </Flex>
          </>
        )}
      </Form>
    </Modal>
  );
}

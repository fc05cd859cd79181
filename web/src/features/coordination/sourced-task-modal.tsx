import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { UseMutationResult } from '@tanstack/react-query';
import type { TSourcedTask, TSourcedTaskBody } from '../../api/coordination';
import { ApiError } from '../../api/client';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { toFormFieldErrors } from '../common/field-errors';
import { filterUnitOption, useUnitOptions } from '../import/use-unit-options';
import { ArticleSelect } from './article-select';
import { sourcedTaskBody, type SourcedTaskValues } from './coordination-helpers';

type Props = {
  title: string;
  mutation: UseMutationResult<TSourcedTask, Error, TSourcedTaskBody>;
  onClose: () => void;
  'data-testid'?: string;
};

const FIELDS = ['title', 'leads', 'participants', 'dueOn', 'closureEvidence', 'articleId'] as const;

/** Adds a meeting decision, agreement matter or request task: title, lead and participating units, due date, closure evidence. */
export function SourcedTaskModal({ title, mutation, onClose, ...rest }: Props) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<SourcedTaskValues>();
  // The whole catalogue (about 150 units) is one page, so chosen units keep their names while searching.
  const units = useUnitOptions();
  const unitSelect = (testid: string) => (
    <Select mode="multiple" data-testid={testid} options={units.options} loading={units.loading} showSearch={{ filterOption: filterUnitOption }} />
  );

  const submit = (values: SourcedTaskValues) =>
    mutation.mutate(sourcedTaskBody(values), {
      onSuccess: () => {
        void message.success(t('coord.created'));
        onClose();
      },
      onError: (err) => {
        if (err instanceof ApiError && err.fields.length > 0) {
          const { errors, complete } = toFormFieldErrors(err.fields, FIELDS);
          form.setFields(errors);
          if (complete) return;
        }
        void message.error(errorText(err));
      },
    });

  return (
    <Modal
      open
      title={title}
      okButtonProps={{ loading: mutation.isPending, 'data-testid': 'btn-sourced-task-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form<SourcedTaskValues> form={form} layout="vertical" data-testid={rest['data-testid']} onFinish={submit} initialValues={{ leads: [], participants: [] }}>
        <Form.Item name="title" label={t('coord.task.title')} rules={[{ required: true, whitespace: true, message: t('coord.task.titleRequired') }]}>
          <Input.TextArea data-testid="sourced-task-title" rows={2} maxLength={200} showCount />
        </Form.Item>
        <Form.Item name="leads" label={t('coord.task.leads')} rules={[{ required: true, type: 'array', min: 1, message: t('coord.task.leadsRequired') }]}>
          {unitSelect('sourced-task-leads')}
        </Form.Item>
        <Form.Item name="participants" label={t('coord.task.participants')}>
          {unitSelect('sourced-task-participants')}
        </Form.Item>
        <Form.Item name="dueOn" label={t('coord.task.dueOn')}>
          <DatePicker data-testid="sourced-task-due" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="closureEvidence"
          label={t('coord.task.closureEvidence')}
          rules={[{ required: true, whitespace: true, message: t('coord.task.evidenceRequired') }]}
        >
          <Input.TextArea data-testid="sourced-task-evidence" rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="articleId" label={t('coord.task.article')}>
          <ArticleSelect data-testid="sourced-task-article" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

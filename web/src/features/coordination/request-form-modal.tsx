import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  coordinationKey,
  REQUEST_STATUSES,
  REQUEST_TYPES,
  useCreateNationalRequest,
  useUpdateNationalRequest,
  type RequestStatus,
  type RequestType,
  type TNationalRequest,
} from '../../api/coordination';
import { useT } from '../../i18n/use-t';
import { useFormErrorHandler } from '../common/use-form-error-handler';
import { filterUnitOption, useUnitOptions } from '../import/use-unit-options';
import { blankToNull, isoDate } from './coordination-helpers';
import { ProjectSelect } from './project-select';
import { TaskTreeSelect } from './task-tree-select';

type Values = {
  title: string;
  type: RequestType;
  addressedTo: string;
  leadUnitId: string;
  jointWithChongqing: boolean;
  submittedOn?: Dayjs | null;
  status: RequestStatus;
  outcome?: string | null;
  documents?: string | null;
  nodeIds?: string[];
  projectIds?: string[];
};
const FIELDS = ['title', 'type', 'addressedTo', 'leadUnitId', 'jointWithChongqing', 'submittedOn', 'status', 'outcome', 'documents', 'nodeIds', 'projectIds'] as const;

type Props = {
  planId: string;
  /** The request to edit; absent to create one. */
  request?: TNationalRequest;
  onClose: () => void;
};

/** Creates or edits a 向上争取事项; an edit sends the version it read, and a 409 says someone else saved first. */
export function RequestFormModal({ planId, request, onClose }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateNationalRequest(planId);
  const update = useUpdateNationalRequest();
  const units = useUnitOptions();
  const [conflict, setConflict] = useState(false);
  const queryClient = useQueryClient();
  const pending = create.isPending || update.isPending;

  // Reload so that reopening the form reads the current version.
  const onError = useFormErrorHandler(form, FIELDS, () => {
    setConflict(true);
    void queryClient.invalidateQueries({ queryKey: coordinationKey });
  });
  const onSuccess = () => {
    void message.success(request ? t('coord.saved') : t('coord.created'));
    onClose();
  };

  const submit = (v: Values) => {
    const fields = {
      title: v.title.trim(),
      type: v.type,
      addressedTo: v.addressedTo.trim(),
      leadUnitId: v.leadUnitId,
      jointWithChongqing: v.jointWithChongqing,
      submittedOn: isoDate(v.submittedOn),
      status: v.status,
      outcome: blankToNull(v.outcome),
      documents: blankToNull(v.documents),
      nodeIds: v.nodeIds ?? [],
      projectIds: v.projectIds ?? [],
    };
    setConflict(false);
    if (request) update.mutate({ id: request.id, body: { version: request.version, ...fields } }, { onSuccess, onError });
    else create.mutate(fields, { onSuccess, onError });
  };

  return (
    <Modal
      open
      title={request ? t('requests.edit') : t('requests.new')}
      okButtonProps={{ loading: pending, disabled: conflict, 'data-testid': 'btn-request-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={680}
    >
      {conflict && <Alert type="warning" showIcon title={t('coord.conflict')} style={{ marginBottom: 12 }} data-testid="request-conflict" />}
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="request-form"
        onFinish={submit}
        initialValues={
          request
            ? { ...request, submittedOn: request.submittedOn ? dayjs(request.submittedOn) : null }
            : { type: 'policy', status: 'drafting', jointWithChongqing: false }
        }
      >
        <Form.Item name="title" label={t('requests.request')} rules={[{ required: true, whitespace: true, message: t('requests.titleRequired') }]}>
          <Input data-testid="request-title" maxLength={200} />
        </Form.Item>
        <Form.Item name="type" label={t('requests.type')} rules={[{ required: true }]}>
          <Select data-testid="request-type" options={REQUEST_TYPES.map((v) => ({ value: v, label: t(`requests.type.${v}`) }))} />
        </Form.Item>
        <Form.Item name="addressedTo" label={t('requests.addressedTo')} rules={[{ required: true, whitespace: true, message: t('requests.addressedToRequired') }]}>
          <Input data-testid="request-addressed-to" maxLength={200} />
        </Form.Item>
        <Form.Item name="leadUnitId" label={t('requests.leadUnit')} rules={[{ required: true, message: t('requests.leadRequired') }]}>
          <Select data-testid="request-lead" options={units.options} loading={units.loading} showSearch={{ filterOption: filterUnitOption }} />
        </Form.Item>
        <Form.Item name="jointWithChongqing" label={t('requests.joint')} valuePropName="checked">
          <Switch data-testid="request-joint" />
        </Form.Item>
        <Form.Item name="status" label={t('requests.status')} rules={[{ required: true }]}>
          <Select data-testid="request-status" options={REQUEST_STATUSES.map((v) => ({ value: v, label: t(`requests.status.${v}`) }))} />
        </Form.Item>
        <Form.Item name="submittedOn" label={t('requests.submittedOn')}>
          <DatePicker data-testid="request-submitted-on" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="nodeIds" label={t('requests.tasks')} extra={t('requests.tasksHint')}>
          <TaskTreeSelect planId={planId} data-testid="request-tasks" />
        </Form.Item>
        <Form.Item name="projectIds" label={t('requests.projects')}>
          <ProjectSelect known={request?.projects} data-testid="request-projects" />
        </Form.Item>
        <Form.Item name="outcome" label={t('requests.outcome')}>
          <Input.TextArea data-testid="request-outcome" rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name="documents" label={t('requests.documents')}>
          <Input.TextArea data-testid="request-documents" rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { coordinationKey, MEETING_LAYERS, useCreateMeeting, useUpdateMeeting, type MeetingLayer, type TMeeting } from '../../api/coordination';
import { useT } from '../../i18n/use-t';
import { useFormErrorHandler } from '../common/use-form-error-handler';
import { filterUnitOption, useUnitOptions } from '../import/use-unit-options';
import { blankToNull } from './coordination-helpers';

type Values = { layer: MeetingLayer; title: string; heldOn: Dayjs; body: string; place?: string; unitIds?: string[]; agenda?: string; minutes?: string };
const FIELDS = ['layer', 'title', 'heldOn', 'body', 'place', 'unitIds', 'agenda', 'minutes'] as const;

/**
 * Records a meeting of one of the three layers, then opens it to add its decisions; or, given a
 * meeting, edits it with the version it read (a 409 says someone else saved first).
 */
export function MeetingFormModal({ planId, meeting, onClose }: { planId: string; meeting?: TMeeting; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateMeeting(planId);
  const update = useUpdateMeeting();
  const units = useUnitOptions();
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState(false);

  // Reload so that reopening the form reads the current version.
  const onError = useFormErrorHandler(form, FIELDS, () => {
    setConflict(true);
    void queryClient.invalidateQueries({ queryKey: coordinationKey });
  });

  const submit = (v: Values) => {
    const fields = {
      layer: v.layer,
      title: v.title.trim(),
      heldOn: v.heldOn.format('YYYY-MM-DD'),
      body: v.body.trim(),
      place: blankToNull(v.place),
      unitIds: v.unitIds ?? [],
      agenda: blankToNull(v.agenda),
      minutes: blankToNull(v.minutes),
    };
    setConflict(false);
    if (meeting) {
      update.mutate(
        { id: meeting.id, body: { version: meeting.version, ...fields } },
        {
          onSuccess: () => {
            void message.success(t('coord.saved'));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    create.mutate(fields, {
      onSuccess: (created) => {
        void message.success(t('coord.created'));
        onClose();
        void navigate(`/meetings/${created.id}`);
      },
      onError,
    });
  };

  return (
    <Modal
      open
      title={meeting ? t('meetings.edit') : t('meetings.new')}
      okButtonProps={{ loading: create.isPending || update.isPending, disabled: conflict, 'data-testid': 'btn-meeting-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={680}
    >
      {conflict && <Alert type="warning" showIcon title={t('coord.conflict')} style={{ marginBottom: 12 }} data-testid="meeting-conflict" />}
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="meeting-form"
        onFinish={submit}
        initialValues={
          meeting
            ? { ...meeting, heldOn: dayjs(meeting.heldOn), place: meeting.place ?? undefined, agenda: meeting.agenda ?? undefined, minutes: meeting.minutes ?? undefined }
            : { layer: 'coordination', heldOn: dayjs(), unitIds: [] }
        }
      >
        <Form.Item name="layer" label={t('coord.layer')} rules={[{ required: true }]}>
          <Select data-testid="meeting-layer" options={MEETING_LAYERS.map((l) => ({ value: l, label: t(`coord.layer.${l}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('meetings.meeting')} rules={[{ required: true, whitespace: true, message: t('meetings.titleRequired') }]}>
          <Input data-testid="meeting-title" maxLength={200} />
        </Form.Item>
        <Form.Item name="body" label={t('meetings.body')} extra={t('meetings.bodyHint')} rules={[{ required: true, whitespace: true, message: t('meetings.bodyRequired') }]}>
          <Input data-testid="meeting-body" maxLength={200} />
        </Form.Item>
        <Form.Item name="heldOn" label={t('meetings.heldOn')} rules={[{ required: true, message: t('meetings.heldOnRequired') }]}>
          <DatePicker data-testid="meeting-held-on" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="place" label={t('meetings.place')}>
          <Input data-testid="meeting-place" maxLength={200} />
        </Form.Item>
        <Form.Item name="unitIds" label={t('meetings.units')}>
          <Select mode="multiple" data-testid="meeting-units" options={units.options} loading={units.loading} showSearch={{ filterOption: filterUnitOption }} />
        </Form.Item>
        <Form.Item name="agenda" label={t('meetings.agenda')}>
          <Input.TextArea data-testid="meeting-agenda" rows={3} />
        </Form.Item>
        <Form.Item name="minutes" label={t('meetings.minutes')}>
          <Input.TextArea data-testid="meeting-minutes" rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

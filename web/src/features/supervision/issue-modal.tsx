import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useIssueSupervision, SUPERVISION_LEVELS, type SupervisionLevel, type TProposal } from '../../api/supervision';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { filterUnitOption, useUnitOptions } from '../import/use-unit-options';

type Values = { unitId: string; level: SupervisionLevel; message: string; responseDueOn: Dayjs };

/** Issues a 督办事项 for a proposed task, prefilled with the suggested level and the lead unit. */
export function IssueModal({ planId, proposal, onClose }: { planId: string; proposal: TProposal; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const issue = useIssueSupervision(planId);
  const units = useUnitOptions();
  const leadIds = new Set(proposal.leadUnits.map((u) => u.unitId));
  // The task's lead units first, then everyone else.
  const options = [
    ...proposal.leadUnits.map((u) => ({ value: u.unitId, label: u.unitName, search: u.unitName })),
    ...units.options.filter((o) => !leadIds.has(o.value)),
  ];

  const submit = (v: Values) =>
    issue.mutate(
      { nodeId: proposal.nodeId, unitId: v.unitId, level: v.level, message: v.message.trim(), responseDueOn: v.responseDueOn.format('YYYY-MM-DD') },
      {
        onSuccess: () => {
          void message.success(t('supervision.issued'));
          onClose();
        },
        onError: (err) => void message.error(errorText(err)),
      },
    );

  return (
    <Modal
      open
      title={t('supervision.issueTitle', { code: proposal.code, title: proposal.title })}
      okText={t('supervision.issue')}
      okButtonProps={{ loading: issue.isPending, 'data-testid': 'btn-issue-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="issue-form"
        onFinish={submit}
        initialValues={{
          unitId: proposal.leadUnits[0]?.unitId,
          level: proposal.suggestedLevel,
          message: t('supervision.defaultMessage', { code: proposal.code, title: proposal.title }),
          responseDueOn: dayjs().add(7, 'day'),
        }}
      >
        <Form.Item name="unitId" label={t('supervision.unit')} rules={[{ required: true, message: t('supervision.unitRequired') }]}>
          <Select data-testid="issue-unit" options={options} showSearch={{ filterOption: filterUnitOption }} />
        </Form.Item>
        <Form.Item name="level" label={t('supervision.level')} rules={[{ required: true }]}>
          <Select data-testid="issue-level" options={SUPERVISION_LEVELS.map((l) => ({ value: l, label: t(`supervision.level.${l}`) }))} />
        </Form.Item>
        <Form.Item name="message" label={t('supervision.message')} rules={[{ required: true, min: 2, whitespace: true, message: t('supervision.messageRequired') }]}>
          <Input.TextArea data-testid="issue-message" rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="responseDueOn" label={t('supervision.responseDueOn')} rules={[{ required: true, message: t('supervision.dueRequired') }]}>
          <DatePicker data-testid="issue-due" style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { PARTY_SIDES, useCreateAgreement } from '../../api/coordination';
import { ApiError } from '../../api/client';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { toFormFieldErrors } from '../common/field-errors';
import { blankToNull, isoDate, partiesFromForm, type PartyValues } from './coordination-helpers';

type Values = { title: string; parties: PartyValues[]; level: string; signedOn?: Dayjs | null; termUntil?: Dayjs | null; documents?: string };
const FIELDS = ['title', 'parties', 'level', 'signedOn', 'termUntil', 'documents'] as const;

/** Records a 合作协议 with its parties; its matters are added afterwards. */
export function AgreementFormModal({ planId, onClose }: { planId: string; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateAgreement(planId);

  const submit = (v: Values) => {
    const parties = partiesFromForm(v.parties);
    if (parties.length === 0) {
      form.setFields([{ name: 'parties', errors: [t('agreements.partiesRequired')] }]);
      return;
    }
    create.mutate(
      { title: v.title.trim(), parties, level: v.level.trim(), signedOn: isoDate(v.signedOn), termUntil: isoDate(v.termUntil), documents: blankToNull(v.documents) },
      {
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
      },
    );
  };

  return (
    <Modal
      open
      title={t('agreements.new')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'btn-agreement-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={680}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="agreement-form"
        onFinish={submit}
        initialValues={{ parties: [{ side: 'sichuan' }, { side: 'chongqing' }] }}
      >
        <Form.Item name="title" label={t('agreements.agreement')} rules={[{ required: true, whitespace: true, message: t('agreements.titleRequired') }]}>
          <Input data-testid="agreement-title" maxLength={200} />
        </Form.Item>
        <Form.Item label={t('agreements.parties')} required>
          <Form.List name="parties">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} align="center">
                    <Form.Item name={[field.name, 'name']} noStyle>
                      <Input placeholder={t('agreements.party')} maxLength={200} data-testid="agreement-party-name" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'side']} noStyle>
                      <Select style={{ width: 120 }} options={PARTY_SIDES.map((s) => ({ value: s, label: t(`agreements.side.${s}`) }))} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('common.delete')} />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ side: 'sichuan' })}>
                  {t('agreements.addParty')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="level" label={t('agreements.level')} extra={t('agreements.levelHint')} rules={[{ required: true, whitespace: true, message: t('agreements.levelRequired') }]}>
          <Input data-testid="agreement-level" maxLength={40} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="signedOn" label={t('agreements.signedOn')} style={{ flex: 1 }}>
            <DatePicker data-testid="agreement-signed-on" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="termUntil" label={t('agreements.termUntil')} style={{ flex: 1 }}>
            <DatePicker data-testid="agreement-term-until" style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="documents" label={t('agreements.documents')}>
          <Input.TextArea data-testid="agreement-documents" rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

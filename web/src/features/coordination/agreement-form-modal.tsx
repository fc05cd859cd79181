import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { coordinationKey, PARTY_SIDES, useCreateAgreement, useUpdateAgreement, type TAgreement } from '../../api/coordination';
import { useT } from '../../i18n/use-t';
import { useFormErrorHandler } from '../common/use-form-error-handler';
import { filterUnitOption, useUnitOptions } from '../import/use-unit-options';
import { blankToNull, isoDate, partiesFromForm, type PartyValues } from './coordination-helpers';
import { ProjectSelect } from './project-select';

type Values = { title: string; parties: PartyValues[]; level: string; signedOn?: Dayjs | null; termUntil?: Dayjs | null; documents?: string; projectIds?: string[] };
const FIELDS = ['title', 'parties', 'level', 'signedOn', 'termUntil', 'documents', 'projectIds'] as const;

/**
 * Records a 合作协议 with its parties and the major projects among its matters (task matters are added
 * afterwards); given an agreement, edits it with the version it read (a 409 says someone else saved first).
 */
export function AgreementFormModal({ planId, agreement, onClose }: { planId: string; agreement?: TAgreement; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateAgreement(planId);
  const update = useUpdateAgreement();
  const units = useUnitOptions();
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState(false);

  // Reload so that reopening the form reads the current version.
  const onError = useFormErrorHandler(form, FIELDS, () => {
    setConflict(true);
    void queryClient.invalidateQueries({ queryKey: coordinationKey });
  });

  const submit = (v: Values) => {
    const parties = partiesFromForm(v.parties);
    if (parties.length === 0) {
      form.setFields([{ name: 'parties', errors: [t('agreements.partiesRequired')] }]);
      return;
    }
    const fields = {
      title: v.title.trim(),
      parties,
      level: v.level.trim(),
      signedOn: isoDate(v.signedOn),
      termUntil: isoDate(v.termUntil),
      documents: blankToNull(v.documents),
      projectIds: v.projectIds ?? [],
    };
    const onSuccess = () => {
      void message.success(agreement ? t('coord.saved') : t('coord.created'));
      onClose();
    };
    setConflict(false);
    if (agreement) update.mutate({ id: agreement.id, body: { version: agreement.version, ...fields } }, { onSuccess, onError });
    else create.mutate(fields, { onSuccess, onError });
  };

  return (
    <Modal
      open
      title={agreement ? t('agreements.edit') : t('agreements.new')}
      okButtonProps={{ loading: create.isPending || update.isPending, disabled: conflict, 'data-testid': 'btn-agreement-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={760}
    >
      {conflict && <Alert type="warning" showIcon title={t('coord.conflict')} style={{ marginBottom: 12 }} data-testid="agreement-conflict" />}
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="agreement-form"
        onFinish={submit}
        initialValues={
          agreement
            ? {
                title: agreement.title,
                parties: agreement.parties.map((p) => ({ name: p.name, side: p.side, unitId: p.unitId ?? null })),
                level: agreement.level,
                signedOn: agreement.signedOn ? dayjs(agreement.signedOn) : null,
                termUntil: agreement.termUntil ? dayjs(agreement.termUntil) : null,
                documents: agreement.documents ?? undefined,
                projectIds: agreement.projectIds,
              }
            : { parties: [{ side: 'sichuan' }, { side: 'chongqing' }], projectIds: [] }
        }
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
                    <Form.Item name={[field.name, 'unitId']} noStyle>
                      <Select
                        allowClear
                        style={{ width: 200 }}
                        placeholder={t('agreements.partyUnit')}
                        title={t('agreements.partyUnitHint')}
                        options={units.options}
                        loading={units.loading}
                        showSearch={{ filterOption: filterUnitOption }}
                        data-testid="agreement-party-unit"
                      />
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
        <Form.Item name="projectIds" label={t('agreements.projects')} extra={t('agreements.projectsHint')}>
          <ProjectSelect known={agreement?.projects} data-testid="agreement-projects" />
        </Form.Item>
        <Form.Item name="documents" label={t('agreements.documents')}>
          <Input.TextArea data-testid="agreement-documents" rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { App, Button, Card, Flex, Form, Input, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { BULLETIN_SECTIONS, useUpdateBulletin, type BulletinSectionKey, type TBulletinDetail } from '../../api/bulletins';
import { ApiError } from '../../api/client';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { BULLETIN_NUMBER } from './generate-bulletin-modal';

type Values = { number: string; title: string; issuingBody: string } & Record<BulletinSectionKey, string>;

const valuesOf = (b: TBulletinDetail): Values => ({ number: b.number, title: b.title, issuingBody: b.issuingBody, ...b.sections });

/** A draft's heading and wording. Only changed sections are sent, each saved with the version it was read at. */
export function BulletinWordingForm({ bulletin, onConflict }: { bulletin: TBulletinDetail; onConflict: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const update = useUpdateBulletin(bulletin.id);
  const [form] = Form.useForm<Values>();

  useEffect(() => form.setFieldsValue(valuesOf(bulletin)), [bulletin, form]);

  const save = async () => {
    const values = await form.validateFields();
    const sections = Object.fromEntries(BULLETIN_SECTIONS.filter((k) => values[k] !== bulletin.sections[k]).map((k) => [k, values[k]]));
    try {
      await update.mutateAsync({ version: bulletin.version, number: values.number, title: values.title, issuingBody: values.issuingBody, sections });
      void message.success(t('bulletin.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.code === 'VERSION_CONFLICT') {
        void message.warning(t('bulletin.conflict'));
        onConflict();
      } else void message.error(errorText(err));
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={valuesOf(bulletin)} data-testid="bulletin-wording-form">
      <Card size="small" title={t('bulletin.heading')} style={{ marginBottom: 12 }}>
        <Flex gap={12} wrap>
          <Form.Item name="number" label={t('bulletin.number')} rules={[{ required: true }, { pattern: BULLETIN_NUMBER, message: t('bulletin.numberInvalid') }]} style={{ width: 220 }}>
            <Input maxLength={30} data-testid="bulletin-number" />
          </Form.Item>
          <Form.Item name="issuingBody" label={t('bulletin.issuingBody')} rules={[{ required: true }]} style={{ flex: 1, minWidth: 260 }}>
            <Input maxLength={60} />
          </Form.Item>
        </Flex>
        <Form.Item name="title" label={t('bulletin.docTitle')} rules={[{ required: true }]}>
          <Input maxLength={200} data-testid="bulletin-title" />
        </Form.Item>
      </Card>
      <Card size="small" title={t('bulletin.wording')}>
        <Typography.Paragraph type="secondary">{t('bulletin.wordingHint')}</Typography.Paragraph>
        {BULLETIN_SECTIONS.map((k) => (
          <Form.Item
            key={k}
            name={k}
            label={
              <Space>
                {t(`bulletin.section.${k}`)}
                <Button size="small" type="link" onClick={() => form.setFieldValue(k, bulletin.defaults[k])}>
                  {t('bulletin.useDefault')}
                </Button>
              </Space>
            }
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={5000} data-testid={`section-${k}`} />
          </Form.Item>
        ))}
      </Card>
      <Flex justify="end" style={{ marginTop: 12 }}>
        <Button type="primary" loading={update.isPending} onClick={() => void save().catch(() => undefined)} data-testid="btn-save-bulletin">
          {t('bulletin.save')}
        </Button>
      </Flex>
    </Form>
  );
}

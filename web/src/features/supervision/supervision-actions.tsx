import { CheckOutlined, MessageOutlined, RiseOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Modal, Space, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../../api/auth';
import {
  SUPERVISION_LEVELS,
  useCloseSupervision,
  useEscalateSupervision,
  useRespondSupervision,
  type TSupervisionDetail,
} from '../../api/supervision';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { usePermissions } from '../auth/use-permissions';

type Dialog = 'respond' | 'close' | 'escalate' | null;

/** Respond (the unit), close and escalate (the office) — each shown only when allowed now. */
export function SupervisionActions({ item }: { item: TSupervisionDetail }) {
  const t = useT();
  const can = usePermissions();
  const me = useMe();
  const [dialog, setDialog] = useState<Dialog>(null);
  const user = me.data?.user;
  const ownUnit = Boolean(user && (user.unitId === item.unitId || user.roles.includes('admin')));
  const live = item.state === 'open' || item.state === 'responded';
  const canRespond = can('supervision:respond') && ownUnit && item.state === 'open';
  const manage = can('supervision:manage');
  const levelIndex = SUPERVISION_LEVELS.indexOf(item.level);
  const next = SUPERVISION_LEVELS[levelIndex + 1];

  return (
    <Space wrap>
      {canRespond && (
        <Button type="primary" icon={<MessageOutlined />} data-testid="btn-respond" onClick={() => setDialog('respond')}>
          {t('supervision.respond')}
        </Button>
      )}
      {manage && live && (
        <Tooltip title={next ? undefined : t('supervision.escalateTop')}>
          <Button danger icon={<RiseOutlined />} data-testid="btn-escalate" disabled={!next} onClick={() => setDialog('escalate')}>
            {next ? `${t('supervision.escalate')} → ${t(`supervision.level.${next}`)}` : t('supervision.escalate')}
          </Button>
        </Tooltip>
      )}
      {manage && live && (
        <Button icon={<CheckOutlined />} data-testid="btn-close-item" onClick={() => setDialog('close')}>
          {t('supervision.close')}
        </Button>
      )}
      {dialog === 'respond' && <RespondModal item={item} onClose={() => setDialog(null)} />}
      {dialog === 'close' && <CloseModal item={item} onClose={() => setDialog(null)} />}
      {dialog === 'escalate' && next && <EscalateModal item={item} nextLabel={t(`supervision.level.${next}`)} onClose={() => setDialog(null)} />}
    </Space>
  );
}

function RespondModal({ item, onClose }: { item: TSupervisionDetail; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ response: string }>();
  const respond = useRespondSupervision(item.id);
  return (
    <Modal
      open
      title={t('supervision.respondTitle')}
      okText={t('supervision.respond')}
      okButtonProps={{ loading: respond.isPending, 'data-testid': 'btn-respond-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
        {item.message}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        data-testid="respond-form"
        onFinish={(v) =>
          respond.mutate(
            { version: item.version, response: v.response.trim() },
            { onSuccess: () => (void message.success(t('supervision.responded')), onClose()), onError: (err) => void message.error(errorText(err)) },
          )
        }
      >
        <Form.Item name="response" label={t('supervision.response')} rules={[{ required: true, min: 2, whitespace: true, message: t('supervision.responseRequired') }]}>
          <Input.TextArea data-testid="respond-text" rows={6} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CloseModal({ item, onClose }: { item: TSupervisionDetail; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment?: string }>();
  const close = useCloseSupervision(item.id);
  return (
    <Modal
      open
      title={t('supervision.closeTitle')}
      okText={t('supervision.close')}
      okButtonProps={{ loading: close.isPending, 'data-testid': 'btn-close-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        data-testid="close-form"
        onFinish={(v) =>
          close.mutate(
            { version: item.version, ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}) },
            { onSuccess: () => (void message.success(t('supervision.closed')), onClose()), onError: (err) => void message.error(errorText(err)) },
          )
        }
      >
        <Form.Item name="comment" label={t('supervision.closingComment')}>
          <Input.TextArea data-testid="close-comment" rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EscalateModal({ item, nextLabel, onClose }: { item: TSupervisionDetail; nextLabel: string; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ message: string; responseDueOn: Dayjs }>();
  const escalate = useEscalateSupervision(item.id);
  return (
    <Modal
      open
      title={t('supervision.escalateTitle', { level: nextLabel })}
      okText={t('supervision.escalate')}
      okButtonProps={{ danger: true, loading: escalate.isPending, 'data-testid': 'btn-escalate-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        data-testid="escalate-form"
        initialValues={{ message: item.message, responseDueOn: dayjs().add(5, 'day') }}
        onFinish={(v) =>
          escalate.mutate(
            { version: item.version, message: v.message.trim(), responseDueOn: v.responseDueOn.format('YYYY-MM-DD') },
            {
              onSuccess: (created) => {
                void message.success(t('supervision.escalated', { level: nextLabel }));
                onClose();
                navigate(`/supervision/${created.id}`);
              },
              onError: (err) => void message.error(errorText(err)),
            },
          )
        }
      >
        <Form.Item name="message" label={t('supervision.message')} rules={[{ required: true, min: 2, whitespace: true, message: t('supervision.messageRequired') }]}>
          <Input.TextArea data-testid="escalate-message" rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="responseDueOn" label={t('supervision.responseDueOn')} rules={[{ required: true, message: t('supervision.dueRequired') }]}>
          <DatePicker data-testid="escalate-due" style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

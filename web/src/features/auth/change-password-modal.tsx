import { Alert, App, Form, Input, Modal } from 'antd';
import { useChangePassword } from '../../api/auth';
import { ApiError } from '../../api/client';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';

type Values = { currentPassword: string; newPassword: string; confirm: string };

type Props = { open: boolean; forced: boolean; onClose: () => void };

/** `forced`: the server requires a new password (first sign-in or after a reset), so no way out. */
export function ChangePasswordModal({ open, forced, onClose }: Props) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();

  const submit = (values: Values) =>
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          void message.success(t('auth.passwordChanged'));
          form.resetFields();
          onClose();
        },
        onError: (err) => {
          if (err instanceof ApiError && err.code === 'PASSWORD_POLICY') {
            form.setFields([{ name: 'newPassword', errors: [errorText(err)] }]);
          } else if (err instanceof ApiError && err.code === 'PASSWORD_WRONG') {
            form.setFields([{ name: 'currentPassword', errors: [errorText(err)] }]);
          }
        },
      },
    );

  const fieldError = change.error instanceof ApiError && ['PASSWORD_POLICY', 'PASSWORD_WRONG'].includes(change.error.code);

  return (
    <Modal
      open={open}
      title={t('auth.changePassword')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={change.isPending}
      closable={!forced}
      mask={{ closable: !forced }}
      keyboard={!forced}
      cancelButtonProps={{ style: forced ? { display: 'none' } : undefined }}
      destroyOnHidden
    >
      {forced && <Alert type="warning" showIcon title={t('auth.mustChangePassword')} style={{ marginBottom: 16 }} />}
      {change.error && !fieldError && (
        <Alert type="error" showIcon title={errorText(change.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="change-password-form">
        <Form.Item name="currentPassword" label={t('auth.currentPassword')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          extra={t('auth.passwordPolicy')}
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('auth.passwordRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { Alert, App, Form, Input, Modal } from 'antd';
import { ApiError } from '../../api/client';
import type { TUser } from '../../api/types';
import { useResetPassword } from '../../api/users';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';

export function ResetPasswordModal({ user, onClose }: { user: TUser; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetPassword();
  const policyError = reset.error instanceof ApiError && ['PASSWORD_POLICY', 'VALIDATION_FAILED'].includes(reset.error.code);

  const submit = ({ password }: { password: string }) =>
    reset.mutate(
      { userId: user.id, password },
      {
        onSuccess: () => {
          void message.success(t('user.resetPasswordDone'));
          onClose();
        },
        onError: (err) => {
          if (err instanceof ApiError && ['PASSWORD_POLICY', 'VALIDATION_FAILED'].includes(err.code)) {
            form.setFields([{ name: 'password', errors: [err.fields[0]?.message ?? errorText(err)] }]);
          }
        },
      },
    );

  return (
    <Modal
      open
      title={t('user.resetPasswordTitle', { name: user.displayName })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      {reset.error && !policyError && <Alert type="error" showIcon title={errorText(reset.error)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} data-testid="reset-password-form">
        <Form.Item name="password" label={t('auth.newPassword')} extra={t('auth.passwordPolicy')} rules={[{ required: true, message: t('user.passwordRequired') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useLogin } from '../../api/auth';
import type { TSession } from '../../api/types';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';

type LoginValues = { username: string; password: string };

export function LoginForm({ onSuccess }: { onSuccess: (session: TSession) => void }) {
  const t = useT();
  const errorText = useErrorText();
  const login = useLogin();

  return (
    <Form<LoginValues>
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => login.mutate(values, { onSuccess })}
      data-testid="login-form"
    >
      {login.error && (
        <Form.Item>
          <Alert type="error" showIcon title={errorText(login.error)} data-testid="login-error" />
        </Form.Item>
      )}
      <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('auth.usernameRequired') }]}>
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="btn-login">
        {t('auth.login')}
      </Button>
    </Form>
  );
}

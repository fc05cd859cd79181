import { Card, Flex, Spin, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useMe } from '../api/auth';
import { LoginForm } from '../features/auth/login-form';
import { LanguageSwitch } from '../features/shell/language-switch';
import { useT } from '../i18n/use-t';

function redirectTarget(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string') {
    return state.from.startsWith('/') && !state.from.startsWith('/login') ? state.from : '/plan';
  }
  return '/plan';
}

export default function LoginPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const target = redirectTarget(location.state);

  if (me.isPending) return <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;
  if (me.data) return <Navigate to={target} replace />;

  return (
    <Flex vertical align="center" justify="center" gap={24} style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Flex vertical align="center" gap={4}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('app.fullName')}</Typography.Text>
      </Flex>
      <Card style={{ width: 360 }} extra={<LanguageSwitch />} title={t('auth.login')}>
        <LoginForm onSuccess={() => navigate(target, { replace: true })} />
      </Card>
    </Flex>
  );
}

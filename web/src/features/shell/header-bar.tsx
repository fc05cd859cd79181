import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Tag, Typography } from 'antd';
import { useHealth } from '../../api/health';
import { useNavigate } from 'react-router';
import { useLogout, useMe } from '../../api/auth';
import { useT } from '../../i18n/use-t';
import { LanguageSwitch } from './language-switch';
import { NotificationBell } from '../notifications/notification-bell';

export function HeaderBar() {
  const t = useT();
  const { data } = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const health = useHealth();

  return (
    <Flex align="center" justify="space-between" style={{ height: '100%' }}>
      <Space size="small" align="baseline">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('app.fullName')}</Typography.Text>
        {health.data?.demo && (
          <Tag color="orange" data-testid="demo-banner">
            {t('app.demoData')}
          </Tag>
        )}
      </Space>
      <Space size="middle">
        {data && (
          <Typography.Text data-testid="current-user">
            <UserOutlined /> {data.user.displayName}
            <Typography.Text type="secondary"> · {data.user.unitName}</Typography.Text>
          </Typography.Text>
        )}
        <NotificationBell />
        <LanguageSwitch />
        <Button
          data-testid="logout"
          icon={<LogoutOutlined />}
          loading={logout.isPending}
          onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
        >
          {t('auth.logout')}
        </Button>
      </Space>
    </Flex>
  );
}

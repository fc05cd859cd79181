import { Layout, Spin, theme } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet } from 'react-router';
import { useMe } from '../../api/auth';
import { ChangePasswordModal } from '../auth/change-password-modal';
import { HeaderBar } from './header-bar';
import { SideMenu } from './side-menu';

export function AppShell() {
  const { token } = theme.useToken();
  const { data } = useMe();
  const [dismissed, setDismissed] = useState(false);
  const mustChange = Boolean(data?.user.mustChangePassword) && !dismissed;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: token.colorBgContainer, paddingInline: 24, borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
        <HeaderBar />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={0}>
          <SideMenu />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      <ChangePasswordModal open={mustChange} forced onClose={() => setDismissed(true)} />
    </Layout>
  );
}

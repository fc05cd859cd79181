import { Layout, Spin, theme } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Outlet } from 'react-router';
import { useMe } from '../../api/auth';
import { HeaderBar } from './header-bar';
import { SideMenu } from './side-menu';

// Only users with a new or reset password see this dialog, so its form code loads on demand.
const ChangePasswordModal = lazy(() =>
  import('../auth/change-password-modal').then((m) => ({ default: m.ChangePasswordModal })),
);

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
      {mustChange && (
        <Suspense fallback={null}>
          <ChangePasswordModal open forced onClose={() => setDismissed(true)} />
        </Suspense>
      )}
    </Layout>
  );
}

import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUSLocale from 'antd/locale/en_US';
import zhCNLocale from 'antd/locale/zh_CN';
import { RouterProvider } from 'react-router';
import { meKey } from './api/auth';
import { setUnauthenticatedHandler } from './api/client';
import { queryClient } from './api/query-client';
import { useLang } from './i18n/use-t';
import { router } from './router';

// A 401 from any call means the session is gone: forget it, and RequireAuth sends the user to /login.
setUnauthenticatedHandler(() => {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
  queryClient.setQueryData(meKey, null);
});

export function AppRoot() {
  const lang = useLang();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={lang === 'en-US' ? enUSLocale : zhCNLocale} theme={{ token: { colorPrimary: '#c0392b' } }}>
        <AntApp>
          <RouterProvider router={router} />
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}

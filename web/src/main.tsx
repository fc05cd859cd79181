import { i18nReady } from './i18n/i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppRoot } from './app-root';

const container = document.getElementById('root');
if (!container) throw new Error('#root missing from index.html');
// A failed English chunk still renders the app (in the zh-CN fallback) rather than a blank page.
void i18nReady.catch(() => undefined).then(() =>
  createRoot(container).render(
    <StrictMode>
      <AppRoot />
    </StrictMode>,
  ),
);

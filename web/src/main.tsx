import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/app.css';
import { App } from './app/app';
import { I18nProvider } from './i18n/i18n-context';

const container = document.getElementById('root');
if (!container) throw new Error('Sinergi: #root element missing from index.html');

createRoot(container).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);

import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import './app/app.css';
import './i18n/i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app/app';

// The server's Content-Security-Policy forbids eval: zod's compiled validators would only probe for it and
// report a violation on every form.
z.config({ jitless: true });

const container = document.getElementById('root');
if (!container) throw new Error('Sinergi: #root element missing from index.html');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

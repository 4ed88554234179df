import { useI18n } from '../i18n/i18n-context';
import { SiteHeader } from './site-header';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <div className="page">
      <SiteHeader />
      <main className="container main">
        <section className="card" aria-labelledby="not-found-title">
          <h1 id="not-found-title">{t('notFound.title')}</h1>
          <p>{t('notFound.body', { path: window.location.pathname })}</p>
          <a className="button button-link" href="/">
            {t('notFound.back')}
          </a>
        </section>
      </main>
    </div>
  );
}

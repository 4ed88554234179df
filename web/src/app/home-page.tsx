import { SessionPanel } from '../features/auth/session-panel';
import { useI18n } from '../i18n/i18n-context';
import { SiteHeader } from './site-header';

export function HomePage() {
  const { t } = useI18n();
  return (
    <div className="page">
      <SiteHeader />
      <main className="container main">
        <section className="hero" aria-labelledby="hero-title">
          <h1 id="hero-title">{t('app.name')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
          <p className="muted">{t('app.comingSoon')}</p>
        </section>

        <div className="card">
          <SessionPanel />
        </div>

        <section className="card" aria-labelledby="api-title">
          <h2 id="api-title">{t('graphiql.heading')}</h2>
          <p className="muted">{t('graphiql.description')}</p>
          <a className="button button-link" href="/graphiql">
            {t('graphiql.link')}
          </a>
        </section>
      </main>
      <footer className="site-footer">
        <div className="container">
          {t('app.name')} · {t('app.footer')}
        </div>
      </footer>
    </div>
  );
}

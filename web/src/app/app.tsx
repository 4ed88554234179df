import { lazy, Suspense, useEffect } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { matchRoute } from '../lib/route';
import { ErrorBoundary } from './error-boundary';
import { HomePage } from './home-page';
import { NotFoundPage } from './not-found-page';

// GraphiQL + Monaco are large: keep them out of the home page bundle.
const GraphiQLPage = lazy(() => import('../features/graphiql/graphiql-page'));

export function App() {
  const { t } = useI18n();
  const route = matchRoute(window.location.pathname);

  useEffect(() => {
    document.title = route === 'graphiql' ? 'GraphiQL · Sinergi' : t('app.documentTitle');
  }, [route, t]);

  switch (route) {
    case 'home':
      return <HomePage />;
    case 'graphiql':
      return (
        <ErrorBoundary fallback={<p className="page-message" role="alert">{t('graphiql.loadFailed')}</p>}>
          <Suspense
            fallback={
              <p className="page-message" role="status">
                {t('graphiql.loading')}
              </p>
            }
          >
            <GraphiQLPage />
          </Suspense>
        </ErrorBoundary>
      );
    default:
      return <NotFoundPage />;
  }
}

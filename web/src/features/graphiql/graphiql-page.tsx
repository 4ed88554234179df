// Loaded only through React.lazy: everything imported here (GraphiQL, Monaco
// and its workers, their CSS) lands in the lazy chunk, not the home bundle.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './graphiql-page.css';

import { GraphiQL } from 'graphiql';
import { useTranslation } from 'react-i18next';
import { DEFAULT_QUERY } from './default-query';
import { fetcher } from './graphiql-fetcher';

export default function GraphiQLPage() {
  const { t } = useTranslation();
  return (
    <div className="graphiql-page">
      <header className="graphiql-bar">
        <a className="graphiql-bar-back" href="/">
          <span aria-hidden="true">←</span> {t('graphiql.back')}
        </a>
        <span className="graphiql-bar-title">Sinergi · GraphQL IDE</span>
      </header>
      <main className="graphiql-host">
        <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} />
      </main>
    </div>
  );
}

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where `pnpm --filter @sinergi/web dev` forwards API calls (the Node server). */
const API_ORIGIN = 'http://localhost:4000';

const apiProxy = {
  '/graphql': { target: API_ORIGIN },
  '/healthz': { target: API_ORIGIN },
  // Uploads, templates and error reports of the data import (plain HTTP beside /graphql).
  '/import/': { target: API_ORIGIN },
};

export default defineConfig({
  plugins: [react()],
  // Served by the Node server at the site root; SPA fallback to index.html.
  base: '/',
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    // GraphiQL + Monaco form one intentionally large chunk that is only
    // loaded on /graphiql (React.lazy); the home page bundle stays small.
    chunkSizeWarningLimit: 5000,
    rolldownOptions: {
      // @graphiql/react ships React Compiler "use no memo" directives, which
      // are meaningless once bundled; don't print a warning for each file.
      checks: { moduleLevelDirective: false },
    },
  },
  // Dev server only (production builds do not use the dependency optimizer).
  optimizeDeps: {
    // The pre-bundler cannot handle the `?worker` imports in GraphiQL's Vite
    // worker setup, so Vite's normal transform pipeline (which understands
    // `?worker`) serves those modules and the Monaco workers' own imports...
    exclude: ['graphiql/setup-workers/vite', '@graphiql/react/setup-workers/vite'],
    // ...which then need the CommonJS packages the GraphQL worker imports
    // pre-bundled as ES modules (pnpm-nested, hence the `a > b` syntax).
    include: [
      'graphiql > @graphiql/react > monaco-graphql > picomatch-browser',
      'graphiql > @graphiql/react > monaco-graphql > graphql-language-service > nullthrows',
      'graphiql > @graphiql/react > monaco-graphql > graphql-language-service > debounce-promise',
    ],
  },
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
});

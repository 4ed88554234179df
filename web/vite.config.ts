import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** Where `pnpm --filter @sinergi/web dev` forwards API calls (the Node server). */
const API_ORIGIN = 'http://localhost:4000';

const apiProxy = {
  '/graphql': { target: API_ORIGIN },
  '/healthz': { target: API_ORIGIN },
  // Uploads, templates and error reports of the data import (plain HTTP beside /graphql).
  '/import/': { target: API_ORIGIN },
};

export default defineConfig({
  plugins: [
    react(),
    // Installable portal for field work: the app shell is precached so households opened online can be
    // reopened without a connection (their data comes from the offline store, src/features/offline).
    VitePWA({
      registerType: 'autoUpdate',
      // A registerSW.js <script> (CSP 'self', no inline script) instead of code in the initial bundle.
      injectRegister: 'script',
      includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
      manifest: {
        name: 'Sinergi',
        short_name: 'Sinergi',
        description: 'Data terpadu penghapusan kemiskinan ekstrem Kota Palangka Raya.',
        lang: 'id',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#0a5c4a',
        background_color: '#ffffff',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // GraphiQL and Monaco (megabytes, desktop only) stay out of the field worker's download.
        globIgnores: ['**/graphiql-*', '**/monaco-*', '**/*.worker-*', '**/*Mode-*', '**/babel-*', '**/estree-*', '**/standalone-*', '**/codicon-*'],
        navigateFallback: '/index.html',
        // The API and the import downloads are never answered by the worker.
        navigateFallbackDenylist: [/^\/graphql/, /^\/import\//, /^\/healthz/],
        cleanupOutdatedCaches: true,
        // A new release takes over open tabs at once (autoUpdate), and the first visit is controlled already.
        skipWaiting: true,
        clientsClaim: true,
      },
    }),
  ],
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

import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { expressMiddleware } from '@as-integrations/express5';
import cookieParser from 'cookie-parser';
import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { requestToken } from './http/request-token.js';
import { requestConnection, type RequestConnection } from './db/query-discipline.js';
import { abandonRequest, finishRequest, openRequest } from './graphql/request-transaction.js';
import { useClock } from './config/clock.js';
import type { Config } from './config/config.js';
import type { Database } from './db/orm.js';
import type { Context } from './graphql/context.js';
import { useCursorKey } from './graphql/cursor.js';
import { formatError, isClientError } from './graphql/format-error.js';
import { inLanguage, languageOf } from './graphql/language.js';
import { checkInputFormats } from './graphql/input-format.js';
import { LIMIT_RULES, operationLimits, PARSE_OPTIONS, payloadTooLarge } from './graphql/limits.js';
import { installFieldArguments } from './graphql/field-arguments.js';
import { createLoaders } from './graphql/loaders.js';
import { buildSinergiSchema } from './graphql/schema.js';
import { admission } from './http/admission.js';
import { errorHandler } from './http/error-handler.js';
import { securityHeaders } from './http/security-headers.js';
import { importRoutes } from './imports/import-http.js';
import { ImportRunner, useImportRunner } from './imports/import-runner.js';

export interface App {
  app: Express;
  stop(): Promise<void>;
}

export async function createApp(config: Config, db: Database, log: Logger): Promise<App> {
  useCursorKey(config.SINERGI_CURSOR_KEY);
  useClock(config.SINERGI_CLOCK);
  installFieldArguments();
  const schema = await buildSinergiSchema({
    sessionTtlHours: config.SESSION_TTL_HOURS,
    apiTokenMaxDays: config.API_TOKEN_MAX_DAYS,
    cookieSecure: config.COOKIE_SECURE,
    identifierSearch: { limit: config.IDENTIFIER_SEARCH_LIMIT, windowMinutes: config.IDENTIFIER_SEARCH_WINDOW_MINUTES },
  });
  const limits = operationLimits(schema, {
    introspection: config.GRAPHQL_INTROSPECTION,
    exportsPerWindow: config.EXPORTS_PER_WINDOW,
    exportWindowMinutes: config.EXPORT_WINDOW_MINUTES,
  });
  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: config.GRAPHQL_INTROSPECTION !== 'off',
    parseOptions: PARSE_OPTIONS,
    validationRules: LIMIT_RULES,
    plugins: [
      // The bundled GraphiQL at /graphiql replaces Apollo's CDN-hosted landing page.
      ApolloServerPluginLandingPageDisabled(),
      // No response is cached by hint (willSendResponse says no-store); the default cache-control
      // plugin would still wrap every field's resolver to compute hints.
      ApolloServerPluginCacheControlDisabled(),
      {
        async requestDidStart() {
          return {
            async didEncounterErrors({ errors, contextValue }) {
              for (const error of errors) {
                if (isClientError(error)) continue;
                contextValue.log.error({ err: unwrapResolverError(error), path: error.path }, 'unexpected error');
              }
            },
            // After parsing and validation: a request refused before this never opens a transaction.
            // One hook, in this order: Apollo runs the plugins' hooks of one stage concurrently.
            async didResolveOperation(requestContext) {
              limits.checkCost(requestContext);
              checkInputFormats(schema, requestContext);
              await openRequest(requestContext.contextValue, requestContext.operation, requestContext.document);
              limits.checkViewer(requestContext);
            },
            // Before the response is written: an acknowledged write is committed.
            async willSendResponse({ contextValue, response }) {
              // What the disabled cache-control plugin sent: answers depend on the viewer and hold personal data.
              response.http.headers.set('cache-control', 'no-store');
              await finishRequest(contextValue);
              // Tells an offline outbox that its entry was saved by an earlier attempt ("already saved").
              if (contextValue.replayed && response.body.kind === 'single') {
                response.body.singleResult.extensions = { ...response.body.singleResult.extensions, replayed: true };
              }
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  const runner = new ImportRunner(
    db.orm,
    { maxBytes: config.IMPORT_MAX_MB * 1024 * 1024, maxRows: config.IMPORT_MAX_ROWS, batchSize: config.IMPORT_BATCH_SIZE },
    log.child({ component: 'import' }),
  );
  useImportRunner(runner);
  // Jobs a stopped server left half-way; only the tables' owner may list every user's jobs.
  await runner.resume(
    await db.asOwner((owner) =>
      owner.em.fork().getConnection().execute<{ id: string; status: string; created_by_id: string }[]>(
        `select id, status, created_by_id from import_job where status in ('VALIDATING', 'COMMITTING') order by created_at`,
      ),
    ),
  );

  const app = express();
  app.disable('x-powered-by');
  // No ETag on API responses: they are no-store, and hashing each GraphQL body cost CPU on every request.
  app.set('etag', false);
  // Only these proxies may set the client address and protocol (login limits, audit, Secure cookies, HSTS).
  app.set('trust proxy', config.TRUST_PROXY);
  app.use(securityHeaders());
  app.use((req, res, next) => {
    // Our own id for logs and audit events; a client's id is only logged beside it, never trusted as one.
    const requestId = randomUUID();
    const incoming = req.headers['x-request-id'];
    if (typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming)) res.locals['clientRequestId'] = incoming;
    res.locals['requestId'] = requestId;
    res.setHeader('x-request-id', requestId);
    next();
  });

  app.get('/healthz', async (_req, res) => {
    try {
      await db.orm.em.fork().getConnection().execute('select 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });

  // A browser that opens /graphql wants the IDE.
  app.get('/graphql', (req, res, next) => {
    if (req.accepts(['application/json', 'text/html']) === 'text/html' && !req.query['query']) {
      res.redirect(302, '/graphiql');
      return;
    }
    next();
  });

  const graphql = expressMiddleware(apollo, {
    context: async ({ req, res }): Promise<Context> => {
      const requestId = res.locals['requestId'] as string;
      const connection = requestConnection.getStore()!;
      const em = db.orm.em.fork();
      const ctx: Context = {
        em,
        viewer: null,
        token: requestToken(req),
        connection,
        loaders: createLoaders(em, null),
        requestId,
        ip: req.ip ?? null,
        log: log.child({ requestId, ...(res.locals['clientRequestId'] ? { clientRequestId: res.locals['clientRequestId'] } : {}) }),
        req,
        res,
        disclosed: new Set(),
      };
      res.locals['context'] = ctx;
      return ctx;
    },
  });
  const serveGraphQL: RequestHandler = async (req, res, next) => {
    // Each request runs in its own scope: its queries may use only its transaction's connection.
    const connection: RequestConnection = { connection: null, closed: false };
    try {
      // Error messages answer in the language the client asks for (Accept-Language).
      await inLanguage(languageOf(req.headers['accept-language']), () => requestConnection.run(connection, () => graphql(req, res, next)));
    } catch (error) {
      next(error);
    } finally {
      const ctx = res.locals['context'] as Context | undefined;
      if (ctx) await abandonRequest(ctx);
      connection.closed = true;
    }
  };
  const admitted = admission(
    { concurrency: config.GRAPHQL_CONCURRENCY ?? config.DB_POOL_MAX, queue: config.GRAPHQL_QUEUE_MAX, waitMs: config.GRAPHQL_QUEUE_WAIT_MS },
    log,
  );
  app.use('/graphql', admitted, cookieParser(), express.json({ limit: config.GRAPHQL_BODY_LIMIT_KB * 1024 }), payloadTooLarge, serveGraphQL);

  app.use(importRoutes(db, runner, log));

  const webDist = config.SINERGI_WEB_DIST;
  const indexHtml = path.join(webDist, 'index.html');
  app.use(express.static(webDist, { index: false, maxAge: '1h', setHeaders: immutableAssets }));
  // Missing hashed assets answer 404: an old tab must not get HTML for a stale chunk.
  app.get(/^\/(?!graphql|healthz|assets\/|import\/).*/, (_req, res) => {
    if (fs.existsSync(indexHtml)) {
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(indexHtml);
    } else {
      res.status(503).type('text/plain').send('The portal is not built yet: run "pnpm build" (pnpm start does it for you).');
    }
  });
  app.use(errorHandler(log));

  return {
    app,
    stop: async () => {
      await apollo.stop();
      await runner.idle();
    },
  };
}

/**
 * Files whose names stay the same across releases (the service worker, what it loads, the page it
 * precaches as /index.html): browsers must ask every time.
 */
const UNHASHED_FILES = /^(index\.html|sw\.js|registerSW\.js|workbox-[\w-]+\.js|manifest\.webmanifest)$/;

// Vite puts a content hash in every asset name, so those files never change.
function immutableAssets(res: express.Response, filePath: string) {
  if (filePath.includes(`${path.sep}assets${path.sep}`)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
  else if (UNHASHED_FILES.test(path.basename(filePath))) res.setHeader('cache-control', 'no-cache');
}

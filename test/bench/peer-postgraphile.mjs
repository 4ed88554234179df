// PostGraphile 5, the peer of `pnpm bench:peer`: serves the same database as the application role,
// so the same row-level security applies, with the same per-transaction viewer settings Sinergi
// sets (sinergi.user_id, role, org_id, area_code, now, today). A bearer token here is a username the
// parent resolved to those settings (PEER_VIEWERS); this process has no login of its own.
//
//   PEER_DATABASE_URL=… PEER_PORT=… PEER_VIEWERS='{"admin":{…}}' node test/bench/peer-postgraphile.mjs
import { createServer } from 'node:http';

// PostGraphile 5 uses Promise.withResolvers (Node 22); Node 20 lacks it.
Promise.withResolvers ??= function withResolvers() {
  let resolve;
  let reject;
  const promise = new this((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

const { postgraphile } = await import('postgraphile');
const { PostGraphileAmberPreset } = await import('postgraphile/presets/amber');
const { makePgService } = await import('postgraphile/adaptors/pg');
const { grafserv } = await import('postgraphile/grafserv/node');

const viewers = JSON.parse(process.env.PEER_VIEWERS ?? '{}');
const jakartaDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' });

const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({
      connectionString: process.env.PEER_DATABASE_URL,
      schemas: ['public'],
      poolConfig: { max: Number(process.env.PEER_POOL_MAX ?? 10) },
    }),
  ],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: {
    explain: false,
    context(requestContext) {
      const auth = requestContext.node?.req?.headers.authorization ?? '';
      const viewer = viewers[auth.replace(/^Bearer /, '')];
      const now = new Date();
      return {
        pgSettings: {
          'sinergi.user_id': viewer?.userId ?? '',
          'sinergi.role': viewer?.role ?? '',
          'sinergi.org_id': viewer?.organizationId ?? '',
          'sinergi.area_code': viewer?.areaCode ?? '',
          'sinergi.now': now.toISOString(),
          'sinergi.today': jakartaDay.format(now),
        },
      };
    },
  },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
serv.addTo(server);
server.listen(Number(process.env.PEER_PORT), '127.0.0.1', () => console.log('postgraphile listening'));

const stop = async () => {
  server.close();
  await pgl.release();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

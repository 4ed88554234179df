import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { Viewer } from '../auth/viewer.js';
import type { RequestConnection } from '../db/query-discipline.js';
import type { Loaders } from './loaders.js';

export interface Context {
  /** The request's entity manager; its transaction opens once the operation is validated. */
  em: EntityManager;
  /** Resolved inside the request's transaction, before execution. */
  viewer: Viewer | null;
  /** The session or API token presented, if any. */
  token: string | undefined;
  /** The one connection this request may use. */
  connection: RequestConnection;
  loaders: Loaders;
  requestId: string;
  ip: string | null;
  log: Logger;
  req: Request;
  res: Response;
  /** Ids of people and households whose personal data this response disclosed (audited once per request). */
  disclosed: Set<string>;
  /** Set when a write was a retry of one already saved; the response then carries extensions.replayed (offline outbox). */
  replayed?: boolean;
}

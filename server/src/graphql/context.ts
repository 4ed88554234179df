import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { Viewer } from '../auth/viewer.js';
import type { Loaders } from './loaders.js';

export interface Context {
  em: EntityManager;
  viewer: Viewer | null;
  loaders: Loaders;
  requestId: string;
  ip: string | null;
  log: Logger;
  req: Request;
  res: Response;
  /** Ids of people and households whose personal data this response disclosed (audited once per request). */
  disclosed: Set<string>;
}

import type { Request } from 'express';
import { SESSION_COOKIE } from '../auth/auth.service.js';

/** The session or API token a request presents: `Authorization: Bearer …`, else the session cookie. */
export function requestToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (header?.toLowerCase().startsWith('bearer ')) return header.slice(7).trim();
  const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
  return cookie || undefined;
}

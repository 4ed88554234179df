import type { CookieOptions, NextFunction, Request, Response } from 'express';
import type { Config } from '../config/config.js';

/**
 * What the portal and the bundled GraphiQL need, and no more (checked in Chromium): everything from
 * this origin (no CDN), Monaco's and GraphiQL's web workers from same-origin files, data: for the
 * inline favicon and the fonts Monaco embeds in its CSS, inline styles because Mantine and Monaco set
 * style attributes and inject <style> elements at run time. Scripts stay 'self': no inline script, no eval.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Browsers keep to https for a year once they have seen the site over TLS. */
const HSTS = 'max-age=31536000; includeSubDomains';

/** Security headers on every response; HSTS only on a response that went out over TLS. */
export function securityHeaders() {
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('referrer-policy', 'same-origin');
    res.setHeader('cross-origin-opener-policy', 'same-origin');
    if (req.secure) res.setHeader('strict-transport-security', HSTS);
    next();
  };
}

/**
 * The session cookie: never readable by scripts, never sent on a cross-site request, and Secure
 * over https (req.secure believes X-Forwarded-Proto only from a proxy trusted by TRUST_PROXY).
 */
export function sessionCookieOptions(req: Request, secure: Config['COOKIE_SECURE']): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    secure: secure === 'auto' ? req.secure : secure === 'true',
    path: '/',
  };
}

import { STATUS_CODES } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

/**
 * The last error handler: replaces Express's default, which prints the error (a request body's
 * JSON parse error quotes the body) on the console. Client errors answer their status without
 * echoing the input; anything else goes to the redacting logger and answers 500.
 */
export function errorHandler(log: Logger) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const given = (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode;
    const status = typeof given === 'number' && given >= 400 && given < 600 ? given : 500;
    if (status >= 500) log.error({ err: error, requestId: res.locals['requestId'] }, 'unexpected error');
    const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
    res.status(status).json({ errors: [{ message: STATUS_CODES[status] ?? 'Error', extensions: { code } }] });
  };
}

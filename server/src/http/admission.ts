import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { languageOf } from '../graphql/language.js';
import { problem, render } from '../graphql/messages.js';

export interface AdmissionLimits {
  /** Requests handled at once: each holds a pooled connection for its transaction. */
  concurrency: number;
  /** Requests waiting for a turn; one more is answered 503 at once. */
  queue: number;
  /** How long a request may wait for its turn before it is answered 503. */
  waitMs: number;
}

interface Waiter {
  admit: () => void;
  timer: NodeJS.Timeout;
}

/**
 * Admission control: at most `concurrency` requests run at once and the others wait in line, in the
 * order they came. When the line is full or a request has waited `waitMs`, the server answers 503
 * with Retry-After at once instead of letting requests pile up until their database timeouts answer
 * 500 a minute later: the requests it admits stay fast, and clients (the portal's outbox) retry later.
 */
export function admission(limits: AdmissionLimits, log: Logger): RequestHandler & { load(): { running: number; waiting: number } } {
  let running = 0;
  const line: Waiter[] = [];
  let shed = 0;
  let lastReport = 0;
  const retryAfter = Math.max(1, Math.ceil(limits.waitMs / 1000));

  const release = () => {
    const next = line.shift();
    if (next) {
      clearTimeout(next.timer);
      next.admit();
    } else running--;
  };

  const refuse = (req: Request, res: Response) => {
    shed++;
    const now = Date.now();
    // Once per 10 s at most: under overload a line per refusal would add to the load.
    if (now - lastReport > 10_000) {
      log.warn({ shed, running, waiting: line.length }, 'overloaded: answering 503');
      lastReport = now;
      shed = 0;
    }
    const reason = problem('SERVER_BUSY', { seconds: retryAfter });
    // As Apollo answers: a client that prefers the GraphQL media type reads the errors of a non-2xx answer.
    const type = req.accepts(['application/json', 'application/graphql-response+json']) || 'application/json';
    res
      .status(503)
      .type(type)
      .set('retry-after', String(retryAfter))
      .set('cache-control', 'no-store')
      .json({
        errors: [
          {
            message: render(reason, languageOf(req.headers['accept-language'])),
            extensions: { code: 'SERVICE_UNAVAILABLE', reason: reason.reason, retryAfterSeconds: retryAfter },
          },
        ],
      });
  };

  const handler: RequestHandler = (req, res, next) => {
    const start = () => {
      // 'close' comes once the response is sent or the client went away, on every path.
      res.once('close', release);
      next();
    };
    if (running < limits.concurrency) {
      running++;
      start();
      return;
    }
    if (line.length >= limits.queue) {
      refuse(req, res);
      return;
    }
    const waiter: Waiter = {
      admit: () => {
        res.off('close', leave);
        start();
      },
      timer: setTimeout(() => {
        leave();
        refuse(req, res);
      }, limits.waitMs),
    };
    // A client that gave up while waiting leaves the line.
    const leave = () => {
      clearTimeout(waiter.timer);
      const at = line.indexOf(waiter);
      if (at >= 0) line.splice(at, 1);
    };
    res.once('close', leave);
    line.push(waiter);
  };
  return Object.assign(handler, { load: () => ({ running, waiting: line.length }) });
}

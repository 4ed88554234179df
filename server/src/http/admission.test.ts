import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { admission, type AdmissionLimits } from './admission.js';

// A real HTTP server whose handler finishes only when the test says so: what runs, waits or is refused is
// then decided by the admission control alone, not by timing.
let server: Server | undefined;
let control: ReturnType<typeof admission>;
const gates: Array<() => void> = [];
let started = 0;

async function serve(limits: AdmissionLimits): Promise<string> {
  const app = express();
  control = admission(limits, pino({ level: 'silent' }));
  app.use(control);
  app.post('/', (_req, res) => {
    started++;
    gates.push(() => res.json({ data: { ok: started } }));
  });
  server = app.listen(0);
  await new Promise((resolve) => server!.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

afterEach(async () => {
  gates.splice(0).forEach((open) => open());
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
  started = 0;
});

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('admission control', () => {
  it('runs up to its concurrency, lets the next wait in order, and answers 503 with Retry-After beyond the line', async () => {
    const url = await serve({ concurrency: 2, queue: 1, waitMs: 60_000 });
    const first = fetch(url, { method: 'POST' });
    const second = fetch(url, { method: 'POST' });
    await until(() => started === 2);
    const third = fetch(url, { method: 'POST' });
    await until(() => control.load().waiting === 1);
    // The line holds one: a fourth request is refused at once, while the third still waits.
    const fourth = await fetch(url, { method: 'POST', headers: { 'accept-language': 'en' } });
    expect(fourth.status).toBe(503);
    expect(fourth.headers.get('retry-after')).toBe('60');
    expect(fourth.headers.get('cache-control')).toBe('no-store');
    expect(await fourth.json()).toEqual({
      errors: [{ message: 'The server is busy; try again in 60 s', extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'SERVER_BUSY', retryAfterSeconds: 60 } }],
    });
    expect(started).toBe(2);

    gates.shift()!();
    expect((await first).status).toBe(200);
    // The finished request's turn goes to the one waiting.
    await until(() => started === 3);
    gates.splice(0).forEach((open) => open());
    expect((await second).status).toBe(200);
    expect((await third).status).toBe(200);
  });

  it('answers 503 in Indonesian, as a GraphQL response, to a request that waited too long', async () => {
    const url = await serve({ concurrency: 1, queue: 10, waitMs: 100 });
    const first = fetch(url, { method: 'POST' });
    await until(() => started === 1);
    expect(control.load()).toEqual({ running: 1, waiting: 0 });
    const waited = await fetch(url, { method: 'POST', headers: { accept: 'application/graphql-response+json, application/json;q=0.9' } });
    expect(waited.status).toBe(503);
    expect(waited.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(waited.headers.get('retry-after')).toBe('1');
    const body = (await waited.json()) as { errors: Array<{ message: string }> };
    expect(body.errors[0]!.message).toBe('Server sedang sibuk; coba lagi dalam 1 detik');
    // It never ran, and its place is free again: the next request runs once the first is done.
    expect(started).toBe(1);
    gates.shift()!();
    expect((await first).status).toBe(200);
    const next = fetch(url, { method: 'POST' });
    await until(() => started === 2);
    gates.shift()!();
    expect((await next).status).toBe(200);
  });

  it('gives the turn of a client that gave up while waiting to the next in line', async () => {
    const url = await serve({ concurrency: 1, queue: 1, waitMs: 60_000 });
    const first = fetch(url, { method: 'POST' });
    await until(() => started === 1);
    const abort = new AbortController();
    const gaveUp = fetch(url, { method: 'POST', signal: abort.signal }).catch((error: Error) => error.name);
    await until(() => control.load().waiting === 1);
    expect((await fetch(url, { method: 'POST' })).status).toBe(503);
    abort.abort();
    expect(await gaveUp).toBe('AbortError');
    await until(() => control.load().waiting === 0);
    const next = fetch(url, { method: 'POST' });
    gates.shift()!();
    expect((await first).status).toBe(200);
    await until(() => started === 2);
    gates.shift()!();
    expect((await next).status).toBe(200);
    expect(started).toBe(2);
    await until(() => control.load().running === 0);
  });
});

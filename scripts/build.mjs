// Builds what is missing or out of date: the server (tsc, incremental) and the portal (vite).
// `--force` rebuilds everything; `--server-only` skips the portal.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const args = new Set(process.argv.slice(2));
const force = args.has('--force');

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function run(cmd, cmdArgs, cwd) {
  execFileSync(cmd, cmdArgs, { cwd, stdio: 'inherit' });
}

const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
if (!fs.existsSync(tsc)) {
  console.error('Dependencies are missing: run "pnpm install" first.');
  process.exit(1);
}

const serverDir = path.join(root, 'server');
const serverMarker = path.join(serverDir, 'dist', 'main.js');
const serverStale =
  force || !fs.existsSync(serverMarker) ||
  newestMtime(path.join(serverDir, 'src')) > fs.statSync(serverMarker).mtimeMs;
if (serverStale) {
  console.log('building the server…');
  run(tsc, ['-p', 'tsconfig.build.json'], serverDir);
  fs.utimesSync(serverMarker, new Date(), new Date());
}

if (!args.has('--server-only')) {
  const webDir = path.join(root, 'web');
  const webMarker = path.join(webDir, 'dist', 'index.html');
  const webInputs = Math.max(
    newestMtime(path.join(webDir, 'src')),
    newestMtime(path.join(webDir, 'public')),
    fs.statSync(path.join(webDir, 'index.html')).mtimeMs,
    fs.statSync(path.join(webDir, 'vite.config.ts')).mtimeMs,
  );
  if (force || !fs.existsSync(webMarker) || webInputs > fs.statSync(webMarker).mtimeMs) {
    console.log('building the portal…');
    run(path.join(webDir, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], webDir);
  }
}

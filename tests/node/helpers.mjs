// Shared by the node:test suites: paths and a runner for the nnplay command line.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const nativeRunner = path.join(root, 'build', 'nnplay');

// Runs `command args...` with optional stdin; returns {status, stdout, stderr, lines}.
export function runCli(command, args, input) {
  const r = spawnSync(command, args, { input, encoding: 'utf8', cwd: root, maxBuffer: 1 << 28 });
  const lines = r.stdout.split('\n').filter(Boolean);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, lines };
}

// Shared by the node:test suites: paths, the two runners (native and WebAssembly) and the engine.
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const nativeRunner = path.join(root, 'build', 'nnplay');
export const wasmRunner = path.join(root, 'bin', 'nnplay.mjs');

// The same command-line interface, backed by the native build and by the WebAssembly build.
export const runners = [
  { name: 'native', command: nativeRunner, prefix: [] },
  { name: 'wasm', command: process.execPath, prefix: [wasmRunner] },
];

// Runs `command args...` with optional stdin; returns {status, stdout, stderr, lines}.
export function runCli(command, args, input) {
  const r = spawnSync(command, args, { input, encoding: 'utf8', cwd: root, maxBuffer: 1 << 28 });
  const lines = r.stdout.split('\n').filter(Boolean);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, lines };
}

export function runWith(runner, args, input) {
  return runCli(runner.command, [...runner.prefix, ...args], input);
}

// The built JS API module (dist/engine/nnplay.mjs).
export async function loadEngine() {
  const api = await import(pathToFileURL(path.join(root, 'dist', 'engine', 'nnplay.mjs')).href);
  return { api, nn: await api.createEngine() };
}

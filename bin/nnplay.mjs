#!/usr/bin/env node
// nnplay, backed by the WebAssembly build: the native runner's exact interface.
//   nnplay run [--weights] SPEC.json   train, print JSON lines (docs/spec.md)
//   nnplay data SPEC.json              print the dataset as CSV
// SPEC.json may be "-" for stdin. Exit status: 0 ok, 2 bad spec (message on stderr), 1 other failure.
import fs from 'node:fs';
import path from 'node:path';

const USAGE = 'usage: nnplay run [--weights] SPEC.json\n       nnplay data SPEC.json\n' +
  "SPEC.json is an experiment spec (docs/spec.md); '-' reads it from stdin.\n";

function fail(message, status) {
  process.stderr.write(`nnplay: ${message}\n`);
  process.exitCode = status;
}

// The spec text, with a csv data.path read into data.text (relative to the spec file's folder).
function resolveCsvPath(text, folder, nn) {
  nn.validate(text);
  const spec = JSON.parse(text);
  const data = spec.data;
  if (!data || data.name !== 'csv' || typeof data.path !== 'string') return text;
  const file = path.isAbsolute(data.path) ? data.path : path.join(folder, data.path);
  let csv;
  try {
    csv = fs.readFileSync(file, 'utf8');
  } catch {
    const error = new Error(`spec error at data.path: cannot read the CSV file "${file}"`);
    error.kind = 'spec';
    throw error;
  }
  const { path: _, ...rest } = data;
  return JSON.stringify({ ...spec, data: { ...rest, text: csv } });
}

async function main(argv) {
  const [command, second] = argv;
  const weights = second === '--weights';
  const fileArg = weights ? 2 : 1;
  if ((command !== 'run' && command !== 'data') || argv.length !== fileArg + 1 || (weights && command !== 'run')) {
    process.stderr.write(USAGE);
    process.exitCode = 2;
    return;
  }
  const file = argv[fileArg];
  let text;
  try {
    text = fs.readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch {
    return fail(`cannot read the spec file "${file}"`, 1);
  }
  let createEngine;
  try {
    ({ createEngine } = await import('../dist/engine/nnplay.mjs'));
  } catch {
    return fail('the WebAssembly engine is not built: run `npm run build` first', 1);
  }
  const nn = await createEngine();
  try {
    const spec = resolveCsvPath(text, file === '-' ? process.cwd() : path.dirname(file), nn);
    if (command === 'data') {
      process.stdout.write(nn.datasetCsv(spec));
    } else {
      nn.run(spec, { weights, onLine: (_, line) => process.stdout.write(`${line}\n`) });
    }
  } catch (error) {
    fail(error.message, error.kind === 'spec' ? 2 : 1);
  }
}

// Output piped into a reader that stops early (`| head`): stop quietly, as the native runner does.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

await main(process.argv.slice(2));

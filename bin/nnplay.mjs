#!/usr/bin/env node
// nnplay, backed by the WebAssembly build: the native runner's exact interface and answers
// (engine/cli/main.cpp): the same exit status and the same message for every input.
//   nnplay run [--weights] SPEC.json   train, print JSON lines (docs/spec.md)
//   nnplay data SPEC.json              print the dataset as CSV
// SPEC.json may be "-" for stdin. Exit status: 0 ok, 2 bad spec (message on stderr), 1 other failure.
// Files are read as bytes, within the engine's caps, and handed to the engine as bytes, so that
// a byte order mark or bytes that are not UTF-8 get the native runner's answer.
import fs from 'node:fs';

const USAGE = 'usage: nnplay run [--weights] SPEC.json\n       nnplay data SPEC.json\n' +
  "SPEC.json is an experiment spec (docs/spec.md); '-' reads it from stdin.\n";

/** A failure with its exit status: 2 for bad input, 1 otherwise. */
class RunnerError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

// Control characters from the input never reach the terminal raw (format.h's printable()).
const printable = (text) => text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const bytesText = (bytes) => `${Math.floor(bytes / 1048576)} MiB (${bytes} bytes)`;

/** A file (or stdin, fd 0) read up to `cap` bytes; null when it cannot be read (missing, a directory). */
function readCapped(file, cap, subject) {
  let fd;
  try {
    fd = file === '-' ? 0 : fs.openSync(file, 'r');
  } catch {
    return null;
  }
  const chunks = [];
  let total = 0;
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafe(1 << 16);
      let n;
      try {
        n = fs.readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        if (error.code === 'EAGAIN') continue;  // a non-blocking stdin with nothing yet
        if (error.code === 'EOF') break;
        return null;
      }
      if (n === 0) break;
      if (total + n > cap) throw new RunnerError(`${subject} larger than the cap of ${bytesText(cap)}`, 2);
      chunks.push(chunk.subarray(0, n));
      total += n;
    }
  } finally {
    if (fd !== 0) fs.closeSync(fd);
  }
  return Buffer.concat(chunks, total);
}

// The spec as the engine reads it, with a csv data.path read into data.text (relative to the
// spec file's folder). The engine validates the bytes first: nesting, size, UTF-8, a NUL in the path.
function loadSpec(file, nn) {
  const limits = nn.limits();
  const bytes = readCapped(file, limits.specBytes, 'spec is');
  if (bytes === null) throw new RunnerError(`cannot read the spec file "${file}"`, 1);
  nn.validate(bytes);
  const spec = JSON.parse(new TextDecoder().decode(bytes));  // valid UTF-8 now; a BOM is dropped
  const data = spec.data;
  if (!data || data.name !== 'csv' || typeof data.path !== 'string') return bytes;
  const slash = file.lastIndexOf('/');
  const folder = file !== '-' && slash >= 0 ? file.slice(0, slash + 1) : '';
  const csvFile = data.path.startsWith('/') ? data.path : folder + data.path;
  const csv = readCapped(csvFile, limits.csvBytes, 'CSV: the file at data.path is');
  if (csv === null) throw new RunnerError(`spec error at data.path: cannot read the CSV file "${csvFile}"`, 2);
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(csv);
  } catch {
    throw new RunnerError('CSV: the text is not UTF-8 (save the file as UTF-8)', 2);
  }
  const { path: _, ...rest } = data;
  return JSON.stringify({ ...spec, data: { ...rest, text } });
}

/**
 * Writes to stdout (fd 1) synchronously: a run stops at the first failed write. Returns false
 * when the reader has gone (`| head`: stop quietly); throws for any other failure (/dev/full).
 */
function writeOut(text) {
  const bytes = Buffer.from(text);
  for (let done = 0; done < bytes.length;) {
    try {
      done += fs.writeSync(1, bytes, done);
    } catch (error) {
      if (error.code === 'EAGAIN') continue;
      if (error.code === 'EPIPE') return false;
      throw new RunnerError('cannot write the output (stdout)', 1);
    }
  }
  return true;
}

async function main(argv) {
  const [command, second] = argv;
  const weights = second === '--weights';
  const fileArg = weights ? 2 : 1;
  if ((command !== 'run' && command !== 'data') || argv.length !== fileArg + 1 || (weights && command !== 'run')) {
    process.stderr.write(USAGE);
    return 2;
  }
  let createEngine;
  try {
    ({ createEngine } = await import('../dist/engine/nnplay.mjs'));
  } catch {
    throw new RunnerError('the WebAssembly engine is not built: run `npm run build` first', 1);
  }
  const nn = await createEngine();
  const spec = loadSpec(argv[fileArg], nn);
  let failure = null;
  const write = (text) => {
    try {
      return writeOut(text);
    } catch (error) {
      failure = error;
      return false;
    }
  };
  if (command === 'data') write(nn.datasetCsv(spec));
  else nn.run(spec, { weights, onLine: (_, line) => write(`${line}\n`) });
  if (failure) throw failure;
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const status = error instanceof RunnerError ? error.status : error.kind === 'spec' ? 2 : 1;
  process.stderr.write(`nnplay: ${printable(error.message)}\n`);
  process.exitCode = status;
}

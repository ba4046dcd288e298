// The runner contract to the letter (docs/spec.md, issue 11): hostile input, huge input and a
// broken stdout get the same exit status and the same message from the native runner and from
// the WebAssembly one, and never a crash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, runners, runWith } from './helpers.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-contract-'));
const file = (name, content) => {
  fs.writeFileSync(path.join(dir, name), content);
  return path.join(dir, name);
};

// Runs both runners on the same input; they must agree on status and stderr. Returns the native answer.
function both(args, input) {
  const [native, wasm] = runners.map((runner) => runWith(runner, args, input));
  assert.equal(wasm.status, native.status, `status: native ${native.stderr} / wasm ${wasm.stderr}`);
  assert.equal(wasm.stderr, native.stderr);
  assert.equal(wasm.stdout, native.stdout);
  return native;
}

const deep = (depth) => `{"seed":${'['.repeat(depth)}${']'.repeat(depth)}}`;

test('nesting 100,000 deep is a spec error naming the cap in both runners', () => {
  const r = both(['run', '-'], deep(100000));
  assert.equal(r.status, 2);
  assert.equal(r.stderr, 'nnplay: spec is nested deeper than the cap of 64 levels of arrays and objects inside each other\n');
  const within = both(['run', '-'], deep(63));  // 64 levels: parsed, then refused as a seed
  assert.equal(within.status, 2);
  assert.match(within.stderr, /spec error at seed/);
});

test('a spec past 64 MiB on stdin, and /dev/zero as data.path, are refused naming the cap', () => {
  const big = `{"seed": 0${' '.repeat(64 << 20)}}`;
  const r = both(['run', '-'], big);
  assert.equal(r.status, 2);
  assert.equal(r.stderr, 'nnplay: spec is larger than the cap of 64 MiB (67108864 bytes)\n');
  const zero = both(['run', '-'], '{"data": {"name": "csv", "path": "/dev/zero"}}');
  assert.equal(zero.status, 2);
  assert.equal(zero.stderr, 'nnplay: CSV: the file at data.path is larger than the cap of 16 MiB (16777216 bytes)\n');
});

test('a CSV header of 15 MB of commas is refused by its width', () => {
  file('commas.csv', `${','.repeat(15 << 20)}\n1,0\n`);
  const r = both(['run', file('wide.json', '{"data": {"name": "csv", "path": "commas.csv"}}')]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /CSV row 1, column 67: at most 64 feature columns/);
});

test('the work cap: 8 layers of 1024 units on 200,000 points is a spec error naming the cap', () => {
  const hidden = Array(8).fill(1024);
  const r = both(['run', '-'], JSON.stringify({ data: { n: 200000 }, model: { hidden } }));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /spec error at model\.hidden: one epoch would take \d+ multiply-adds .* past the work cap of 6000000000/);
});

test('an unwritable stdout (/dev/full) exits 1 with a message in both runners', () => {
  for (const runner of runners) {
    const out = fs.openSync('/dev/full', 'w');
    const r = spawnSync(runner.command, [...runner.prefix, 'run', '-'], {
      input: '{"data": {"n": 50}, "model": {"hidden": [4]}, "epochs": 3, "log_every": 1}',
      stdio: ['pipe', out, 'pipe'], encoding: 'utf8', cwd: root });
    fs.closeSync(out);
    assert.equal(r.status, 1, runner.name);
    assert.equal(r.stderr, 'nnplay: cannot write the output (stdout)\n', runner.name);
  }
});

test('a stdout closed early (| head -c 100) stops both runners quietly', () => {
  // 10 million epochs, a line each: only stopping at the closed pipe ends this run.
  const spec = file('long.json', '{"data": {"n": 10}, "model": {"hidden": []}, "epochs": 10000000, "log_every": 1}');
  for (const runner of runners) {
    const command = [runner.command, ...runner.prefix, 'run', spec].map((a) => `'${a}'`).join(' ');
    const r = spawnSync('bash', ['-c', `${command} 2>'${dir}/err' | head -c 100 > /dev/null; echo "\${PIPESTATUS[0]}"`],
      { encoding: 'utf8' });
    assert.equal(r.stdout.trim(), '0', runner.name);
    assert.equal(fs.readFileSync(path.join(dir, 'err'), 'utf8'), '', runner.name);
  }
});

test('control characters from the input are escaped in messages', () => {
  const key = both(['run', '-'], '{"x\\u001b[31m": 1}');
  assert.equal(key.status, 2);
  assert.ok(!key.stderr.includes('\u001b'));
  assert.match(key.stderr, /spec error at x\\u001b\[31m: unknown field/);
  const cell = both(['run', '-'], JSON.stringify({ data: { name: 'csv', text: 'a,label\n\u001b[2J,0\n' } }));
  assert.equal(cell.status, 2);
  assert.match(cell.stderr, /CSV row 2, column 1: expected a number, got "\\u001b\[2J"/);
  const missing = both(['run', '-'], JSON.stringify({ data: { name: 'csv', path: '/nonexistent/\u001b[31m.csv' } }));
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, 'nnplay: spec error at data.path: cannot read the CSV file "/nonexistent/\\u001b[31m.csv"\n');
});

test('a byte order mark, invalid UTF-8, a directory and a NUL in data.path: one answer each', () => {
  const bom = both(['run', '-'], Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"data": {"n": 20}, "epochs": 1}')]));
  assert.equal(bom.status, 0, bom.stderr);
  assert.equal(JSON.parse(bom.stdout.trim().split('\n').at(-1)).final, true);
  const invalid = both(['run', '-'], Buffer.from('{"data": {"name": "csv", "text": "a,label\\n1,\xff\\n"}}', 'latin1'));
  assert.equal(invalid.status, 2);
  assert.match(invalid.stderr, /spec is not valid JSON: .*invalid string: ill-formed UTF-8 byte/);
  file('latin1.csv', Buffer.from('a,label\n\xe9,0\n', 'latin1'));
  const csv = both(['run', file('latin1.json', '{"data": {"name": "csv", "path": "latin1.csv"}}')]);
  assert.equal(csv.status, 2);
  assert.equal(csv.stderr, 'nnplay: CSV: the text is not UTF-8 (save the file as UTF-8)\n');
  const folder = both(['run', dir]);
  assert.equal(folder.status, 1);
  assert.equal(folder.stderr, `nnplay: cannot read the spec file "${dir}"\n`);
  const nul = both(['run', '-'], '{"data": {"name": "csv", "path": "points.csv\\u0000.txt"}}');
  assert.equal(nul.status, 2);
  assert.match(nul.stderr, /spec error at data\.path: expected a file path without NUL characters/);
  const folderCsv = both(['run', file('dircsv.json', JSON.stringify({ data: { name: 'csv', path: dir } }))]);
  assert.equal(folderCsv.status, 2);
});

test('a CSV split column sorts the rows into their splits, whatever their order', () => {
  const text = 'x,label,split\n1,0,test\n2,1,train\n3,0,val\n4,1,train\n';
  const r = both(['data', '-'], JSON.stringify({ data: { name: 'csv', text } }));
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'x1,label,split\n2,1,train\n4,1,train\n3,0,val\n1,0,test\n');
});

// The runner's interface, native and WebAssembly alike: JSON lines, exit codes, errors on stderr only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runners, runWith } from './helpers.mjs';

const small = JSON.stringify({ data: { name: 'circle', n: 100 }, model: { hidden: [4] }, epochs: 10, log_every: 5 });

for (const runner of runners) {
  test(`${runner.name}: run prints a JSON line at epoch 0, every log_every epochs, and a final line`, () => {
    const r = runWith(runner, ['run', '-'], small);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.lines.map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.epoch ?? 'final'), [0, 5, 10, 'final']);
    assert.equal(lines.at(-1).final, true);
    assert.equal(lines.at(-1).status, 'ok');
    assert.ok('val' in lines[1] && 'test' in lines[1]);
    assert.ok(!('weights' in lines.at(-1)));
  });

  test(`${runner.name}: --weights adds the weights in PyTorch layout`, () => {
    const r = runWith(runner, ['run', '--weights', '-'], small);
    const final = JSON.parse(r.lines.at(-1));
    assert.equal(final.weights.length, 2);
    assert.equal(final.weights[0].weight.length, 4); // nn.Linear(2, 4): weight[out][in]
    assert.equal(final.weights[0].weight[0].length, 2);
    assert.equal(final.weights[1].bias.length, 2);
  });

  test(`${runner.name}: a bad spec exits 2 with the message on stderr and nothing on stdout`, () => {
    for (const spec of ['{"optimizer": {"name": "sgd", "lr": "fast"}}', '{"seed": ', '{"epoch": 3}']) {
      const r = runWith(runner, ['run', '-'], spec);
      assert.equal(r.status, 2, spec);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /spec/);
    }
    const r = runWith(runner, ['run', '-'], '{"optimizer": {"name": "sgd", "lr": "fast"}}');
    assert.match(r.stderr, /optimizer\.lr: expected a number >= 0, got "fast"/);
  });

  test(`${runner.name}: usage errors exit 2; an unreadable spec file exits 1`, () => {
    assert.equal(runWith(runner, []).status, 2);
    assert.equal(runWith(runner, ['train', 'x.json']).status, 2);
    const missing = runWith(runner, ['run', '/nonexistent/spec.json']);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /cannot read the spec file/);
  });

  test(`${runner.name}: data prints CSV; a csv data.path is read relative to the spec file`, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-'));
    fs.writeFileSync(path.join(dir, 'points.csv'), 'a,b,label\n0,0,0\n1,1,1\n0,1,1\n1,0,0\n');
    fs.writeFileSync(path.join(dir, 'spec.json'), JSON.stringify({ data: { name: 'csv', path: 'points.csv' }, model: { hidden: [] }, epochs: 2 }));
    const data = runWith(runner, ['data', path.join(dir, 'spec.json')]);
    assert.equal(data.status, 0, data.stderr);
    assert.equal(data.stdout, 'x1,x2,label,split\n0,0,0,train\n1,1,1,train\n0,1,1,train\n1,0,0,train\n');
    const run = runWith(runner, ['run', path.join(dir, 'spec.json')]);
    assert.equal(run.status, 0, run.stderr);
    fs.writeFileSync(path.join(dir, 'bad.csv'), 'a,b,label\n0,zero,0\n');
    fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ data: { name: 'csv', path: 'bad.csv' } }));
    const bad = runWith(runner, ['run', path.join(dir, 'bad.json')]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /CSV row 2, column 2: expected a number, got "zero"/);
  });
}

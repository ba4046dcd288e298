// "Export as PyTorch": the exported script, run by Debian's python3-torch, prints the numbers the
// engine printed for the same spec. Without torch (a developer machine), the scripts are only
// byte-compiled and the run is reported as skipped; .ci/run installs python3-torch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadEngine, root } from './helpers.mjs';
import { exportPyTorch } from '../../web/shared/pytorch-export.js';

const { nn } = await loadEngine();
const python = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['--version']).status === 0);
const hasTorch = python && spawnSync(python, ['-c', 'import torch, numpy, sklearn'], { encoding: 'utf8' }).status === 0;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-export-'));

const goldenSpecs = path.join(root, 'tests', 'golden', 'specs');
const cases = fs.readdirSync(goldenSpecs).filter((f) => f.endsWith('.json'))
  .map((f) => ({ name: f.replace('.json', ''), spec: JSON.parse(fs.readFileSync(path.join(goldenSpecs, f), 'utf8')) }));
cases.push({ name: 'tutorial_001_short', spec: { epochs: 30, log_every: 10, predict: [[0.5, -1]] } });
// data.holdout: a CSV without a split column, shuffled by the seed (np.random.permutation) and split 80/10/10.
const csvRows = (label) => `x1,x2,label\n${Array.from({ length: 40 }, (_, i) => `${(i % 7) - 3},${(i % 5) * 0.5},${label(i)}`).join('\n')}\n`;
cases.push({ name: 'csv_holdout', spec: { seed: 3, data: { name: 'csv', text: csvRows((i) => i % 3), holdout: true },
  model: { hidden: [4] }, optimizer: { name: 'sgd', lr: 0.1 }, epochs: 20, log_every: 10 } });
cases.push({ name: 'csv_holdout_regression', spec: { seed: 5, task: 'regression', data: { name: 'csv', text: csvRows((i) => (i % 9) * 0.25 - 1), holdout: true, split: [0.6, 0.2, 0.2] },
  model: { hidden: [4] }, optimizer: { name: 'sgd', lr: 0.05 }, epochs: 20, log_every: 10 } });

// A CSV with a split column (as `nnplay data` and the page export it): each row's split decides,
// whatever the file's order; holdout changes nothing; shuffle permutes before the split is taken.
const splitRows = `x1,x2,label,split\n${Array.from({ length: 40 }, (_, i) => `${(i % 7) - 3},${(i % 5) * 0.5},${i % 3},${['train', 'val', 'train', 'test', 'train'][i % 5]}`).join('\n')}\n`;
cases.push({ name: 'csv_split_column', spec: { seed: 4, data: { name: 'csv', text: splitRows, holdout: true, standardize: true },
  model: { hidden: [4] }, optimizer: { name: 'sgd', lr: 0.1 }, epochs: 20, log_every: 10 } });
cases.push({ name: 'csv_split_column_shuffled', spec: { seed: 6, data: { name: 'csv', text: `\n${splitRows.replace('split\n', ' split \r\n')}`, shuffle: true },
  model: { hidden: [3] }, optimizer: { name: 'sgd', lr: 0.1 }, epochs: 20, log_every: 10 } });

const close = (a, b, rel) => (a === null || b === null ? a === b : Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)) + 1e-7);

/** Every number of a trace line, value by value: within 1e-4 relative + 1e-6 absolute. */
function assertNear(a, b, where) {
  if (typeof a === 'number') {
    assert.equal(typeof b, 'number', `${where}: ${a} vs ${b}`);
    assert.ok(Math.abs(a - b) <= 1e-4 * Math.abs(a) + 1e-6, `${where}: ${a} vs ${b}`);
  } else if (a === null || typeof a !== 'object') {
    assert.equal(b, a, where);
  } else {
    assert.deepEqual(Object.keys(b ?? {}).sort(), Object.keys(a).sort(), `${where}: keys`);
    for (const key of Object.keys(a)) assertNear(a[key], b[key], `${where}.${key}`);
  }
}

function assertSameTrace(a, b, k) {
  assert.ok(b.trace, `line ${k}: the script printed ${JSON.stringify(b).slice(0, 80)} where nnplay printed a trace`);
  for (const key of ['step', 'epoch', 'batch']) assert.deepEqual(b.trace[key], a.trace[key], `line ${k}: trace.${key}`);
  assert.equal(b.trace.sample?.index, a.trace.sample.index, `line ${k}: trace.sample.index`);
  assertNear(a.trace, b.trace, `line ${k}: trace`);
}

for (const { name, spec } of cases) {
  test(`export as PyTorch: ${name}`, (t) => {
    const script = exportPyTorch(nn.normalize(spec), { title: name });
    const file = path.join(dir, `${name}.py`);
    fs.writeFileSync(file, script);
    if (!python) return t.skip('no python3 on this machine');
    const compiled = spawnSync(python, ['-m', 'py_compile', file], { encoding: 'utf8' });
    assert.equal(compiled.status, 0, compiled.stderr);
    if (!hasTorch) return t.skip('python3-torch is not installed: the script was byte-compiled, not run');

    const run = spawnSync(python, [file], { encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.equal(run.status, 0, run.stderr);
    const theirs = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const ours = nn.run(spec, { weights: true });
    assert.equal(theirs.length, ours.length);
    ours.forEach((a, k) => {
      const b = theirs[k];
      if (a.trace) return assertSameTrace(a, b, k);
      assert.ok(!b.trace, `line ${k}: a trace line where nnplay printed none`);
      for (const key of ['epoch', 'step', 'final', 'status', 'epochs']) assert.equal(b[key], a[key], `line ${k}: ${key}`);
      if (a.status === 'diverged') return;
      for (const split of ['train', 'val', 'test']) {
        assert.equal(split in b, split in a);
        if (!a[split]) continue;
        assert.ok(close(a[split].loss, b[split].loss, 1e-4), `line ${k}: ${split}.loss ${a[split].loss} vs ${b[split].loss}`);
        if ('accuracy' in a[split]) {
          assert.ok(Math.abs(a[split].accuracy - b[split].accuracy) <= 0.0101, `line ${k}: ${split}.accuracy`);
        } else {  // regression
          for (const m of ['mae', 'rmse', 'r2']) assert.ok(close(a[split][m], b[split][m], 1e-4), `line ${k}: ${split}.${m} ${a[split][m]} vs ${b[split][m]}`);
        }
      }
      if (a.weights) {
        const wa = a.weights.flatMap((l) => [...l.weight.flat(), ...l.bias]);
        const wb = b.weights.flatMap((l) => [...l.weight.flat(), ...l.bias]);
        wa.forEach((v, i) => assert.ok(Math.abs(v - wb[i]) <= 2e-4 + 2e-4 * Math.abs(v), `weight ${i}: ${v} vs ${wb[i]}`));
      }
      if (a.predict) a.predict.forEach((p, i) => (p.probabilities ?? []).forEach((v, c) =>
        assert.ok(Math.abs(v - b.predict[i].probabilities[c]) < 1e-4, `predict ${i}`)));
      if (a.predict?.[0]?.value !== undefined) a.predict.forEach((p, i) =>
        assert.ok(close(p.value, b.predict[i].value, 1e-4), `predict ${i}: value ${p.value} vs ${b.predict[i].value}`));
    });
  });
}

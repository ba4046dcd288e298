// Native and WebAssembly runners on the same specs (the PyTorch goldens' specs and the tutorial's):
// identical where the arithmetic is the same (the data, the initial weights, the run's structure),
// losses within 1e-5 relative otherwise (Eigen's blocking and libm differ between the builds).
// The WebAssembly runner's lines are also held against the PyTorch goldens themselves, with the
// tolerances of tests/test_golden.cpp (docs/parity.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { root, runners, runWith } from './helpers.mjs';

const [native, wasm] = runners;
const goldenSpecs = path.join(root, 'tests', 'golden', 'specs');
const specs = fs.readdirSync(goldenSpecs).filter((f) => f.endsWith('.json'))
  .map((f) => ({ name: f, text: fs.readFileSync(path.join(goldenSpecs, f), 'utf8'),
    golden: JSON.parse(fs.readFileSync(path.join(root, 'tests', 'golden', f), 'utf8')).lines }));
// The tutorial's two models, shortened (the acceptance test runs them in full natively).
for (const f of ['radial_linear.json', 'radial_mlp.json']) {
  const spec = JSON.parse(fs.readFileSync(path.join(root, 'examples', f), 'utf8'));
  specs.push({ name: f, text: JSON.stringify({ ...spec, epochs: 300, log_every: 50 }) });
}

function closeRel(a, b, rel) {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), 1e-30);
}

function compareLines(name, ours, theirs) {
  assert.equal(ours.length, theirs.length, `${name}: number of lines`);
  ours.forEach((a, k) => {
    const b = theirs[k];
    const where = `${name} line ${k}`;
    assert.deepEqual(Object.keys(a), Object.keys(b), where);
    for (const key of ['epoch', 'step', 'final', 'status', 'epochs']) assert.equal(a[key], b[key], `${where}: ${key}`);
    if (b.status === 'diverged') return;  // the numbers of a diverged model are inf/NaN noise
    for (const split of ['train', 'val', 'test']) {
      if (!b[split]) continue;
      assert.ok(closeRel(a[split].loss, b[split].loss, 1e-5), `${where}: ${split}.loss ${a[split].loss} vs ${b[split].loss}`);
      if ('r2' in b[split]) {  // regression: the metrics, each close
        for (const key of ['mae', 'rmse', 'r2']) assert.ok(closeRel(a[split][key], b[split][key], 1e-5), `${where}: ${split}.${key}`);
      } else {
        assert.ok(Math.abs(a[split].accuracy - b[split].accuracy) <= 0.0101, `${where}: ${split}.accuracy`);
      }
    }
    if (b.predict) b.predict.forEach((p, i) => {
      if ('value' in p) assert.ok(closeRel(a.predict[i].value, p.value, 1e-5), `${where}: predict ${i}`);
    });
    if (b.weights) {
      const wa = b.weights.flatMap((l) => [...l.weight.flat(), ...l.bias]);
      const wb = a.weights.flatMap((l) => [...l.weight.flat(), ...l.bias]);
      wa.forEach((v, i) => assert.ok(Math.abs(v - wb[i]) <= 1e-4 + 1e-4 * Math.abs(v), `${where}: weight ${i}`));
    }
  });
}

const near = (a, b, abs, rel) => (a === null || b === null ? a === b : Math.abs(a - b) <= abs + rel * Math.abs(b));

/** The engine's lines against PyTorch's: losses 1e-5 relative, accuracies and confusion exact. */
function compareGolden(name, ours, theirs) {
  assert.equal(ours.length, theirs.length, `${name}: number of lines`);
  theirs.forEach((b, k) => {
    const a = ours[k];
    const where = `${name} line ${k} vs PyTorch`;
    for (const key of ['epoch', 'step', 'final', 'status', 'epochs']) assert.equal(a[key], b[key], `${where}: ${key}`);
    if (b.status === 'diverged') return;
    for (const split of ['train', 'val', 'test']) {
      assert.equal(split in a, split in b, `${where}: ${split}`);
      if (!b[split]) continue;
      assert.ok(near(a[split].loss, b[split].loss, 0, 1e-5), `${where}: ${split}.loss ${a[split].loss} vs ${b[split].loss}`);
      if ('r2' in b[split]) {  // regression: mae, rmse and r2 as the Catch2 golden test checks them
        for (const key of ['mae', 'rmse', 'r2'])
          assert.ok(near(a[split][key], b[split][key], 1e-6, 1e-5), `${where}: ${split}.${key} ${a[split][key]} vs ${b[split][key]}`);
        continue;
      }
      assert.ok(near(a[split].accuracy, b[split].accuracy, 1e-7, 0), `${where}: ${split}.accuracy ${a[split].accuracy} vs ${b[split].accuracy}`);
      if (b[split].confusion) assert.deepEqual(a[split].confusion, b[split].confusion, `${where}: ${split}.confusion`);
    }
    b.predict?.forEach((p, i) => {
      if ('value' in p) return assert.ok(near(a.predict[i].value, p.value, 1e-5, 1e-4), `${where}: predict[${i}] ${a.predict[i].value} vs ${p.value}`);
      p.probabilities.forEach((v, c) =>
        assert.ok(near(a.predict[i].probabilities[c], v, 1e-5, 1e-4), `${where}: predict[${i}] ${a.predict[i].probabilities[c]} vs ${v}`));
    });
    if (b.weights) {
      const wa = a.weights.flatMap((l) => [...l.weight.flat(), ...l.bias]);
      b.weights.flatMap((l) => [...l.weight.flat(), ...l.bias])
        .forEach((v, i) => assert.ok(near(wa[i], v, 1e-4, 1e-4), `${where}: weight ${i} ${wa[i]} vs ${v}`));
    }
  });
}

for (const spec of specs) {
  test(`parity: ${spec.name}`, () => {
    const a = runWith(native, ['run', '--weights', '-'], spec.text);
    const b = runWith(wasm, ['run', '--weights', '-'], spec.text);
    assert.equal(a.status, 0, a.stderr);
    assert.equal(b.status, 0, b.stderr);
    compareLines(spec.name, a.lines.map((l) => JSON.parse(l)), b.lines.map((l) => JSON.parse(l)));
    if (spec.golden) compareGolden(spec.name, b.lines.map((l) => JSON.parse(l)), spec.golden);

    // Same arithmetic, same bytes: the dataset and the initial weights.
    assert.equal(runWith(wasm, ['data', '-'], spec.text).stdout, runWith(native, ['data', '-'], spec.text).stdout);
    const untrained = JSON.stringify({ ...JSON.parse(spec.text), epochs: 0, log_every: 0 });
    const initial = (r) => JSON.stringify(JSON.parse(runWith(r, ['run', '--weights', '-'], untrained).lines.at(-1)).weights);
    assert.equal(initial(wasm), initial(native));
  });
}

test('parity: bad specs fail the same way in both runners', () => {
  for (const text of ['{"optimizer": {"name": "adam", "betas": [0.9]}}', '{"data": {"name": "inline", "x": [[1]], "y": [7, 1]}}', 'nope']) {
    const a = runWith(native, ['run', '-'], text);
    const b = runWith(wasm, ['run', '-'], text);
    assert.equal(a.status, 2);
    assert.equal(b.status, a.status);
    assert.equal(b.stderr, a.stderr);
    assert.equal(b.stdout, '');
  }
});

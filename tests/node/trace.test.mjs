// The step trace (docs/spec.md "trace", docs/api.md step({ trace })) against PyTorch 1.13's own
// numbers: the golden files tests/golden/trace_*.json, made by scripts/torch_reference.py. The
// native runner is checked by Catch2 (tests/test_golden.cpp); here the WebAssembly runner and the
// JS API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { root, runners, runWith, loadEngine } from './helpers.mjs';

const wasm = runners[1];
const goldenDir = path.join(root, 'tests', 'golden');
const goldens = fs.readdirSync(goldenDir).filter((f) => f.startsWith('trace_') && f.endsWith('.json'))
  .map((f) => ({ name: f, ...JSON.parse(fs.readFileSync(path.join(goldenDir, f), 'utf8')) }));
const { nn } = await loadEngine();

// Mismatches between two trees: counts and indices exactly, float32 values within 1e-4 relative (+1e-6).
function mismatches(ours, theirs, where = '') {
  if (theirs !== null && typeof theirs === 'object') {
    if (ours === null || typeof ours !== 'object' || Object.keys(ours).length !== Object.keys(theirs).length)
      return [`${where}: shape differs`];
    return Object.keys(theirs).flatMap((k) => mismatches(ours[k], theirs[k], `${where}.${k}`));
  }
  if (typeof theirs !== 'number' || /^\.(step|epoch|batch\.\d+|sample\.index)$/.test(where)) {
    return ours === theirs ? [] : [`${where}: ${ours} vs ${theirs}`];
  }
  return Math.abs(ours - theirs) <= 1e-6 + 1e-4 * Math.abs(theirs) ? [] : [`${where}: ${ours} vs PyTorch's ${theirs}`];
}

test('the comparison catches a 0.1% error in one gradient and a wrong index', () => {
  const trace = goldens[0].lines.find((l) => l.trace).trace;
  const copy = structuredClone(trace);
  assert.deepEqual(mismatches(copy, trace), []);
  copy.grad[0].bias[0] = trace.grad[0].bias[0] * 1.001 + 1e-5;
  copy.batch[0] += 1;
  assert.equal(mismatches(copy, trace).length, 2);
});

test('the golden traces cover every optimizer, loss and batch mode', () => {
  const specs = goldens.map((g) => g.spec);
  for (const name of ['sgd', 'adagrad', 'adam']) assert.ok(specs.some((s) => s.optimizer.name === name), name);
  assert.ok(specs.some((s) => s.optimizer.nesterov), 'nesterov');
  assert.ok(specs.some((s) => s.optimizer.amsgrad), 'amsgrad');
  for (const loss of ['bce', 'mse']) assert.ok(specs.some((s) => s.loss === loss), loss);
  assert.ok(specs.some((s) => !s.loss), 'cross_entropy');
  assert.ok(specs.some((s) => s.batch_size && s.shuffle === false) && specs.some((s) => s.batch_size && s.shuffle !== false));
  assert.ok(specs.some((s) => s.model.hidden.length >= 3 && s.model.activation === 'tanh'), 'a deeper tanh model');
});

for (const golden of goldens) {
  const expected = golden.lines.filter((l) => l.trace);

  test(`trace: the WebAssembly runner prints PyTorch's trace lines for ${golden.name}`, () => {
    const r = runWith(wasm, ['run', '-'], JSON.stringify(golden.spec));
    assert.equal(r.status, 0, r.stderr);
    const lines = r.lines.map((l) => JSON.parse(l));
    // Each trace line sits where PyTorch's does: before the progress line of its epoch.
    assert.deepEqual(lines.map((l) => Object.keys(l)[0]), golden.lines.map((l) => Object.keys(l)[0]));
    const ours = lines.filter((l) => l.trace);
    assert.ok(expected.length > 0);
    ours.forEach((line, k) => assert.deepEqual(mismatches(line.trace, expected[k].trace), [], golden.name));
  });

  test(`trace: the JS API's step({ trace: true }) gives PyTorch's numbers for ${golden.name}`, () => {
    const { trace: steps, ...spec } = golden.spec;
    const trainer = nn.fromSpec(spec);
    try {
      for (const want of expected) {
        while (trainer.state.step < want.trace.step) trainer.step();
        const result = trainer.step({ trace: true });
        assert.equal(result.status, 'ok');
        assert.deepEqual(mismatches(result.trace, want.trace), [], `${golden.name} step ${want.trace.step}`);
      }
    } finally {
      trainer.dispose();
    }
    assert.ok(steps.length >= expected.length);
  });
}

test('trace: a spec\'s trace steps come back from train() as traces, and untraced steps carry none', () => {
  const golden = goldens.find((g) => g.name === 'trace_momentum_shuffle.json');
  const traced = nn.fromSpec(golden.spec);
  const { traces } = traced.train({ epochs: 2 });
  assert.deepEqual(traces.map((t) => t.step), golden.spec.trace);
  assert.equal(traced.train({ epochs: 1 }).traces, undefined);
  traced.dispose();

  const plain = nn.fromSpec({ ...golden.spec, trace: undefined });
  assert.equal(plain.train({ epochs: 1 }).traces, undefined);
  assert.equal(plain.step().trace, undefined);
  const one = plain.step({ trace: true }).trace;
  assert.equal(one.step, plain.state.step - 1);
  assert.equal(one.state[0].weight.momentum_buffer.length, 5);  // nn.Linear(2, 5)'s rows
  plain.dispose();
});

test('trace: bad trace fields are spec errors naming the field and what is allowed', () => {
  for (const [trace, said] of [[[-1], /trace\[0\]/], ['3', /trace/], [Array(17).fill(0), /trace/], [[1.5], /trace\[0\]/]]) {
    assert.throws(() => nn.validate({ trace }), (e) => e.kind === 'spec' && said.test(e.message), JSON.stringify(trace));
  }
});

test('trace: step({ trace, sample }) traces the chosen sample, in any chunk of a full batch, and the first when the batch lacks it', () => {
  // 600 points: the full batch runs in chunks of 256, so sample 400 is column 144 of the second.
  const spec = { seed: 1, data: { name: 'radial', n: 600, noise: 0.05 }, model: { hidden: [4], activation: 'relu' }, optimizer: { name: 'sgd', lr: 0.1 } };
  const trainer = nn.fromSpec(spec);
  try {
    const n = trainer.data().splitEnd[0];
    const before = trainer.predictRows(400, 401);
    const { trace } = trainer.step({ trace: true, sample: 400 });
    assert.equal(trace.sample.index, 400);
    const logits = trace.sample.layers.at(-1).z;
    assert.deepEqual(mismatches(logits, Array.from(before.logits)), []);
    // softmax + cross-entropy: dL/dz = (p - onehot(y)) / n for the sample.
    const y = trainer.data().y[400];
    const dz = Array.from(before.probabilities, (p, k) => (p - (k === y ? 1 : 0)) / n);
    assert.deepEqual(mismatches(trace.sample.layers.at(-1).dz, dz), []);
    assert.equal(trainer.step({ trace: true }).trace.sample.index, 0, 'the next step traces the first sample again');
    assert.throws(() => trainer.step({ trace: true, sample: -1 }), (e) => e.kind === 'spec' && /step: sample/.test(e.message));
  } finally {
    trainer.dispose();
  }
  const mini = nn.fromSpec({ ...spec, batch_size: 8, shuffle: false });
  try {
    assert.equal(mini.step({ trace: true, sample: 100 }).trace.sample.index, 0, 'not in the batch: the batch\'s first');
    assert.equal(mini.step({ trace: true, sample: 11 }).trace.sample.index, 11);
  } finally {
    mini.dispose();
  }
});

// shared/step-lines.js on every golden trace (tests/golden/trace_*.json, PyTorch 1.13's numbers:
// each optimizer, loss, task and batch mode): what each of the five lines shows is the trace's,
// and every item prints as a tensor (shared/torch-format.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadEngine, root } from './helpers.mjs';
import { LINES, adamStepSize, softmax, stepLines } from '../../web/shared/step-lines.js';
import { formatTensor } from '../../web/shared/torch-format.js';

const { nn } = await loadEngine();
const dir = path.join(root, 'tests', 'golden');
const goldens = fs.readdirSync(dir).filter((f) => f.startsWith('trace_') && f.endsWith('.json'))
  .map((f) => ({ name: f, ...JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) }));

for (const golden of goldens) {
  test(`step lines: ${golden.name}`, () => {
    const spec = nn.normalize(golden.spec);
    const trainer = nn.fromSpec(golden.spec);
    const data = trainer.data();
    trainer.dispose();
    const trace = golden.lines.find((l) => l.trace).trace;
    const label = data.y[trace.sample.index];  // its class, or its target
    const lines = stepLines(trace, { loss: spec.loss, task: spec.task, activation: spec.model.activation, label, optimizer: spec.optimizer });
    assert.deepEqual(Object.keys(lines), LINES);
    const keys = (line) => lines[line].map((i) => i.key);
    const hidden = spec.model.hidden.length;
    assert.deepEqual(keys('forward'), ['x', ...Array(hidden).fill(['z', 'a']).flat(), 'logits']);
    assert.equal(lines.criterion[0].value, trace.loss);
    assert.equal(keys('criterion').includes('penalty'), trace.penalty !== undefined);
    if (spec.task === 'regression') assert.deepEqual(keys('criterion').slice(-2), ['target', 'error']);
    else if (spec.loss === 'mse') assert.deepEqual(keys('criterion').slice(-2), ['onehot', 'sqError']);
    else if (spec.loss === 'bce') assert.ok(keys('criterion').includes('sigmoid'));
    else {
      const p = lines.criterion.find((i) => i.key === 'softmax').value[0];
      assert.ok(Math.abs(p.reduce((a, b) => a + b) - 1) < 1e-6);
      assert.ok(Math.abs(lines.criterion.find((i) => i.key === 'nll').value + Math.log(p[label])) < 1e-5, '-log p of the true class');
    }
    const params = 2 * trace.params.length;
    assert.equal(lines.zeroGrad.length, params);
    assert.equal(keys('backward').filter((k) => k === 'grad').length, params);
    const states = lines.step.filter((i) => i.key === 'state').map((i) => `${i.args.name}:${i.args.state}`);
    const want = trace.state.flatMap((layer, l) => ['weight', 'bias'].flatMap((part) => Object.keys(layer[part]).map((s) => `${2 * l}.${part}:${s}`)));
    assert.deepEqual(states, want, 'the optimizer state, as PyTorch names it');
    assert.equal(keys('step').includes('adamStepSize'), spec.optimizer.name === 'adam');
    for (const line of LINES) for (const item of lines[line]) {
      const text = formatTensor(item.value);
      assert.match(text, /^tensor\(/, `${line} ${item.key}`);
      assert.doesNotMatch(text, /undefined|NaN/, `${line} ${item.key}`);
    }
  });
}

test('step lines: Adam\'s bias-corrected step size, and softmax as torch computes it', () => {
  const { stepSize, biasCorrection2 } = adamStepSize({ lr: 0.01, betas: [0.9, 0.999] }, 1);
  assert.ok(Math.abs(stepSize - 0.1) < 1e-12, 'lr / (1 - 0.9) at step 1');
  assert.ok(Math.abs(biasCorrection2 - 0.001) < 1e-12);
  const p = softmax([1000, 1000, 1000]);  // shifted by the max: no overflow
  assert.ok(p.every((v) => Math.abs(v - 1 / 3) < 1e-6));
});

test('step overlay: the diagram\'s keys and the trace\'s values for each line', async () => {
  const { overlayOf, badge } = await import('../../web/shared/step-overlay.js');
  const golden = goldens.find((g) => g.name === 'trace_sgd_full.json');
  const trace = golden.lines.find((l) => l.trace).trace;  // 2 -> 4 ReLU -> 3
  const forward = overlayOf('forward', trace);
  assert.deepEqual(Object.keys(forward.neurons), ['0:0', '0:1', '1:0', '1:1', '1:2', '1:3', '2:0', '2:1', '2:2']);
  assert.equal(forward.neurons['1:2'].value, trace.sample.layers[0].a[2]);
  assert.equal(forward.edges, undefined, 'the weights stay on the edges');
  const backward = overlayOf('backward', trace);
  assert.equal(Object.keys(backward.edges).length, 2 * 4 + 4 * 3);
  assert.equal(backward.edges['1:3>2:0'].value, trace.grad[1].weight[0][3], 'edge u -> v carries dL/dW[v][u]');
  assert.equal(backward.neurons['2:1'].value, trace.sample.layers[1].dz[1]);
  assert.ok(Object.values(overlayOf('zeroGrad', trace).edges).every((e) => e.value === 0));
  const step = overlayOf('step', trace);
  assert.equal(step.edges['0:1>1:2'].value, trace.after[0].weight[2][1] - trace.params[0].weight[2][1]);
  const p = overlayOf('criterion', trace, { loss: 'cross_entropy', task: 'classification' }).neurons;
  assert.ok(Math.abs(p['2:0'].value + p['2:1'].value + p['2:2'].value - 1) < 1e-6, 'the outputs\' probabilities');
  assert.deepEqual([badge(0.1234), badge(-0.00123), badge(0)], ['0.12', '-0.0012', '0']);
});

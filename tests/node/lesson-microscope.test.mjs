// The lesson "One step under the microscope", without a browser: its preset is small enough that
// every number fits (2 -> 3 ReLU -> 3 on six radial points of all three classes, all training),
// the inspector's items (shared/step-lines.js) are the engine's trace, and the PyTorch snippet the
// lesson gives (shared/pytorch-export-snippet.js), run by Debian's python3-torch, prints the
// engine's numbers for the first step, as the inspector prints them (shared/torch-format.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadEngine } from './helpers.mjs';
import { LESSON, MICROSCOPE_SPEC } from '../../web/lessons/catalog.js';
import { microscopeSnippet } from '../../web/shared/pytorch-export-snippet.js';
import { LINES, stepLines, softmax } from '../../web/shared/step-lines.js';
import { formatTensor } from '../../web/shared/torch-format.js';

const { nn } = await loadEngine();
const python = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['--version']).status === 0);
const hasTorch = python && spawnSync(python, ['-c', 'import torch, numpy'], { encoding: 'utf8' }).status === 0;

/** The engine's first traced step of the preset, and its data. */
function firstStep(spec = MICROSCOPE_SPEC) {
  const trainer = nn.fromSpec(spec);
  try {
    return { data: trainer.data(), trace: trainer.step({ trace: true }).trace, parameters: trainer.parameterCount };
  } finally {
    trainer.dispose();
  }
}

test('the microscope lesson: the preset is a 2-3-3 ReLU network on six training points of all three classes', () => {
  const { data, parameters } = firstStep();
  assert.equal(LESSON.microscope.view, 'microscope');
  assert.equal(data.size, 6);
  assert.deepEqual(data.splitEnd, [6, 6, 6], 'every point trains: the full batch is the whole data');
  assert.deepEqual([...new Set(data.y)].sort(), [0, 1, 2]);
  assert.equal(parameters, 2 * 3 + 3 + 3 * 3 + 3);
});

test('the microscope lesson: the inspector\'s five lines hold the engine\'s trace', () => {
  const { data, trace } = firstStep();
  const label = data.y[trace.sample.index];
  const lines = stepLines(trace, { loss: 'cross_entropy', task: 'classification', activation: 'relu', label, optimizer: nn.normalize(MICROSCOPE_SPEC).optimizer });
  assert.deepEqual(Object.keys(lines), LINES);
  const item = (line, key, name) => lines[line].find((i) => i.key === key && (name === undefined || i.args.name === name));
  assert.deepEqual(item('forward', 'logits').value, [trace.sample.layers[1].z]);
  assert.equal(item('criterion', 'loss').value, trace.loss);
  const p = softmax(trace.sample.layers[1].z);
  assert.ok(Math.abs(item('criterion', 'nll').value + Math.log(p[label])) < 1e-6);
  assert.ok(lines.zeroGrad.every((i) => i.value.flat().every((v) => v === 0)));
  assert.deepEqual(item('backward', 'grad', '2.weight').value, trace.grad[1].weight);
  // SGD without momentum: each update is exactly -lr * grad (in float32).
  const update = item('step', 'update', '0.weight').value;
  update.forEach((row, r) => row.forEach((u, c) => assert.ok(Math.abs(u + 0.1 * trace.grad[0].weight[r][c]) < 1e-6, `update ${r},${c}`)));
  assert.deepEqual(lines.step.filter((i) => i.key === 'state'), [], 'plain SGD keeps no state');
});

/** The snippet's prints: { label: text of the tensor, without grad_fn }. */
function printed(stdout) {
  const out = {};
  for (const m of stdout.matchAll(/^(.+?) = (tensor\([^]*?\))$(?=\n(?!\s)|\n?$)/gm)) out[m[1]] = m[2].replace(/,\s*grad_fn=<\w+>/, '');
  return out;
}

const numbers = (text) => [...text.replace(/^tensor\(/, '').matchAll(/-?\d+(?:\.\d*)?(?:e[+-]\d+)?/g)].map((m) => Number(m[0]));

test('the microscope lesson: the PyTorch snippet prints the engine\'s numbers for the first step, as the inspector prints them', { timeout: 60000 }, (t) => {
  const script = microscopeSnippet(nn.normalize(MICROSCOPE_SPEC));
  assert.match(script, /loss\.backward\(\)\n/);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-microscope-')), 'microscope.py');
  fs.writeFileSync(file, script);
  if (!python) return t.skip('no python3 on this machine');
  const compiled = spawnSync(python, ['-m', 'py_compile', file], { encoding: 'utf8' });
  assert.equal(compiled.status, 0, compiled.stderr);
  if (!hasTorch) return t.skip('python3-torch is not installed: the snippet was byte-compiled, not run');
  const run = spawnSync(python, [file], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const torch = printed(run.stdout);
  const { trace } = firstStep();
  const engine = {
    'x[i]': [trace.sample.x], z1: [trace.sample.layers[0].z], 'a1 = relu(z1)': [trace.sample.layers[0].a],
    'y_pred[i]': [trace.sample.layers[1].z], loss: trace.loss,
  };
  trace.grad.forEach((layer, l) => ['weight', 'bias'].forEach((part) => {
    engine[`${2 * l}.${part}.grad`] = layer[part];
    engine[`${2 * l}.${part}`] = trace.after[l][part];
  }));
  assert.deepEqual(Object.keys(torch).sort(), Object.keys(engine).sort(), run.stdout);
  for (const [label, value] of Object.entries(engine)) {
    const ours = [value].flat(2);
    const theirs = numbers(torch[label]);
    assert.equal(theirs.length, ours.length, label);
    // Printed to 4 decimals: within half a unit of the last digit, plus float32 noise.
    theirs.forEach((v, k) => assert.ok(Math.abs(v - ours[k]) <= 5e-5 + 1e-4 * Math.abs(ours[k]), `${label}[${k}]: PyTorch ${v}, engine ${ours[k]}`));
    assert.equal(formatTensor(value), torch[label], `${label} printed as PyTorch prints it`);
  }
});

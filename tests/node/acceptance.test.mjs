// Tutorial 001's acceptance numbers, 4000 full-batch epochs each with the native runner:
// the linear model stays under 50% test accuracy, the MLP reaches 74% or more.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { nativeRunner, root, runCli } from './helpers.mjs';

function finalOf(spec) {
  const r = runCli(nativeRunner, ['run', path.join(root, 'examples', spec)]);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.lines.at(-1));
}

test('tutorial 001: the linear model stays under 50% and the MLP reaches at least 74%', () => {
  const linear = finalOf('radial_linear.json');
  const mlp = finalOf('radial_mlp.json');
  assert.equal(linear.epochs, 4000);
  assert.ok(linear.test.accuracy < 0.5, `linear test accuracy ${linear.test.accuracy}`);
  assert.ok(mlp.test.accuracy >= 0.74, `MLP test accuracy ${mlp.test.accuracy}`);
  assert.ok(mlp.test.accuracy > linear.test.accuracy + 0.2);
});

test('tutorial 000: study hours end at W 0.2138, b -1.6024 and predict 0.2558 / 0.8470', () => {
  const r = runCli(nativeRunner, ['run', '--weights', path.join(root, 'examples', 'study_hours.json')]);
  const final = JSON.parse(r.lines.at(-1));
  const close = (a, b) => Math.abs(a - b) < 5e-5;
  assert.ok(close(final.weights[0].weight[0][0], 0.2138), final.weights[0].weight[0][0]);
  assert.ok(close(final.weights[0].bias[0], -1.6024));
  assert.ok(close(final.predict[0].probabilities[1], 0.2558));
  assert.ok(close(final.predict[1].probabilities[1], 0.8470));
});

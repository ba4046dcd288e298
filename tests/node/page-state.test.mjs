// The page's state table (web/shared/state.js) without a browser: its specs are the tutorial's and the
// engine accepts them, the URL hash round-trips, and bad hash values fall back to defaults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadEngine, root } from './helpers.mjs';
import { DATASETS, FIELDS, LOSSES, OPTIMIZERS, changedKeys, classesOf, defaultState, hashFromState, reconcile,
  specsOf, stateFromHash, strongestEffect } from '../../web/shared/state.js';

const example = (name) => JSON.parse(readFileSync(path.join(root, 'examples', name), 'utf8'));

test('the first screen is tutorial 001: the linear model and the MLP specs of the examples', async () => {
  const { nn } = await loadEngine();
  const specs = specsOf(defaultState());
  assert.deepEqual(nn.normalize(specs.a), nn.normalize(example('radial_linear.json')));
  assert.deepEqual(nn.normalize(specs.b), nn.normalize(example('radial_mlp.json')));
});

test('every dataset, optimizer, batch mode and loss gives specs the engine accepts', async () => {
  const { nn } = await loadEngine();
  let checked = 0;
  for (const data of DATASETS) {
    for (const optimizer of OPTIMIZERS) {
      for (const batch of ['full', 'stochastic', 'mini']) {
        for (const loss of LOSSES) {
          const state = { ...defaultState(), data, optimizer, batch, loss, nesterov: true, amsgrad: true,
            points: [[0, 0, 0], [1, 1, 1], [2, -1, 1]] };
          const { state: fixed } = reconcile(state);
          assert.equal(fixed.loss === 'bce', loss === 'bce' && classesOf(state) === 2);
          for (const spec of Object.values(specsOf(fixed))) {
            assert.doesNotThrow(() => nn.validate(spec), `${JSON.stringify(spec)}`);
            checked += 1;
          }
        }
      }
    }
  }
  assert.equal(checked, DATASETS.length * OPTIMIZERS.length * 3 * LOSSES.length * 2);
});

test('the hash round-trips every field', () => {
  const state = { ...defaultState(), data: 'draw', points: [[1.25, -2.5, 0], [3, 4, 3]], drawClass: 2, seed: 4294967295,
    optimizer: 'adam', lr: 0.0123, beta1: 0.8, beta2: 0.99, eps: 1e-7, amsgrad: true, weightDecay: 0.001,
    batch: 'mini', batchSize: 64, loss: 'mse', limit: 123, speed: 20, 'a.hidden': [4, 4], 'a.activation': 'tanh',
    'b.hidden': [], 'b.activation': 'sigmoid' };
  const { state: back, rejected } = stateFromHash(hashFromState(state));
  assert.deepEqual(rejected, []);
  // Fields that do not matter in this state (noise and n with drawn points, show) are not written.
  for (const key of changedKeys(state, back)) assert.ok(['n', 'noise', 'show', 'momentum', 'nesterov', 'lrDecay', 'b.activation'].includes(key), key);
  assert.deepEqual(specsOf(back), specsOf(state));
});

test('bad hash values fall back to their defaults and are named; unknown keys are ignored', () => {
  const bad = { data: 'mnist', n: '-5', noise: '2', seed: '1.5', points: '1,2', lr: 'fast', nesterov: 'yes', batchSize: '0',
    speed: '3', 'a.hidden': '0', 'b.hidden': '1,2,3,4,5,6,7,8,9', 'b.activation': '<script>', limit: 'Infinity' };
  const hash = `#${new URLSearchParams({ ...bad, unknown: 'x', 'constructor': '1', '__proto__': '1' })}`;
  const { state, rejected } = stateFromHash(hash);
  assert.deepEqual(rejected.sort(), Object.keys(bad).sort());
  assert.deepEqual(state, defaultState());
  assert.deepEqual(stateFromHash('#%%%').state, defaultState());
  assert.deepEqual(stateFromHash('').state, defaultState());
  assert.equal(stateFromHash('#data=xor').state.n, 1000, 'a dataset without n gets its own default size');
});

test('a change says what it does: a reset, a live setting or a redraw', () => {
  const effect = (patch) => strongestEffect(changedKeys(defaultState(), { ...defaultState(), ...patch }));
  assert.equal(effect({ lr: 0.1 }), 'lr');
  assert.equal(effect({ speed: 5 }), 'speed');
  assert.equal(effect({ show: 'test' }), 'view');
  assert.equal(effect({ lr: 0.1, optimizer: 'adam' }), 'train');
  assert.equal(effect({ 'b.hidden': [8] }), 'train');
  assert.equal(effect({ seed: 1, lr: 0.1 }), 'data');
  for (const f of FIELDS) assert.ok(['data', 'train', 'lr', 'limit', 'speed', 'view'].includes(f.effect), f.key);
});

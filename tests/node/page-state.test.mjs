// The page's state table (web/shared/state.js) without a browser: its specs are the tutorial's and the
// engine accepts them, the URL hash round-trips, and bad hash values fall back to defaults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadEngine, root } from './helpers.mjs';
import { DATASETS, FIELDS, LOSSES, OPTIMIZERS, changedKeys, dataSpecOf, defaultState, hashFromState, reconcile,
  specsOf, stateFromHash, strongestEffect } from '../../web/shared/state.js';
import { EngineRules } from '../../web/shared/engine-rules.js';

const example = (name) => JSON.parse(readFileSync(path.join(root, 'examples', name), 'utf8'));

test('the first screen is tutorial 001: the linear model and the MLP specs of the examples', async () => {
  const { nn } = await loadEngine();
  const specs = specsOf(defaultState());
  assert.deepEqual(nn.normalize(specs.a), nn.normalize(example('radial_linear.json')));
  assert.deepEqual(nn.normalize(specs.b), nn.normalize(example('radial_mlp.json')));
});

test('every dataset, optimizer, batch mode and loss gives specs the engine accepts', async () => {
  const { nn } = await loadEngine();
  const rules = new EngineRules(nn.specInfo());
  let checked = 0;
  for (const data of DATASETS) {
    for (const optimizer of OPTIMIZERS) {
      for (const batch of ['full', 'stochastic', 'mini']) {
        for (const loss of LOSSES) {
          const state = { ...defaultState(), data, optimizer, batch, loss, nesterov: true, amsgrad: true,
            points: [[0, 0, 0], [1, 1, 1], [2, -1, 1]] };
          // The data's class count, as the page learns it: from specInfo for a named set, from the engine's read of the data else.
          const classes = rules.datasetClasses(data) ?? nn.dataset(dataSpecOf(state)).classes;
          const { state: fixed } = reconcile(state, rules, classes);
          assert.equal(fixed.loss === 'bce', loss === 'bce' && classes === 2);
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
    speed: '3', 'a.hidden': '0', 'b.hidden': '1,2,x', 'b.activation': '<script>', limit: 'Infinity' };
  const hash = `#${new URLSearchParams({ ...bad, unknown: 'x', 'constructor': '1', '__proto__': '1' })}`;
  const { state, rejected } = stateFromHash(hash);
  assert.deepEqual(rejected.sort(), Object.keys(bad).sort());
  assert.deepEqual(state, defaultState());
  assert.deepEqual(stateFromHash('#%%%').state, defaultState());
  assert.deepEqual(stateFromHash('').state, defaultState());
  assert.equal(stateFromHash('#data=xor').state.n, null, 'a dataset without n is left to the engine');
});

test("the engine's rules come from the engine: default sizes and hidden layers, the bce rule, output widths", async () => {
  const { nn } = await loadEngine();
  const rules = new EngineRules(nn.specInfo());
  const { state } = stateFromHash('#data=xor');
  assert.equal(nn.normalize(specsOf(state).b).data.n, 1000, 'a spec without n trains the dataset at its own size');
  const { state: fixed, changed } = reconcile({ ...state, loss: 'bce', 'b.hidden': null }, rules, rules.datasetClasses('xor'));
  assert.equal(fixed.n, 1000);
  assert.deepEqual(fixed['b.hidden'], nn.normalize({}).model.hidden);
  assert.deepEqual(changed, [], 'xor has the 2 classes bce needs');
  assert.match(hashFromState(fixed), /[#&]n=1000(&|$)/);
  const radial = reconcile({ ...defaultState(), loss: 'bce' }, rules, rules.datasetClasses('radial'));
  assert.deepEqual(radial.changed, ['loss']);
  assert.equal(radial.state.loss, 'cross_entropy');
  assert.throws(() => nn.fromSpec({ data: { name: 'radial' }, loss: 'bce' }), /bce/, 'the engine refuses what reconcile puts right');
  // Layers past the engine's caps are the engine's to refuse, and its message names the cap.
  const nine = stateFromHash('#b.hidden=1,2,3,4,5,6,7,8,9');
  assert.deepEqual(nine.rejected, []);
  assert.throws(() => nn.validate(specsOf(nine.state).b), new RegExp(`model\\.hidden.*${rules.caps.hiddenLayers}`));
  assert.deepEqual(reconcile({ ...defaultState(), data: 'csv', loss: 'bce' }, rules, null).changed, [], 'unknown classes: left to the engine');
  assert.equal(rules.outputs('bce', 2), 1);
  assert.equal(rules.outputs('cross_entropy', 5), 5);
  assert.equal(rules.limits.csvBytes, nn.limits().csvBytes);
  assert.equal(rules.caps.hiddenLayers, nn.limits().hiddenLayers);
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

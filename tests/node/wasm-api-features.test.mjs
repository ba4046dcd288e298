// Issue 14's spec fields through the JavaScript API and both runners: regression (values,
// mae/rmse/r2 in every record), model.features, regularization, model.seed, the linear activation,
// and a spec error for every bad new field, the same from the native and the WebAssembly runner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine, runners, runWith } from './helpers.mjs';

const { nn } = await loadEngine();
const plane = { seed: 1, data: { name: 'plane', n: 300, noise: 0.1 }, model: { hidden: [6], activation: 'tanh' },
  optimizer: { name: 'adam', lr: 0.02 }, batch_size: 30 };

test('regression: records carry mae, rmse and r2; predict gives values; data gives real targets', () => {
  const t = nn.fromSpec(plane);
  assert.equal(t.task, 'regression');
  assert.equal(t.classes, 1);
  const { records } = t.train({ epochs: 30 });
  assert.equal(records.length, 30);
  const last = records.at(-1);
  assert.deepEqual(Object.keys(last.val), ['loss', 'mae', 'rmse', 'r2']);
  assert.ok(last.val.r2 > records[0].val.r2, 'r2 improves');
  assert.ok(Math.abs(last.val.rmse - Math.sqrt(last.val.loss)) < 1e-4, 'rmse is the root of the mse');
  assert.deepEqual(t.history().at(-1), last);
  const now = t.evaluate();
  assert.deepEqual(Object.keys(now.train), ['loss', 'mae', 'rmse', 'r2']);
  const p = t.predict([[1, 2], [-3, 4]]);
  assert.deepEqual(Object.keys(p), ['values']);
  assert.ok(p.values instanceof Float32Array && p.values.length === 2);
  const final = nn.run({ ...plane, epochs: 30, log_every: 0, predict: [[1, 2], [-3, 4]] }).at(-1);
  assert.deepEqual(final.predict.map((q) => Object.keys(q)), [['x', 'value'], ['x', 'value']]);
  assert.equal(Math.fround(final.predict[0].value), p.values[0]);  // the same float32
  const data = t.data();
  assert.equal(data.task, 'regression');
  assert.ok(data.y instanceof Float32Array);
  assert.ok(Math.abs(data.y[0]) <= 1.2 && data.y.some((v) => !Number.isInteger(v)));
  const grid = t.grid({ width: 4, height: 2, bounds: [-6, 6, -6, 6] });
  assert.equal(grid.length, 8, 'one value per cell');
  assert.ok(Math.abs(grid[0] - t.predict([[-4.5, 3]]).values[0]) < 1e-5);
  const ds = nn.dataset({ name: 'multi_gauss', n: 50 });
  assert.equal(ds.task, 'regression');
  assert.ok(ds.y instanceof Float32Array);
  t.dispose();
});

test('the parts API passes model.features and model.seed, and knows the regression losses', () => {
  const a = nn.trainer({ data: { name: 'circle', n: 100, seed: 2 }, model: nn.LinearModel({ features: ['x1^2', 'x2^2'], seed: 9 }),
    loss: nn.CrossEntropyLoss(), optimizer: nn.SGD({ lr: 0.1 }) });
  const b = nn.fromSpec({ seed: 2, data: { name: 'circle', n: 100 }, model: { hidden: [], features: ['x1^2', 'x2^2'], seed: 9 },
    optimizer: { name: 'sgd', lr: 0.1 } });
  assert.deepEqual(a.getWeights(), b.getWeights());
  assert.equal(a.getWeights()[0].weight[0].length, 2, 'one input per feature');
  assert.equal(a.features, 2, 'predict still takes (x1, x2)');
  const c = nn.fromSpec({ seed: 9, data: { name: 'circle', n: 100 }, model: { hidden: [], features: ['x1^2', 'x2^2'] },
    optimizer: { name: 'sgd', lr: 0.1 } });
  assert.deepEqual(a.getWeights(), c.getWeights(), 'model.seed 9 gives the weights of seed 9');
  assert.deepEqual(a.data().x, b.data().x);
  assert.notDeepEqual(a.data().x, c.data().x, 'the data follows seed');
  assert.deepEqual(nn.L1Loss(), { name: 'l1' });
  assert.deepEqual(nn.HuberLoss(), { name: 'huber' });
  const h = nn.trainer({ data: { name: 'plane', n: 50 }, model: nn.Sequential({ hidden: [3], activation: 'linear' }), loss: nn.HuberLoss(),
    optimizer: nn.SGD({ lr: 0.01 }), regularization: { l2: 0.01 } });
  assert.equal(h.train({ epochs: 3 }).status, 'ok');
  assert.equal(nn.normalize({ data: { name: 'plane' }, loss: 'huber', regularization: { l2: 0.01 } }).regularization.l2, 0.01);
  for (const t of [a, b, c, h]) t.dispose();
});

const badSpecs = [
  ['{"task": "ranking"}', /spec error at task/],
  ['{"data": {"name": "plane"}, "task": "classification"}', /spec error at task.*data\.name/],
  ['{"task": "regression", "loss": "cross_entropy"}', /spec error at loss.*task "regression"/],
  ['{"loss": "huber"}', /spec error at loss.*task "classification"/],
  ['{"regularization": {"l1": -0.1}}', /spec error at regularization\.l1/],
  ['{"regularization": {"l2": "x"}}', /spec error at regularization\.l2/],
  ['{"regularization": {"dropout": 0.5}}', /spec error at regularization\.dropout: unknown field/],
  ['{"model": {"features": ["x1", "cos(x1)"]}}', /spec error at model\.features\[1\]/],
  ['{"model": {"features": ["x1", "x1"]}}', /spec error at model\.features\[1\].*at most once/],
  ['{"data": {"name": "wine"}, "model": {"features": ["x1"]}}', /spec error at model\.features.*2 features/],
  ['{"model": {"seed": -3}}', /spec error at model\.seed/],
  ['{"model": {"activation": "softplus"}}', /spec error at model\.activation.*"linear"/],
  ['{"task": "regression", "data": {"name": "inline", "x": [[1]], "y": [true]}}', /spec error at data\.y\[0\]/],
];

test('every bad new field is a spec error naming it, the same in both runners and the API', () => {
  for (const [text, message] of badSpecs) {
    const [native, wasm] = runners.map((r) => runWith(r, ['run', '-'], text));
    assert.equal(native.status, 2, text);
    assert.equal(wasm.status, 2, text);
    assert.match(native.stderr, message, text);
    assert.equal(wasm.stderr, native.stderr, text);
    assert.equal(wasm.stdout, '');
    assert.throws(() => nn.fromSpec(text), (e) => e.name === 'SpecError' && message.test(e.message), text);
  }
});

test('both runners print the same regression data as CSV', () => {
  const text = JSON.stringify({ data: { name: 'multi_gauss', n: 40, noise: 0.2 } });
  const [native, wasm] = runners.map((r) => runWith(r, ['data', '-'], text));
  assert.equal(native.status, 0);
  assert.equal(wasm.stdout, native.stdout);
  assert.match(native.stdout.split('\n')[1], /^-?[\d.e-]+,-?[\d.e-]+,-?[\d.e-]+,train$/);
});

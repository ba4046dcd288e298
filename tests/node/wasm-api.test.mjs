// The JavaScript API over the real WebAssembly build, in Node 20.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './helpers.mjs';

const { api, nn } = await loadEngine();
const circle = { seed: 3, data: { name: 'circle', n: 200, noise: 0.1 }, model: { hidden: [8], activation: 'tanh' },
  optimizer: { name: 'sgd', lr: 0.1, momentum: 0.9 }, batch_size: 32 };

test('fromSpec trains k epochs in one call and returns their records', () => {
  const t = nn.fromSpec(circle);
  const r = t.train({ epochs: 5 });
  assert.equal(r.ran, 5);
  assert.equal(r.epoch, 5);
  assert.equal(r.step, 25); // 160 training rows in batches of 32
  assert.equal(r.status, 'ok');
  assert.deepEqual(r.records.map((x) => x.epoch), [1, 2, 3, 4, 5]);
  assert.ok(r.records[4].train.loss < r.records[0].train.loss);
  assert.ok(r.records[4].val.accuracy >= 0 && r.records[4].val.accuracy <= 1);
  const steps = t.train({ steps: 3 });
  assert.equal(steps.step, 28);
  assert.equal(t.history().length, 5);
  const now = t.evaluate();
  assert.equal(now.epoch, 5);
  assert.deepEqual(Object.keys(now), ['epoch', 'step', 'train', 'val', 'test']);
  t.dispose();
});

test('history() holds every epoch up to historyLimit, then thins evenly; train() records stay whole', () => {
  const study = { data: { name: 'study_hours' }, model: { hidden: [] }, loss: 'bce' };
  const all = nn.fromSpec(study);
  assert.equal(all.historyLimit, 100000, 'the default');
  const limited = nn.fromSpec(study, { historyLimit: 8 });
  const r = limited.train({ epochs: 20 });
  assert.deepEqual(r.records.map((x) => x.epoch), Array.from({ length: 20 }, (_, i) => i + 1), 'the call\'s records: every epoch');
  all.train({ epochs: 20 });
  assert.deepEqual(all.history().map((x) => x.epoch), r.records.map((x) => x.epoch));
  assert.deepEqual(limited.history().map((x) => x.epoch), [4, 8, 12, 16, 20]);
  assert.equal(limited.historyStride, 4);
  // The thinned records are the same records, not averages.
  assert.deepEqual(limited.history(), all.history().filter((x) => x.epoch % 4 === 0));
  limited.historyLimit = 0;
  assert.deepEqual(limited.history(), []);
  assert.equal(limited.train({ epochs: 2 }).records.length, 2, 'with no history kept, train() still returns its records');
  const every = nn.trainer({ data: { name: 'study_hours' }, model: nn.LinearModel(), loss: 'bce' }, { historyLimit: Infinity });
  every.train({ epochs: 300 });
  assert.equal(every.history().length, 300);
  assert.equal(every.historyStride, 1);
  const heap = nn.heapInUse();
  for (const bad of [-1, 1.5, NaN, '10', null]) {
    assert.throws(() => nn.fromSpec(study, { historyLimit: bad }),
      (e) => e.name === 'SpecError' && e.message.startsWith(`historyLimit: expected an integer >= 0 or Infinity, got ${typeof bad === 'string' ? '"10"' : String(bad)}`));
    assert.throws(() => { all.historyLimit = bad; }, /historyLimit: expected an integer >= 0 or Infinity/);
  }
  assert.equal(all.historyLimit, 100000, 'a refused limit changes nothing');
  assert.equal(nn.heapInUse(), heap, 'a refused fromSpec builds nothing');
  for (const t of [all, limited, every]) t.dispose();
});

test('the parts API builds the same experiment as the spec', () => {
  const data = nn.dataset({ name: 'circle', n: 200, noise: 0.1, seed: 3 });
  const t = nn.trainer({ data, model: nn.Sequential({ hidden: [8], activation: 'tanh' }), loss: nn.CrossEntropyLoss(),
    optimizer: nn.SGD({ lr: 0.1, momentum: 0.9 }), batch_size: 32 });
  const u = nn.fromSpec(circle);
  t.train({ epochs: 3 });
  u.train({ epochs: 3 });
  assert.deepEqual(t.getWeights(), u.getWeights());
  assert.deepEqual(Array.from(t.data().x), Array.from(data.x));
  assert.equal(data.size, 200);
  assert.equal(data.splitOf(170), 'val');
  t.dispose();
  u.dispose();
  const lin = nn.trainer({ data: { name: 'study_hours', seed: 10 }, model: nn.LinearModel(), loss: nn.BCELoss(),
    optimizer: nn.SGD({ lr: 0.01 }) });
  lin.train({ epochs: 1001 });
  const w = lin.getWeights()[0];
  assert.ok(Math.abs(w.weight[0][0] - 0.2138) < 5e-5 && Math.abs(w.bias[0] + 1.6024) < 5e-5);
  lin.dispose();
});

test('errors arrive as Errors that carry the engine message', () => {
  assert.throws(() => nn.fromSpec({ optimizer: { name: 'sgd', lr: 'fast' } }),
    (e) => e instanceof api.NnplayError && e.name === 'SpecError' && /optimizer\.lr: expected a number >= 0, got "fast"/.test(e.message));
  assert.throws(() => nn.fromSpec('{"seed": '), /not valid JSON/);
  assert.throws(() => nn.dataset({ name: 'csv', text: 'a,label\n1,x\n' }), /CSV row 2, column 2/);
  const t = nn.fromSpec(circle);
  assert.throws(() => t.predict([1, 2, 3]), /points of 2 numbers/);
  assert.throws(() => t.grid({ width: 0, height: 5, bounds: [-1, 1, -1, 1] }), /1 \.\. 2048/);
  assert.throws(() => t.setWeights([{ weight: [[1]], bias: [0] }]), /weights: expected 2 layers/);
  assert.throws(() => { t.lr = -1; }, /lr: expected a number >= 0/);
  t.dispose();
  assert.throws(() => t.train({ epochs: 1 }), /disposed/);
  // The engine keeps working after errors.
  const ok = nn.fromSpec(circle);
  assert.equal(ok.train({ epochs: 1 }).status, 'ok');
  ok.dispose();
});

test('predictions for many points in one call match the runner', () => {
  const spec = { ...circle, epochs: 4, predict: [[0, 0], [3, -1], [-4.5, 2]] };
  const final = nn.run(spec).at(-1);
  const t = nn.fromSpec(spec);
  t.train({ epochs: 4 });
  const p = t.predict(spec.predict);
  assert.equal(p.probabilities.length, 6);
  final.predict.forEach((q, i) => {
    q.probabilities.forEach((v, k) => assert.ok(Math.abs(p.probabilities[i * 2 + k] - v) < 1e-6));
    q.logits.forEach((v, k) => assert.ok(Math.abs(p.logits[i * 2 + k] - v) < 1e-5));
  });
  const flat = t.predict(new Float32Array([0, 0, 3, -1]));
  assert.deepEqual(Array.from(flat.labels), Array.from(p.labels.slice(0, 2)));
  t.dispose();
});

test('with standardize, predict takes the data\'s own units and predictRows the rows as the model sees them', () => {
  // Wine (standardized): a raw wine row through predict gives what its standardized row gives.
  const spec = { seed: 8, data: { name: 'wine', standardize: true, shuffle: false }, model: { hidden: [] },
    optimizer: { name: 'adam', lr: 0.01 }, predict: [[14.23, 1.71, 2.43, 15.6, 127, 2.8, 3.06, 0.28, 2.29, 5.64, 1.04, 3.92, 1065]] };
  const t = nn.fromSpec(spec);
  t.train({ epochs: 20 });
  const byPoint = t.predict(spec.predict);
  const byRow = t.predictRows(0, 1);  // row 0 of the unshuffled data is that wine
  assert.deepEqual(Array.from(byPoint.logits), Array.from(byRow.logits));
  assert.deepEqual(Array.from(byPoint.labels), Array.from(byRow.labels));
  assert.deepEqual(t.final().predict[0].logits.map(Math.fround), Array.from(byPoint.logits));
  // Feeding the standardized row to predict would scale it twice: different logits.
  const f = t.features;
  assert.notDeepEqual(Array.from(t.predict(Array.from(t.data().x.slice(0, f))).logits), Array.from(byRow.logits));
  assert.equal(t.predictRows(140, 178).labels.length, 38);
  assert.throws(() => t.predictRows(170, 179), /predictRows: expected rows 0 <= from <= to <= 178/);
  assert.throws(() => t.predictRows(0.5, 2), /predictRows: expected two integers/);
  t.dispose();
});

test('a learning rate past float32\'s range is refused, in the spec and when set later', () => {
  assert.throws(() => nn.fromSpec({ optimizer: { name: 'sgd', lr: 1e39 } }),
    (e) => e.name === 'SpecError' && /optimizer\.lr: expected a number in 0 \.\. 3\.4028234663852886e\+38/.test(e.message));
  const t = nn.fromSpec({ ...circle, optimizer: { name: 'adam', lr: 0.01 } });
  assert.throws(() => { t.lr = 1e38; }, /lr: expected a number in 0 \.\. 3\.40282346638528\d*e\+37/);
  assert.equal(t.lr, 0.01);
  t.lr = 1e30;
  assert.equal(t.lr, 1e30);
  t.dispose();
});

test('the decision grid fills a typed array with per-class probabilities, row 0 at the top', () => {
  const t = nn.fromSpec(circle);
  t.train({ epochs: 3 });
  const width = 40, height = 30, bounds = [-6, 6, -5, 5];
  const out = new Float32Array(width * height * t.classes);
  assert.equal(t.grid({ width, height, bounds }, out), out);
  const cell = (row, col) => [bounds[0] + (col + 0.5) * 12 / width, bounds[3] - (row + 0.5) * 10 / height];
  for (const [row, col] of [[0, 0], [29, 39], [15, 7]]) {
    const p = t.predict([cell(row, col)]).probabilities;
    assert.ok(Math.abs(out[(row * width + col) * 2] - p[0]) < 1e-5);
  }
  const colours = new Set();
  for (let i = 0; i < width * height; i++) colours.add(out[2 * i] > 0.5);
  assert.equal(colours.size, 2); // both classes appear on the map
  assert.throws(() => t.grid({ width, height, bounds }, new Float32Array(5)), /must hold 2400 floats/);
  t.dispose();
});

test('weights in PyTorch layout round-trip; the learning rate changes on the fly', () => {
  const a = nn.fromSpec(circle);
  a.train({ epochs: 2 });
  const b = nn.fromSpec({ ...circle, seed: 99 });
  b.setWeights(a.getWeights());
  assert.deepEqual(b.getWeights(), a.getWeights());
  assert.equal(a.getWeights()[0].weight.length, 8); // nn.Linear(2, 8).weight is 8 x 2
  b.lr = 0;
  b.train({ epochs: 1 }); // lr 0: momentum buffer fills, weights stay
  assert.deepEqual(b.getWeights(), a.getWeights());
  assert.equal(b.lr, 0);
  a.dispose();
  b.dispose();
});

test('the loss landscape of a two-parameter model matches the loss at those weights', () => {
  const spec = { seed: 10, data: { name: 'study_hours' }, model: { hidden: [] }, loss: 'bce', optimizer: { name: 'sgd', lr: 0.01 } };
  const t = nn.fromSpec(spec);
  const surface = t.lossLandscape({ params: [0, 1], width: 4, height: 3, bounds: [-1, 1, -3, 3] });
  assert.equal(surface.length, 12);
  // Row 2, col 1: weight = -1 + 1.5 * 0.5 = -0.25, bias = 3 - 2.5 * 2 = -2.
  const probe = nn.fromSpec({ ...spec, model: { hidden: [], init: [{ weight: [[-0.25]], bias: [-2] }] } });
  assert.ok(Math.abs(surface[2 * 4 + 1] - probe.evaluate().train.loss) < 1e-5);
  assert.throws(() => t.lossLandscape({ params: [0, 2], width: 4, height: 3, bounds: [-1, 1, -1, 1] }), /two different indices in 0 \.\. 1/);
  t.dispose();
  probe.dispose();
});

test('normalize spells out the defaults', () => {
  const full = nn.normalize({ optimizer: { name: 'adam' } });
  assert.deepEqual(full.optimizer, { name: 'adam', lr: 0.001, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0, amsgrad: false });
  assert.equal(full.data.n, 10000);
  assert.deepEqual(full.model, { hidden: [200], activation: 'relu' });
  assert.throws(() => nn.normalize({ loss: 'hinge' }), /spec error at loss/);
});

test('a learning rate of 1e9 ends as diverged, and nothing crashes', () => {
  const t = nn.fromSpec({ data: { n: 500 }, model: { hidden: [20] }, optimizer: { name: 'sgd', lr: 1e9 } });
  const r = t.train({ epochs: 50 });
  assert.equal(r.status, 'diverged');
  assert.ok(r.ran < 50);
  assert.match(r.message, /diverged/);
  assert.equal(t.final().status, 'diverged');
  t.dispose();
});

test('every object can be disposed with Symbol.dispose as well', () => {
  const t = nn.fromSpec(circle);
  const dispose = Symbol.dispose ?? Symbol.for('nodejs.dispose');
  t[dispose]();
  assert.throws(() => t.evaluate(), /disposed/);
});

test('10,000 trainers created and disposed leave the WebAssembly heap where it was', () => {
  const spec = { data: { name: 'circle', n: 50 }, model: { hidden: [16, 16] }, optimizer: { name: 'adam' }, batch_size: 10 };
  const cycle = () => {
    const t = nn.fromSpec(spec);
    t.train({ epochs: 1 });
    t.predict([[0, 0]]);
    t.grid({ width: 8, height: 8, bounds: [-1, 1, -1, 1] });
    t.dispose();
    nn.dataset({ name: 'xor', n: 30 });
    try { nn.fromSpec({ epochs: -1 }); } catch { /* errors must not leak either */ }
  };
  for (let i = 0; i < 100; i++) cycle();
  const before = nn.heapInUse();
  for (let i = 0; i < 10000; i++) cycle();
  const after = nn.heapInUse();
  assert.ok(after <= before + 1024, `heap in use grew from ${before} to ${after} bytes`);
});

test('specInfo() states the engine\'s own rules: datasets, their sizes and splits, output widths, caps, defaults', () => {
  const info = nn.specInfo();
  assert.deepEqual(info.datasets.map((d) => d.name),
    ['radial', 'circle', 'xor', 'gauss', 'spiral', 'plane', 'multi_gauss', 'study_hours', 'toy4', 'wine', 'inline', 'csv']);
  for (const d of info.datasets.filter((x) => x.generated)) {
    const data = nn.normalize({ data: { name: d.name } }).data;
    assert.equal(data.n, d.n, `${d.name}: the default n`);
    assert.deepEqual(data.split, d.split, `${d.name}: the default split`);
    assert.equal(nn.dataset({ name: d.name, n: 50 }).classes, d.classes, `${d.name}: classes`);
  }
  for (const name of ['study_hours', 'toy4', 'wine']) {
    const d = info.datasets.find((x) => x.name === name);
    assert.equal(d.n, undefined, `${name} has no n`);
    assert.equal(nn.dataset({ name }).classes, d.classes, `${name}: classes`);
    assert.deepEqual(nn.normalize({ data: { name } }).data.split, d.split, `${name}: the default split`);
  }
  const loss = Object.fromEntries(info.losses.map((l) => [l.name, l]));
  assert.deepEqual(Object.keys(loss), ['cross_entropy', 'bce', 'mse', 'l1', 'huber']);
  assert.deepEqual([loss.cross_entropy.outputs, loss.bce.outputs, loss.bce.classes, loss.mse.outputs], ['classes', 1, 2, 'classes']);
  assert.deepEqual([loss.l1.outputs, loss.huber.outputs], ['classes', 'classes'], 'one output per class: 1 on regression data');
  const bce = nn.fromSpec({ data: { name: 'circle', n: 50 }, loss: 'bce', model: { hidden: [] } });
  assert.equal(bce.parameterCount, (2 + 1) * loss.bce.outputs, 'a bce model has one output');
  bce.dispose();
  assert.throws(() => nn.fromSpec({ data: { name: 'radial', n: 50 }, loss: 'bce' }), /bce/, 'bce needs two classes');
  assert.deepEqual(info.activations, ['relu', 'tanh', 'sigmoid', 'linear']);
  assert.deepEqual(info.optimizers, ['sgd', 'adagrad', 'adam']);
  const { caps } = info;
  nn.validate({ model: { hidden: Array(caps.hiddenLayers).fill(caps.units) } });
  assert.throws(() => nn.validate({ model: { hidden: Array(caps.hiddenLayers + 1).fill(1) } }), /model\.hidden/);
  assert.throws(() => nn.validate({ model: { hidden: [caps.units + 1] } }), /model\.hidden/);
  assert.throws(() => nn.validate({ data: { name: 'radial', n: caps.samples + 1 } }), /data\.n/);
  assert.throws(() => nn.validate({ epochs: caps.epochs + 1 }), /epochs/);
  assert.deepEqual(info.defaults, nn.normalize({}));
  assert.deepEqual(info.limits, nn.limits(), 'the size caps and the work cap, for a page to check before it asks');
});

test('updatesPerEpoch is the training loop\'s count: batch_size and drop_last', () => {
  // radial, n = 100: 80 training samples.
  const cases = [[0, false, 1], [1, false, 80], [32, false, 3], [32, true, 2], [80, true, 1], [100, false, 1], [100, true, 0]];
  for (const [batch, dropLast, updates] of cases) {
    const t = nn.fromSpec({ data: { name: 'radial', n: 100 }, model: { hidden: [] }, batch_size: batch, drop_last: dropLast });
    try {
      assert.equal(t.updatesPerEpoch, updates, `batch ${batch}, drop_last ${dropLast}`);
      t.train({ epochs: 2 });
      assert.equal(t.state.step, 2 * updates, `batch ${batch}, drop_last ${dropLast}: the updates two epochs made`);
      assert.equal(t.probabilityWidth, 3);
      assert.equal(t.classes, t.probabilityWidth, 'the older name');
    } finally {
      t.dispose();
    }
  }
});

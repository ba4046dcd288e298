// The worker's side of the network diagram (web/worker/network-watch.js, trainer-group.js's
// inside(), requests.js's setWeight), in Node on the WebAssembly build: what a snapshot holds is
// the engine's unitGrids and getWeights picked for the units shown; the wide layer's ranking keeps
// its units unless one is clearly stronger; an edited weight is the model's from then on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './helpers.mjs';
import { NetworkWatch, rankUnits } from '../../web/worker/network-watch.js';
import { PlaygroundGroup } from '../../web/worker/playground-group.js';
import { answer } from '../../web/worker/requests.js';

const { nn } = await loadEngine();
const bounds = [-1.5, 1.5, -1.5, 1.5];

test('rankUnits: the strongest units, in index order, and a member leaves only for a clearly stronger unit', () => {
  const norms = [5, 1, 4, 3, 2, 0.5];
  assert.deepEqual(rankUnits(norms, 3, null), [0, 2, 3]);
  assert.deepEqual(rankUnits(norms, 10, null), [0, 1, 2, 3, 4, 5]);  // narrow layers: every unit
  // Unit 3 (2) is stronger than member 1 (1.7) but not by 25%: the set stays.
  assert.deepEqual(rankUnits([5, 1.7, 4, 2, 2, 0.5], 3, [0, 1, 2]), [0, 1, 2]);
  // Unit 3 (3.1) beats member 1 (1.6) by more than 25%: it takes its place.
  assert.deepEqual(rankUnits([5, 1.6, 4, 3.1, 0, 0], 3, [0, 1, 2]), [0, 2, 3]);
});

test('a snapshot holds the engine\'s maps, weights and biases of the units shown', () => {
  const spec = { seed: 1, data: { name: 'circle', n: 200, noise: 0.1 }, model: { hidden: [40], activation: 'tanh' },
    optimizer: { name: 'adam', lr: 0.02 }, batch_size: 20 };
  const t = nn.fromSpec(spec);
  try {
    t.train({ epochs: 5 });
    const transfer = [];
    const net = new NetworkWatch(t, spec).snapshot(bounds, { top: 16, size: 8 }, transfer);
    assert.deepEqual(net.sizes, [2, 40, 2]);
    assert.deepEqual(net.inputs, ['x1', 'x2']);
    assert.equal(net.task, 'classification');
    assert.deepEqual(Array.from(net.shown[0]), [0, 1]);
    assert.deepEqual(Array.from(net.shown[2]), [0, 1]);
    // The 16 hidden units of the largest outgoing weight norm ||W2[:, u]||, in index order.
    const layers = t.getWeights();
    const norms = layers[0].bias.map((_, u) => Math.hypot(...layers[1].weight.map((row) => row[u])));
    const top = [...norms.keys()].sort((a, b) => norms[b] - norms[a]).slice(0, 16).sort((a, b) => a - b);
    assert.deepEqual(Array.from(net.shown[1]), top);
    // Maps: the engine's unitGrids, unit by unit, for the units shown.
    const cells = 64;
    for (const layer of [0, 1, 2]) {
      const all = t.unitGrids({ layer, size: 8, bounds });
      net.shown[layer].forEach((u, i) => assert.deepEqual(net.maps[layer].subarray(i * cells, (i + 1) * cells), all.subarray(u * cells, (u + 1) * cells)));
    }
    // Weights among the shown units: weights[L][v * shown[L-1].length + u] = W_L[v][u]; biases likewise.
    net.shown[1].forEach((v, j) => net.shown[0].forEach((u, i) => assert.equal(net.weights[1][j * 2 + i], Math.fround(layers[0].weight[v][u]))));
    net.shown[2].forEach((v, j) => net.shown[1].forEach((u, i) => assert.equal(net.weights[2][j * 16 + i], Math.fround(layers[1].weight[v][u]))));
    assert.deepEqual(Array.from(net.biases[1]), Array.from(net.shown[1], (v) => Math.fround(layers[0].bias[v])));
    assert.equal(net.all, null);
    assert.ok(transfer.length >= 9 && transfer.every((b) => b instanceof ArrayBuffer));
    // The "+N more" grid asks for every map of one layer.
    const withAll = new NetworkWatch(t, spec).snapshot(bounds, { top: 16, size: 8, all: 1 }, []);
    assert.deepEqual(withAll.all.maps, t.unitGrids({ layer: 1, size: 8, bounds }));
  } finally {
    t.dispose();
  }
});

test('1-D data: the input along the line and the output probability of class 1 there', () => {
  const spec = { seed: 10, data: { name: 'study_hours' }, model: { hidden: [] }, loss: 'bce', optimizer: { name: 'sgd', lr: 0.01 } };
  const t = nn.fromSpec(spec);
  try {
    t.train({ epochs: 20 });
    const net = new NetworkWatch(t, spec, [-1, 22]).snapshot(null, { size: 4 }, []);
    assert.deepEqual(net.sizes, [1, 1]);
    assert.deepEqual(net.map, { width: 16, height: 1, range: [-1, 22] });
    const xs = Array.from({ length: 16 }, (_, i) => -1 + (23 * i) / 15);
    assert.deepEqual(Array.from(net.maps[0]), xs.map(Math.fround));
    const { probabilities } = t.predict(xs);
    assert.deepEqual(Array.from(net.maps[1]), xs.map((_, i) => probabilities[2 * i + 1]));
  } finally {
    t.dispose();
  }
});

test('the playground group: a view turns the watchers on and off; setWeight edits one weight, and training goes on from it', async () => {
  const base = { seed: 0, data: { name: 'radial', n: 300 }, optimizer: { name: 'sgd', lr: 0.005 } };
  const group = new PlaygroundGroup(nn, { a: { ...base, model: { hidden: [] } }, b: { ...base, model: { hidden: [12] } } },
    { grid: 10, network: {}, hiddenSpace: true });
  try {
    group.setView({ b: { hiddenSpace: { layer: 1, units: null } } });
    let models = (await group.snapshot(true)).models.trainers;
    assert.ok(models.a.network && models.b.network && models.b.hiddenSpace);
    assert.equal(models.a.hiddenSpace, undefined);  // the linear model has no hidden layer, and no view asked
    assert.equal(models.b.hiddenSpace.points.length, 2 * models.b.hiddenSpace.labels.length);
    group.setView({ a: { network: false }, b: { hiddenSpace: false } });
    models = (await group.snapshot(true)).models.trainers;
    assert.equal(models.a.network, undefined);
    assert.equal(models.b.hiddenSpace, undefined);

    const reply = answer(nn, group, { what: 'setWeight', panel: 'b', layer: 2, to: 1, from: 3, value: 2.5 });
    assert.equal(reply.error, undefined);
    assert.equal(group.models.b.trainer.getWeights()[1].weight[1][3], 2.5);
    const bias = answer(nn, group, { what: 'setWeight', panel: 'b', layer: 1, to: 0, from: null, value: -1 });
    assert.equal(bias.error, undefined);
    assert.equal(group.models.b.trainer.getWeights()[0].bias[0], -1);
    group.trainSlice(1);
    assert.notEqual(group.models.b.trainer.getWeights()[1].weight[1][3], 2.5, 'training moved on from the edited weight');
    const bad = answer(nn, group, { what: 'setWeight', panel: 'b', layer: 3, to: 0, from: 0, value: 1 });
    assert.equal(bad.error.kind, 'spec');
    assert.match(bad.error.message, /setWeight: no weight at layer 3/);
  } finally {
    group.dispose();
  }
});

// The JS API's views inside the network (docs/api.md unitGrids, hiddenSpace), checked against
// predict() of the truncated network: the first k layers of a trained MLP loaded into a model
// whose output layer is layer k (inline data with as many classes as layer k has units).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './helpers.mjs';

const { nn } = await loadEngine();
const bounds = [-1.5, 1.5, -1.2, 1.4];
const size = 9;

// The cell centres of a size x size grid, row 0 at the top, as grid() and unitGrids() place them.
const cells = [];
for (let row = 0; row < size; row++)
  for (let col = 0; col < size; col++)
    cells.push([bounds[0] + (col + 0.5) * ((bounds[1] - bounds[0]) / size), bounds[3] - (row + 0.5) * (bounds[3] - bounds[2]) / size]);

function withTrainer(spec, body) {
  const t = nn.fromSpec(spec);
  try {
    return body(t);
  } finally {
    t.dispose();
  }
}

// The pre-activations z of layer k (1-based) at the points: a model of layers 1 .. k.
function truncatedLogits(weights, k, activation, points) {
  const width = weights[k - 1].bias.length;
  const data = { name: 'inline', x: Array.from({ length: width }, () => [0, 0]), y: [...Array(width).keys()] };
  const model = { hidden: weights.slice(0, k - 1).map((l) => l.bias.length), activation, init: weights.slice(0, k) };
  return withTrainer({ data, model }, (t) => ({ width, logits: t.predict(points).logits }));
}

const spec = { seed: 3, data: { name: 'circle', n: 200, noise: 0.1 }, model: { hidden: [6, 4], activation: 'tanh' },
  optimizer: { name: 'adam', lr: 0.02 }, batch_size: 20 };

test('unitGrids: every hidden unit\'s map is the truncated network\'s output after the activation', () => {
  withTrainer(spec, (t) => {
    t.train({ epochs: 15 });
    const weights = t.getWeights();
    for (const k of [1, 2]) {
      const maps = t.unitGrids({ layer: k, size, bounds });
      const { width, logits } = truncatedLogits(weights, k, 'tanh', cells);
      assert.equal(maps.length, width * size * size);
      let worst = 0;
      for (let u = 0; u < width; u++)
        for (let i = 0; i < cells.length; i++) worst = Math.max(worst, Math.abs(maps[u * cells.length + i] - Math.tanh(logits[i * width + u])));
      assert.ok(worst < 1e-5, `layer ${k}: ${worst}`);
    }
  });
});

test('unitGrids: the inputs are the cell coordinates, the outputs the class probabilities', () => {
  withTrainer(spec, (t) => {
    t.train({ epochs: 5 });
    const inputs = t.unitGrids({ layer: 0, size, bounds });
    cells.forEach(([x, y], i) => {
      assert.equal(inputs[i], Math.fround(x));
      assert.equal(inputs[cells.length + i], Math.fround(y));
    });
    const out = new Float32Array(2 * size * size);
    assert.equal(t.unitGrids({ layer: 3, size, bounds }, out), out);
    const { probabilities } = t.predict(cells);
    cells.forEach((_, i) => [0, 1].forEach((k) => assert.ok(Math.abs(out[k * cells.length + i] - probabilities[2 * i + k]) < 1e-6)));
  });
});

test('unitGrids and hiddenSpace refuse bad requests with spec errors that say what is allowed', () => {
  withTrainer(spec, (t) => {
    assert.throws(() => t.unitGrids({ layer: 4, size, bounds }), (e) => e.kind === 'spec' && /0 \(inputs\) \.\. 3 \(outputs\)/.test(e.message));
    assert.throws(() => t.unitGrids({ layer: 1, size: 600, bounds }), (e) => e.kind === 'spec' && /1 \.\. 512/.test(e.message));
    assert.throws(() => t.unitGrids({ layer: 1, size, bounds }, new Float32Array(3)), /out must hold 486 floats/);
    assert.throws(() => t.hiddenSpace({ layer: 3, bounds }), (e) => e.kind === 'spec' && /1 \.\. 2, got 3/.test(e.message));
    assert.throws(() => t.hiddenSpace({ layer: 1, units: [2, 2], bounds }), (e) => e.kind === 'spec' && /two different units/.test(e.message));
    assert.equal(t.unitGrids({ layer: 1, size: 2, bounds }).length, 24);  // still usable
  });
});

test('hiddenSpace: on two units, the training points sit at those units\' activations', () => {
  withTrainer(spec, (t) => {
    t.train({ epochs: 10 });
    const view = t.hiddenSpace({ layer: 1, units: [5, 2], bounds, lines: 5, samples: 7 });
    const data = t.data();
    const train = data.splitEnd[0];
    assert.equal(view.points.length, 2 * train);
    assert.equal(view.lines.length, 2 * 5 * 7 * 2);
    assert.equal(view.logits.length, 0);  // layer 1 is not the last hidden layer
    const points = Array.from({ length: train }, (_, i) => [data.x[2 * i], data.x[2 * i + 1]]);
    const { width, logits } = truncatedLogits(t.getWeights(), 1, 'tanh', points);
    for (let i = 0; i < train; i++) {
      assert.ok(Math.abs(view.points[2 * i] - Math.tanh(logits[i * width + 5])) < 1e-5);
      assert.ok(Math.abs(view.points[2 * i + 1] - Math.tanh(logits[i * width + 2])) < 1e-5);
      assert.equal(view.labels[i], data.y[i]);
    }
  });
});

test('hiddenSpace: on the last hidden layer, the view\'s affine logits classify the points as the model does', () => {
  withTrainer({ ...spec, model: { hidden: [8, 2], activation: 'tanh' } }, (t) => {
    t.train({ epochs: 30 });
    const view = t.hiddenSpace({ layer: 2, bounds });  // 2 units: the principal axes lose nothing
    const data = t.data();
    const points = Array.from({ length: data.splitEnd[0] }, (_, i) => [data.x[2 * i], data.x[2 * i + 1]]);
    const { logits } = t.predict(points);
    points.forEach((_, i) => [0, 1].forEach((k) => {
      const [a, b, c] = view.logits.slice(3 * k, 3 * k + 3);
      assert.ok(Math.abs(a * view.points[2 * i] + b * view.points[2 * i + 1] + c - logits[2 * i + k]) < 1e-4);
    }));
  });
});

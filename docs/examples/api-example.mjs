// nnplay's JavaScript API, end to end: tutorial 001 (radial data, linear model vs MLP) in Node 20.
//   npm run build                           # once: puts the engine into dist/engine/
//   node docs/examples/api-example.mjs
// Walkthrough in docs/api.md.
const engineUrl = new URL('../../dist/engine/nnplay.mjs', import.meta.url);
let createEngine;
try {
  ({ createEngine } = await import(engineUrl.href));
} catch (error) {
  console.error(`cannot load ${engineUrl.pathname}: run \`npm run build\` first\n(${error.message})`);
  process.exit(1);
}

const nn = await createEngine();
const heapAtStart = nn.heapInUse();
const pct = (a) => `${(100 * a).toFixed(1)}%`;

// 1. The linear model from a whole spec (docs/spec.md): examples/radial_linear.json.
const linear = nn.fromSpec({
  seed: 0,
  data: { name: 'radial', n: 10000, split: [0.8, 0.1, 0.1] },
  model: { hidden: [] },  // no hidden layer: nn.Linear(2, 3)
  loss: 'cross_entropy',
  optimizer: { name: 'sgd', lr: 0.005 },
  batch_size: 0,          // full batch: one update per epoch
});

// 2. The MLP from parts, PyTorch style: the same data, nn.Linear(2, 200), ReLU, nn.Linear(200, 3).
const data = nn.dataset({ name: 'radial', n: 10000, split: [0.8, 0.1, 0.1], seed: 0 });
console.log(`radial data: ${data.size} points, ${data.features} features, ${data.classes} classes, ` +
  `train/val/test = ${data.splitEnd[0]}/${data.splitEnd[1] - data.splitEnd[0]}/${data.splitEnd[2] - data.splitEnd[1]}`);
console.log(`first point: x = [${data.x[0].toFixed(3)}, ${data.x[1].toFixed(3)}], y = ${data.y[0]} (${data.splitOf(0)})\n`);
const mlp = nn.trainer({
  data,
  model: nn.Sequential({ hidden: [200], activation: 'relu' }),
  loss: nn.CrossEntropyLoss(),
  optimizer: nn.SGD({ lr: 0.005 }),
});

try {
  // 3. Train 300 epochs each, in one call; every finished epoch comes back as a record.
  for (const [name, trainer] of [['linear', linear], ['MLP', mlp]]) {
    const started = performance.now();
    const { ran, status, records } = trainer.train({ epochs: 300 });
    const ms = performance.now() - started;
    console.log(`${name}: ${trainer.parameterCount} parameters, ${ran} epochs, status ${status}, ${ms.toFixed(0)} ms`);
    for (const r of records.filter((r) => r.epoch % 100 === 0))
      console.log(`  epoch ${String(r.epoch).padStart(3)}  train loss ${r.train.loss.toFixed(4)}  ` +
        `val loss ${r.val.loss.toFixed(4)}  val accuracy ${pct(r.val.accuracy)}`);
    const now = trainer.evaluate();  // the `nnplay run` progress line: every non-empty split
    console.log(`  now: train ${pct(now.train.accuracy)}, val ${pct(now.val.accuracy)}, test ${pct(now.test.accuracy)}`);
  }

  // 4. Predictions for a few points in one call: flat typed arrays, point by point.
  const points = [[0, 0], [1.5, 0], [3, 1], [5, 0], [0, 3]];
  console.log('\npredictions (class probabilities -> label):');
  for (const [name, trainer] of [['linear', linear], ['MLP', mlp]]) {
    const { probabilities, labels } = trainer.predict(points);
    const k = trainer.classes;
    const cells = points.map((p, i) =>
      `[${p}] ${Array.from(probabilities.subarray(i * k, (i + 1) * k), (v) => v.toFixed(2)).join('/')} -> ${labels[i]}`);
    console.log(`  ${name.padEnd(6)} ${cells.join('   ')}`);
  }

  // 5. A small decision grid (row 0 at the top = ymax), drawn as the most likely class per cell.
  const width = 32, height = 16, bounds = [-1, 6, -4, 4];  // [xmin, xmax, ymin, ymax]
  console.log(`\ndecision grids, x in [${bounds[0]}, ${bounds[1]}], y from ${bounds[3]} (top) to ${bounds[2]}:`);
  const maps = [linear, mlp].map((trainer) => {
    const k = trainer.classes;
    const out = trainer.grid({ width, height, bounds });  // Float32Array of width * height * k
    const rows = [];
    for (let row = 0; row < height; row++) {
      let line = '';
      for (let col = 0; col < width; col++) {
        const p = out.subarray((row * width + col) * k, (row * width + col + 1) * k);
        line += p.indexOf(Math.max(...p));
      }
      rows.push(line);
    }
    return rows;
  });
  console.log(`  ${'linear'.padEnd(width)}   MLP`);
  for (let row = 0; row < height; row++) console.log(`  ${maps[0][row]}   ${maps[1][row]}`);

  // 6. Weights in PyTorch's layout: one { weight: [out][in], bias: [out] } per nn.Linear.
  const [w] = linear.getWeights();
  console.log('\nlinear weights (nn.Linear(2, 3)):');
  w.weight.forEach((row, i) => console.log(`  class ${i}: weight [${row.map((v) => v.toFixed(4)).join(', ')}], bias ${w.bias[i].toFixed(4)}`));
  const shapes = mlp.getWeights().map((l) => `${l.weight.length}x${l.weight[0].length} + ${l.bias.length}`);
  console.log(`MLP layers: ${shapes.join(', ')}`);

  // 7. Bad input throws an NnplayError; the engine stays usable.
  try {
    nn.fromSpec({ optimizer: { name: 'sgd', lr: 'fast' } });
  } catch (error) {
    console.log(`\n${error.name} (kind '${error.kind}'): ${error.message}`);
  }
} finally {
  // 8. Every trainer owns WebAssembly memory until it is disposed.
  linear.dispose();
  mlp.dispose();
}
console.log(`disposed; WebAssembly heap in use: ${heapAtStart} bytes at the start, ${nn.heapInUse()} now`);

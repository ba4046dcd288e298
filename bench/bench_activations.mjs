// Tanh and Sigmoid hidden layers against ReLU on tutorial 001's workload (2-200-3, SGD, full batch),
// interleaved: a few epochs of each in turn, 40 rounds, so a busy machine slows all three alike and
// the ratios hold even when the milliseconds do not.
//
//   node bench/bench_activations.mjs [root ...]
//
// root: a checkout whose dist/engine/ is built (this one by default). Given several (another
// worktree at the commit before a change, say), their engines load into this one process and take
// turns too, so the builds are compared under the same load.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const roots = process.argv.length > 2 ? process.argv.slice(2).map((r) => path.resolve(r)) : [here];
const acts = ['relu', 'tanh', 'sigmoid'];
const ROUNDS = 40;
const EPOCHS_PER_TURN = 3;

const builds = [];
for (const root of roots) {
  const { createEngine } = await import(pathToFileURL(path.join(root, 'dist', 'engine', 'nnplay.mjs')).href);
  const nn = await createEngine();
  const trainers = Object.fromEntries(acts.map((a) => [a, nn.fromSpec({ data: { name: 'radial' },
    model: { hidden: [200], activation: a }, optimizer: { name: 'sgd', lr: 0.005 } }, { historyLimit: 0 })]));
  for (const a of acts) trainers[a].train({ epochs: 20 });  // warm-up
  builds.push({ root, trainers, ms: Object.fromEntries(acts.map((a) => [a, []])) });
}
for (let round = 0; round < ROUNDS; round++)
  for (const b of builds)
    for (const a of acts)
      for (let k = 0; k < EPOCHS_PER_TURN; k++) {
        const start = performance.now();
        b.trainers[a].train({ epochs: 1 });
        b.ms[a].push(performance.now() - start);
      }
const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
for (const b of builds) {
  const relu = median(b.ms.relu);
  const line = acts.map((a) => `${a} ${median(b.ms[a]).toFixed(2)} ms (${(median(b.ms[a]) / relu).toFixed(2)}x)`).join('   ');
  console.log(builds.length > 1 ? `${path.relative(process.cwd(), b.root) || '.'}: ${line}` : line);
}

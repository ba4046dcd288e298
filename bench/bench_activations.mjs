// Tanh and Sigmoid hidden layers against ReLU on tutorial 001's workload (2-200-3, SGD, full batch),
// interleaved: three epochs of each in turn, 40 rounds, so a busy machine slows all three alike and
// the ratios hold even when the milliseconds do not. `node bench/bench_activations.mjs [root]`
// (root: a checkout whose dist/engine/ is built; this one by default, another worktree to compare).
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = process.argv[2] ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { createEngine } = await import(pathToFileURL(path.join(root, 'dist', 'engine', 'nnplay.mjs')).href);
const nn = await createEngine();
const acts = ['relu', 'tanh', 'sigmoid'];
const ts = Object.fromEntries(acts.map((a) => [a, nn.fromSpec({ data: { name: 'radial' }, model: { hidden: [200], activation: a }, optimizer: { name: 'sgd', lr: 0.005 } }, { historyLimit: 0 })]));
for (const a of acts) ts[a].train({ epochs: 20 });
const ms = Object.fromEntries(acts.map((a) => [a, []]));
for (let round = 0; round < 40; round++)
  for (const a of acts) for (let k = 0; k < 3; k++) { const s = performance.now(); ts[a].train({ epochs: 1 }); ms[a].push(performance.now() - s); }
const med = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
const r = med(ms.relu);
console.log(acts.map((a) => `${a} ${med(ms[a]).toFixed(2)} ms (${(med(ms[a]) / r).toFixed(2)}x)`).join('   '));

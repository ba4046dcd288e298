// Tanh and Sigmoid hidden layers against ReLU, interleaved (bench/activation-ratios.mjs).
//
//   node bench/bench_activations.mjs [root ...]
//
// root: a checkout whose dist/engine/ is built (this one by default). Given several (another
// worktree at the commit before a change, say), their engines load into this one process and take
// turns too, so the builds are compared under the same load.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ACTIVATIONS, activationRun, interleave, ratios } from './activation-ratios.mjs';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const roots = process.argv.length > 2 ? process.argv.slice(2).map((r) => path.resolve(r)) : [here];
const runs = [];
for (const root of roots) {
  const { createEngine } = await import(pathToFileURL(path.join(root, 'dist', 'engine', 'nnplay.mjs')).href);
  runs.push({ root, ...activationRun(await createEngine()) });
}
interleave(runs);
for (const run of runs) {
  const r = ratios(run);
  const line = ACTIVATIONS.map((a) => `${a} ${r[a].ms.toFixed(2)} ms (${r[a].ratio.toFixed(2)}x)`).join('   ');
  console.log(runs.length > 1 ? `${path.relative(process.cwd(), run.root) || '.'}: ${line}` : line);
}

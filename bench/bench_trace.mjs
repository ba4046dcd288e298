// The step inspector's cost (issue 15): one traced update, trainer.step({ trace: true }), against
// an untraced one, in the WebAssembly engine under Node 20 (the worker runs the same module).
//   node bench/bench_trace.mjs [repeats]
// Cases: tutorial 001's MLP (2-200-3 ReLU, full batch of 8000: the trace writes ~13,000 numbers and
// 8000 batch indices as JSON), the same with a chosen sample in the batch's last chunk (sample
// 7999), a mini-batch of 32 with Adam (its state is traced too), and the microscope lesson's 2-3-3 network.
// Medians of `repeats` (default 30); the load average is printed, since the machine may be shared.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repeats = Number(process.argv[2] ?? 30);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const { createEngine } = await import(pathToFileURL(path.join(root, 'dist', 'engine', 'nnplay.mjs')).href);
const { MICROSCOPE_SPEC } = await import(pathToFileURL(path.join(root, 'web', 'lessons', 'catalog.js')).href);
const nn = await createEngine();

function timeEach(fn) {
  const ms = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    fn();
    ms.push(performance.now() - start);
  }
  return median(ms);
}

function measure(spec, options = {}) {
  const t = nn.fromSpec(spec, { historyLimit: 0 });
  t.train({ steps: 5 });  // warm-up
  const plain = timeEach(() => t.step());
  const traced = timeEach(() => t.step({ trace: true, ...options }));
  t.dispose();
  return { plain, traced };
}

const mlp = { data: { name: 'radial' }, model: { hidden: [200] } };
const cases = [
  ['tutorial MLP, full batch (8000)', measure(mlp)],
  ['  the same, sample 7999 chosen', measure(mlp, { sample: 7999 })],
  ['tutorial MLP, Adam, batch of 32', measure({ ...mlp, optimizer: { name: 'adam', lr: 0.001 }, batch_size: 32 })],
  ['microscope lesson: 2-3-3, 6 points', measure(MICROSCOPE_SPEC)],
];
console.log(`traced step (WebAssembly, Node ${process.versions.node}), medians of ${repeats}, load average ${os.loadavg()[0].toFixed(2)}`);
for (const [name, { plain, traced }] of cases)
  console.log(`  ${name.padEnd(34)} step ${plain.toFixed(3)} ms   traced ${traced.toFixed(3)} ms   trace +${(traced - plain).toFixed(3)} ms`);

// npm run bench (WebAssembly part): tutorial 001's workload in the browser engine under Node 20,
// against the native engine and TensorFlow.js 4.22's WebAssembly SIMD backend, in one run.
// One epoch = one full-batch SGD step on radial's 8000 training points (MLP 2-200-3 ReLU,
// cross-entropy, lr 0.005) plus a validation forward on 1000. Medians; one thread everywhere.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { activationRun, interleave, ratios } from './activation-ratios.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const epochs = Number(process.argv[2] ?? 200);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timeEach(count, fn) {
  const ms = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    fn();
    ms.push(performance.now() - start);
  }
  return median(ms);
}

const { createEngine } = await import(pathToFileURL(path.join(root, 'dist', 'engine', 'nnplay.mjs')).href);
const nn = await createEngine();

function nnplayEpoch(optimizer, activation = 'relu') {
  const t = nn.fromSpec({ data: { name: 'radial' }, model: { hidden: [200], activation }, optimizer }, { historyLimit: 0 });
  t.train({ epochs: 20 });  // warm-up; train() also evaluates the validation split after each epoch
  const ms = timeEach(epochs, () => t.train({ epochs: 1 }));
  const grid = new Float32Array(200 * 200 * 3);
  const gridMs = timeEach(50, () => t.grid({ width: 200, height: 200, bounds: [-4, 6, -5, 5] }, grid));
  t.dispose();
  return { ms, gridMs };
}

// One full-batch step of the tutorial MLP with and without its trace (docs/api.md step({ trace })):
// the traced step also copies every parameter four times and the 8000 batch indices into JSON.
function tracedStep() {
  const t = nn.fromSpec({ data: { name: 'radial' }, model: { hidden: [200] } }, { historyLimit: 0 });
  t.train({ epochs: 5 });
  const plain = timeEach(30, () => t.step());
  const traced = timeEach(30, () => t.step({ trace: true }));
  t.dispose();
  return { plain, traced };
}

function nativeEpoch(binary) {
  if (!fs.existsSync(binary)) return null;
  const r = spawnSync(binary, [String(Math.max(epochs, 100))], { encoding: 'utf8' });
  return r.status === 0 ? JSON.parse(r.stdout) : null;
}

async function tfjsEpoch() {
  const tf = await import('@tensorflow/tfjs-core');
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  wasm.setThreadsCount(1);
  wasm.setWasmPaths(path.join(root, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') + '/');
  await tf.setBackend('wasm');
  const data = nn.dataset({ name: 'radial' });
  const rows = (a, b) => tf.tensor2d(data.x.slice(2 * a, 2 * b), [b - a, 2]);
  const labels = (a, b) => tf.oneHot(tf.tensor1d(data.y.slice(a, b), 'int32'), 3);
  const [x, y, xv, yv] = [rows(0, 8000), labels(0, 8000), rows(8000, 9000), labels(8000, 9000)];
  const w1 = tf.variable(tf.randomUniform([2, 200], -0.7, 0.7)), b1 = tf.variable(tf.zeros([200]));
  const w2 = tf.variable(tf.randomUniform([200, 3], -0.07, 0.07)), b2 = tf.variable(tf.zeros([3]));
  const lr = 0.005;
  // tfjs-core's Node entry registers no autodiff gradients, so the backward pass is written out
  // with the same TF.js kernels autodiff would run: the same matmuls, elementwise ops and sums.
  const epoch = () => {
    tf.tidy(() => {
      const h = tf.relu(tf.add(tf.matMul(x, w1), b1));                 // 8000 x 200
      const p = tf.softmax(tf.add(tf.matMul(h, w2), b2));              // 8000 x 3
      const dz = tf.div(tf.sub(p, y), 8000);                           // dL/dz = (p - onehot) / n
      const dh = tf.mul(tf.matMul(dz, w2, false, true), tf.step(h));   // dL/dh, ReLU'
      w2.assign(tf.sub(w2, tf.mul(tf.matMul(h, dz, true, false), lr)));
      b2.assign(tf.sub(b2, tf.mul(tf.sum(dz, 0), lr)));
      w1.assign(tf.sub(w1, tf.mul(tf.matMul(x, dh, true, false), lr)));
      b1.assign(tf.sub(b1, tf.mul(tf.sum(dh, 0), lr)));
      const zv = tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(xv, w1), b1)), w2), b2);
      tf.losses.softmaxCrossEntropy(yv, zv).dataSync();                // validation loss, read back
    });
  };
  for (let i = 0; i < 10; i++) epoch();
  return { backend: `${tf.getBackend()} simd=${tf.env().getBool('WASM_HAS_SIMD_SUPPORT')} threads=1`, ms: timeEach(Math.min(epochs, 100), epoch) };
}

function sizes() {
  const file = (f) => fs.readFileSync(path.join(root, 'dist', 'engine', f));
  const both = [file('nnplay_engine.wasm'), file('nnplay_engine.mjs')];
  const raw = both.reduce((s, b) => s + b.length, 0);
  const gz = both.reduce((s, b) => s + zlib.gzipSync(b, { level: 9 }).length, 0);
  return { wasm: both[0].length, glue: both[1].length, total: raw, gzip: gz };
}

const sgd = nnplayEpoch({ name: 'sgd', lr: 0.005 });
const adam = nnplayEpoch({ name: 'adam', lr: 0.001 });
const tanh = nnplayEpoch({ name: 'sgd', lr: 0.005 }, 'tanh');
const sigmoid = nnplayEpoch({ name: 'sgd', lr: 0.005 }, 'sigmoid');
const interleaved = activationRun(nn);
interleave([interleaved]);
const activations = ratios(interleaved);
const trace = tracedStep();
const native = nativeEpoch(path.join(root, 'build', 'nnplay_bench'));
const nativeArch = nativeEpoch(path.join(root, 'build-bench', 'nnplay_bench'));
let tfjs;
try {
  tfjs = await tfjsEpoch();
} catch (error) {
  tfjs = { error: error.message };
}
const size = sizes();

const f = (v) => (v == null ? 'n/a' : v.toFixed(2));
console.log(`nnplay WebAssembly (Node ${process.versions.node}), ${epochs} epochs, medians, one thread`);
console.log(`  wasm SGD            ${f(sgd.ms)} ms/epoch   (target <= 5)`);
console.log(`  wasm Adam           ${f(adam.ms)} ms/epoch`);
console.log(`  wasm SGD, Tanh      ${f(tanh.ms)} ms/epoch   (the same MLP with nn.Tanh)`);
console.log(`  wasm SGD, Sigmoid   ${f(sigmoid.ms)} ms/epoch   (the same MLP with nn.Sigmoid)`);
console.log(`  Tanh, Sigmoid / ReLU ${f(activations.tanh.ratio)}x, ${f(activations.sigmoid.ratio)}x   (interleaved epochs, bench/activation-ratios.mjs; target <= 1.5)`);
console.log(`  native SGD          ${f(native?.sgd_ms_per_epoch)} ms/epoch (portable build)  ratio wasm/native ${f(native && sgd.ms / native.sgd_ms_per_epoch)} (target <= 1.5)`);
if (nativeArch) console.log(`  native SGD          ${f(nativeArch.sgd_ms_per_epoch)} ms/epoch (-march=native)   ratio wasm/native ${f(sgd.ms / nativeArch.sgd_ms_per_epoch)}`);
console.log(`  TF.js 4.22 wasm     ${tfjs.ms ? f(tfjs.ms) + ' ms/epoch (' + tfjs.backend + ')   nnplay is ' + f(tfjs.ms / sgd.ms) + 'x faster' : 'not measured: ' + tfjs.error}`);
console.log(`  traced step         ${f(trace.traced)} ms (an untraced step ${f(trace.plain)} ms; target: a few ms)`);
console.log(`  200x200 grid        ${f(sgd.gridMs)} ms   (target <= 3)`);
console.log(`  size                wasm ${size.wasm} B + glue ${size.glue} B = ${size.total} B (target <= 300 KB), gzip ${size.gzip} B`);
console.log(JSON.stringify({ bench: 'wasm', epochs, wasm_sgd_ms: sgd.ms, wasm_adam_ms: adam.ms, wasm_tanh_ms: tanh.ms, wasm_sigmoid_ms: sigmoid.ms, tanh_ratio: activations.tanh.ratio, sigmoid_ratio: activations.sigmoid.ratio, native_sgd_ms: native?.sgd_ms_per_epoch,
  native_arch_sgd_ms: nativeArch?.sgd_ms_per_epoch, tfjs_ms: tfjs.ms, grid_ms: sgd.gridMs, traced_step_ms: trace.traced, step_ms: trace.plain, size }));

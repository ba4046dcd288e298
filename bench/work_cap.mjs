// The work cap (engine/caps.h, kMaxEpochWork) against the clock: for specs at or near the cap, in
// the shapes that stress different parts of the cost (one huge model on few points, a small
// model on the most points, one update per point, Adam), the time of one epoch through the JS
// API in WebAssembly: wall time and this process's CPU time (which load from other processes on a
// shared machine inflates less). docs/RELIABILITY.md records the figures.
//   node bench/work_cap.mjs
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { createEngine } from '../dist/engine/nnplay.mjs';

const nn = await createEngine();
const cap = nn.limits().epochWork;
// Each case sits just under the cap (the model's shape, then the largest n it accepts).
const cases = [
  ['8 x 1024 on 320 points', { data: { n: 320 }, model: { hidden: Array(8).fill(1024) } }],
  ['2 x 1024 on 2,200 points', { data: { n: 2200 }, model: { hidden: [1024, 1024] } }],
  ['2 x 128 on 130,000 points', { data: { n: 130000 }, model: { hidden: [128, 128] } }],
  ['2 x 64, batch 1, on 120,000 points', { data: { n: 120000 }, model: { hidden: [64, 64] }, batch_size: 1 }],
  ['2 x 64, batch 1, Adam, on 18,000 points', { data: { n: 18000 }, model: { hidden: [64, 64] }, batch_size: 1,
    optimizer: { name: 'adam' } }],
  ['8 x 1024 on 400 points (over the cap)', { data: { n: 400 }, model: { hidden: Array(8).fill(1024) } }],
];
console.log(`work cap ${cap} multiply-adds per epoch`);
for (const [name, spec] of cases) {
  let t;
  try {
    t = nn.fromSpec(spec);
  } catch (error) {
    console.log(`${name}: refused (${error.message.slice(0, 90)}...)`);
    continue;
  }
  t.train({ epochs: 1 });  // warm-up: buffers, caches
  const start = performance.now();
  const cpu = process.cpuUsage();
  t.train({ epochs: 1 });
  const used = process.cpuUsage(cpu);
  console.log(`${name}: ${((performance.now() - start) / 1000).toFixed(2)} s wall, ` +
    `${((used.user + used.system) / 1e6).toFixed(2)} s CPU per epoch`);
  t.dispose();
}

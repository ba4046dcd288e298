// What one frame of the playground costs, part by part, for the largest settings the engine
// accepts (docs/RELIABILITY.md, issue 11): the worker's PlaygroundGroup in Node on dist/engine,
// both panels the same model, a few full frames (grids, diagram, metrics) so that each model's
// budget (web/worker/frame-budget.js) has measured its grid and maps. A pause or a reset waits for
// at most the part under way. Wall times on a shared machine, not a test.
//
//   node bench/frame_parts.mjs [frames, default 4]     (after npm run build)
import { performance } from 'node:perf_hooks';
import { createEngine } from '../dist/engine/nnplay.mjs';
import { PlaygroundGroup } from '../web/worker/playground-group.js';

const frames = Number(process.argv[2] ?? 4);
const nn = await createEngine();
const cases = [
  ['8 x 1024 on 320 points', { data: { name: 'circle', n: 320 }, model: { hidden: Array(8).fill(1024) } }],
  ['2 x 1024 on 2,200 points', { data: { name: 'circle', n: 2200 }, model: { hidden: [1024, 1024] } }],
  ['8 x 256 on 2,200 points', { data: { name: 'circle', n: 2200 }, model: { hidden: Array(8).fill(256) } }],
  ['2 x 128 on 130,000 points', { data: { name: 'circle', n: 130000 }, model: { hidden: [128, 128] } }],
  ['2-200-3 (the tutorial)', { data: { name: 'radial' }, model: { hidden: [200] } }],
];
const NAMES = ['grid', 'diagram', 'metrics', 'weight stats'];

for (const [label, spec] of cases) {
  const group = new PlaygroundGroup(nn, { a: spec, b: spec }, { grid: 100, network: {} });
  try {
    let last = [];
    let sides = '';
    for (let f = 0; f < frames; f++) {
      const parts = [];
      let mark = performance.now();
      const between = async () => {
        const now = performance.now();
        parts.push(now - mark);
        mark = now;
        return true;
      };
      const frame = await group.snapshot(true, between, false);
      parts.push(performance.now() - mark);
      last = parts;
      const b = frame.models.trainers.b;
      sides = `grid ${b.gridSize} x ${b.gridSize}, maps ${b.network.mapsOff ? 'off' : `${b.network.map.width} x ${b.network.map.width}`}`;
    }
    // Model a's parts, then b's, in NAMES' order.
    const ms = last.slice(0, NAMES.length).map((t, i) => `${NAMES[i]} ${Math.round(t)}`).join(', ');
    console.log(`${label}: ${sides}; frame ${frames}, one model's parts, ms: ${ms}; longest part ${Math.round(Math.max(...last))} ms`);
  } finally {
    group.dispose();
  }
}

// The long-session check (issue 7): the playground page (dist/index.html) in Debian's Chromium,
// on its first experiment (tutorial 001: radial, 10,000 points, a linear model and a 2-200-3 MLP),
//   1. trains at full speed (100 epochs a frame, no epoch limit) for `seconds` of wall time or
//      `maxEpochs` epochs, whichever comes first;
//   2. rebuilds the model `rebuilds` times: "New data" (a new seed, so new data and new initial
//      weights, a reset) and the first frame of the new model, each time, training all along;
// and samples, after a warm-up (start), after training and at the end:
//   - the engine worker's WebAssembly heap: the bytes its allocator has in use (the worker
//     protocol's { type: 'request', what: 'memory' }) and the size of its WebAssembly.Memory;
//   - the page's JavaScript heap after a forced garbage collection (Chrome DevTools Protocol:
//     HeapProfiler.collectGarbage, then Runtime.getHeapUsage).
// It fails when a figure grows past its tolerance (TOLERANCE below: flat), on any console error or page error,
// or if the engine's worker was ever restarted.
//
//   npm run soak                                   (10 minutes or 200,000 epochs, 1,000 rebuilds)
//   node bench/soak.mjs [seconds] [rebuilds] [maxEpochs]        (after npm run build)
//
// Measuring from outside, without hooks in the page: an init script records the Workers the page
// makes (to send the memory request), and the worker's script is served with a prefix that keeps
// the WebAssembly.Memory the engine instantiates (to read its size). tests/node/robustness.test.mjs
// runs a shorter soak (20 s, 100 rebuilds) with the same checks.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readFile } from 'node:fs/promises';
import { launchBrowser, startServer } from '../tests/node/browser.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const MiB = 1024 * 1024;

/**
 * How much each figure may grow from the start. Flat: the page's trainers keep no epoch history
 * in the engine (historyLimit: 0), so the same experiment holds the same bytes however long it runs.
 */
export const TOLERANCE = {
  // The engine's allocator.
  heapInUse: 64 * 1024,
  // The WebAssembly.Memory grows by whole pages when the heap needs it and never shrinks.
  memoryBytes: 16 * MiB,
  // The page's JavaScript heap after a full GC.
  jsHeap: (start) => 0.25 * start + 4 * MiB,
};

/** Runs before the page's scripts: remembers each Worker the page starts. */
export function recordWorkers() {
  const Base = window.Worker;
  window.__soakWorkers = [];
  window.Worker = class extends Base {
    constructor(...args) {
      super(...args);
      window.__soakWorkers.push(this);
    }
  };
}

/** Prefixed to the worker's script (worker/engine-worker.js, page/worker-source.js): keeps the Memory of the WebAssembly instance the engine makes. */
const MEMORY_PREFIX = `{
  const keep = (r) => { for (const v of Object.values((r.instance ?? r).exports ?? {})) if (v instanceof WebAssembly.Memory) self.__soakMemory = v; return r; };
  const [is, i] = [WebAssembly.instantiateStreaming, WebAssembly.instantiate];
  if (is) WebAssembly.instantiateStreaming = (...a) => is(...a).then(keep);
  WebAssembly.instantiate = (...a) => i(...a).then(keep);
}
`;

/** Asks the page's (last) engine worker for its allocator's bytes in use, through the worker protocol. */
export function askHeapInUse() {
  return new Promise((resolve, reject) => {
    const worker = window.__soakWorkers.at(-1);
    const id = -1 - Math.floor(Math.random() * 1e9);  // the page's own requests count up from 1
    const timer = setTimeout(() => reject(new Error('the worker did not answer the memory request')), 20000);
    const listen = ({ data }) => {
      if (data?.type !== 'reply' || data.id !== id) return;
      worker.removeEventListener('message', listen);
      clearTimeout(timer);
      if (data.error) reject(new Error(data.error.message));
      else resolve(data.value.heapInUse);
    };
    worker.addEventListener('message', listen);
    worker.postMessage({ type: 'request', id, what: 'memory' });
  });
}

const epochOf = async (page) => Number(await page.textContent('[data-panel="b"] [data-field="epoch"]'));

/** One sample of every figure. */
async function sample(page, cdp, label) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const heapInUse = await page.evaluate(askHeapInUse);
  const memoryBytes = await page.workers()[0].evaluate(() => self.__soakMemory?.buffer.byteLength ?? NaN);
  return { label, epoch: await epochOf(page), heapInUse, memoryBytes, jsHeap: usedSize };
}

const mib = (bytes) => `${(bytes / MiB).toFixed(2)} MiB`;
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/**
 * The soak. Resolves to { samples, start, trained, end, epochs, rebuilds, seconds, errors,
 * workers, failures }: failures lists what went wrong (empty when it passed).
 */
export async function soak({ seconds = 600, rebuilds = 1000, maxEpochs = 200000, log = () => {} } = {}) {
  const server = await startServer(path.join(root, 'dist'));
  const browser = await launchBrowser();
  const errors = [];
  const samples = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
    await page.addInitScript(recordWorkers);
    const workerSource = await readFile(path.join(root, 'dist', 'worker', 'engine-worker.js'), 'utf8');
    await page.route('**/worker/engine-worker.js', (route) => route.fulfill({ contentType: 'text/javascript', body: MEMORY_PREFIX + workerSource }));
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`${server.url}/index.html#limit=10000000&speed=100`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    const note = (s) => {
      samples.push(s);
      log(`${s.label.padEnd(22)} epoch ${String(s.epoch).padStart(7)}  wasm heap in use ${kib(s.heapInUse).padStart(11)}  ` +
        `wasm memory ${mib(s.memoryBytes).padStart(10)}  JS heap ${mib(s.jsHeap).padStart(9)}`);
      return s;
    };

    // Warm-up: the chart and the caches exist, the allocator has seen a few frames.
    while (await epochOf(page) < 300) await page.waitForTimeout(200);
    const start = note(await sample(page, cdp, 'start'));

    // 1. Full-speed training.
    const began = Date.now();
    const every = Math.max(5, seconds / 10) * 1000;
    let next = began + every;
    let epochs = start.epoch;
    while (Date.now() - began < seconds * 1000 && epochs < maxEpochs) {
      await page.waitForTimeout(Math.min(1000, Math.max(50, next - Date.now())));
      epochs = await epochOf(page);
      if (Date.now() >= next && Date.now() - began < seconds * 1000) {
        note(await sample(page, cdp, `training ${Math.round((Date.now() - began) / 1000)} s`));
        next += every;
      }
    }
    const trainedSeconds = (Date.now() - began) / 1000;
    const trained = note(await sample(page, cdp, 'after training'));

    // 2. Rebuilds: "New data" and the new model's first frame, `rebuilds` times.
    const batch = Math.max(1, Math.min(100, Math.ceil(rebuilds / 10)));
    for (let done = 0; done < rebuilds;) {
      const n = Math.min(batch, rebuilds - done);
      await page.evaluate(async (count) => {
        const button = document.querySelector('#ctl-regenerate');
        for (let i = 0; i < count; i++) {
          const drawn = new Promise((resolve) => document.body.addEventListener('nnplay-frame', resolve, { once: true }));
          button.click();
          await drawn;
        }
      }, n);
      done += n;
      if (done % (batch * 2) === 0 || done === rebuilds) note(await sample(page, cdp, `${done} rebuilds`));
    }
    const seed = Number(await page.inputValue('#ctl-seed'));
    // The last model at the same point as the first sample.
    while (await epochOf(page) < 300) await page.waitForTimeout(200);
    const end = note(await sample(page, cdp, 'end'));
    const workers = await page.evaluate(() => window.__soakWorkers.length);

    const failures = [];
    for (const [label, s] of [['after training', trained], ['at the end', end]]) {
      if (s.heapInUse - start.heapInUse > TOLERANCE.heapInUse) failures.push(`WebAssembly heap in use grew ${kib(s.heapInUse - start.heapInUse)} ${label} (tolerance ${kib(TOLERANCE.heapInUse)})`);
      if (s.memoryBytes - start.memoryBytes > TOLERANCE.memoryBytes) failures.push(`WebAssembly memory grew ${mib(s.memoryBytes - start.memoryBytes)} ${label} (tolerance ${mib(TOLERANCE.memoryBytes)})`);
      if (s.jsHeap - start.jsHeap > TOLERANCE.jsHeap(start.jsHeap)) failures.push(`JS heap grew ${mib(s.jsHeap - start.jsHeap)} ${label} (tolerance ${mib(TOLERANCE.jsHeap(start.jsHeap))})`);
      if (!(s.memoryBytes > 0)) failures.push(`the WebAssembly memory could not be read ${label}`);
    }
    if (end.memoryBytes > trained.memoryBytes) failures.push(`WebAssembly memory grew during the rebuilds: ${mib(trained.memoryBytes)} -> ${mib(end.memoryBytes)}`);
    if (seed !== rebuilds % 4294967296) failures.push(`the seed is ${seed} after ${rebuilds} rebuilds from seed 0`);
    if (workers !== 1) failures.push(`${workers} engine workers were started (a restart?)`);
    failures.push(...errors);
    await page.close();
    return { samples, start, trained, end, epochs: trained.epoch, seconds: trainedSeconds, rebuilds, errors, workers, failures };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [seconds = 600, rebuilds = 1000, maxEpochs = 200000] = process.argv.slice(2).map(Number);
  const browser = await launchBrowser();
  console.log(`soak: Chromium ${browser.version()} headless; full-speed training for ${seconds} s or ${maxEpochs} epochs, then ${rebuilds} rebuilds`);
  await browser.close();
  const r = await soak({ seconds, rebuilds, maxEpochs, log: (line) => console.log(`  ${line}`) });
  console.log(`trained ${r.epochs} epochs in ${r.seconds.toFixed(0)} s (${(r.epochs / r.seconds).toFixed(0)} epochs/s), then ${r.rebuilds} rebuilds`);
  console.log(`WebAssembly heap in use: ${r.start.heapInUse} bytes at the start, ${r.trained.heapInUse} after training, ` +
    `${r.end.heapInUse} at the end`);
  console.log(`WebAssembly memory: ${mib(r.start.memoryBytes)} at the start, ${mib(r.trained.memoryBytes)} after training, ${mib(r.end.memoryBytes)} at the end`);
  console.log(`JS heap (page, after GC): ${mib(r.start.jsHeap)} at the start, ${mib(r.trained.jsHeap)} after training, ${mib(r.end.jsHeap)} at the end`);
  if (r.failures.length) {
    console.log(`FAIL:\n  ${r.failures.join('\n  ')}`);
    process.exit(1);
  }
  console.log('ok: flat within the tolerances, no console errors, one engine worker throughout');
}

// How soon the page obeys the learner while it trains the largest settings the engine accepts
// (docs/RELIABILITY.md, issue 11): in Debian's Chromium (headless), for each setting, after a few
// frames, it clicks Pause and measures until the last frame drawn after the click (the worker
// finishes the slice and the frame under way, then stops), then clicks Reset and measures until
// the first frame of the new run (one at epoch 0). Each is repeated; the figures are wall times on
// a shared machine, not a test. A pause is watched for WINDOW_MS: it reports the last frame in that
// window and whether the epoch moved after the click (so "no frame" and "a late frame" differ).
//
//   node bench/bench_interrupt.mjs [repeats, default 3] [dist folder, default dist]   (after npm run build)
import { launchBrowser, startServer } from '../tests/node/browser.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const repeats = Number(process.argv[2] ?? 3);
const dist = path.resolve(root, process.argv[3] ?? 'dist');
const WINDOW_MS = 6000;
const RESET_TIMEOUT_MS = 120000;
const NO_LIMIT = 'limit=10000000';
// Each just under the work cap (bench/work_cap.mjs): one full-batch update is one epoch.
const runs = [
  { label: 'both panels 8 x 1024 on 320 points (circle), full batch', hash: `#data=circle&n=320&a.hidden=${Array(8).fill(1024)}&b.hidden=${Array(8).fill(1024)}&${NO_LIMIT}` },
  { label: 'both panels 2 x 1024 on 2,200 points (circle), SGD, full batch', hash: `#data=circle&n=2200&a.hidden=1024,1024&b.hidden=1024,1024&${NO_LIMIT}` },
  { label: 'both panels 8 x 1024... refused; 8 x 256 on 2,200 points, full batch', hash: `#data=circle&n=2200&a.hidden=256,256,256,256,256,256,256,256&b.hidden=256,256,256,256,256,256,256,256&${NO_LIMIT}` },
  { label: 'both panels 2 x 128 on 130,000 points (circle), full batch', hash: `#data=circle&n=130000&a.hidden=128,128&b.hidden=128,128&${NO_LIMIT}` },
  { label: 'both panels 2 x 64 on 18,000 points, Adam, batch 1', hash: `#data=circle&n=18000&a.hidden=64,64&b.hidden=64,64&optimizer=adam&lr=0.001&batch=stochastic&${NO_LIMIT}` },
];

/** Runs before the page's scripts: the time of every drawn frame and its epoch. */
function watchFrames() {
  window.frames_ = [];
  addEventListener('DOMContentLoaded', () => document.body.addEventListener('nnplay-frame',
    (e) => window.frames_.push({ t: performance.now(), epoch: e.detail.epoch })));
}

async function measure(page) {
  await page.waitForFunction(() => window.frames_.length >= 3, null, { timeout: 300000 });
  const paused = await page.evaluate(() => {
    document.querySelector('#play').click();
    return { t: performance.now(), epoch: window.frames_.at(-1).epoch };
  });
  await page.waitForTimeout(WINDOW_MS);
  const pause = await page.evaluate(({ t, epoch }) => {
    const after = window.frames_.filter((f) => f.t > t);
    return { ms: Math.max(0, ...after.map((f) => f.t - t)), frames: after.length, moved: after.some((f) => f.epoch !== epoch) };
  }, paused);
  // The first frame of the new run: at epoch 0 (the old run's frames after a few are past it).
  const reset = await page.evaluate((timeout) => new Promise((resolve) => {
    const t = performance.now();
    const timer = setTimeout(() => resolve(Infinity), timeout);
    const seen = (e) => {
      if (e.detail.epoch !== 0) return;
      clearTimeout(timer);
      document.body.removeEventListener('nnplay-frame', seen);
      resolve(performance.now() - t);
    };
    document.body.addEventListener('nnplay-frame', seen);
    document.querySelector('#reset').click();
  }), RESET_TIMEOUT_MS);
  await page.evaluate(() => document.querySelector('#play').click());  // play again for the next repeat
  return { pause, reset };
}

const server = await startServer(dist);
const browser = await launchBrowser();
try {
  for (const run of runs) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(watchFrames);
    await page.goto(`${server.url}/index.html${run.hash}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 300000 });
    const refused = await page.isVisible('#banner');
    if (refused) {
      console.log(`${run.label}: refused (${await page.textContent('#banner-text')})`);
      await page.close();
      continue;
    }
    const results = [];
    for (let i = 0; i < repeats; i++) results.push(await measure(page));
    const pauses = results.map(({ pause: p }) => `${Math.round(p.ms)} (${p.frames} frames, epoch ${p.moved ? 'moved' : 'same'})`).join(', ');
    const resets = results.map((r) => (Number.isFinite(r.reset) ? Math.round(r.reset) : `none in ${RESET_TIMEOUT_MS} ms`)).join(', ');
    console.log(`${run.label}\n  pause -> last frame within ${WINDOW_MS} ms: ${pauses}\n  reset -> first frame at epoch 0, ms: ${resets}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

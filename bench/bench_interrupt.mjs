// How soon the page obeys the learner while it trains the largest settings the engine accepts
// (docs/RELIABILITY.md, issue 11): in Debian's Chromium (headless), for each setting, after a few
// frames, it clicks Pause and measures until the last frame drawn after the click (the worker
// finishes the slice under way, then stops), then clicks Reset and measures until the first frame
// of the new run. Each is repeated; the figures are wall times on a shared machine, not a test.
//
//   node bench/bench_interrupt.mjs [repeats, default 3]     (after npm run build)
import { launchBrowser, startServer } from '../tests/node/browser.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const repeats = Number(process.argv[2] ?? 3);
const NO_LIMIT = 'limit=10000000';
// Each just under the work cap (bench/work_cap.mjs): one full-batch update is one epoch.
const runs = [
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
  await page.waitForFunction(() => window.frames_.length >= 3, null, { timeout: 120000 });
  const paused = await page.evaluate(() => { document.querySelector('#play').click(); return performance.now(); });
  await page.waitForTimeout(6000);  // longer than any slice and frame here: the frames after the click are all in
  const pause = await page.evaluate((t) => Math.max(0, ...window.frames_.filter((f) => f.t > t).map((f) => f.t - t)), paused);
  const reset = await page.evaluate(() => new Promise((resolve) => {
    const t = performance.now();
    document.body.addEventListener('nnplay-frame', () => resolve(performance.now() - t), { once: true });
    document.querySelector('#reset').click();
  }));
  await page.evaluate(() => document.querySelector('#play').click());  // play again for the next repeat
  return { pause, reset };
}

const server = await startServer(path.join(root, 'dist'));
const browser = await launchBrowser();
try {
  for (const run of runs) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(watchFrames);
    await page.goto(`${server.url}/index.html${run.hash}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
    const refused = await page.isVisible('#banner');
    if (refused) {
      console.log(`${run.label}: refused (${await page.textContent('#banner-text')})`);
      await page.close();
      continue;
    }
    const results = [];
    for (let i = 0; i < repeats; i++) results.push(await measure(page));
    const ms = (key) => results.map((r) => Math.round(r[key])).join(', ');
    console.log(`${run.label}\n  pause -> last frame, ms: ${ms('pause')}\n  reset -> first frame, ms: ${ms('reset')}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

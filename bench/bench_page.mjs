// The playground page under load: both models training, in Debian's Chromium (headless).
// For each setting, after the page has loaded and drawn its first frame, it counts animation
// frames (requestAnimationFrame) and main-thread long tasks (PerformanceObserver 'longtask', tasks
// over 50 ms) for a few seconds, and reads the epochs the panels reached. Long tasks while the
// page loads (from navigation to the first frame) are counted apart.
//
// The playground opens with both panels' network diagrams showing (issue 13), so every setting
// includes them; the last settings open the MLP's hidden-space view, or close both diagrams to
// compare.
//
//   node bench/bench_page.mjs [seconds per run, default 10] [a word the settings' labels must contain]     (after npm run build)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, startServer } from '../tests/node/browser.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const seconds = Number(process.argv[2] ?? 10);
const only = process.argv[3] ?? '';
const NO_LIMIT = 'limit=10000000';  // so that no run stops at the default 4000 epochs
const runs = [
  { label: 'tutorial 001 (radial 10000, linear + MLP 2-200-3, SGD, full batch), 1 epoch/frame', hash: `#${NO_LIMIT}` },
  { label: 'the same, 100 epochs/frame', hash: `#speed=100&${NO_LIMIT}` },
  { label: 'the same, Adam, mini-batch 32 (250 updates/epoch), 5 epochs/frame', hash: `#optimizer=adam&batch=mini&batchSize=32&speed=5&${NO_LIMIT}` },
  { label: 'tutorial 001 while a learner hovers and changes the dataset, the optimizer and the points shown', hash: `#${NO_LIMIT}`, act: interact },
  { label: 'inside: both diagrams open, tutorial 001 at 100 epochs/frame, a learner hovering neurons', hash: `#speed=100&${NO_LIMIT}`, act: hoverNeurons },
  { label: 'inside: the linear model\'s diagram and the MLP\'s hidden space open, tutorial 001, 1 epoch/frame', hash: `#${NO_LIMIT}`,
    setup: (page) => page.click('[data-panel="b"] .inside-tab[data-tab="hidden"]') },
  { label: 'inside: both diagrams and the "+184 more" grid open, tutorial 001, 1 epoch/frame', hash: `#${NO_LIMIT}`,
    setup: (page) => page.click('[data-panel="b"] .net-more') },
  { label: 'inside: both strips closed (for comparison), tutorial 001, 1 epoch/frame', hash: `#${NO_LIMIT}`,
    setup: async (page) => { for (const p of ['a', 'b']) await page.click(`[data-panel="${p}"] .inside > summary`); } },
].filter((run) => run.label.includes(only));

/** Hovers the MLP's neurons one after another, and the plot between them (the highlight, the detail card). */
async function hoverNeurons(page, ms) {
  const neurons = page.locator('[data-panel="b"] [data-neuron]');
  const count = await neurons.count();
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < count; i++) {
      await neurons.nth(i).hover();
      await page.waitForTimeout(ms / (4 * count));
    }
    await page.hover('[data-panel="b"] .plot');
  }
}

/** What a learner does meanwhile: hover across a plot, switch datasets and the optimizer, show test points. */
async function interact(page, ms) {
  const pause = (f) => page.waitForTimeout(ms * f);
  const box = await page.locator('[data-panel="b"] .plot').boundingBox();
  for (let i = 0; i <= 20; i++) await page.mouse.move(box.x + box.width * (i / 20), box.y + box.height / 2);
  await page.selectOption('#ctl-data', 'spiral');
  await pause(0.15);
  await page.selectOption('#ctl-data', 'radial');
  await pause(0.15);
  await page.selectOption('#ctl-optimizer', 'adam');
  await pause(0.15);
  await page.check('#ctl-show input[value="test"]');
  await page.check('#ctl-show input[value="train"]');
  for (let i = 0; i <= 20; i++) await page.mouse.move(box.x + box.width / 2, box.y + box.height * (i / 20));
}

/** Runs before the page's scripts: collects every long task from the start. */
function watchLongTasks() {
  window.longTasks = [];
  new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => [e.startTime, e.duration])))
    .observe({ type: 'longtask' });
}

/**
 * Runs in the page: animation frames, long tasks and drawn training frames (updates of the
 * epoch counter) over `ms`, and the epoch counters before and after.
 */
function measure(ms) {
  const epochs = () => [...document.querySelectorAll('[data-field="epoch"]')].map((e) => Number(e.textContent));
  return new Promise((resolve) => {
    const loadTasks = window.longTasks.map(([, duration]) => duration);
    const tasks = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: 'longtask' });
    let drawn = 0;
    const counter = new MutationObserver(() => { drawn += 1; });
    counter.observe(document.querySelector('[data-panel="b"] [data-field="epoch"]'), { childList: true, characterData: true, subtree: true });
    let frames = 0;
    let longestGap = 0;
    let last = performance.now();
    const start = last;
    const before = epochs();
    const tick = (now) => {
      frames += 1;
      longestGap = Math.max(longestGap, now - last);
      last = now;
      if (now - start < ms) requestAnimationFrame(tick);
      else {
        observer.disconnect();
        counter.disconnect();
        const elapsed = (now - start) / 1000;
        const after = epochs();
        resolve({ fps: frames / elapsed, longestGap, tasks, loadTasks, drawnPerSecond: drawn / elapsed,
          epochsPerSecond: after.map((e, i) => (e - before[i]) / elapsed), epoch: after });
      }
    };
    requestAnimationFrame(tick);
  });
}

const server = await startServer(path.join(root, 'dist'));
const browser = await launchBrowser();
console.log(`page benchmark: ${seconds} s per run after the first frame, Chromium ${browser.version()} headless, viewport 1280x900`);
try {
  for (const run of runs) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(watchLongTasks);
    await page.goto(`${server.url}/index.html${run.hash}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    if (run.setup) await run.setup(page);
    const measuring = page.evaluate(measure, seconds * 1000);
    if (run.act) await run.act(page, seconds * 1000);
    const r = await measuring;
    const longest = r.tasks.length ? Math.max(...r.tasks) : 0;
    const loadLongest = r.loadTasks.length ? `, longest ${Math.max(...r.loadTasks).toFixed(0)} ms` : '';
    console.log(`${run.label}:`);
    console.log(`  while training: ${r.fps.toFixed(1)} fps (longest gap between frames ${r.longestGap.toFixed(0)} ms); ` +
      `long tasks: ${r.tasks.length}${r.tasks.length ? `, longest ${longest.toFixed(0)} ms` : ' (none over 50 ms)'}`);
    console.log(`  training: ${r.epochsPerSecond[1].toFixed(0)} epochs/s per model, ${r.drawnPerSecond.toFixed(0)} heatmap updates/s ` +
      `(epoch ${r.epoch.join(' / ')}); during load: ${r.loadTasks.length} long tasks${loadLongest}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

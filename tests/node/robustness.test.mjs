// Hardening of the page (issue 7), in Debian's Chromium on dist/ (npm run build):
// - the engine's worker killed for real (an uncaught error in it; a worker stuck in a loop): the
//   page restarts it, sets the experiment (or the open lesson) up again and says so; after several
//   restarts in a few minutes it waits, paused, under a banner;
// - a storm of fast clicks and changes on every control while training leaves a working page;
// - lesson 6 (the playground with tutorial 001's settings) diverges at lr 1e9 like the playground;
// - no HTML is ever parsed from data: a static scan of web/ (no innerHTML, outerHTML,
//   insertAdjacentHTML, document.write, eval...);
// - a shorter soak (bench/soak.mjs: 20 s of full-speed training and 100 rebuilds) with the same
//   checks as npm run soak.
// The hostile hash and CSV, the strict CSP and the requests after load are page-share.test.mjs's
// and page.test.mjs's. Killing the worker needs no hook in the page: Playwright evaluates code in
// the worker itself (page.workers()).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { browserSession, collectErrors, until } from './browser.mjs';
import { root } from './helpers.mjs';
import { soak } from '../../bench/soak.mjs';

const session = browserSession();

/** Opens the page at a hash and waits for its first frame; records every drawn frame's epoch in window.__epochs. */
async function open(hash = '', { workerPrefix = '' } = {}) {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  const started = { workers: 0 };
  page.on('worker', () => { started.workers += 1; });
  if (workerPrefix) {
    // The worker the page starts: the bundled script it loads once (page/worker-source.js).
    const source = await readFile(path.join(root, 'dist', 'worker', 'engine-worker.js'), 'utf8');
    await page.route('**/worker/engine-worker.js', (route) => route.fulfill({ contentType: 'text/javascript', body: workerPrefix + source }));
  }
  await page.goto(`${session.server.url}/index.html${hash}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  await page.evaluate(() => {
    window.__epochs = [];
    document.body.addEventListener('nnplay-frame', (e) => window.__epochs.push(e.detail.epoch));
  });
  return { page, errors, started, close: () => context.close() };
}

const epochOf = async (page, panel = 'b') => Number(await page.textContent(`[data-panel="${panel}"] [data-field="epoch"]`));

/** An uncaught error in a worker: its 'error' event reaches the page. */
const crash = (worker) => worker.evaluate(() => {
  setTimeout(() => { throw new Error('nnplay test: a crash in the engine worker'); });
});

/** The page's only worker once it is not `old` (the dead one gone, its replacement running). */
async function replacement(page, old) {
  const workers = await until(() => page.workers(), (ws) => ws.length === 1 && ws[0] !== old, 20000);
  assert.equal(workers.length, 1, `${workers.length} workers`);
  assert.notEqual(workers[0], old, 'the dead worker is still the one');
  return workers[0];
}

/** The drawn frames' epochs: true when they went back to (near) 0 after `from` and then reached `to`. */
async function startedOver(page, from, to) {
  const epochs = await page.evaluate(() => window.__epochs);
  const drop = epochs.findIndex((e, i) => i > 0 && e < epochs[i - 1] && epochs[i - 1] >= from);
  return drop > 0 && epochs[drop] <= 5 && epochs.slice(drop).some((e) => e >= to);
}

test('a crash in the engine worker: the page restarts it, sets the experiment up again from its state and says so', { timeout: 90000 }, async () => {
  const { page, errors, close } = await open('#data=xor&b.hidden=8,8&optimizer=adam&lr=0.01&limit=100000&speed=5');
  await until(() => epochOf(page), (e) => e >= 60);
  const spec = await page.textContent('#spec');
  const [worker] = page.workers();
  await crash(worker);
  const notice = await until(() => page.textContent('#notice'), (s) => /engine failed/.test(s), 10000);
  assert.match(notice, /The engine failed and was restarted: the experiment was set up again from its settings and starts over at epoch 0\./);
  await replacement(page, worker);
  assert.equal(await until(() => startedOver(page, 60, 40), (ok) => ok, 20000), true,
    `the frames' epochs: ${(await page.evaluate(() => window.__epochs)).slice(-80)}`);
  assert.equal(await page.textContent('#spec'), spec, 'the same experiment');
  assert.equal(await page.inputValue('#ctl-data'), 'xor');
  assert.equal(await page.textContent('[data-panel="b"] [data-field="arch"]'), '2 → 8 ReLU → 8 ReLU → 2');
  assert.equal(await page.textContent('#status'), 'training');
  assert.equal(await page.isVisible('#banner'), false);
  // The new worker answers the page's requests: a readout at a point of the plot.
  const box = await page.locator('[data-panel="b"] .plot').boundingBox();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.6);
  await page.locator('[data-panel="b"] .readout .class').first().waitFor({ timeout: 5000 });
  assert.deepEqual(errors, []);
  await close();
});

/**
 * Prefixed to the worker's script (worker/engine-worker.js, the bundle of worker/main.js): the engine's WebAssembly instance is handed over with each exported
 * function wrapped, so that once self.__trapNext is set the next call from JavaScript into the
 * engine (malloc for a spec's text, say) traps as WebAssembly itself would.
 */
const TRAP_PREFIX = `{
  const wrap = (r) => {
    const instance = r.instance ?? r;
    const exports = {};
    for (const [name, v] of Object.entries(instance.exports)) {
      exports[name] = typeof v !== 'function' ? v : (...args) => {
        if (self.__trapNext) {
          self.__trapNext = false;
          throw new WebAssembly.RuntimeError('memory access out of bounds (nnplay test)');
        }
        return v(...args);
      };
    }
    const wrapped = { exports };
    return r.instance ? { module: r.module, instance: wrapped } : wrapped;
  };
  const [is, i] = [WebAssembly.instantiateStreaming, WebAssembly.instantiate];
  if (is) WebAssembly.instantiateStreaming = (...a) => is(...a).then(wrap);
  WebAssembly.instantiate = (...a) => i(...a).then(wrap);
}
`;

test('a trap in the engine\'s WebAssembly (its memory no longer trusted): the worker is replaced, not reused, with a notice', { timeout: 90000 }, async () => {
  const { page, errors, close } = await open('#data=circle&limit=100000&speed=5', { workerPrefix: TRAP_PREFIX });
  await until(() => epochOf(page), (e) => e >= 30);
  const [worker] = page.workers();
  await worker.evaluate(() => { self.__trapNext = true; });
  await page.selectOption('#ctl-b-activation', 'tanh');  // a new experiment: its spec's text goes into the engine
  const notice = await until(() => page.textContent('#notice'), (s) => /engine failed/.test(s), 15000);
  assert.match(notice, /The engine failed and was restarted/);
  await replacement(page, worker);
  assert.equal(await until(() => startedOver(page, 0, 20), (ok) => ok, 20000), true,
    `the frames' epochs: ${(await page.evaluate(() => window.__epochs)).slice(-80)}`);
  assert.equal(await page.inputValue('#ctl-b-activation'), 'tanh', 'the new worker has the change that met the trap');
  assert.match(await page.textContent('[data-panel="b"] [data-field="arch"]'), / tanh /);
  assert.equal(await page.isVisible('#banner'), false, 'no error banner: the trap is not shown as a bad setting');
  assert.deepEqual(errors, []);
  await close();
});

test('an engine worker that stops answering is restarted after 15 s, with a notice', { timeout: 90000 }, async () => {
  const { page, errors, close } = await open('#data=circle&limit=100000');
  await until(() => epochOf(page), (e) => e >= 30);
  const [worker] = page.workers();
  const closed = new Promise((resolve) => worker.once('close', () => resolve('closed')));
  // A task that never ends (started by a timer: an evaluation's own loop would run inside the debugger).
  await worker.evaluate(() => { setTimeout(() => { for (;;); }); });
  const noticed = Date.now();
  const notice = await until(() => page.textContent('#notice'), (s) => /did not answer/.test(s), 30000);
  assert.match(notice, /The engine did not answer for 1[5-9] s and was restarted/);
  assert.ok(Date.now() - noticed >= 14000, 'not before 15 s');
  assert.equal(await Promise.race([closed, new Promise((r) => setTimeout(() => r('still running'), 15000))]), 'closed', 'the stuck worker was terminated');
  await replacement(page, worker);
  assert.equal(await until(() => startedOver(page, 30, 20), (ok) => ok, 20000), true);
  assert.equal(await page.inputValue('#ctl-data'), 'circle');
  assert.equal(await page.textContent('#status'), 'training');
  assert.deepEqual(errors, []);
  await close();
});

test('a fourth crash within minutes: the experiment waits, paused, under a banner; Play trains again', { timeout: 120000 }, async () => {
  const { page, errors, close } = await open('#data=xor&limit=100000');
  let worker = page.workers()[0];
  for (let i = 1; i <= 4; i++) {
    // The worker has trained since it started: it is running, not starting.
    await page.evaluate(() => { window.__epochs = []; });
    await until(() => page.evaluate(() => Math.max(0, ...window.__epochs)), (e) => e >= 10, 20000);
    await crash(worker);
    worker = await replacement(page, worker);
  }
  await page.locator('#banner').waitFor({ state: 'visible', timeout: 10000 });
  assert.match(await page.textContent('#banner-text'), /The engine stopped again \(4 times in a few minutes\) and was restarted\. .* paused: press Play to try again/);
  assert.equal(await until(() => page.textContent('#status'), (s) => s === 'paused'), 'paused');
  await page.waitForTimeout(1000);
  assert.equal(await epochOf(page), 0, 'it waits at epoch 0');
  assert.equal(await page.inputValue('#ctl-data'), 'xor');
  await page.click('#play');
  assert.ok(await until(() => epochOf(page), (e) => e >= 10) >= 10, 'Play trains again');
  assert.deepEqual(errors, []);
  await close();
});

test('a crash of the page\'s worker while a lesson is open: the lesson starts again, with one notice', { timeout: 90000 }, async () => {
  const { page, errors, close } = await open('#data=xor');
  const [pageWorker] = page.workers();
  await page.click('a.lesson-link[data-lesson="sigmoid"]');
  const lesson = '.lesson[data-lesson="sigmoid"]';
  await page.waitForSelector(`${lesson}:not([hidden])`);
  assert.deepEqual(page.workers(), [pageWorker], 'the lesson runs on the page\'s one worker');
  await page.selectOption('.lesson-speed', '1');
  await page.evaluate((selector) => {
    window.__lessonEpochs = [];
    const box = document.querySelector(selector);
    new MutationObserver(() => window.__lessonEpochs.push(Number(box.dataset.epoch))).observe(box, { attributeFilter: ['data-epoch'] });
  }, lesson);
  await page.waitForFunction((selector) => Number(document.querySelector(selector).dataset.epoch) >= 30, lesson, { timeout: 20000 });
  await crash(pageWorker);
  assert.match(await until(() => page.textContent('#notice'), (s) => /engine failed/.test(s), 10000), /The engine failed and was restarted/);
  assert.equal(await page.locator('#notice p').count(), 1, 'one notice for one restart');
  const epochs = await until(() => page.evaluate(() => window.__lessonEpochs), (es) => {
    const drop = es.findIndex((e, i) => i > 0 && e < es[i - 1]);
    return drop > 0 && es[drop] <= 5 && es.slice(drop).some((e) => e >= 20);
  }, 20000);
  const drop = epochs.findIndex((e, i) => i > 0 && e < epochs[i - 1]);
  assert.ok(drop > 0 && epochs[drop] <= 5 && epochs.slice(drop).some((e) => e >= 20), `the lesson's epochs: ${epochs.slice(-60)}`);
  assert.ok(['training', 'finished'].includes(await page.getAttribute(lesson, 'data-status')));
  const workers = page.workers();
  assert.ok(workers.length === 1 && workers[0] !== pageWorker, 'one new worker in place of the dead one');
  // Back to the playground: it was set up again on the new worker, and trains.
  await page.click('.lessons-menu [data-lesson=""]');
  const status = await until(() => page.textContent('#status'), (st) => ['training', 'paused'].includes(st));
  if (status === 'paused') await page.click('#play');
  await page.evaluate(() => { window.__epochs = []; });
  assert.ok(await until(() => page.evaluate(() => Math.max(0, ...window.__epochs)), (e) => e >= 5, 20000) >= 5, 'the playground trains');
  assert.deepEqual(errors, []);
  await close();
});

/**
 * Runs in the page: `rounds` times, every visible and enabled control of the playground (buttons,
 * links of the lessons menu, selects, checkboxes, radios, number inputs; a lesson's own controls
 * while it shows) is clicked or changed once, in a shuffled order, with values in and out of
 * range; now and then the page gets a turn. Returns { actions, touched: names of the controls }.
 */
async function storm({ rounds, seed }) {
  let s = seed >>> 0;
  const rand = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 4294967296; };
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const VALUES = {
    'ctl-n': ['60', '400', '2500', '0', '-3', '1e9', 'abc', ''],
    'ctl-noise': ['0', '0.2', '0.9', '7', '-1'],
    'ctl-seed': ['0', '1', '99', '4294967295', '4294967296', '-1', 'x'],
    'ctl-lr': ['0.005', '0.05', '0.5', '1000000000', '-1', 'NaN', ''],
    'ctl-limit': ['20', '500', '100000', '0'],
    'ctl-batchSize': ['2', '16', '64', '1', '300000'],
    'ctl-a-hidden': ['0', '1', '2', '3', '9', '-1'],
    'ctl-b-hidden': ['0', '1', '2', '3', '9'],
    'ctl-a-hidden-units': ['1', '4', '16', '48', '0', '2000'],
    'ctl-b-hidden-units': ['1', '4', '16', '48', '0', '2000'],
  };
  const controls = () => [...document.querySelectorAll('#playground button, #playground a, #playground select, #playground input')]
    .filter((el) => el.checkVisibility() && !el.disabled && el.type !== 'file');
  const act = (el) => {
    if (el.tagName === 'SELECT') {
      el.value = pick([...el.options].filter((o) => !o.disabled && !o.hidden)).value;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    } else if (el.tagName === 'INPUT' && el.type === 'number') {
      const range = () => (Number(el.min) + rand() * ((Number(el.max) || 1) - Number(el.min))).toPrecision(3);
      el.value = VALUES[el.id] ? pick(VALUES[el.id]) : el.dataset.option ? pick(['0', '8', '42', '-1', 'x']) : rand() < 0.2 ? 'abc' : range();
      el.dispatchEvent(new Event('change', { bubbles: true }));
    } else el.click();  // buttons, lesson links, checkboxes, radios
  };
  const isLink = (el) => el.tagName === 'A';
  const nameOf = (el) => el.id || (el.dataset.lesson !== undefined ? `lesson:${el.dataset.lesson}` : '')
    || (el.dataset.option ? `option:${el.dataset.option}` : '') || (el.type === 'radio' ? `${el.name.replace(/^ctl-/, '').split('-')[0]}:${el.value}` : el.className.replace(/ playing$/, ''));
  const touched = new Set();
  let actions = 0;
  for (let round = 0; round < rounds; round++) {
    // The controls of what shows (the playground or a lesson), then the lessons' links, the last of
    // which opens a lesson for the next round; every second round ends back on the playground.
    // Opening a lesson rebuilds the menu, so only the first link of a round is clicked: a link not
    // clicked yet goes first, so that every lesson is opened whatever the shuffle.
    const list = controls().sort(() => rand() - 0.5);
    const links = list.filter(isLink);
    const first = links.find((el) => !touched.has(nameOf(el))) ?? links[0];
    const ordered = [...list.filter((el) => !isLink(el)), ...(first ? [first] : []), ...links.filter((el) => el !== first)];
    if (round % 2 === 1) ordered.push(document.querySelector('#playground a.lesson-link[data-lesson=""]'));
    for (const el of ordered) {
      if (!el.isConnected || !el.checkVisibility()) continue;  // gone with an earlier change
      act(el);
      touched.add(nameOf(el));
      actions += 1;
      if (rand() < 0.2) await new Promise((r) => setTimeout(r, 0));
    }
    await new Promise((r) => requestAnimationFrame(r));
  }
  return { actions, touched: [...touched] };
}

/** Every number a panel shows is a number or "–" (not measured). */
async function panelNumbers(page) {
  const bad = [];
  for (const panel of ['a', 'b']) {
    for (const f of ['epoch', 'updates']) {
      const text = await page.textContent(`[data-panel="${panel}"] [data-field="${f}"]`);
      if (!/^\d+$/.test(text)) bad.push(`${panel}.${f}: "${text}"`);
    }
    for (const split of ['train', 'val', 'test']) {
      const accuracy = await page.textContent(`[data-panel="${panel}"] [data-field="${split}-accuracy"]`);
      const loss = await page.textContent(`[data-panel="${panel}"] [data-field="${split}-loss"]`);
      if (!/^(\d{1,3}\.\d%|–)$/.test(accuracy)) bad.push(`${panel}.${split}-accuracy: "${accuracy}"`);
      if (!/^(\d+\.\d{3}|–)$/.test(loss)) bad.push(`${panel}.${split}-loss: "${loss}"`);
    }
  }
  return bad;
}

test('a storm of fast clicks and changes on every control while training leaves a working page', { timeout: 150000 }, async () => {
  const { page, errors, started, close } = await open('#limit=100000');
  await until(() => epochOf(page), (e) => e >= 5);
  const controls = await page.$$eval('#playground button, #playground a, #playground select, #playground input',
    (els) => els.filter((el) => el.checkVisibility() && el.type !== 'file').length);
  let actions = 0;
  const touched = new Set();
  for (let seed = 1; seed <= 3; seed++) {
    const done = await page.evaluate(storm, { rounds: 20, seed });
    actions += done.actions;
    for (const name of done.touched) touched.add(name);
    await page.waitForTimeout(300);
    const text = await page.evaluate(() => document.body.innerText);
    assert.doesNotMatch(text, /NaN|Infinity|undefined|\[object/, `after storm ${seed}`);
    assert.ok(text.length > 500, `a blank page after storm ${seed}: ${text.length} characters`);
    assert.ok(await page.isVisible('.lessons-menu'), 'the lessons menu shows');
  }
  // How many controls each round finds depends on what the last round left open (a lesson or the
  // playground) when it acts, so the count varies with the machine's load (785 alone, 582 in a
  // loaded run); coverage is the check below.
  assert.ok(actions >= 450, `${actions} actions`);
  // Every control of the first screen, the lessons' links, a lesson's own controls and options.
  const expected = ['play', 'step', 'reset', 'ctl-speed', 'ctl-lang', 'ctl-copyLink', 'show:train', 'show:val', 'show:test', 'ctl-a-hidden',
    'ctl-a-hidden-units', 'ctl-b-hidden', 'ctl-b-hidden-units', 'ctl-b-activation', 'ctl-data', 'ctl-n', 'ctl-noise', 'ctl-seed',
    'ctl-regenerate', 'ctl-optimizer', 'ctl-lr', 'ctl-weightDecay', 'ctl-batch', 'ctl-loss', 'ctl-limit', 'takehome:a', 'takehome:b',
    'secondary exportPyTorch', 'secondary exportWeights', 'secondary importWeights', 'secondary exportCsv', 'secondary importCsv',
    'lesson:sigmoid', 'lesson:softmax', 'lesson:wine', 'lesson:batch', 'lesson:optimizers', 'lesson:radial', 'lesson:',
    'primary lesson-play', 'lesson-step', 'lesson-reset', 'lesson-speed', 'option:standardize', 'option:seed'];
  assert.deepEqual(expected.filter((name) => !touched.has(name)), [], `touched: ${[...touched].sort().join(' ')}`);
  assert.ok(touched.size >= controls + 10, `${touched.size} controls touched; ${controls} on the first screen`);
  assert.deepEqual(errors, [], 'errors during the storm');

  // Back to a plain experiment through the controls: it trains, and its numbers are numbers.
  await page.click('a.lesson-link[data-lesson=""]');
  await page.selectOption('#ctl-lang', 'en');
  await page.selectOption('#ctl-data', 'xor');
  await page.fill('#ctl-lr', '0.01');
  await page.press('#ctl-lr', 'Enter');
  await page.fill('#ctl-limit', '100000');
  await page.press('#ctl-limit', 'Enter');
  await page.fill('#ctl-weightDecay', '0');  // the storm may have left a decay that keeps every weight near 0
  await page.press('#ctl-weightDecay', 'Enter');
  await page.selectOption('#ctl-reg', 'none');  // likewise a large L1/L2 rate
  await page.uncheck('#ctl-discretize');  // a discretized heatmap of a model that picks one class is one colour
  await page.selectOption('#ctl-batch', 'full');
  await page.selectOption('#ctl-speed', '1');  // the storm may have left slow motion (one update a second)
  await page.click('#reset');
  const status = await until(() => page.textContent('#status'), (st) => ['training', 'paused'].includes(st));
  if (status === 'paused') await page.click('#play');
  await page.evaluate(() => { window.__epochs = []; });
  const trained = await until(() => page.evaluate(() => Math.max(0, ...window.__epochs)), (e) => e >= 30, 30000);
  assert.ok(trained >= 30, `after the storm, frames up to epoch ${trained} (status ${await page.textContent("#status")}; ${await page.textContent("#notice")}; ${page.url()}; errors ${JSON.stringify(errors)})`);
  assert.equal(await page.textContent('#status'), 'training');
  assert.equal(await page.isVisible('[data-panel="b"] .plot'), true);
  assert.deepEqual(await until(() => panelNumbers(page), (bad) => bad.length === 0, 5000), []);
  // Drawn: every cell painted opaque (a blank canvas is transparent). Not "two colours": the storm
  // can leave a model (say 1-1-1 sigmoid units) that predicts one class everywhere after 30 epochs.
  assert.equal(await page.$eval('[data-panel="b"] canvas.heatmap', (c) => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let transparent = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 255) transparent += 1;
    return transparent;
  }), 0, `the heatmap is drawn: ${await page.textContent('#spec')}`);
  assert.equal(started.workers, 1, 'the page\'s one worker, never restarted');
  assert.deepEqual(errors, []);
  await close();
});

test('lesson 6 (the playground with tutorial 001\'s settings) diverges at lr 1e9: a banner, and reset recovers', { timeout: 60000 }, async () => {
  const { page, errors, close } = await open('#lesson=radial&lr=1000000000');
  assert.equal(await page.isVisible('.lesson[data-lesson="radial"]'), true, 'the lesson\'s text shows');
  await page.locator('#banner').waitFor({ state: 'visible', timeout: 15000 });
  assert.match(await page.textContent('#banner-text'), /diverged/);
  assert.equal(await page.textContent('[data-panel="b"] [data-field="status"]'), 'diverged');
  await page.fill('#ctl-lr', '0.005');
  await page.press('#ctl-lr', 'Enter');
  await page.click('#banner-reset');
  await page.locator('#banner').waitFor({ state: 'hidden', timeout: 5000 });
  assert.ok(await until(() => epochOf(page), (e) => e >= 5) >= 5, 'training again after the reset');
  assert.equal(await page.isVisible('.lesson[data-lesson="radial"]'), true, 'still in the lesson');
  assert.deepEqual(errors, []);
  await close();
});

test('no HTML is parsed from data anywhere in web/: no innerHTML, outerHTML, insertAdjacentHTML, document.write, eval', async () => {
  const files = (await readdir(path.join(root, 'web'), { recursive: true })).filter((f) => /\.(m?js|html)$/.test(f));
  assert.ok(files.length > 40, `${files.length} files`);
  const SINKS = [/\.innerHTML\b/, /\.outerHTML\b/, /insertAdjacentHTML/, /document\.write(ln)?\b/, /\beval\s*\(/, /new\s+Function\s*\(/,
    /createContextualFragment/, /\bsrcdoc\b/, /set(Timeout|Interval)\s*\(\s*['"`]/, /javascript:/i, /\bon[a-z]+\s*=\s*["']/];
  const found = [];
  let parsers = [];
  for (const file of files) {
    const text = await readFile(path.join(root, 'web', file), 'utf8');
    const code = file.endsWith('.html') ? text : text.replace(/^\s*(\/\/|\*|\/\*).*$/gm, '');  // comments may name them
    for (const sink of SINKS) if (sink.test(code)) found.push(`${file}: ${sink}`);
    if (/DOMParser/.test(code)) parsers.push(file);
  }
  assert.deepEqual(found, []);
  // The one HTML parser: layout.js's constant markup, through DOMParser (inert), with no ${...} in it.
  assert.deepEqual(parsers, ['page/layout.js']);
  const layout = await readFile(path.join(root, 'web', 'page', 'layout.js'), 'utf8');
  const templates = [...layout.matchAll(/= `([^`]*)`/g)].map((m) => m[1]);
  assert.equal(templates.length, 2, 'the playground\'s and a panel\'s markup');
  for (const markup of templates) assert.doesNotMatch(markup, /\$\{/, 'data in the markup');
  assert.match(layout, /parseFromString\(`<body>\$\{markup\}<\/body>`/);
});

test('a shorter soak: 20 s of full-speed training and 100 rebuilds leave the WebAssembly heap and the JS heap flat', { timeout: 240000 }, async () => {
  const r = await soak({ seconds: 20, rebuilds: 100 });
  assert.deepEqual(r.failures, []);
  // It trained (how far in 20 s is the machine's speed, which tests do not judge).
  assert.ok(r.trained.epoch > r.start.epoch, `${r.epochs} epochs in ${r.seconds.toFixed(0)} s, from epoch ${r.start.epoch}`);
  assert.equal(r.rebuilds, 100);
  assert.equal(r.workers, 1);
  assert.ok(Math.abs(r.end.heapInUse - r.start.heapInUse) <= 64 * 1024, `heap in use ${r.start.heapInUse} -> ${r.end.heapInUse}`);
  assert.ok(r.end.memoryBytes === r.start.memoryBytes, `WebAssembly memory ${r.start.memoryBytes} -> ${r.end.memoryBytes}`);
});

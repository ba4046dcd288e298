// The flow of training and links (issue 16), in Debian's Chromium: training resumes after the
// epoch limit when a change resets it (unless the learner paused), slow motion down to one update
// a second on the playground and in lessons, lesson links that carry a lesson's own state and
// only that, and short lesson links (#lesson=ID) that apply the lesson's preset on the page, in
// embed.html and in <nn-playground> alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { browserSession, collectErrors, openPage, until } from './browser.mjs';
import { root } from './helpers.mjs';
import { LESSON, LESSONS } from '../../web/lessons/catalog.js';
import { paceOf } from '../../web/shared/state.js';
import { en, ko } from '../../web/lessons/texts.js';

const shots = path.join(root, 'screenshots');
const session = browserSession();
const open = (hash, viewport) => openPage(session, hash, viewport);
const field = (page, panel, name) => page.textContent(`[data-panel="${panel}"] [data-field="${name}"]`).then((s) => Number(s.replace(/,/g, '')));
const hashOf = (page) => new URL(page.url()).hash;
const keysOf = (hash) => [...new URLSearchParams(hash.replace(/^#/, '')).keys()];

/** Records the epoch of every frame the playground draws into window.__epochs. */
const recordEpochs = (page) => page.evaluate(() => {
  window.__epochs = [];
  document.body.addEventListener('nnplay-frame', (e) => window.__epochs.push(e.detail.epoch));
});

async function changeSeed(page, seed) {
  await page.fill('#ctl-seed', String(seed));
  await page.press('#ctl-seed', 'Enter');
}

test('after the epoch limit, a change that resets trains again from epoch 0; a higher limit trains on', { timeout: 90000 }, async () => {
  const { page, errors } = await open('#data=xor&n=200&b.hidden=8&limit=20');
  await until(() => page.textContent('#status'), (s) => s === 'epoch limit reached');
  assert.equal(await field(page, 'b', 'epoch'), 20);
  await recordEpochs(page);
  await changeSeed(page, 3);
  // The reset's first frame is epoch 0; then it trains up to the limit again, by itself.
  const epochs = await until(() => page.evaluate(() => window.__epochs), (es) => es.includes(0) && es.at(-1) === 20);
  assert.equal(epochs[0], 0, `the frames after the change: ${epochs}`);
  assert.equal(epochs.at(-1), 20, `it trained to the limit again: ${epochs}`);
  assert.equal(await until(() => page.textContent('#status'), (s) => s === 'epoch limit reached'), 'epoch limit reached');
  // A higher limit trains on from where it stopped.
  await page.fill('#ctl-limit', '35');
  await page.press('#ctl-limit', 'Enter');
  assert.equal(await until(() => field(page, 'b', 'epoch'), (e) => e === 35), 35, 'it trained on to the new limit');
  assert.deepEqual(errors, []);
  await page.close();
});

test('paused by hand, a change that resets stays paused at epoch 0, in Korean too', { timeout: 60000 }, async () => {
  const { page, errors } = await open('#data=xor&n=200&b.hidden=8&limit=100000&lang=ko');
  await until(() => field(page, 'b', 'epoch'), (e) => e > 0);
  await page.click('#play');
  await until(() => page.getAttribute('#status', 'data-status'), (s) => s === 'paused');
  await changeSeed(page, 5);
  await page.waitForTimeout(1500);
  assert.equal(await page.getAttribute('#status', 'data-status'), 'paused');
  assert.equal(await page.textContent('#status'), '일시정지됨');
  assert.equal(await field(page, 'b', 'epoch'), 0, 'nothing trained after the reset');
  // Stopped at a limit, then stepped by hand: that is the learner's pause too.
  await page.goto(`${session.server.url}/index.html#data=xor&n=200&b.hidden=8&limit=10&seed=1`);
  await until(() => page.getAttribute('#status', 'data-status'), (s) => s === 'finished');
  await page.click('#step');
  await changeSeed(page, 6);
  await page.waitForTimeout(1500);
  assert.equal(await page.getAttribute('#status', 'data-status'), 'paused');
  assert.equal(await field(page, 'b', 'epoch'), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('slow motion: at one update a second the playground steps about once a second and draws every update', { timeout: 60000 }, async () => {
  const { page, errors } = await open('#data=xor&n=200&b.hidden=8&speed=1/s');
  assert.equal(await page.inputValue('#ctl-speed'), '1/s');
  assert.equal(await page.$eval('#ctl-speed option[value="1/s"]', (o) => o.textContent), '1 update/s');
  assert.ok(await page.$eval('#ctl-speed option[value="1"]', (o) => o.textContent === '1 epoch/frame'), 'the old speeds stay');
  await until(() => field(page, 'b', 'updates'), (u) => u >= 1);
  await recordEpochs(page);
  const before = await field(page, 'b', 'updates');
  await page.waitForTimeout(3000);
  const grown = (await field(page, 'b', 'updates')) - before;
  assert.ok(grown >= 1 && grown < 30, `${grown} updates in 3 s at 1 update/s`);
  // Full batch: an update is an epoch, and every one of them was drawn.
  const epochs = await page.evaluate(() => window.__epochs);
  assert.ok(epochs.length >= 1, 'frames were drawn');
  epochs.forEach((e, i) => i === 0 || assert.ok(e - epochs[i - 1] <= 1, `a frame for every update: ${epochs}`));
  assert.match(hashOf(page), /(^|&|#)speed=1\/s(&|$)/, 'the link keeps the slow speed');
  // Mini-batches: one update a tick, the epoch waits for the whole pass.
  await page.selectOption('#ctl-batch', 'mini');
  await page.fill('#ctl-batchSize', '16');
  await page.press('#ctl-batchSize', 'Enter');
  await page.selectOption('#ctl-speed', '5/s');
  await until(() => field(page, 'b', 'updates'), (u) => u >= 3);
  assert.equal(await field(page, 'b', 'epoch'), 0, 'fewer than the 10 updates of an epoch so far');
  // A faster speed applies at once.
  await page.selectOption('#ctl-speed', '10');
  assert.ok(await until(() => field(page, 'b', 'epoch'), (e) => e >= 50) >= 50, 'ten epochs a frame');
  await page.screenshot({ path: path.join(shots, 'motion-speed-1280.png'), clip: { x: 0, y: 0, width: 1280, height: 400 } });
  assert.deepEqual(errors, []);
  await page.close();
});

test('slow motion in lessons: their default paces, one update a second, Korean labels, the step button', { timeout: 60000 }, async () => {
  const slow = LESSONS.filter((l) => l.view && paceOf(l.speed).updatesPerSecond);
  assert.deepEqual(slow.map((l) => l.id), ['softmax', 'batch', 'optimizers', 'microscope'], 'the lessons that default to slow motion');
  // The batch lesson: ten ticks a second, the five models in step by epochs (slow-motion.test.mjs), so it takes 10 s or more.
  const { page, errors } = await open('#lesson=batch');
  await page.waitForSelector('.lesson[data-lesson="batch"][data-epoch]');
  assert.equal(await page.inputValue('.lesson-speed'), '10/s');
  await page.waitForTimeout(3000);
  const batchEpoch = Number(await page.getAttribute('.lesson', 'data-epoch'));
  assert.ok(batchEpoch >= 1 && batchEpoch < LESSON.batch.epochs, `the batch lesson at epoch ${batchEpoch} after 3 s`);
  await page.goto(`${session.server.url}/index.html#lesson=optimizers&lang=ko`);
  await page.waitForSelector('.lesson[data-lesson="optimizers"][data-epoch]');
  assert.equal(await page.inputValue('.lesson-speed'), '10/s');
  assert.equal(await page.$eval('.lesson-speed option[value="1/s"]', (o) => o.textContent), '초당 1 업데이트');
  await page.selectOption('.lesson-speed', '1/s');
  const epochOf = async () => Number(await page.getAttribute('.lesson', 'data-epoch'));
  const before = await epochOf();
  await page.waitForTimeout(3000);
  const grown = (await epochOf()) - before;
  assert.ok(grown >= 1 && grown < 30, `${grown} updates in 3 s at 1 update/s`);
  await page.click('.lesson-play');
  await page.waitForSelector('.lesson[data-status="paused"]');
  await page.waitForTimeout(300);
  const paused = await epochOf();
  await page.click('.lesson-step');
  await page.waitForSelector(`.lesson[data-epoch="${paused + 1}"]`);
  assert.match(hashOf(page), /optimizers\.speed=1\/s/, 'the lesson\'s speed is in its link');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(shots, 'motion-lesson-390.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a lesson link carries the lesson\'s own state and no playground setting; opened, it restores them', { timeout: 90000 }, async () => {
  const { page, errors } = await open('#data=xor&optimizer=adam&b.hidden=8');
  await page.click('.lessons-menu [data-lesson="wine"]');
  await page.waitForSelector('.lesson[data-lesson="wine"]:not([hidden])');
  await page.check('[data-option="standardize"]');
  await page.fill('[data-option="seed"]', '3');
  await page.dispatchEvent('[data-option="seed"]', 'change');
  await page.selectOption('.lesson-speed', '2/s');
  const link = hashOf(page);
  assert.deepEqual(keysOf(link).sort(), ['lang', 'lesson', 'wine.seed', 'wine.speed', 'wine.standardize'], link);
  assert.match(link, /wine\.standardize=1/);
  assert.match(link, /wine\.seed=3/);
  const other = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const otherErrors = collectErrors(other);
  await other.goto(`${session.server.url}/index.html${link}`);
  await other.waitForSelector('.lesson[data-lesson="wine"][data-epoch]');
  assert.equal(await other.isChecked('[data-option="standardize"]'), true);
  assert.equal(await other.inputValue('[data-option="seed"]'), '3');
  assert.equal(await other.inputValue('.lesson-speed'), '2/s');
  assert.equal(hashOf(other), link, 'the opened link is written back as it was');
  // The batch sizes and the race's learning rates, likewise; the row names follow the sizes.
  await other.click('.lessons-menu [data-lesson="batch"]');
  await other.waitForSelector('.lesson[data-lesson="batch"]:not([hidden])');
  await other.fill('[data-option="small"]', '16');
  await other.dispatchEvent('[data-option="small"]', 'change');
  assert.match(hashOf(other), /batch\.small=16/);
  assert.match(await other.textContent('.modes tr[data-mode="mini32"] th'), /Mini-batch 16/);
  // A value out of range is refused with a notice that gives the range; the option keeps its value.
  await other.fill('[data-option="medium"]', '0');
  await other.dispatchEvent('[data-option="medium"]', 'change');
  assert.match(await until(() => other.textContent('#notice'), (n) => /Medium mini-batch/.test(n)), /“0” is not allowed for “Medium mini-batch”: from 1 to 8000\. It stays 64\./);
  assert.equal(await other.inputValue('[data-option="medium"]'), '64');
  await other.goto(`${session.server.url}/index.html#lesson=optimizers&optimizers.adam=0.2&lang=ko`);
  await other.waitForSelector('.lesson[data-lesson="optimizers"][data-epoch]');
  assert.equal(await other.inputValue('[data-option="adam"]'), '0.2');
  assert.match(await other.textContent('.race-table tr[data-optimizer="adam"]'), /lr=0\.2/);
  assert.equal(await other.textContent('label:has([data-option="adam"]) span'), `${ko['lesson.optimizers.adam']} 학습률`);
  // Out of range: refused with a notice naming the key, the default kept.
  await other.goto(`${session.server.url}/index.html#lesson=batch&batch.large=0`);
  await other.waitForSelector('.lesson[data-lesson="batch"][data-epoch]');
  assert.match(await other.textContent('#notice'), /batch\.large/);
  assert.equal(await other.inputValue('[data-option="large"]'), '128');
  assert.deepEqual(otherErrors, []);
  await other.close();
  // Back on the first page: the playground's settings waited behind the lesson.
  await page.click('.lessons-menu [data-lesson=""]');
  await page.waitForSelector('.lesson[hidden]', { state: 'attached' });
  assert.equal(await page.inputValue('#ctl-data'), 'xor');
  assert.equal(await page.inputValue('#ctl-optimizer'), 'adam');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an old lesson link with playground keys still opens its lesson, and its link becomes the lesson\'s own', { timeout: 60000 }, async () => {
  const { page, errors } = await open('#data=radial&n=10000&seed=0&optimizer=sgd&lr=0.005&limit=4000&speed=1&b.hidden=200&lang=en&lesson=wine');
  await page.waitForSelector('.lesson[data-lesson="wine"][data-epoch]');
  assert.equal(await page.textContent('.lesson h2'), en['lesson.wine.title']);
  assert.equal(await page.inputValue('[data-option="seed"]'), '8', 'the playground\'s seed is not the lesson\'s');
  assert.deepEqual(keysOf(hashOf(page)).sort(), ['lang', 'lesson', 'wine.seed', 'wine.speed', 'wine.standardize']);
  assert.equal(await page.textContent('#notice').catch(() => ''), '', 'no notice of unknown keys');
  assert.deepEqual(errors, []);
  await page.close();
});

/** The spec text a playground shows (its "spec" part), in `scope` (a page or a shadow root's host selector). */
const specText = (page, host) => page.evaluate((h) => (h ? document.querySelector(h).shadowRoot : document).querySelector('#spec').textContent, host);

test('a short lesson link applies its preset in embed.html and in <nn-playground> as on the page; a long one does not', { timeout: 90000 }, async () => {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = collectErrors(page);
  await page.goto(`${session.server.url}/embed.html#lesson=features`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  assert.match(await specText(page), /"x1\^2"/, 'embed.html: the features lesson\'s input features');
  await page.goto(`${session.server.url}/embed.html#lesson=regression&lang=ko`);
  // The regression lesson's data (the page leaves its task to the engine, whose default for the plane is regression).
  await page.waitForFunction(() => /"plane"/.test(document.querySelector('#spec').textContent), null, { timeout: 20000 });
  await page.goto(`${session.server.url}/index.html#autoplay=0`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.evaluate(async () => {
    await import('./nn-playground.js');
    for (const [id, attrs] of [['by-attr', { lesson: 'features' }], ['by-state', { state: '#lesson=regression' }],
      ['long', { state: '#lesson=features&data=xor' }]]) {
      const element = document.createElement('nn-playground');
      element.id = id;
      for (const [k, v] of Object.entries({ ...attrs, autoplay: 'false', height: '400' })) element.setAttribute(k, v);
      document.body.append(element);
    }
  });
  await page.waitForFunction(() => ['by-attr', 'by-state', 'long'].every((id) => document.getElementById(id).dataset.ready), null, { timeout: 30000 });
  assert.match(await specText(page, '#by-attr'), /"x1\^2"/, 'the element\'s lesson attribute');
  assert.match(await specText(page, '#by-state'), /"plane"/, 'the element\'s state attribute');
  const long = await specText(page, '#long');
  assert.ok(/"xor"/.test(long) && !/"x1\^2"/.test(long), 'a link with experiment keys opens exactly what it says');
  assert.deepEqual(errors, []);
  await page.close();
});

// The lessons in Debian's Chromium (dist/, built by npm run build): each opens from its link,
// runs, and shows the engine's numbers for its preset. The engine's numbers come from the JS API
// in Node on the same specs (the same WebAssembly, so the same arithmetic); the page's from the
// DOM, as text and as the exact values its cells keep in data-value.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { browserSession, openPage } from './browser.mjs';
import { loadEngine, root } from './helpers.mjs';
import { LESSON, RACE_OPTIMIZERS, STUDY_HOURS_SPEC, TOY4_SPEC, WINE_TEST_ROWS, optionsOf } from '../../web/lessons/catalog.js';
import { RACE_COLORS } from '../../web/views/colors.js';
import { en, ko } from '../../web/lessons/texts.js';
import { lessonTextParams } from '../../web/lessons/text-params.js';
import { translator } from '../../web/page/strings.js';
import { defaultState, specsOf } from '../../web/shared/state.js';

const shots = path.join(root, 'screenshots');
const session = browserSession();
let nn;

before(async () => {
  await mkdir(shots, { recursive: true });
  ({ nn } = await loadEngine());
});

const tKo = translator('ko');
const open = (hash, viewport) => openPage(session, hash, viewport);

/** Opens lesson `id` from its link; waits until its box shows. */
async function openLesson(id, extra = '') {
  const opened = await open(`#lesson=${id}${extra}`);
  await opened.page.waitForSelector(`.lesson[data-lesson="${id}"]:not([hidden])`, { timeout: 10000 });
  return opened;
}

/** Plays the open lesson fast to its last epoch. */
async function finish(page, epochs, speed = '100') {
  await page.selectOption('.lesson-speed', speed);
  await page.waitForSelector(`.lesson[data-status="finished"][data-epoch="${epochs}"]`, { timeout: 60000 });
}

/** A cell's text and exact value: { text, value }. */
const cell = (page, selector) => page.$eval(selector, (el) => ({ text: el.textContent, value: Number(el.dataset.value) }));
const same = (actual, expected, what) => assert.ok(Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected)),
  `${what}: the page shows ${actual}, the engine ${expected}`);
const fixed4 = (v) => v.toFixed(4).replace('-', '−');

/** The engine's trainer for a spec after `epochs` epochs, given to `look`; disposed after. */
function engineAfter(spec, epochs, look) {
  const t = nn.fromSpec(spec);
  try {
    const start = { weights: t.getWeights(), loss: t.evaluate().train.loss };
    t.train({ epochs });
    return look(t, start);
  } finally {
    t.dispose();
  }
}

test('lesson 1 opens from its link, runs, and shows the tutorial\'s numbers, which are the engine\'s', { timeout: 90000 }, async () => {
  const { page, errors } = await openLesson('sigmoid');
  assert.equal(await page.textContent('.lesson h2'), en['lesson.sigmoid.title']);
  assert.equal(await page.getAttribute('.lessons-menu [aria-current="page"]', 'data-lesson'), 'sigmoid');
  assert.equal(await page.isVisible('.layout'), false, 'the playground hides behind a lesson with a view');
  await finish(page, 1001);
  const tutorial = { 'w-start': '−0.0838', 'b-start': '−0.0343', 'loss-start': '0.9817', 'w-now': '0.2138', 'b-now': '−1.6024',
    p0: '0.2558', p1: '0.8470', class0: '0', class1: '1' };
  for (const [field, text] of Object.entries(tutorial)) assert.equal((await cell(page, `[data-field="${field}"]`)).text, text, field);
  const engine = engineAfter(STUDY_HOURS_SPEC, 1001, (t, start) => ({ start, weights: t.getWeights()[0], p: t.predict([[2.5], [15.5]]).probabilities }));
  same((await cell(page, '[data-field="w-start"]')).value, engine.start.weights[0].weight[0][0], 'W at the start');
  same((await cell(page, '[data-field="loss-start"]')).value, engine.start.loss, 'loss at the start');
  same((await cell(page, '[data-field="w-now"]')).value, engine.weights.weight[0][0], 'W');
  same((await cell(page, '[data-field="b-now"]')).value, engine.weights.bias[0], 'b');
  same((await cell(page, '[data-field="p0"]')).value, engine.p[1], 'P(pass | 2.5 h)');
  same((await cell(page, '[data-field="p1"]')).value, engine.p[3], 'P(pass | 15.5 h)');
  await page.screenshot({ path: path.join(shots, 'lesson-1.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('lesson 1 plays, pauses, steps one epoch and resets; the playground behind it stays paused', { timeout: 60000 }, async () => {
  const { page, errors } = await openLesson('sigmoid');
  await page.waitForSelector('.lesson[data-status="training"]');
  const mainEpoch = await page.textContent('[data-panel="b"] [data-field="epoch"]');
  await page.click('.lesson-play');
  await page.waitForSelector('.lesson[data-status="paused"]');
  await page.waitForTimeout(300);
  const paused = Number(await page.getAttribute('.lesson', 'data-epoch'));
  assert.ok(paused < 1001, `paused at ${paused}`);
  await page.waitForTimeout(500);
  assert.equal(Number(await page.getAttribute('.lesson', 'data-epoch')), paused, 'the epoch moved while paused');
  await page.click('.lesson-step');
  await page.waitForSelector(`.lesson[data-epoch="${paused + 1}"]`);
  await page.waitForTimeout(400);
  assert.equal(Number(await page.getAttribute('.lesson', 'data-epoch')), paused + 1, 'one step is one epoch');
  await page.click('.lesson-reset');
  await page.waitForSelector('.lesson[data-epoch="0"][data-status="paused"]');
  await page.click('.lesson-play');
  await page.waitForFunction(() => Number(document.querySelector('.lesson').dataset.epoch) >= 5);
  assert.equal(await page.textContent('[data-panel="b"] [data-field="epoch"]'), mainEpoch, 'the playground trained behind the lesson');
  // Back to the playground: it shows and trains again.
  await page.click('.lessons-menu [data-lesson=""]');
  await page.waitForSelector('.lesson[hidden]', { state: 'attached' });
  assert.equal(await page.isVisible('.layout'), true);
  await page.waitForFunction((e) => Number(document.querySelector('[data-panel="b"] [data-field="epoch"]').textContent) > e, Number(mainEpoch));
  assert.deepEqual(errors, []);
  await page.close();
});

test('lesson 2 shows the tutorial\'s logits, probabilities and argmax, which are the engine\'s', { timeout: 60000 }, async () => {
  const { page, errors } = await openLesson('softmax');
  await finish(page, 1001);
  const print = await page.textContent('.torch-print');
  assert.match(print, /tensor\(\[\[-4\.9985, {2}3\.4779, {2}2\.0804\]\]\)/);
  assert.match(print, /tensor\(\[\[1\.6701e-04, 8\.0166e-01, 1\.9817e-01\]\]\)/);
  assert.match(print, /probability of class 0: 0\.00\nprobability of class 1: 0\.80\nprobability of class 2: 0\.20/);
  assert.match(print, /torch\.argmax\(y_prob, axis=1\)\ntensor\(\[1\]\)/);
  const engine = engineAfter(TOY4_SPEC, 1001, (t) => ({ test: t.predict([[1, 2, 5, 6]]), rows: t.predict(t.data().x) }));
  const shown = await page.$eval('.torch-print', (el) => ({ logits: JSON.parse(el.dataset.logits), p: JSON.parse(el.dataset.probabilities) }));
  shown.logits.forEach((v, k) => same(v, engine.test.logits[k], `logit ${k}`));
  shown.p.forEach((v, k) => same(v, engine.test.probabilities[k], `probability ${k}`));
  for (let i = 0; i < 8; i++) {
    for (let k = 0; k < 3; k++) same((await cell(page, `[data-field="z${i}${k}"]`)).value, engine.rows.logits[3 * i + k], `row ${i} logit ${k}`);
    assert.equal((await cell(page, `[data-field="argmax${i}"]`)).value, engine.rows.labels[i], `row ${i} argmax`);
  }
  assert.equal(await page.locator('.rows .argmax.wrong').count(), 0, 'every training row is right after 1001 epochs');
  assert.deepEqual(errors, []);
  await page.close();
});

test('lesson 3 shows the engine\'s test accuracy, confusion matrices and probabilities, with standardization off and on', { timeout: 90000 }, async () => {
  const { page, errors } = await openLesson('wine');
  const lesson = LESSON.wine;
  for (const standardize of [false, true]) {
    if (standardize) {
      await page.check('[data-option="standardize"]');
      await page.waitForFunction(() => Number(document.querySelector('.lesson').dataset.epoch) < 1001);
    }
    await finish(page, 1001);
    const specs = lesson.plan(optionsOf(lesson, { standardize })).specs;
    for (const [name, spec] of Object.entries(specs)) {
      const engine = engineAfter(spec, 1001, (t) => ({ final: t.final(), p: t.predictRows(WINE_TEST_ROWS[0], WINE_TEST_ROWS[0] + 1).probabilities }));
      const card = `.optimizer-card[data-optimizer="${name}"]`;
      const accuracy = await cell(page, `${card} [data-field="test-accuracy"]`);
      same(accuracy.value, engine.final.test.accuracy, `${name} test accuracy`);
      assert.equal(accuracy.text, `${(100 * engine.final.test.accuracy).toFixed(2)}%`);
      const matrix = await page.$$eval(`${card} .confusion-table tbody tr`, (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => Number(td.textContent))));
      assert.deepEqual(matrix, engine.final.test.confusion, `${name} confusion matrix`);
      const first = await page.$eval(`.samples-table tr[data-sample="0"] td:nth-child(${name === 'adam' ? 3 : 4})`, (td) => JSON.parse(td.dataset.value));
      first.forEach((v, k) => same(v, engine.p[k], `${name}: test wine 1, class ${k}`));
      if (!standardize && name === 'adam') assert.equal(accuracy.text, '88.89%', 'the tutorial\'s test accuracy');
    }
  }
  await page.screenshot({ path: path.join(shots, 'lesson-3.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('lesson 4 trains five batch modes side by side and shows the engine\'s losses and accuracies', { timeout: 120000 }, async () => {
  const { page, errors } = await openLesson('batch');
  const lesson = LESSON.batch;
  await finish(page, lesson.epochs, '5');
  const specs = lesson.plan().specs;
  for (const [name, spec] of Object.entries(specs)) {
    const engine = engineAfter(spec, lesson.epochs, (t) => ({ loss: t.history().at(-1).train.loss, val: t.evaluate().val.accuracy, step: t.state.step }));
    const row = `.modes tr[data-mode="${name}"]`;
    same((await cell(page, `${row} [data-field="loss"]`)).value, engine.loss, `${name} loss`);
    same((await cell(page, `${row} [data-field="val-accuracy"]`)).value, engine.val, `${name} val accuracy`);
    assert.equal((await cell(page, `${row} [data-field="updates-per-epoch"]`)).value, engine.step / lesson.epochs, `${name} updates per epoch`);
    assert.ok((await cell(page, `${row} [data-field="ms-per-epoch"]`)).value > 0, `${name} time per epoch`);
  }
  const ms = async (name) => (await cell(page, `.modes tr[data-mode="${name}"] [data-field="ms-per-epoch"]`)).value;
  // A ratio within one run (no wall-clock threshold); 64 times the updates keep it well above 1 even on a loaded machine.
  const [stochastic, mini64] = [await ms('stochastic'), await ms('mini64')];
  assert.ok(stochastic > mini64, `a stochastic epoch (${stochastic} ms) takes longer than a mini-batch one (${mini64} ms)`);
  await page.screenshot({ path: path.join(shots, 'lesson-4.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('lesson 5 draws four paths on the loss landscape, ending at the engine\'s weights', { timeout: 60000 }, async () => {
  const { page, errors } = await openLesson('optimizers');
  const lesson = LESSON.optimizers;
  await finish(page, lesson.epochs, '20');
  const lengths = JSON.parse(await page.getAttribute('.race-plane', 'data-paths'));
  assert.deepEqual(lengths, Object.fromEntries(Object.keys(RACE_OPTIMIZERS).map((n) => [n, lesson.epochs + 1])), 'a point per epoch and the start');
  // Each path's colour is on the paths' canvas, and the landscape below has many colours.
  const seen = await page.$$eval('.race-plane canvas', (canvases, colors) => {
    const pixels = (c) => c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const [below, paths] = canvases.map(pixels);
    const hex = (d, i) => `#${[d[i], d[i + 1], d[i + 2]].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    const counts = Object.fromEntries(Object.keys(colors).map((n) => [n, 0]));
    for (let i = 0; i < paths.length; i += 4) {
      if (paths[i + 3] !== 255) continue;
      for (const [name, color] of Object.entries(colors)) if (hex(paths, i) === color) counts[name] += 1;
    }
    const landscape = new Set();
    for (let i = 0; i < below.length; i += 4 * 7) landscape.add(hex(below, i));
    return { counts, landscapeColours: landscape.size };
  }, RACE_COLORS);
  for (const [name, count] of Object.entries(seen.counts)) assert.ok(count >= 20, `${name}'s path: ${count} pixels of its colour`);
  assert.ok(seen.landscapeColours >= 10, `the landscape has ${seen.landscapeColours} colours`);
  for (const [name, spec] of Object.entries(lesson.plan().specs)) {
    const engine = engineAfter(spec, lesson.epochs, (t) => ({ w: t.getWeights()[0], loss: t.evaluate().train.loss }));
    const row = `.race-table tr[data-optimizer="${name}"]`;
    same((await cell(page, `${row} [data-field="w"]`)).value, engine.w.weight[0][0], `${name} W`);
    same((await cell(page, `${row} [data-field="b"]`)).value, engine.w.bias[0], `${name} b`);
    same((await cell(page, `${row} [data-field="loss"]`)).value, engine.loss, `${name} loss`);
    assert.equal((await cell(page, `${row} [data-field="w"]`)).text, fixed4(engine.w.weight[0][0]));
  }
  await page.screenshot({ path: path.join(shots, 'lesson-5.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('lesson 6 is the playground with its text, showing the engine\'s numbers; the menu opens it with tutorial 001\'s settings', { timeout: 90000 }, async () => {
  const { page, errors } = await openLesson('radial', '&limit=30&speed=5');
  assert.equal(await page.textContent('.lesson h2'), en['lesson.radial.title']);
  assert.equal(await page.isVisible('.layout'), true);
  await page.waitForFunction(() => document.querySelector('#status').dataset.status === 'finished', null, { timeout: 30000 });
  const state = { ...defaultState(), limit: 30 };
  for (const [panel, spec] of Object.entries(specsOf(state))) {
    const engine = engineAfter(spec, 30, (t) => t.evaluate());
    assert.equal(await page.textContent(`[data-panel="${panel}"] [data-field="val-accuracy"]`), `${(100 * engine.val.accuracy).toFixed(1)}%`, `${panel} val accuracy`);
    assert.equal(await page.textContent(`[data-panel="${panel}"] [data-field="val-loss"]`), engine.val.loss.toFixed(3), `${panel} val loss`);
  }
  // From another experiment, the menu's lesson 6 sets tutorial 001's experiment again.
  await page.goto(`${session.server.url}/index.html#data=xor&optimizer=adam&b.hidden=8`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('.lessons-menu [data-lesson="radial"]');
  await page.waitForSelector('.lesson[data-lesson="radial"]:not([hidden])');
  assert.equal(await page.inputValue('#ctl-data'), 'radial');
  assert.equal(await page.inputValue('#ctl-optimizer'), 'sgd');
  assert.match(page.url(), /lesson=radial/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the menu opens every lesson, each link opens its lesson, and Back returns to the last one', { timeout: 60000 }, async () => {
  const { page, errors } = await openLesson('sigmoid');
  for (const id of ['softmax', 'wine', 'batch', 'optimizers', 'microscope', 'radial']) {
    const href = await page.getAttribute(`.lessons-menu [data-lesson="${id}"]`, 'href');
    assert.match(href, new RegExp(`lesson=${id}(&|$)`));
    await page.click(`.lessons-menu [data-lesson="${id}"]`);
    await page.waitForSelector(`.lesson[data-lesson="${id}"]:not([hidden])`);
    assert.equal(await page.textContent('.lesson h2'), en[`lesson.${id}.title`]);
    assert.match(page.url(), new RegExp(`lesson=${id}(&|$)`));
  }
  await page.goBack();
  await page.waitForSelector('.lesson[data-lesson="microscope"]:not([hidden])');
  await page.click('.lesson-next');
  await page.waitForSelector('.lesson[data-lesson="radial"]:not([hidden])');
  await page.goto(`${session.server.url}/index.html#lesson=nonesuch`);
  await page.waitForSelector('body[data-ready="true"]');
  assert.match(await page.textContent('#notice'), /no lesson “nonesuch”/);
  assert.equal(await page.isVisible('.layout'), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('in Korean every lesson shows its Korean text', { timeout: 60000 }, async () => {
  const { page, errors } = await openLesson('sigmoid', '&lang=ko');
  for (const id of ['sigmoid', 'softmax', 'wine', 'batch', 'optimizers', 'microscope', 'radial']) {
    await page.click(`.lessons-menu [data-lesson="${id}"]`);
    await page.waitForSelector(`.lesson[data-lesson="${id}"]:not([hidden])`);
    assert.equal(await page.textContent('.lesson h2'), ko[`lesson.${id}.title`]);
    const params = lessonTextParams(id, {}, tKo);  // the numbers the texts quote, at the lesson's defaults
    assert.equal(await page.textContent('.lesson-look'), tKo(`lesson.${id}.look`, params));
    assert.equal(await page.textContent('.lesson-why'), tKo(`lesson.${id}.why`, params));
    assert.equal(await page.textContent(`.lessons-menu [data-lesson="${id}"]`), `${Object.keys(LESSON).indexOf(id) + 1}${ko[`lesson.${id}.short`]}`);
  }
  // Switching the language relabels the open lesson.
  await page.click('.lessons-menu [data-lesson="sigmoid"]');
  await page.selectOption('#ctl-lang', 'en');
  await page.waitForFunction((title) => document.querySelector('.lesson h2').textContent === title, en['lesson.sigmoid.title']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('at 390 px wide a lesson does not scroll sideways', { timeout: 60000 }, async () => {
  for (const id of ['sigmoid', 'optimizers']) {
    const page = await session.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${session.server.url}/index.html#lesson=${id}`);
    await page.waitForSelector(`.lesson[data-lesson="${id}"][data-epoch]:not([data-status="loading"])`, { timeout: 20000 });
    await page.waitForTimeout(500);
    const sizes = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert.ok(sizes.scroll <= sizes.client, `${id}: ${JSON.stringify(sizes)}`);
    await page.screenshot({ path: path.join(shots, `lesson-${id}-390.png`), fullPage: true });
    await page.close();
  }
});

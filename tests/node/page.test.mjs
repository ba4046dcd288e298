// The playground page (dist/, built by npm run build) in Debian's Chromium: what a learner sees
// and does. Numbers are read from the page as it shows them; no test asserts a time.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { browserSession, collectErrors, pointsFingerprint, until } from './browser.mjs';
import { root } from './helpers.mjs';

const shots = path.join(root, 'screenshots');
const session = browserSession();
before(() => mkdir(shots, { recursive: true }));

/** Opens the page (with a hash) and waits for its first drawn frame; collects errors and requests. */
async function open(hash = '', viewport = { width: 1280, height: 900 }) {
  const page = await session.browser.newPage({ viewport });
  const errors = collectErrors(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  await page.goto(`${session.server.url}/index.html${hash}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  return { page, errors, requests };
}

const field = (page, panel, name) => page.textContent(`[data-panel="${panel}"] [data-field="${name}"]`);
const epochOf = async (page, panel) => Number(await field(page, panel, 'epoch'));
const percent = (text) => Number.parseFloat(text) / 100;


/** The heatmap canvas's pixels as an array of 0xRRGGBB numbers. */
function heatmapPixels(page, panel) {
  return page.evaluate((p) => {
    const canvas = document.querySelector(`[data-panel="${p}"] canvas.heatmap`);
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const out = [];
    for (let i = 0; i < data.length; i += 4) out.push((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return { width: canvas.width, height: canvas.height, pixels: out };
  }, panel);
}

test('the page loads without console errors and makes no requests after load', { timeout: 60000 }, async () => {
  const { page, errors, requests } = await open();
  const loaded = requests.length;
  await until(() => epochOf(page, 'b'), (e) => e >= 30);
  await page.mouse.move(640, 450);
  await page.waitForTimeout(500);
  assert.deepEqual(errors, []);
  assert.deepEqual(requests.slice(loaded), [], 'requests after load');
  // blob: is the engine's worker started from memory (page/worker-source.js): no network.
  for (const url of requests) assert.ok(url.startsWith(session.server.url) || url.startsWith(`blob:${session.server.url}/`), `${url} is not the page's own server`);
  assert.ok(requests.some((u) => u.endsWith('/engine/nnplay_engine.wasm')), 'the engine was loaded');
  await page.close();
});

test('on radial the MLP beats the linear model on validation accuracy by 0.2 within 20 s', { timeout: 60000 }, async () => {
  const { page, errors } = await open();
  const read = async () => ({ linear: percent(await field(page, 'a', 'val-accuracy')), mlp: percent(await field(page, 'b', 'val-accuracy')) });
  const acc = await until(read, (a) => a.mlp - a.linear >= 0.2, 20000);
  assert.ok(acc.mlp - acc.linear >= 0.2, `val accuracy: MLP ${acc.mlp}, linear ${acc.linear}`);
  assert.equal(await page.textContent('[data-panel="a"] [data-field="title"]'), 'Linear model');
  assert.equal(await page.textContent('[data-panel="b"] [data-field="arch"]'), '2 → 200 ReLU → 3');
  await page.mouse.move(900, 420);
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(shots, 'page-1280.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('both heatmaps are drawn in several colours and change as training goes on', { timeout: 60000 }, async () => {
  const { page } = await open();
  await until(() => epochOf(page, 'b'), (e) => e >= 5);
  const first = { a: await heatmapPixels(page, 'a'), b: await heatmapPixels(page, 'b') };
  const epoch = await epochOf(page, 'b');
  await until(() => epochOf(page, 'b'), (e) => e >= epoch + 40);
  for (const panel of ['a', 'b']) {
    const later = await heatmapPixels(page, panel);
    assert.ok(later.width >= 100 && later.height >= 100, `grid ${later.width}x${later.height}`);
    const colours = new Set(later.pixels).size;
    assert.ok(colours >= 10, `panel ${panel}: ${colours} colours`);
    const changed = later.pixels.filter((p, i) => p !== first[panel].pixels[i]).length;
    assert.ok(changed >= 100, `panel ${panel}: ${changed} of ${later.pixels.length} cells changed`);
  }
  await page.close();
});

test('the hover readout shows both models\' probabilities and they sum to 1', { timeout: 60000 }, async () => {
  const { page } = await open();
  const plot = page.locator('[data-panel="b"] .plot');
  const box = await plot.boundingBox();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.6);
  for (const panel of ['a', 'b']) {
    const items = page.locator(`[data-panel="${panel}"] .readout .class`);
    await items.first().waitFor({ timeout: 5000 });
    const texts = await items.allTextContents();
    assert.equal(texts.length, 3, texts.join(' | '));
    const shown = texts.map((text, k) => {
      const match = text.match(/^class (\d): (\d\.\d\d)$/);
      assert.ok(match && Number(match[1]) === k, `readout item "${text}"`);
      return Number(match[2]);
    });
    const sum = shown.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - 1) <= 0.015, `shown probabilities ${shown} sum to ${sum}`);
    const exact = (await items.evaluateAll((els) => els.map((e) => Number(e.dataset.probability)))).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(exact - 1) < 1e-5, `probabilities sum to ${exact}`);
    // One class is marked, the engine's (the argmax here, as no two probabilities are equal).
    const best = await items.evaluateAll((els) => els.map((e) => e.classList.contains('best')));
    const probabilities = await items.evaluateAll((els) => els.map((e) => Number(e.dataset.probability)));
    assert.deepEqual(best, probabilities.map((p) => p === Math.max(...probabilities)), `marked ${best}`);
    assert.match(await page.textContent(`[data-panel="${panel}"] .readout .logits`), /^logits: -?\d+\.\d\d, -?\d+\.\d\d, -?\d+\.\d\d$/);
  }
  await page.close();
});

test('pause stops training, step trains one epoch and reset goes back to epoch 0', { timeout: 60000 }, async () => {
  const { page, errors } = await open();
  await until(() => epochOf(page, 'b'), (e) => e >= 5);
  await page.click('#play');
  assert.equal(await until(() => page.textContent('#status'), (s) => s === 'paused'), 'paused');
  await page.waitForTimeout(300);
  const paused = await epochOf(page, 'b');
  await page.waitForTimeout(800);
  assert.equal(await epochOf(page, 'b'), paused, 'the epoch moved while paused');
  assert.equal(await epochOf(page, 'a'), paused, 'both panels are at the same epoch');
  const updates = Number(await field(page, 'b', 'updates'));

  await page.click('#step');
  assert.equal(await until(() => epochOf(page, 'b'), (e) => e === paused + 1), paused + 1);
  await page.waitForTimeout(500);
  assert.equal(await epochOf(page, 'b'), paused + 1, 'step trained more than one epoch');
  assert.equal(await epochOf(page, 'a'), paused + 1);
  assert.equal(Number(await field(page, 'b', 'updates')), updates + 1, 'one full-batch update');

  await page.click('#reset');
  assert.equal(await until(() => epochOf(page, 'b'), (e) => e === 0), 0);
  await page.waitForTimeout(600);
  assert.equal(await epochOf(page, 'b'), 0, 'reset while paused stays paused');
  assert.equal(await epochOf(page, 'a'), 0);
  assert.equal(await page.textContent('#status'), 'paused');

  await page.click('#play');
  assert.ok(await until(() => epochOf(page, 'b'), (e) => e >= 3) >= 3, 'play trains again');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a change of dataset takes effect', { timeout: 60000 }, async () => {
  const { page, errors } = await open();
  await until(() => epochOf(page, 'b'), (e) => e >= 20);
  const before = await pointsFingerprint(page, 'b');
  await page.selectOption('#ctl-data', 'xor');
  assert.ok(await until(() => epochOf(page, 'b'), (e) => e < 20) < 20, 'training restarted');
  assert.equal(await page.inputValue('#ctl-n'), '1000');
  await until(() => page.locator('[data-panel="b"] [data-field="confusion"] tbody tr').count(), (n) => n === 2);
  assert.equal(await page.locator('[data-panel="b"] [data-field="confusion"] tbody tr').count(), 2, 'xor has 2 classes');
  assert.equal(await page.locator('#legend-swatches .legend-class').count(), 2);
  assert.notEqual(await pointsFingerprint(page, 'b'), before, 'the points changed');
  assert.match(page.url(), /[#&]data=xor(&|$)/);
  assert.match(await page.textContent('#spec'), /"name": "xor"/);
  assert.ok(await until(() => epochOf(page, 'a'), (e) => e >= 10) >= 10);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a change of optimizer takes effect: same start, a different first step', { timeout: 60000 }, async () => {
  const { page, errors } = await open();
  await page.click('#play');
  await until(() => page.textContent('#status'), (s) => s === 'paused');
  const firstStep = async () => {
    await page.click('#reset');
    await until(() => epochOf(page, 'b'), (e) => e === 0);
    const start = await until(() => field(page, 'b', 'train-loss'), (v) => v !== '–');
    await page.click('#step');
    await until(() => epochOf(page, 'b'), (e) => e === 1);
    return { start, after: await until(() => field(page, 'b', 'train-loss'), (v) => v !== start) };
  };
  const sgd = await firstStep();
  await page.selectOption('#ctl-optimizer', 'adam');
  assert.equal(await page.isVisible('#ctl-beta1'), true, 'Adam shows its betas');
  assert.equal(await page.isVisible('#ctl-momentum'), false);
  const adam = await firstStep();
  assert.equal(adam.start, sgd.start, 'the same initial weights');
  assert.notEqual(adam.after, sgd.after, `one step of SGD and of Adam both gave train loss ${sgd.after}`);
  assert.match(await page.textContent('#spec'), /"name": "adam"/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the learning rate changes on the fly, without a reset', { timeout: 60000 }, async () => {
  const { page, errors } = await open();
  const epoch = await until(() => epochOf(page, 'b'), (e) => e >= 20);
  await page.fill('#ctl-lr', '0.05');
  await page.press('#ctl-lr', 'Enter');
  await until(() => page.url(), (u) => u.includes('lr=0.05'));
  await page.waitForTimeout(300);
  assert.ok(await epochOf(page, 'b') >= epoch, 'the epoch went back: training was reset');
  assert.match(await page.textContent('#spec'), /"lr": 0.05/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a diverged model shows a banner and reset recovers', { timeout: 60000 }, async () => {
  const { page, errors } = await open('#lr=1000000000');
  await page.locator('#banner').waitFor({ state: 'visible', timeout: 15000 });
  assert.match(await page.textContent('#banner-text'), /diverged/);
  await page.fill('#ctl-lr', '0.005');
  await page.press('#ctl-lr', 'Enter');
  await page.click('#banner-reset');
  await page.locator('#banner').waitFor({ state: 'hidden', timeout: 5000 });
  assert.ok(await until(() => epochOf(page, 'b'), (e) => e >= 5) >= 5, 'training again after the reset');
  assert.equal(await page.isVisible('#banner'), false);
  assert.deepEqual(errors, []);
  await page.close();
});

test('drawn points become an inline dataset that both models train on', { timeout: 60000 }, async () => {
  const { page, errors } = await open();
  await page.selectOption('#ctl-data', 'draw');
  assert.equal(await page.textContent('#status'), 'no data');
  const box = await page.locator('[data-panel="a"] .plot').boundingBox();
  const click = (fx, fy) => page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
  await click(0.2, 0.2);
  await click(0.3, 0.25);
  await page.check('#ctl-drawClass input[value="1"]');
  await click(0.8, 0.8);
  await click(0.7, 0.75);
  const url = await until(() => page.url(), (u) => /points=[^&]*%3B[^&]*%3B[^&]*%3B/.test(u));
  assert.match(url, /points=[^&]*%3B[^&]*%3B[^&]*%3B/, 'four points in the hash');
  const epoch = await until(() => epochOf(page, 'b'), (e) => e >= 5);
  assert.ok(epoch >= 5, `training on the drawn points: epoch ${epoch}, status ${await page.textContent('#status')}`);
  const spec = JSON.parse(await page.textContent('#spec'));
  assert.equal(spec.a.data.name, 'inline');
  assert.deepEqual(spec.a.data.y, [0, 0, 1, 1]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the keyboard alone reaches and works the controls, with visible focus', { timeout: 60000 }, async () => {
  const { page, errors } = await open();
  // The lessons menu (nine lessons and the playground) comes before the toolbar in the tab order.
  let focused = '';
  for (let i = 0; i < 16 && focused !== 'play'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement.id);
  }
  assert.equal(focused, 'play');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'the focused button shows its focus');
  await page.keyboard.press('Enter');
  const status = await until(() => page.textContent('#status'), (s) => s === 'paused');
  assert.equal(status, 'paused', `after Enter, with focus on #${await page.evaluate(() => document.activeElement.id)}`);
  await page.waitForTimeout(300);
  const epoch = await epochOf(page, 'b');
  await page.keyboard.press('Tab');  // step
  await page.keyboard.press('Enter');
  assert.equal(await until(() => epochOf(page, 'b'), (e) => e === epoch + 1), epoch + 1);
  await page.focus('[data-panel="a"] .plot');
  await page.keyboard.press('ArrowRight');
  await page.locator('[data-panel="b"] .readout .class').first().waitFor({ timeout: 5000 });
  await page.focus('#ctl-optimizer');
  await page.keyboard.press('ArrowDown');  // a focused select changes with the arrow keys
  assert.match(await until(() => page.url(), (u) => u.includes('optimizer=momentum')), /optimizer=momentum/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('at 390 px wide nothing scrolls sideways', { timeout: 60000 }, async () => {
  const { page, errors } = await open('', { width: 390, height: 844 });
  await until(() => epochOf(page, 'b'), (e) => e >= 20);
  const sizes = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
    body: document.body.scrollWidth }));
  assert.ok(sizes.scroll <= sizes.client && sizes.body <= sizes.client, JSON.stringify(sizes));
  const box = await page.locator('[data-panel="b"] .plot').boundingBox();
  assert.ok(box.x + box.width <= 390, 'the plot fits the screen');
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(shots, 'page-390.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('training stops at the epoch limit', { timeout: 60000 }, async () => {
  const { page, errors } = await open('#limit=30&speed=5');
  assert.equal(await until(() => page.textContent('#status'), (s) => s === 'epoch limit reached'), 'epoch limit reached');
  await page.waitForTimeout(500);
  assert.equal(await epochOf(page, 'a'), 30);
  assert.equal(await epochOf(page, 'b'), 30);
  assert.equal(await page.textContent('#play .label'), 'Play');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the hash sets the state, and a bad value falls back to its default with a notice', { timeout: 60000 }, async () => {
  const { page, errors } = await open('#data=circle&n=500&noise=0.1&optimizer=adam&lr=0.01&b.hidden=8,8&b.activation=tanh&lr=fast');
  assert.equal(await page.inputValue('#ctl-data'), 'circle');
  assert.equal(await page.inputValue('#ctl-n'), '500');
  assert.equal(await page.inputValue('#ctl-optimizer'), 'adam');
  assert.equal(await page.inputValue('#ctl-lr'), '0.01');
  assert.equal(await page.textContent('[data-panel="b"] [data-field="arch"]'), '2 → 8 tanh → 8 tanh → 2');
  const spec = JSON.parse(await page.textContent('#spec'));
  assert.deepEqual(spec.b.model, { hidden: [8, 8], activation: 'tanh' });
  assert.deepEqual(spec.b.data, { name: 'circle', n: 500, noise: 0.1 }, "the split is the dataset's own, the engine's default");
  assert.equal(spec.b.optimizer.name, 'adam');

  await page.goto(`${session.server.url}/index.html#lr=fast&data=<img>`);
  await page.waitForSelector('body[data-ready="true"]');
  assert.match(await page.textContent('#notice'), /not valid.*lr, data/);
  assert.equal(await page.inputValue('#ctl-lr'), '0.005');
  assert.equal(await page.inputValue('#ctl-data'), 'radial');
  assert.deepEqual(errors, []);
  await page.close();
});

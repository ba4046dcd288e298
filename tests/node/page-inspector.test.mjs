// The step inspector in Debian's Chromium (dist/): opened from a panel, it pauses training, takes
// one traced step and shows what each of the five lines produced. The numbers are checked against
// a golden trace made by PyTorch 1.13 (tests/golden/trace_sgd_full.json: its spec is the right
// panel's, at step 0), both as exact values (data-value) and as PyTorch prints them. Stepping
// through the lines works with the keyboard (ArrowDown / n, ArrowUp / p, Escape).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { browserSession, openPage, until } from './browser.mjs';
import { loadEngine, root } from './helpers.mjs';
import { formatTensor } from '../../web/shared/torch-format.js';
import { badge } from '../../web/shared/step-overlay.js';
import { specsOf, stateFromHash } from '../../web/shared/state.js';
import { ko } from '../../web/page/strings-inspector.js';
import { ko as lessonsKo } from '../../web/lessons/texts.js';

const session = browserSession();
const shots = path.join(root, 'screenshots');
const golden = JSON.parse(fs.readFileSync(path.join(root, 'tests', 'golden', 'trace_sgd_full.json'), 'utf8'));
const want = golden.lines.find((l) => l.trace?.step === 0).trace;
const HASH = '#data=radial&n=60&noise=0.05&seed=1&b.hidden=4&b.activation=relu&optimizer=sgd&lr=0.1&autoplay=false';
const { nn } = await loadEngine();

const open = (hash, viewport) => openPage(session, hash, viewport);

/** Every number of two trees within 1e-4 relative (+1e-6). */
function close(ours, theirs, what) {
  if (Array.isArray(theirs)) {
    assert.equal(ours.length, theirs.length, `${what}: length`);
    return theirs.forEach((v, i) => close(ours[i], v, `${what}[${i}]`));
  }
  assert.ok(Math.abs(ours - theirs) <= 1e-6 + 1e-4 * Math.abs(theirs), `${what}: the inspector shows ${ours}, PyTorch ${theirs}`);
}

/** The figures of the current line: [{ item, name, state, value, text }]. */
const figures = (page) => page.$$eval('#inspector-b .tensor-item', (els) => els.map((f) => ({ item: f.dataset.item, name: f.dataset.name,
  state: f.dataset.state, value: JSON.parse(f.querySelector('pre').dataset.value), text: f.querySelector('pre').textContent })));
const lineOf = (page) => page.getAttribute('#inspector-b', 'data-line');
const pick = (list, item, name) => list.find((f) => f.item === item && (name === undefined || f.name === name));

test('the golden case is the right panel\'s spec', () => {
  const strip = (s) => { const { epochs, log_every, trace, ...rest } = nn.normalize(s); return rest; };
  assert.deepEqual(strip(specsOf(stateFromHash(HASH).state).b), strip(golden.spec));
});

test('the inspector shows PyTorch\'s numbers for step 0 and walks the five lines with the keyboard', { timeout: 60000 }, async () => {
  await mkdir(shots, { recursive: true });
  const { page, errors } = await open(HASH);
  const opener = page.locator('[data-panel="b"] .inspect-open');
  assert.equal(await opener.textContent(), 'Inspect one step');
  await opener.click();
  await page.waitForSelector('#inspector-b[data-step="0"] .tensor-item');
  assert.equal(await opener.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.getAttribute('#status', 'data-status'), 'paused');
  // Line 1, y_pred = model(x): the first sample's input, z, ReLU(z) and logits.
  assert.equal(await lineOf(page), 'forward');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.line), 'forward', 'the focus is on the current line');
  let shown = await figures(page);
  close(pick(shown, 'x').value, [want.sample.x], 'x');
  close(pick(shown, 'z').value, [want.sample.layers[0].z], 'z1');
  close(pick(shown, 'a').value, [want.sample.layers[0].a], 'a1');
  close(pick(shown, 'logits').value, [want.sample.layers[1].z], 'logits');
  assert.equal(pick(shown, 'logits').text, formatTensor([want.sample.layers[1].z]), 'printed as PyTorch prints it');
  assert.match(pick(shown, 'logits').text, /^tensor\(\[\[.*\]\]\)$/);
  await page.screenshot({ path: path.join(shots, 'inspector-forward-1280.png'), fullPage: false });
  // Line 2: the loss and the softmax of the sample.
  await page.keyboard.press('ArrowDown');
  assert.equal(await lineOf(page), 'criterion');
  assert.equal(await page.textContent('#inspector-b .inspector-current'), 'Line 2 of 5: loss = criterion(y_pred, y)');
  assert.equal(await page.getAttribute('#inspector-b .inspector-current', 'aria-live'), 'polite');
  shown = await figures(page);
  close(pick(shown, 'loss').value, want.loss, 'loss');
  assert.equal(pick(shown, 'loss').text, `tensor(${want.loss.toFixed(4)})`);
  const p = pick(shown, 'softmax').value[0];
  close(p.reduce((a, b) => a + b, 0), 1, 'the softmax sums to 1');
  const y = pick(shown, 'trueClass').value;
  close(pick(shown, 'nll').value, -Math.log(p[y]), '-log p[y]');
  // Line 3 (n): every .grad is zero.
  await page.keyboard.press('n');
  assert.equal(await lineOf(page), 'zeroGrad');
  shown = await figures(page);
  assert.equal(shown.length, 4, 'four parameters');
  for (const f of shown) assert.ok(f.value.flat().every((v) => v === 0), `${f.name}.grad is zero`);
  assert.equal(pick(shown, 'gradZero', '0.bias').text, 'tensor([0., 0., 0., 0.])');
  // Line 4: dL/dz of the sample and every .grad.
  await page.keyboard.press('ArrowDown');
  assert.equal(await lineOf(page), 'backward');
  shown = await figures(page);
  close(pick(shown, 'dz').value, [want.sample.layers[0].dz], 'dz1');
  want.grad.forEach((layer, l) => {
    close(pick(shown, 'grad', `${2 * l}.weight`).value, layer.weight, `${2 * l}.weight.grad`);
    close(pick(shown, 'grad', `${2 * l}.bias`).value, layer.bias, `${2 * l}.bias.grad`);
    assert.equal(pick(shown, 'grad', `${2 * l}.weight`).text, formatTensor(layer.weight));
  });
  // A wide tensor has all its values in a table, built when opened.
  const table = `#inspector-b .tensor-item[data-item="grad"][data-name="2.weight"]`;
  await page.click(`${table} summary`);
  await page.waitForSelector(`${table} tbody tr`);  // the toggle event builds it
  const cells = await page.$$eval(`${table} tbody tr`, (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => Number(td.textContent))));
  assert.equal(cells.length, 3);
  close(cells, want.grad[1].weight.map((row) => row.map((v) => Number(v.toFixed(4)))), 'the table of 2.weight.grad');
  await page.focus('#inspector-b .code-line[data-line="backward"]');
  // The network diagram shows dL/dz on each neuron and colours the edges by dL/dW.
  const diagram = '[data-panel="b"] [data-network]';
  assert.equal(await page.textContent(`${diagram} [data-neuron="1:2"] .overlay`), badge(want.sample.layers[0].dz[2]));
  assert.equal(await page.textContent(`${diagram} [data-neuron="2:0"] .overlay`), badge(want.sample.layers[1].dz[0]));
  assert.equal(await page.getAttribute(diagram, 'class'), 'network overlaid');
  // Line 5: the updates and the parameters after step().
  await page.keyboard.press('ArrowDown');
  assert.equal(await lineOf(page), 'step');
  shown = await figures(page);
  want.after.forEach((layer, l) => {
    close(pick(shown, 'param', `${2 * l}.weight`).value, layer.weight, `${2 * l}.weight after`);
    close(pick(shown, 'update', `${2 * l}.bias`).value, layer.bias.map((v, j) => v - want.params[l].bias[j]), `${2 * l}.bias update`);
  });
  await page.screenshot({ path: path.join(shots, 'inspector-step-1280.png'), fullPage: false });
  // Back up with p and ArrowUp; the first line stops there.
  await page.keyboard.press('p');
  assert.equal(await lineOf(page), 'backward');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowUp');
  assert.equal(await lineOf(page), 'forward');
  assert.equal(await page.isDisabled('#inspector-b .inspector-previous'), true);
  // The panel counts the traced update.
  assert.equal(await page.textContent('[data-panel="b"] [data-field="updates"]'), '1');
  // A reset replaces the model: the old trace goes, and "Next step" traces the new model's step 0.
  await page.click('#reset');
  await page.waitForSelector('#inspector-b:not([data-step])');
  assert.equal(await page.textContent('#inspector-b .inspector-next'), 'Next step');
  await page.click('#inspector-b .inspector-next');
  await page.waitForSelector('#inspector-b[data-step="0"] .tensor-item');
  // Escape closes and gives the focus back; the diagram's overlay goes.
  await page.keyboard.press('Escape');
  assert.equal(await page.isHidden('#inspector-b'), true);
  assert.equal(await page.$$eval(`${diagram} .overlay`, (els) => els.length), 0);
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('inspect-open')), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('opened while training, it pauses; after the last line "Next step" traces the next; a click on the plot picks the sample; in Korean too', { timeout: 60000 }, async () => {
  const { page, errors } = await open('#data=radial&n=200&seed=2&b.hidden=5&b.activation=tanh&optimizer=adam&lr=0.01&batch=mini&batchSize=16&lang=ko');
  await until(() => page.textContent('[data-panel="b"] [data-field="epoch"]').then(Number), (e) => e >= 2);
  assert.equal(await page.getAttribute('#status', 'data-status'), 'training');
  const opener = page.locator('[data-panel="b"] .inspect-open');
  assert.equal(await opener.textContent(), ko.open);
  await opener.click();
  await page.waitForSelector('#inspector-b .tensor-item');
  assert.equal(await page.getAttribute('#status', 'data-status'), 'paused');
  assert.equal(await page.textContent('#inspector-b .inspector-title'), ko.title);
  const first = Number(await page.getAttribute('#inspector-b', 'data-step'));
  assert.ok(first > 0);
  // Adam: after step(), its state and the bias-corrected step size.
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  const shown = await figures(page);
  assert.ok(shown.some((f) => f.item === 'state' && f.state === 'exp_avg_sq'));
  assert.ok(pick(shown, 'adamStepSize').value > 0.01, 'lr / (1 - 0.9^t) is above lr');
  // A click on the plot picks the nearest training point; the next step shows it when its batch holds it.
  const plot = page.locator('[data-panel="b"] .plot');
  const box = await plot.boundingBox();
  await plot.click({ position: { x: box.width / 2, y: box.height / 2 } });
  const chosen = await page.inputValue('#inspector-b .inspector-sample');
  assert.match(chosen, /^\d+$/, 'a sample was picked');
  await page.focus('#inspector-b .code-line[data-line="step"]');
  await page.keyboard.press('ArrowDown');  // after the last line: the next step
  await page.waitForSelector(`#inspector-b[data-step="${first + 1}"][data-line="forward"] .tensor-item`);
  const header = await page.textContent('#inspector-b .inspector-header');
  assert.ok(header.includes(`#`), header);
  assert.equal(await page.getAttribute('#status', 'data-status'), 'paused', 'still paused');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('#inspector-b').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'inspector-390-ko.png'), fullPage: false });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page is ${overflow} px too wide at 390 px`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the microscope lesson opens from its link, paused at step 0; its inspector shows the engine\'s first step and gives the PyTorch snippet', { timeout: 60000 }, async () => {
  const { LESSON, MICROSCOPE_SPEC } = await import('../../web/lessons/catalog.js');
  const { microscopeSnippet } = await import('../../web/shared/pytorch-export-snippet.js');
  const korean = await open('#lesson=microscope&lang=ko');
  await korean.page.waitForSelector('.lesson[data-lesson="microscope"]:not([hidden])', { timeout: 10000 });
  assert.equal(await korean.page.textContent('.lesson h2'), lessonsKo['lesson.microscope.title']);
  assert.equal(await korean.page.textContent('.view-microscope .inspect-open'), ko.open);
  await korean.page.close();
  const { page, errors } = await open('#lesson=microscope');
  await page.waitForSelector('.lesson[data-lesson="microscope"]:not([hidden])', { timeout: 10000 });
  assert.equal(await page.getAttribute('.lesson', 'data-status'), 'paused', 'it waits for the learner');
  assert.equal(LESSON.microscope.view, 'microscope');
  const trainer = nn.fromSpec(MICROSCOPE_SPEC);
  const engine = trainer.step({ trace: true }).trace;
  trainer.dispose();
  await page.click('.view-microscope .inspect-open');
  await page.waitForSelector('#inspector-lesson[data-step="0"] .tensor-item');
  const shown = () => page.$$eval('#inspector-lesson .tensor-item', (els) => els.map((f) => ({ item: f.dataset.item, name: f.dataset.name,
    value: JSON.parse(f.querySelector('pre').dataset.value), text: f.querySelector('pre').textContent })));
  close((await shown()).find((f) => f.item === 'logits').value, [engine.sample.layers[1].z], 'logits');
  for (const line of ['criterion', 'zeroGrad', 'backward']) {
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.getAttribute('#inspector-lesson', 'data-line'), line);
  }
  assert.equal(await page.textContent('.view-microscope [data-network] [data-neuron="1:0"] .overlay'), badge(engine.sample.layers[0].dz[0]));
  const grads = (await shown()).filter((f) => f.item === 'grad');
  close(grads.find((f) => f.name === '0.weight').value, engine.grad[0].weight, '0.weight.grad');
  assert.equal(grads.find((f) => f.name === '2.bias').text, formatTensor(engine.grad[1].bias));
  assert.equal(await page.textContent('.view-microscope .snippet'), microscopeSnippet(nn.normalize(MICROSCOPE_SPEC)));
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.getAttribute('#inspector-lesson', 'data-line'), 'step');
  await page.locator('.view-microscope .network-card').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'lesson-microscope-step-1280.png') });
  await page.click('.view-microscope .snippet-box summary');
  await page.screenshot({ path: path.join(shots, 'lesson-microscope-1280.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the inspector works for each optimizer, loss and batch mode, and on the linear model, with the engine\'s numbers', { timeout: 90000 }, async () => {
  const cases = [
    { hash: '#data=circle&n=100&loss=bce&optimizer=momentum&lr=0.05&batch=mini&batchSize=8&b.hidden=4&autoplay=false', state: 'momentum_buffer', criterion: 'bceTerm' },
    { hash: '#data=gauss&n=100&loss=mse&optimizer=adagrad&lr=0.05&batch=stochastic&b.hidden=3&b.activation=sigmoid&autoplay=false', state: 'sum', criterion: 'sqError' },
    { hash: '#data=spiral&n=100&optimizer=adam&lr=0.01&b.hidden=3,3&b.activation=tanh&autoplay=false', state: 'exp_avg', criterion: 'nll' },
  ];
  for (const { hash, state, criterion } of cases) {
    const { page, errors } = await open(hash);
    const specs = specsOf(stateFromHash(hash).state);
    for (const panel of ['a', 'b']) {
      const trainer = nn.fromSpec(specs[panel]);
      const engine = trainer.step({ trace: true }).trace;
      trainer.dispose();
      const root = `#inspector-${panel}`;
      await page.click(`[data-panel="${panel}"] .inspect-open`);
      await page.waitForSelector(`${root}[data-step="0"] .tensor-item`);
      const seen = [];
      for (let k = 0; k < 5; k++) {
        seen.push(await page.getAttribute(root, 'data-line'));
        const items = await page.$$eval(`${root} .tensor-item`, (els) => els.map((f) => ({ item: f.dataset.item, name: f.dataset.name,
          state: f.dataset.state, value: JSON.parse(f.querySelector('pre').dataset.value) })));
        if (k === 1) assert.ok(items.some((i) => i.item === criterion), `${hash}: ${criterion}`);
        if (k === 3) close(items.find((i) => i.item === 'grad' && i.name === '0.weight').value, engine.grad[0].weight, `${hash} ${panel}: 0.weight.grad`);
        if (k === 4) {
          assert.ok(items.some((i) => i.item === 'state' && i.state === state), `${hash}: ${state}`);
          close(items.find((i) => i.item === 'param' && i.name === '0.bias').value, engine.after[0].bias, `${hash} ${panel}: 0.bias after`);
        }
        if (k < 4) await page.keyboard.press('ArrowDown');
      }
      assert.deepEqual(seen, ['forward', 'criterion', 'zeroGrad', 'backward', 'step']);
      await page.keyboard.press('Escape');
    }
    assert.deepEqual(errors, []);
    await page.close();
  }
});

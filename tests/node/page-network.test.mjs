// Inside the network (issue 13), in Debian's Chromium: the network diagram of each panel (a live
// map per neuron, weighted edges, editable weights, the "+N more" grid, keyboard) and the MLP's
// hidden-space view, in the playground and in the sigmoid and radial lessons. Numbers are read
// from the page as it shows them; no test asserts a time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSession, until, openPage } from './browser.mjs';

const session = browserSession();

const open = (hash = '', viewport = { width: 1280, height: 800 }) => openPage(session, hash, viewport);

const epochOf = async (page, panel) => Number(await page.textContent(`[data-panel="${panel}"] [data-field="epoch"]`));

/** A fingerprint of a canvas's pixels (selector under the page). */
function canvasHash(page, selector) {
  return page.evaluate((s) => {
    const canvas = document.querySelector(s);
    if (!canvas || !canvas.width) return null;
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let hash = 0;
    for (let i = 0; i < data.length; i += 4) hash = (hash * 31 + data[i] + 7 * data[i + 1] + 13 * data[i + 2]) % 1000000007;
    return hash;
  }, selector);
}

test('each panel has a network diagram with named neurons, layer by layer', { timeout: 60000 }, async () => {
  const { page, errors } = await open('#autoplay=false');
  await page.waitForSelector('[data-panel="b"] [data-neuron="2:2"]');
  for (const panel of ['a', 'b']) {
    const diagram = page.locator(`[data-panel="${panel}"] [data-network]`);
    assert.equal(await diagram.count(), 1);
    assert.match(await diagram.getAttribute('aria-label'), panel === 'a' ? /linear/i : /MLP/);
  }
  // The linear model: 2 inputs, 3 outputs. The MLP: 2 inputs, 16 of its 200 hidden units, 3 outputs.
  const keys = (panel) => page.$$eval(`[data-panel="${panel}"] [data-neuron]`, (els) => els.map((e) => e.dataset.neuron));
  assert.deepEqual(await keys('a'), ['0:0', '0:1', '1:0', '1:1', '1:2']);
  const mlp = await keys('b');
  assert.equal(mlp.filter((k) => k.startsWith('1:')).length, 16);
  assert.deepEqual(mlp.filter((k) => !k.startsWith('1:')), ['0:0', '0:1', '2:0', '2:1', '2:2']);
  const labels = await page.$$eval('[data-panel="b"] [data-neuron]', (els) => els.map((e) => e.getAttribute('aria-label')));
  assert.ok(labels.every((l) => l && l.length > 5), labels.join(' | '));
  assert.match(labels[2], /^hidden layer 1, unit \d+, bias -?\d\.\d\d, weight to output \d \(class \d\): -?\d\.\d\d$/);
  assert.match(await page.textContent('[data-panel="b"] .net-more'), /\+184 more/);
  // Korean: the same diagram, its names in Korean.
  await page.selectOption('#ctl-lang', 'ko');
  await until(() => page.getAttribute('[data-panel="b"] [data-neuron="0:0"]', 'aria-label'), (l) => /입력/.test(l ?? ''));
  assert.match(await page.getAttribute('[data-panel="b"] [data-network]', 'aria-label'), /네트워크/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('neuron maps change while training, and the hidden-space view renders and changes', { timeout: 90000 }, async () => {
  const { page, errors } = await open();
  const hidden = '[data-panel="b"] .net-units [data-neuron^="1:"] canvas';
  await until(() => epochOf(page, 'b'), (e) => e >= 5);
  const first = await canvasHash(page, hidden);
  const output = await canvasHash(page, '[data-panel="a"] [data-neuron="1:0"] canvas');
  await until(() => epochOf(page, 'b'), (e) => e >= 200);
  assert.notEqual(await until(() => canvasHash(page, hidden), (h) => h !== first), first, 'a hidden unit\'s map');
  assert.notEqual(await canvasHash(page, '[data-panel="a"] [data-neuron="1:0"] canvas'), output, 'the linear model\'s output map');

  await page.click('[data-panel="b"] .inside-tab[data-tab="hidden"]');
  const view = page.locator('[data-panel="b"] [data-view="hidden-space"]');
  assert.equal(await view.count(), 1);
  const hs = '[data-panel="b"] [data-view="hidden-space"] canvas';
  const before = await until(() => page.textContent('[data-panel="b"] .hs-caption'), (c) => /principal/.test(c));
  assert.match(before, /hidden layer 1 \(200\)/);
  const a = await until(() => canvasHash(page, hs), (h) => h !== null);
  const b = await until(() => canvasHash(page, hs), (h) => h !== a);
  assert.notEqual(a, b, 'the hidden space animates');
  // On two chosen units instead of the principal directions.
  await page.selectOption('[data-panel="b"] .hs-axes', 'units');
  await page.fill('[data-panel="b"] .hs-unit >> nth=1', '5');
  await page.press('[data-panel="b"] .hs-unit >> nth=1', 'Enter');
  assert.match(await until(() => page.textContent('[data-panel="b"] .hs-caption'), (c) => /units 0 and 5/.test(c)), /units 0 and 5/);
  // The linear model has no hidden space.
  assert.equal(await page.isVisible('[data-panel="a"] .inside-tab[data-tab="hidden"]'), false);
  assert.deepEqual(errors, []);
  await page.close();
});

test('hovering a neuron shows its weights and lights up the plot; editing an edge changes the predictions', { timeout: 90000 }, async () => {
  const { page, errors } = await open('#autoplay=false');
  await page.waitForSelector('[data-panel="a"] [data-neuron="1:0"]');
  await page.hover('[data-panel="a"] [data-neuron="1:0"]');
  const detail = '[data-panel="a"] .net-detail';
  assert.match(await page.textContent(`${detail} .net-title`), /output 0/);
  const weights = await page.$$eval(`${detail} .net-weights .net-w`, (els) => els.map((e) => e.textContent));
  assert.equal(weights.length, 2);
  assert.match(weights[0], /^x1: −?\d\.\d{3}$/);
  assert.ok(await page.$eval('[data-panel="a"] .plot', (e) => e.classList.contains('highlighted')));

  // Hover an edge: its weight.
  const edge = page.locator('[data-panel="a"] .edge-hit').first();
  const edgeKey = await edge.getAttribute('data-edge');
  assert.equal(edgeKey, '0:0>1:0');
  await edge.hover({ force: true });
  assert.match(await page.textContent(`${detail} .net-edge`), /input x1 → output 0 \(class 0\): weight −?\d\.\d{4}/);

  // Probabilities at a point before and after setting x1 -> output 0 to 5.
  const probe = () => page.evaluate(async () => {
    const el = document.querySelector('[data-panel="a"] .readout');
    return el.textContent;
  });
  const plot = await page.locator('[data-panel="a"] .plot').boundingBox();
  await page.mouse.move(plot.x + plot.width * 0.8, plot.y + plot.height * 0.5);
  const before = await until(probe, (t) => /%/.test(t));
  await edge.click({ force: true });
  const input = page.locator(`${detail} input[data-edit="0:0>1:0"]`);
  await input.fill('5');
  await input.press('Enter');
  await until(() => page.locator(`${detail} .net-edit`).isHidden(), (h) => h);
  await until(() => page.textContent(`${detail} .net-edge`), () => true);
  await page.hover('[data-panel="a"] [data-neuron="1:0"]');
  assert.match(await until(() => page.textContent(`${detail} .net-weights`), (t) => /x1: 5\.000/.test(t)), /x1: 5\.000/);
  await page.mouse.move(plot.x + plot.width * 0.8 + 1, plot.y + plot.height * 0.5);
  const after = await until(probe, (t) => /%/.test(t) && t !== before);
  assert.notEqual(after, before);
  assert.deepEqual(errors, []);
  await page.close();
});

test('"+184 more" opens every unit, and the arrow keys move between neurons', { timeout: 60000 }, async () => {
  const { page, errors } = await open('#autoplay=false');
  await page.waitForSelector('[data-panel="b"] .net-more');
  await page.click('[data-panel="b"] .net-more');
  // One sheet of 200 maps, 10 a row: 20 rows of 24 x 24 cells with a one-pixel gap, each map painted.
  const sheet = '[data-panel="b"] .net-all-sheet';
  assert.equal(await until(() => page.getAttribute(sheet, 'data-units'), (n) => n === '200'), '200');
  const painted = await page.$eval(sheet, (canvas) => {
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const units = [];
    for (let u = 0; u < 200; u++) {
      const [x0, y0] = [(u % 10) * 25, Math.floor(u / 10) * 25];
      let coloured = 0;
      for (let r = 0; r < 24; r++) for (let c = 0; c < 24; c++) {
        const p = 4 * ((y0 + r) * canvas.width + x0 + c);
        if (data[p] < 250 || data[p + 1] < 250 || data[p + 2] < 250) coloured += 1;
      }
      units.push(coloured);
    }
    return { size: [canvas.width, canvas.height], painted: units.filter((n) => n > 0).length };
  });
  assert.deepEqual(painted.size, [249, 499]);
  assert.ok(painted.painted > 150, `${painted.painted} of 200 maps have colour`);
  assert.match(await page.getAttribute(sheet, 'aria-label'), /All 200 units of hidden layer 1/);
  await page.click('[data-panel="b"] .net-all-close');
  assert.equal(await page.isVisible('[data-panel="b"] .net-all'), false);

  await page.focus('[data-panel="b"] [data-neuron="0:0"]');
  const focused = () => page.evaluate(() => document.activeElement?.dataset?.neuron ?? null);
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), '0:1');
  await page.keyboard.press('ArrowDown');
  assert.match(await focused(), /^1:\d+$/);
  await page.keyboard.press('ArrowDown');
  assert.match(await focused(), /^2:[0-2]$/);
  await page.keyboard.press('Home');
  assert.equal(await focused(), '2:0');
  assert.equal(await page.getAttribute('[data-panel="b"] [data-neuron="2:0"]', 'tabindex'), '0');
  assert.match(await page.textContent('[data-panel="b"] .net-detail .net-title'), /output 0/);
  // Enter edits the focused neuron's bias.
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.edit), 'bias 2:0');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('0.5');
  await page.keyboard.press('Enter');
  assert.match(await until(() => page.textContent('[data-panel="b"] .net-detail .net-bias'), (t) => /0\.500/.test(t)), /bias 0\.500/);
  assert.equal(await focused(), '2:0', 'the focus is back on the neuron');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the sigmoid lesson shows its one neuron, editable, and the radial lesson both diagrams', { timeout: 90000 }, async () => {
  const { page, errors } = await open('#lesson=sigmoid');
  await page.waitForSelector('.view-sigmoid [data-network] [data-neuron="1:0"]');
  assert.deepEqual(await page.$$eval('.view-sigmoid [data-neuron]', (els) => els.map((e) => e.dataset.neuron)), ['0:0', '1:0']);
  await until(() => page.getAttribute('.view-sigmoid [data-neuron="1:0"]', 'aria-label'), (l) => /^output \(probability of class 1\), bias/.test(l ?? ''));
  const map = '.view-sigmoid [data-neuron="1:0"] canvas';
  const a = await until(() => canvasHash(page, map), (h) => h !== null);
  assert.notEqual(await until(() => canvasHash(page, map), (h) => h !== a), a, 'the output map follows training');
  await page.click('.lesson-play');  // pause
  await page.click('.view-sigmoid .edge-hit', { force: true });
  const input = page.locator('.view-sigmoid input[data-edit="0:0>1:0"]');
  await input.fill('-1');
  await input.press('Enter');
  await until(() => page.getAttribute('[data-field="w-now"]', 'data-value'), (v) => v === '-1');
  assert.equal(await page.getAttribute('[data-field="w-now"]', 'data-value'), '-1');
  assert.deepEqual(errors, []);
  await page.close();

  const radial = await open('#lesson=radial');
  for (const panel of ['a', 'b']) assert.equal(await radial.page.locator(`[data-panel="${panel}"] [data-network]`).count(), 1);
  assert.ok(await radial.page.isVisible('[data-panel="b"] [data-neuron="2:0"]'));
  assert.deepEqual(radial.errors, []);
  await radial.page.close();
});

test('setOverlay draws other values on the diagram (the step inspector\'s hook) and null restores the weights', { timeout: 30000 }, async () => {
  const { page, errors } = await open('#autoplay=false');
  const result = await page.evaluate(async () => {
    const { NetworkDiagram } = await import('./views/network-diagram.js');
    const { translator } = await import('./page/strings.js');
    const host = document.createElement('div');
    host.style.width = '300px';
    document.body.append(host);
    const diagram = new NetworkDiagram(host, { t: translator('en'), onEdit: async () => null, onAll: () => {} });
    const f = (a) => Float32Array.from(a);
    // A 2 -> 2 -> 1 network, maps of 2 x 2 cells.
    diagram.update({ sizes: [2, 2, 1], inputs: ['x1', 'x2'], task: 'classification', map: { width: 2, height: 2, bounds: [-1, 1, -1, 1] },
      shown: [Int32Array.from([0, 1]), Int32Array.from([0, 1]), Int32Array.from([0])],
      maps: [f([0, 1, 0, 1, 1, 1, 0, 0]), f([0, 1, 2, 3, 3, 2, 1, 0]), f([0.1, 0.5, 0.9, 0.2])],
      weights: [null, f([1, -1, 0.5, 0.25]), f([2, -3])], biases: [null, f([0.1, -0.2]), f([0.3])], all: null });
    const edge = (key) => host.querySelector(`[data-edge="${key}"]`).previousElementSibling;
    const before = [edge('1:0>2:0').getAttribute('stroke'), edge('1:0>2:0').getAttribute('stroke-width')];
    diagram.setOverlay({ neurons: { '1:1': { value: 0.4242 } }, edges: { '1:0>2:0': { value: -5 }, '1:1>2:0': { value: 1 } } });
    const during = [edge('1:0>2:0').getAttribute('stroke'), edge('1:0>2:0').getAttribute('stroke-width'),
      host.querySelector('[data-neuron="1:1"] .overlay')?.textContent];
    diagram.setOverlay(null);
    const after = [edge('1:0>2:0').getAttribute('stroke'), edge('1:0>2:0').getAttribute('stroke-width'),
      host.querySelector('[data-neuron="1:1"] .overlay')];
    const label = host.querySelector('[data-neuron="1:0"]').getAttribute('aria-label');
    diagram.destroy();
    return { before, during, after, label };
  });
  // Weight 2 (of max |3|) is purple (positive); the overlay's -5 (the largest) is orange and the widest.
  assert.match(result.before[0], /^rgba\(1\d\d, \d+, 1\d\d, 1\)$/);
  assert.notEqual(result.during[0], result.before[0]);
  assert.match(result.during[0], /^rgba\(179, 88, 6, 1\)$/);
  assert.equal(result.during[1], '4.0');
  assert.equal(result.during[2], '0.42');
  assert.deepEqual(result.after, [...result.before, null]);
  assert.equal(result.label, 'hidden layer 1, unit 0, bias 0.10, weight to output (probability of class 1): 2.00');
  assert.deepEqual(errors, []);
  await page.close();
});

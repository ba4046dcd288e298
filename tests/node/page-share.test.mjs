// Sharing and embedding in Debian's Chromium (issue 6): a shared link reproduces a run, a hostile
// hash does nothing, the example course page (docs/examples/course.html: two <nn-playground>
// elements and an embed.html iframe under a strict CSP) works and its postMessage API answers,
// the single-file offline page trains from file://, and the Korean UI shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { browserSession, collectErrors, until } from './browser.mjs';
import { root } from './helpers.mjs';

const shots = path.join(root, 'screenshots');
const session = browserSession(root);  // the repository: dist/ and docs/examples/

/** A new page that records errors (CSP violations are console errors), dialogs and requests. */
async function newPage(options = {}) {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const log = { errors: [], dialogs: [], requests: [] };
  collectErrors(page, log.errors);
  page.on('dialog', (d) => { log.dialogs.push(d.message()); d.dismiss(); });
  page.on('request', (r) => log.requests.push(r.url()));
  return { page, log, close: () => context.close() };
}


const FIELDS = ['epoch', 'updates', 'train-accuracy', 'train-loss', 'val-accuracy', 'val-loss', 'test-accuracy', 'test-loss'];

/** Every number a panel shows, under `scope` (a page or a frame; `host` an element's selector). */
async function numbersOf(scope, host = '') {
  const out = {};
  for (const panel of ['a', 'b']) for (const f of FIELDS) out[`${panel}.${f}`] = await scope.textContent(`${host} [data-panel="${panel}"] [data-field="${f}"]`);
  return out;
}

const epochOf = async (scope, host = '', panel = 'b') => Number(await scope.textContent(`${host} [data-panel="${panel}"] [data-field="epoch"]`));

test('a shared link reproduces the run: the same numbers at the same epoch', { timeout: 90000 }, async () => {
  const link = '#data=xor&noise=0.1&seed=7&optimizer=adam&lr=0.01&b.hidden=8,8&b.activation=tanh&limit=60&speed=5';
  const first = await newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
  await first.page.goto(`${session.server.url}/dist/index.html${link}`);
  assert.equal(await until(() => first.page.textContent('#status'), (s) => s === 'epoch limit reached'), 'epoch limit reached');
  const shown = await numbersOf(first.page);
  assert.equal(shown['b.epoch'], '60');
  assert.match(shown['b.val-loss'], /^\d\.\d{3}$/);
  await first.page.click('#ctl-copyLink');
  await until(() => first.page.textContent('#notice'), (s) => /Link copied|Copy this link/.test(s), 5000);
  const copied = await first.page.evaluate(() => navigator.clipboard.readText().catch(() => null));
  const shared = copied ?? first.page.url();
  assert.equal(shared, first.page.url());
  assert.match(shared, /seed=7/);
  assert.match(shared, /lang=en/);
  assert.deepEqual(first.log.errors, []);
  await first.close();

  const second = await newPage();
  await second.page.goto(shared);
  assert.equal(await until(() => second.page.textContent('#status'), (s) => s === 'epoch limit reached'), 'epoch limit reached');
  assert.deepEqual(await numbersOf(second.page), shown, 'the same link gave other numbers');
  assert.deepEqual(second.log.errors, []);
  await second.close();
});

test('a hostile hash is neutralised: nothing runs, defaults with a notice, the page trains', { timeout: 60000 }, async () => {
  const { page, log, close } = await newPage();
  const hostileCsv = Buffer.from('x1,x2,label\n1,2,0\n3,4,<img src=x onerror="window.__pwned=5">\n').toString('base64url');
  const hash = ['data=<img src=x onerror="window.__pwned=1">', 'b.hidden=<script>window.__pwned=2</script>',
    '<svg onload="window.__pwned=3">=1', 'lesson=javascript:window.__pwned=4', 'lang="><script>alert(1)</script>',
    'panels=<b onmouseover=alert(1)>'].map(encodeURIComponent).join('&').replace(/%3D/g, '=');
  await page.goto(`${session.server.url}/dist/index.html#${hash}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  const notices = await page.textContent('#notice');
  assert.match(notices, /not valid.*data.*b\.hidden.*lesson.*lang.*panels/);
  assert.match(notices, /could not be read/);
  assert.ok(await until(() => epochOf(page), (e) => e >= 3) >= 3, 'the default experiment trains');
  assert.equal(await page.inputValue('#ctl-data'), 'radial');

  // A CSV in the link whose label is a script payload: the engine refuses it, naming the cell.
  await page.goto(`${session.server.url}/dist/index.html#data=csv&csv=${hostileCsv}`);
  await page.waitForSelector('#banner:not([hidden])', { timeout: 20000 });
  assert.match(await page.textContent('#banner-text'), /CSV row 3, column 3: expected a number, got "<img src=x onerror="window.__pwned=5">"/);

  // (The network diagrams draw their edges in an SVG of their own: those are not counted.)
  const after = await page.evaluate(() => ({ pwned: window.__pwned,
    images: [...document.querySelectorAll('img, svg, iframe, object')].filter((e) => !e.matches('[data-network] .net-body > svg.net-edges')).length,
    scripts: [...document.scripts].map((s) => s.src.split('/').pop()) }));
  assert.deepEqual(after, { pwned: undefined, images: 0, scripts: ['main.js'] });
  assert.deepEqual(log.dialogs, []);
  assert.deepEqual(log.errors, []);
  await close();
});

test('the course page: two <nn-playground> elements, each with its own worker, under a strict CSP', { timeout: 90000 }, async () => {
  const { page, log, close } = await newPage();
  await page.goto(`${session.server.url}/docs/examples/course.html`);
  const xor = 'nn-playground#xor';
  const spiral = 'nn-playground#spiral';
  await page.waitForSelector(`${xor}[data-ready="true"]`, { timeout: 20000 });
  await page.waitForSelector(`${spiral}[data-ready="true"]`, { timeout: 20000 });
  assert.ok(await until(() => epochOf(page, xor), (e) => e >= 10) >= 10, 'the first element trains by itself');
  assert.equal(await epochOf(page, spiral), 0, 'autoplay="false" waits');
  assert.equal(await page.textContent(`${xor} [data-panel="b"] [data-field="arch"]`), '2 → 8 tanh → 2');
  assert.equal(await page.textContent(`${spiral} [data-panel="b"] [data-field="arch"]`), '2 → 16 ReLU → 16 ReLU → 2');
  assert.equal(await page.isVisible(`${spiral} [data-panel="a"]`), false, 'panels="b chart metrics" hides the left model');
  assert.equal(await page.isVisible(`${xor} #ctl-optimizer`), false, 'controls="toolbar" hides the settings');
  assert.equal(await page.isVisible(`${xor} .lessons-menu`), false, 'and the lessons menu');
  assert.equal(await page.isVisible(`${spiral} #ctl-optimizer`), true);
  assert.equal(await page.textContent(`${spiral} #play .label`), '재생', 'language="ko"');

  await page.click(`${spiral} #play`);
  assert.ok(await until(() => epochOf(page, spiral), (e) => e >= 5) >= 5, 'the second element trains after play');
  await page.click(`${xor} #play`);  // pause the first: the second goes on
  await until(() => page.textContent(`${xor} #status`), (s) => s === 'paused');
  await page.waitForTimeout(400);  // the tick under way when the pause came ends
  const paused = await epochOf(page, xor);
  const spiralEpoch = await epochOf(page, spiral);
  assert.ok(await until(() => epochOf(page, spiral), (e) => e >= spiralEpoch + 5) >= spiralEpoch + 5);
  assert.equal(await epochOf(page, xor), paused, 'the paused element trained on');

  const ids = await page.evaluate(() => [...document.querySelectorAll('nn-playground')].map((el) => el.shadowRoot.querySelectorAll('[id]').length));
  assert.ok(ids.every((n) => n > 10), 'each element keeps its ids in its own shadow root');
  assert.equal(await page.evaluate(() => document.querySelectorAll('#play').length), 1, 'only the course page\'s own #play is in the document');
  assert.ok(page.workers().length >= 2, `${page.workers().length} workers`);
  await page.screenshot({ path: path.join(shots, 'course-page.png'), fullPage: true });
  assert.deepEqual(log.errors, []);
  await close();
});

test('the embed iframe under the strict CSP answers the postMessage API', { timeout: 90000 }, async () => {
  const { page, log, close } = await newPage();
  await page.goto(`${session.server.url}/docs/examples/course.html`);
  await page.waitForSelector('body[data-embed-ready="true"]', { timeout: 20000 });
  const frame = page.frames().find((f) => f.url().includes('/dist/embed.html'));
  assert.equal(await frame.isVisible('#play'), false, 'controls=none hides the toolbar');
  assert.equal(await frame.isVisible('.lessons-menu'), false, 'and the lessons menu');
  assert.equal(await frame.isVisible('[data-panel="a"]'), false, 'panels=b,metrics,chart');
  const ask = (type, fields) => page.evaluate(([t, f]) => window.nnplayAsk(t, f), [type, fields]);

  const set = await ask('setSpec', { spec: { seed: 3, data: { name: 'circle', noise: 0.1 }, model: { hidden: [8, 8], activation: 'tanh' },
    optimizer: { name: 'adam', lr: 0.01 }, standardize: true } });
  assert.equal(set.ok, true);
  assert.deepEqual(set.ignored, ['standardize']);
  const stepped = await ask('step', { epochs: 10 });
  assert.equal(stepped.ok, true, stepped.error);
  assert.equal(stepped.metrics.b.epoch, 10);
  assert.equal(stepped.metrics.a.epoch, 10);
  assert.ok(stepped.metrics.b.val.accuracy > 0 && stepped.metrics.b.train.loss > 0, JSON.stringify(stepped.metrics.b));
  const read = await ask('getMetrics');
  assert.deepEqual(read.metrics, stepped.metrics);
  assert.equal(await epochOf(frame), 10, 'the iframe shows the 10 epochs');
  const state = await ask('getState');
  assert.match(state.hash, /data=circle/);
  assert.deepEqual(state.specs.b.model, { hidden: [8, 8], activation: 'tanh' });
  assert.match(frame.url(), /data=circle/, 'the iframe\'s own hash follows');

  assert.equal((await ask('play')).ok, true);
  assert.ok(await until(() => epochOf(frame), (e) => e >= 20) >= 20, 'play trains');
  assert.equal((await ask('pause')).ok, true);
  await until(() => frame.textContent('#status'), (s) => s === 'paused');
  await page.waitForTimeout(400);  // the tick under way when the pause came ends
  const pausedAt = (await ask('getMetrics')).metrics.b.epoch;
  await page.waitForTimeout(500);
  assert.equal((await ask('getMetrics')).metrics.b.epoch, pausedAt, 'pause holds');

  const bad = await ask('step', { epochs: 'x' });
  assert.deepEqual([bad.ok, bad.error], [false, 'epochs: expected an integer 1 .. 100000']);
  assert.equal((await ask('eval', { code: 'window.__pwned = 1' })).ok, false);
  assert.equal(await frame.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(log.errors, []);
  await close();
});

test('the single-file offline page trains from file:// with no network', { timeout: 60000 }, async () => {
  const { page, log, close } = await newPage();
  const url = pathToFileURL(path.join(root, 'dist', 'nnplay-offline.html')).href;
  await page.goto(`${url}#data=spiral&noise=0.1&b.hidden=16,16&optimizer=adam&lr=0.01`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  assert.ok(await until(() => epochOf(page), (e) => e >= 20) >= 20, 'it trains');
  assert.match(await page.textContent('[data-panel="b"] [data-field="val-accuracy"]'), /^\d+\.\d%$/);
  const outside = log.requests.filter((r) => !r.startsWith(url) && !r.startsWith('data:') && !r.startsWith('blob:'));
  assert.deepEqual(outside, [], 'requests beyond the file itself');
  assert.deepEqual(log.errors, []);
  await close();
});

test('the Korean UI shows from the browser\'s language, and the language can be switched', { timeout: 60000 }, async () => {
  const { page, log, close } = await newPage({ locale: 'ko-KR' });
  await page.goto(`${session.server.url}/dist/index.html`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  assert.equal(await page.textContent('#play .label'), '일시정지');
  assert.equal(await page.textContent('[data-panel="a"] [data-field="title"]'), '선형 모델');
  assert.equal(await page.textContent('label[for="ctl-lr"]'), '학습률');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');
  assert.match(await page.title(), /선형 모델과 MLP/);
  assert.match(page.url(), /lang=ko/);
  await page.screenshot({ path: path.join(shots, 'page-ko.png') });

  await page.selectOption('#ctl-lang', 'en');
  assert.equal(await until(() => page.textContent('#play .label'), (s) => s === 'Pause'), 'Pause');
  assert.equal(await page.textContent('label[for="ctl-lr"]'), 'Learning rate');
  assert.equal(await page.textContent('#ctl-optimizer option[value="momentum"]'), 'Momentum');
  assert.match(page.url(), /lang=en/);
  assert.ok(await until(() => epochOf(page), (e) => e >= 3) >= 3, 'switching the language does not stop training');
  assert.deepEqual(log.errors, []);
  await close();
});

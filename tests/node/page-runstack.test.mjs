// One run stack on the page (issue 12), in Debian's Chromium: the playground and every lesson run
// on one engine worker for the page's whole life, so moving between them starts no worker and
// fetches nothing after load; and a hover over data the plot cannot show (three features) is
// never taken for a settings error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSession, collectErrors, until } from './browser.mjs';

const session = browserSession(process.env.NNPLAY_SITE);  // NNPLAY_SITE: another build of the page to check (default dist/)

/** Opens the page at a hash; counts the workers it starts and the requests it makes from now on. */
async function open(hash = '') {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  const seen = { workers: 0, requests: [] };
  page.on('worker', () => { seen.workers += 1; });
  context.on('request', (request) => seen.requests.push(request.url()));
  await page.goto(`${session.server.url}/index.html${hash}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  return { page, context, errors, seen };
}

const epochOf = (page, panel) => page.textContent(`[data-panel="${panel}"] [data-field="epoch"]`).then(Number);

test('playground -> lessons -> playground: one worker for the page, no request after load', { timeout: 90000 }, async () => {
  const { page, context, errors, seen } = await open();
  await until(() => epochOf(page, 'b'), (e) => e >= 2);
  assert.equal(seen.workers, 1, 'the playground\'s worker');
  const loaded = seen.requests.length;
  for (const id of ['sigmoid', 'softmax', 'optimizers']) {
    await page.click(`.lessons-menu [data-lesson="${id}"]`);
    await page.waitForSelector(`.lesson[data-lesson="${id}"]:not([hidden])`);
    // The lesson trains on the page's worker.
    await page.waitForFunction(() => Number(document.querySelector('.lesson').dataset.epoch) >= 2, null, { timeout: 30000 });
  }
  await page.click('.lessons-menu [data-lesson=""]');
  await page.waitForSelector('.lesson[hidden]', { state: 'attached' });
  const before = await epochOf(page, 'b');
  await until(() => epochOf(page, 'b'), (e) => e > before);
  assert.ok(await epochOf(page, 'b') > before, 'the playground trains again');
  assert.equal(seen.workers, 1, 'no second worker');
  assert.equal(page.workers().length, 1, 'one worker alive');
  // The browser fetches the tab's icon again for each history entry a lesson link adds: not the page's doing.
  assert.deepEqual(seen.requests.slice(loaded).filter((url) => !url.endsWith('/favicon.svg')), [], 'no request after load');
  assert.deepEqual(errors, []);
  await context.close();
});

test('with the network gone after load, a restarted worker trains on, and the lessons need nothing either', { timeout: 90000 }, async () => {
  const { page, context, errors, seen } = await open('#data=xor&b.hidden=8&limit=100000');
  await until(() => epochOf(page, 'b'), (e) => e >= 20);
  const refused = [];
  await context.route('**/*', (route) => {
    refused.push(route.request().url());
    return route.abort();
  });
  const [worker] = page.workers();
  await worker.evaluate(() => setTimeout(() => { throw new Error('nnplay test: a crash in the engine worker'); }));
  const workers = await until(() => page.workers(), (ws) => ws.length === 1 && ws[0] !== worker, 20000);
  assert.notEqual(workers[0], worker, 'a new worker runs');
  assert.match(await until(() => page.textContent('#notice'), (s) => /engine failed/.test(s), 10000), /restarted/);
  // Started over at epoch 0 and training again: the new worker has its script and the engine from memory.
  await until(() => epochOf(page, 'b'), (e) => e < 20, 20000);
  assert.ok(await until(() => epochOf(page, 'b'), (e) => e >= 20, 30000) >= 20, 'the restarted worker trains');
  assert.equal(await page.isVisible('#banner'), false);
  const started = seen.workers;
  await page.click('.lessons-menu [data-lesson="softmax"]');
  await page.waitForFunction(() => Number(document.querySelector('.lesson').dataset.epoch) >= 2, null, { timeout: 30000 });
  await page.click('.lessons-menu [data-lesson=""]');
  await page.waitForSelector('.lesson[hidden]', { state: 'attached' });
  const before = await epochOf(page, 'b');
  assert.ok(await until(() => epochOf(page, 'b'), (e) => e > before) > before, 'the playground trains again');
  assert.equal(seen.workers, started, 'the lesson started no worker');
  assert.deepEqual(refused.filter((url) => !url.endsWith('/favicon.svg')), [], 'nothing asked of the network');
  // The console's "Failed to load resource" lines name no URL: as many as the refused tab icons.
  const failedLoads = errors.filter((e) => e === 'Failed to load resource: net::ERR_FAILED');
  assert.equal(failedLoads.length, refused.length);
  assert.deepEqual(errors.filter((e) => !failedLoads.includes(e)), []);
  await context.close();
});

test('a CSV of three features keeps training while its blank plot is hovered and probed with the keys', { timeout: 60000 }, async () => {
  const rows = ['a,b,c,label'];
  for (let i = 0; i < 60; i++) rows.push(`${Math.sin(i).toFixed(4)},${Math.cos(i).toFixed(4)},${((i % 7) / 7).toFixed(4)},${i % 3}`);
  const csv = Buffer.from(`${rows.join('\n')}\n`).toString('base64url');
  const { page, context, errors } = await open(`#data=csv&csv=${csv}`);
  await page.waitForSelector('[data-panel="b"] .no-plane:not([hidden])');
  await until(() => epochOf(page, 'b'), (e) => e >= 2);
  const plot = page.locator('[data-panel="b"] .plot');
  const box = await plot.boundingBox();
  for (let i = 0; i <= 10; i++) await page.mouse.move(box.x + box.width * (i / 10), box.y + box.height / 2);
  await plot.focus();
  for (const key of ['ArrowLeft', 'ArrowUp', 'ArrowRight', 'ArrowDown']) await page.keyboard.press(key);
  const hovered = await epochOf(page, 'b');
  await until(() => epochOf(page, 'b'), (e) => e >= hovered + 5);
  assert.ok(await epochOf(page, 'b') >= hovered + 5, 'it trains on after the hover');
  assert.equal(await page.getAttribute('#status', 'data-status'), 'training');
  assert.equal(await page.isHidden('#banner'), true, `no error banner: ${await page.textContent('#banner-text')}`);
  assert.deepEqual(errors, []);
  await context.close();
});

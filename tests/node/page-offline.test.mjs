// Offline and installable (issue 16), in Debian's Chromium: after one visit the service worker
// (web/sw.js, filled in by scripts/build-web.mjs) holds the whole build, so with the network cut
// the page reloads, trains and opens a lesson, and embed.html opens too; the manifest names the
// icons and Chromium finds the page installable; a new deploy is a new cache that replaces the old one and is offered as a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sirv from 'sirv';
import { launchBrowser, collectErrors, until } from './browser.mjs';
import { root } from './helpers.mjs';

const dist = path.join(root, 'dist');
const builtWorker = readFileSync(path.join(dist, 'sw.js'), 'utf8');
const BUILD = JSON.parse(builtWorker.match(/^const BUILD = (.*);$/m)[1]);

/** dist/ over http, with a switch that serves sw.js as a later deploy's (another version). */
async function startServer() {
  const serve = sirv(dist, { dev: true });
  const state = { deploy: 1 };
  const server = http.createServer((req, res) => {
    if (req.url.startsWith('/sw.js') && state.deploy > 1) {
      res.setHeader('Content-Type', 'text/javascript');
      return res.end(builtWorker.replace(`"version":"${BUILD.version}"`, `"version":"deploy${state.deploy}"`));
    }
    return serve(req, res, () => { res.statusCode = 404; res.end('not found'); });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, state, close: () => new Promise((r) => server.close(r)) };
}

const epochOf = (page, panel) => page.textContent(`[data-panel="${panel}"] [data-field="epoch"]`).then(Number);
const controlled = (page) => page.evaluate(() => navigator.serviceWorker.controller !== null);

test('the build lists every file the pages need, under a content hash', () => {
  assert.match(BUILD.version, /^[0-9a-f]{16}$/);
  for (const file of ['index.html', 'embed.html', 'main.js', 'embed.js', 'style.css', 'manifest.webmanifest', 'favicon.svg',
    'icons/icon-192.png', 'vendor/uPlot.esm.js', 'worker/engine-worker.js', 'engine/nnplay_engine.wasm', 'lessons/catalog.js', 'views/softmax.js'])
    assert.ok(BUILD.files.includes(file), file);
  assert.ok(!BUILD.files.includes('sw.js') && !BUILD.files.includes('nnplay-offline.html') && !BUILD.files.includes('.web-files.json'));
  const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.display, 'standalone');
  for (const icon of manifest.icons) assert.ok(BUILD.files.includes(icon.src), icon.src);
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512' && i.type === 'image/png'));
});

test('after one visit: offline, the page reloads, trains and opens a lesson, and embed.html opens', { timeout: 120000 }, async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ serviceWorkers: 'allow', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}/index.html#data=xor&b.hidden=8`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
    assert.equal(await until(() => controlled(page), (c) => c), true, 'the service worker controls the page');
    // Installable as Chromium judges it (Playwright's contexts are incognito, which Chromium names and we leave out).
    const cdp = await context.newCDPSession(page);
    assert.deepEqual((await cdp.send('Page.getAppManifest')).errors, []);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'), []);
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      const cache = await caches.open(names[0]);
      return { names, keys: (await cache.keys()).map((r) => new URL(r.url).pathname.slice(1)).sort() };
    });
    assert.deepEqual(cached.names, [`nnplay-${BUILD.version}`]);
    assert.deepEqual(cached.keys, [...BUILD.files].sort());

    await context.setOffline(true);
    const failed = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
    assert.ok(await until(() => epochOf(page, 'b'), (e) => e >= 5, 30000) >= 5, 'trains offline');
    assert.equal(await page.inputValue('#ctl-data'), 'xor', 'the link\'s state');
    await page.click('.lessons-menu [data-lesson="softmax"]');
    await page.waitForSelector('.lesson[data-lesson="softmax"]:not([hidden])');
    await page.waitForFunction(() => Number(document.querySelector('.lesson').dataset.epoch) >= 2, null, { timeout: 30000 });
    const embed = await context.newPage();
    collectErrors(embed, errors);
    await embed.goto(`${server.url}/embed.html#data=circle&panels=b`);
    await embed.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
    assert.deepEqual(failed.filter((url) => !url.endsWith('/favicon.svg')), []);
    assert.deepEqual(errors, []);
    // The network is really gone: what the cache does not hold cannot be had.
    assert.equal(await page.evaluate(() => fetch('nnplay-offline.html').then(() => 'fetched', () => 'failed')), 'failed');
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});

test('a new deploy is a new cache: the old one is deleted and the page offers a reload', { timeout: 90000 }, async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}/index.html`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
    await until(() => controlled(page), (c) => c);
    await page.reload();  // a page loaded under the worker: a later takeover is an update
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
    server.state.deploy = 2;
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const names = await until(() => page.evaluate(() => caches.keys()), (n) => n.length === 1 && n[0] === 'nnplay-deploy2', 30000);
    assert.deepEqual(names, ['nnplay-deploy2'], 'only the new deploy\'s cache is left');
    assert.match(await until(() => page.textContent('#notice'), (s) => /new version/.test(s), 10000), /reload/);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});

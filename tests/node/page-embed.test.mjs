// embed.html's allow-list of parent origins (issue 11), in Debian's Chromium with two origins of
// the test server: http://127.0.0.1:PORT and http://localhost:PORT. The site's embed.html lists
// 127.0.0.1's origin (served here with the meta tag a site would add); a parent page on that
// origin drives the iframe, one on localhost is ignored: no answer, and its pause does nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { browserSession, collectErrors, until } from './browser.mjs';
import { root } from './helpers.mjs';

const session = browserSession();

/** A parent page at `parentOrigin` framing embed.html from localhost, whose allow-list is `allowed`. */
async function framed(parentOrigin, allowed) {
  const port = new URL(session.server.url).port;
  const embedOrigin = `http://localhost:${port}`;
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  const embed = await readFile(path.join(root, 'dist', 'embed.html'), 'utf8');
  const meta = `<meta name="nnplay-parent-origins" content="${allowed}">`;
  await context.route(`${embedOrigin}/embed.html`, (route) => route.fulfill({ contentType: 'text/html', body: embed.replace('<title>', `${meta}\n<title>`) }));
  await context.route(`${parentOrigin}/parent.html`, (route) => route.fulfill({ contentType: 'text/html',
    body: `<!doctype html><title>parent</title><iframe src="${embedOrigin}/embed.html#data=xor&limit=100000" width="1000" height="700"></iframe>` }));
  // The parent's side of the API, from its start: every message from the iframe, by id ('ready' has none).
  await context.addInitScript(() => {
    if (location.pathname !== '/parent.html') return;
    window.answers = {};
    window.addEventListener('message', (event) => { if (event.data?.nnplay === 1) window.answers[event.data.id ?? 'ready'] = event.data; });
  });
  await page.goto(`${parentOrigin}/parent.html`);
  const frame = await until(() => page.frames().find((f) => f.url().startsWith(`${embedOrigin}/embed.html`)), Boolean);
  await frame.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  const send = (id, type) => page.evaluate(([i, t]) => document.querySelector('iframe').contentWindow.postMessage({ nnplay: 1, id: i, type: t }, '*'), [id, type]);
  const answer = (id) => page.evaluate((i) => window.answers[i] ?? null, id);
  return { page, frame, errors, send, answer, close: () => context.close() };
}

const epochOf = (frame) => frame.textContent('[data-panel="b"] [data-field="epoch"]').then(Number);

test('with an allow-list, a listed parent origin drives embed.html and another origin is ignored', { timeout: 90000 }, async () => {
  const port = new URL(session.server.url).port;
  const listed = `http://127.0.0.1:${port}`;

  const allowed = await framed(listed, listed);
  assert.equal((await until(() => allowed.answer('ready'), Boolean)).type, 'ready', 'ready goes to the listed origin');
  await allowed.send(1, 'getState');
  assert.match((await until(() => allowed.answer(1), Boolean)).hash, /data=xor/, 'the listed origin reads the state');
  await allowed.send(2, 'pause');
  assert.equal((await until(() => allowed.answer(2), Boolean)).ok, true);
  await until(() => allowed.frame.textContent('#status'), (s) => s === 'paused');
  assert.deepEqual(allowed.errors, []);
  await allowed.close();

  // The same iframe, the same list, framed by a page of another origin (localhost).
  const other = await framed(`http://localhost:${port}`, listed);
  await other.send(1, 'getState');
  await other.send(2, 'pause');
  await other.send(3, 'nonsense');
  // Training goes on well past the time an answer takes (the listed origin's came within frames).
  const at = await epochOf(other.frame);
  await until(() => epochOf(other.frame), (e) => e >= at + 30, 30000);
  assert.equal(await other.frame.textContent('#status'), 'training', 'its pause did nothing');
  assert.deepEqual(await Promise.all([1, 2, 3, 'ready'].map(other.answer)), [null, null, null, null], 'no answer, not even ready');
  assert.deepEqual(other.errors, []);
  await other.close();
});

test('without an allow-list any parent drives embed.html, as before', { timeout: 60000 }, async () => {
  const port = new URL(session.server.url).port;
  const any = await framed(`http://localhost:${port}`, '');
  await any.send(1, 'getState');
  assert.match((await until(() => any.answer(1), Boolean)).hash, /data=xor/);
  assert.deepEqual(any.errors, []);
  await any.close();
});

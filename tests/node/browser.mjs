// Shared by the browser tests: a static server on 127.0.0.1 (sirv) and Debian's Chromium driven
// by playwright-core. No browser is downloaded: /usr/bin/chromium comes from the setup script.
import http from 'node:http';
import path from 'node:path';
import { after, before } from 'node:test';
import sirv from 'sirv';
import { chromium } from 'playwright-core';
import { root } from './helpers.mjs';

// Flags that keep headless Chromium quiet on a machine with no internet (see TOOLCHAIN.md).
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function startServer(folder = root) {
  const server = http.createServer(sirv(folder, { dev: true }));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

/**
 * Chromium. Its pages run without the page's service worker (web/sw.js) unless a test asks for it
 * with { serviceWorkers: 'allow' } (page-offline.test.mjs): once the page has loaded, the worker
 * fetches the whole build into its cache, requests that the tests of "no request after load" and
 * of a cut network would otherwise count, at a moment that depends on the machine's load.
 */
export async function launchBrowser() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  for (const name of ['newContext', 'newPage']) {
    const open = browser[name].bind(browser);
    browser[name] = (options = {}) => open({ serviceWorkers: 'block', ...options });
  }
  return browser;
}

/**
 * For a test file: the static server on `folder` (default dist/) and Chromium, started before the
 * file's tests and closed after them. Tests read `session.server` (its `url`) and `session.browser`.
 */
export function browserSession(folder = path.join(root, 'dist')) {
  const session = { server: null, browser: null };
  before(async () => {
    session.server = await startServer(folder);
    session.browser = await launchBrowser();
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

/** Polls `read()` until `ok(value)` or `ms` have passed; returns the last value read. */
export async function until(read, ok, ms = 20000) {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

/** Collects a page's uncaught errors and console errors into `errors` (returned). */
export function collectErrors(page, errors = []) {
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return errors;
}

/** A fingerprint of a panel's points layer (its pixels hashed), to tell whether the points changed. */
export function pointsFingerprint(page, panel) {
  return page.evaluate((p) => {
    const canvas = document.querySelector(`[data-panel="${p}"] canvas.points`);
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let hash = 0;
    for (let i = 0; i < data.length; i += 4) hash = (hash * 31 + data[i] + 7 * data[i + 1] + 13 * data[i + 3]) % 1000000007;
    return hash;
  }, panel);
}

/** Opens the page at a hash in a new page of `session` and waits for the playground's first frame; collects errors. */
export async function openPage(session, hash, viewport = { width: 1280, height: 900 }) {
  const page = await session.browser.newPage({ viewport });
  const errors = collectErrors(page);
  await page.goto(`${session.server.url}/index.html${hash}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  return { page, errors };
}

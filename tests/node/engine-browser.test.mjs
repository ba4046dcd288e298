// The same built engine loads in a Chromium page and in a module Web Worker there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startServer, collectErrors } from './browser.mjs';

test('the engine trains in a Chromium page and in a Web Worker', { timeout: 60000 }, async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}/tests/fixtures/engine-page.html`);
    const results = await page.evaluate(() => window.results);
    assert.deepEqual(errors, []);
    assert.equal(results.page.epoch, 20);
    assert.equal(results.worker.epoch, 20);
    assert.equal(results.page.val, results.worker.val); // same engine, same spec, same numbers
    assert.ok(results.page.val > 0.6, `validation accuracy ${results.page.val}`);
    assert.equal(results.page.gridLength, 16 * 16 * 2);
    assert.match(results.page.error, /^SpecError: spec error at loss/);
  } finally {
    await browser.close();
    await server.close();
  }
});

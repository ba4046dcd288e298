// The batch lesson's and the optimizer race's texts quote the lesson's settings as the learner has
// them (the mini-batch sizes, the learning rates), not the defaults, in English and in Korean, in
// Debian's Chromium; a race at other learning rates says its story is the defaults'.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSession, openPage } from './browser.mjs';

const session = browserSession();

/** Types `value` into the lesson option `name` and commits it. */
async function setOption(page, name, value) {
  await page.fill(`[data-option="${name}"]`, String(value));
  await page.press(`[data-option="${name}"]`, 'Enter');
}

const text = (page, part) => page.textContent(`.lesson-${part}`);
const waitText = (page, part, pattern) => page.waitForFunction(([sel, src]) => new RegExp(src).test(document.querySelector(sel)?.textContent ?? ''),
  [`.lesson-${part}`, pattern.source], { timeout: 10000 });

test('the batch lesson quotes the mini-batch sizes the learner set, in both languages', { timeout: 60000 }, async () => {
  for (const [lang, look, why, old] of [
    ['', /mini-batches of 16, 64 and 100\./, /8000 for stochastic, 500 for batches of 16\./, /of 32|250 for/],
    ['&lang=ko', /16, 64, 100개씩의 미니 배치/, /16개씩 묶으면 500번/, /32, 64, 128개씩|250번/]]) {
    const { page, errors } = await openPage(session, `#lesson=batch&speed=1${lang}`);
    await page.waitForSelector('.lesson[data-lesson="batch"]:not([hidden])');
    await setOption(page, 'small', 16);
    await setOption(page, 'large', 100);
    await waitText(page, 'look', look);
    await waitText(page, 'why', why);
    assert.doesNotMatch(await text(page, 'look'), old);
    assert.doesNotMatch(await text(page, 'why'), old);
    // The link keeps the sizes: opened from it, the texts quote them at once.
    const again = await openPage(session, await page.evaluate(() => location.hash));
    await again.page.waitForSelector('.lesson[data-lesson="batch"]:not([hidden])');
    assert.match(await text(again.page, 'look'), look);
    assert.deepEqual([...errors, ...again.errors], []);
    await page.close();
    await again.page.close();
  }
});

test('the optimizer race quotes its learning rates, and says when they are not the lesson\'s, in both languages', { timeout: 60000 }, async () => {
  for (const [lang, first, look, note] of [
    ['', /at learning rates SGD 0\.01, Momentum 0\.01, Adagrad 0\.1 and Adam 0\.05,/, /at learning rates SGD 0\.2, Momentum 0\.01, Adagrad 0\.1 and Adam 0\.003,/,
      /at the lesson’s learning rates \(SGD 0\.01, Momentum 0\.01, Adagrad 0\.1, Adam 0\.05\)/],
    ['&lang=ko', /학습률 SGD 0\.01, 모멘텀 0\.01, 아다그라드 0\.1, 아담 0\.05\)가/, /학습률 SGD 0\.2, 모멘텀 0\.01, 아다그라드 0\.1, 아담 0\.003\)가/,
      /기본 학습률\(SGD 0\.01, 모멘텀 0\.01, 아다그라드 0\.1, 아담 0\.05\)/]]) {
    const { page, errors } = await openPage(session, `#lesson=optimizers&speed=1${lang}`);
    await page.waitForSelector('.lesson[data-lesson="optimizers"]:not([hidden])');
    assert.match(await text(page, 'look'), first);
    assert.doesNotMatch(await text(page, 'why'), note, 'no note at the lesson\'s own rates');
    await setOption(page, 'sgd', 0.2);
    await setOption(page, 'adam', 0.003);
    await waitText(page, 'look', look);
    await waitText(page, 'why', note);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

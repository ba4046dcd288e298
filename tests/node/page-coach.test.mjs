// The divergence coach in Chromium (issue 16): on the plane with MSE at learning rate 0.05 the MLP
// diverges within a few epochs; the banner then says where the loss jumped and with which
// learning rate, and its one click sets lr / 10 in the state and the link, starts again at
// epoch 0 and trains on without diverging. Also in Korean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSession, openPage, until } from './browser.mjs';

const session = browserSession();

const epoch = (page, panel = 'b') => page.textContent(`[data-panel="${panel}"] [data-field="epoch"]`).then(Number);

for (const lang of ['en', 'ko']) {
  test(`the coach explains a divergence and lowers the learning rate ×10 in one click (${lang})`, { timeout: 120000 }, async () => {
    const { page, errors } = await openPage(session, `#data=plane&loss=mse&lr=0.05&limit=100000&speed=2&lang=${lang}`);
    await until(() => page.$eval('.coach', (e) => !e.hidden), Boolean, 30000);
    const line = await page.$eval('.coach-text[data-coach-panel="b"]', (e) => ({ text: e.textContent, epoch: Number(e.dataset.epoch), lr: e.dataset.lr }));
    assert.equal(line.lr, '0.05');
    assert.ok(line.epoch >= 1, JSON.stringify(line));
    if (lang === 'en') assert.match(line.text, new RegExp(`^MLP: the loss jumped ×\\S+ at epoch ${line.epoch} \\(.+ → .+\\) and training stopped at epoch \\d+, with learning rate 0\\.05\\.$`));
    else assert.match(line.text, new RegExp(`^MLP: 에포크 ${line.epoch}에서 손실이 ×\\S+로 뛰었고.*학습률 0\\.05에서`));
    assert.equal(await page.$eval('[data-panel="b"]', (e) => e.classList.contains('diverged')), true);
    const stoppedAt = await epoch(page);
    // The linear model (a) trains on at 0.05; the click starts both models again at epoch 0.
    const linearAt = await until(() => epoch(page, 'a'), (e) => e >= 200, 30000);
    await page.click('#coach-lower');
    assert.ok(await until(() => epoch(page, 'a'), (e) => e < linearAt) < linearAt, 'back to epoch 0');
    // lr / 10 in the state (the control) and in the link; epoch 0 again, then training without diverging.
    await until(() => page.$eval('#ctl-lr', (e) => e.value), (v) => v === '0.005');
    assert.match(await page.evaluate(() => location.hash), /[#&]lr=0\.005(&|$)/);
    assert.equal(await page.$eval('#banner', (e) => e.hidden), true);
    const after = await until(() => epoch(page), (e) => e >= 150, 60000);
    assert.ok(after >= 150, `trains on: epoch ${after} (stopped at ${stoppedAt} before)`);
    assert.equal(await page.$eval('[data-panel="b"]', (e) => e.classList.contains('diverged')), false);
    assert.equal(await page.$eval('.coach', (e) => e.hidden), true);
    assert.equal(await page.textContent('#status').then((s) => s.length > 0), true);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('the coach does not change a learning rate that a challenge locks', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(session, '#data=plane&loss=mse&lr=0.05&speed=2&goal=b.test.r2>=0.99&lock=lr');
  await until(() => page.$eval('.coach', (e) => !e.hidden), Boolean, 30000);
  assert.deepEqual(await page.$eval('#coach-lower', (e) => [e.disabled, e.title]), [true, 'Locked by the challenge']);
  assert.match(await page.textContent('.coach-text'), /with learning rate 0\.05\./);
  assert.deepEqual(errors, []);
  await page.close();
});

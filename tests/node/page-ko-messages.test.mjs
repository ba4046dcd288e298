// The engine's messages on the Korean page (#lang=ko), in Debian's Chromium: a diverged model's
// banner says it in Korean with the epoch; a refused control edit names the setting and its spec
// path and says the engine's reason in Korean (a range, the work cap); a CSV error names its row and
// column in Korean. The English page keeps the engine's own words (page.test.mjs, page-limits).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { browserSession, openPage, until } from './browser.mjs';

const session = browserSession();
const notice = (page, pattern) => until(() => page.textContent('#notice'), (s) => pattern.test(s));

test('a diverged model: the banner says it in Korean, with the epoch', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(session, '#lang=ko&lr=1000000000');
  await page.locator('#banner').waitFor({ state: 'visible', timeout: 15000 });
  const text = await page.textContent('#banner-text');
  assert.match(text, /에포크 \d+에서 발산했습니다\((매개변수 하나: NaN 또는 무한대|손실: (NaN|무한대))\)\. 학습률을 줄여 보세요/);
  assert.doesNotMatch(text, /diverged|became|try a smaller/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a refused control edit: the setting, its spec path and the reason, in Korean', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(session, '#lang=ko&limit=100000');
  await page.fill('#ctl-n', '1000000');
  await page.press('#ctl-n', 'Enter');
  assert.match(await notice(page, /data\.n/), /점 개수\(data\.n\) 항목: 1부터 200000까지의 정수여야 하는데 1000000입니다/);
  assert.equal(await until(() => page.inputValue('#ctl-n'), (v) => v !== '1000000'), '10000', 'the value before comes back');
  // Past the work cap: 8 layers of 200 units.
  await page.fill('#ctl-b-hidden', '8');
  await page.press('#ctl-b-hidden', 'Enter');
  const text = await notice(page, /model\.hidden/);
  assert.match(text, /\(model\.hidden\) 항목: 한 에포크에 곱셈-덧셈이 \d+번 필요해 에포크당 한도 6000000000번\(브라우저에서 약 2초\)을 넘습니다/);
  assert.doesNotMatch(text, /spec error|expected|multiply-adds/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a CSV the engine cannot read: its row and column, in Korean', { timeout: 60000 }, async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nnplay-ko-'));
  const file = path.join(dir, 'bad.csv');
  await writeFile(file, 'x1,x2,label\n1,2,0\n3,abc,1\n');
  const { page, errors } = await openPage(session, '#lang=ko');
  await page.setInputFiles('.takehome input.csv-file', file);
  const text = await until(() => page.evaluate(() => document.body.innerText), (s) => /bad\.csv/.test(s));
  assert.match(text, /bad\.csv: CSV 3행 2열: 수여야 하는데 "abc"입니다/);
  assert.deepEqual(errors, []);
  await page.close();
});

// An imported CSV on the page, in Debian's Chromium (issue 16 and issue 14's leftovers): a file
// without a split column is split 80/10/10 by the seed, so validation and test show numbers;
// Reshuffle draws another split; "Train on every row" leaves val and test empty and hides what
// they mean; a split column keeps its own; a last column of real numbers trains as regression.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { browserSession, until, openPage } from './browser.mjs';

const session = browserSession();
let dir;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'nnplay-csv-'));
});

const open = (hash = '', viewport = { width: 1280, height: 800 }) => openPage(session, hash, viewport);

async function upload(page, name, text) {
  const file = path.join(dir, name);
  await writeFile(file, text);
  await page.setInputFiles('.takehome input.csv-file', file);
}

const field = (page, panel, name) => page.textContent(`[data-panel="${panel}"] [data-field="${name}"]`);
const visible = (page, selector) => page.isVisible(selector);
const specB = async (page) => JSON.parse(await page.textContent('#spec')).b;
const csv = (n, label, extra = () => '') => `x1,x2,label${extra(-1)}\n${Array.from({ length: n }, (_, i) =>
  `${Math.cos(i * 0.7) * (1 + i % 3)},${Math.sin(i * 0.7) * (1 + i % 3)},${label(i)}${extra(i)}`).join('\n')}\n`;

test('a CSV without a split column: 80/10/10 by the seed, Reshuffle, and Train on every row', { timeout: 90000 }, async () => {
  const { page, errors } = await open('#b.hidden=8');
  await upload(page, 'rings.csv', csv(50, (i) => i % 3));
  await until(() => page.inputValue('#ctl-data'), (v) => v === 'csv');
  assert.equal(await until(() => page.textContent('#csv-split'), (s) => /40 rows train/.test(s)), '40 rows train, 5 validate, 5 test, shuffled by the seed.');
  const spec = await specB(page);
  assert.equal(spec.data.holdout, true);
  assert.match(await until(() => field(page, 'b', 'val-loss'), (v) => /\d/.test(v)), /\d/, 'validation has numbers');
  assert.match(await until(() => field(page, 'b', 'test-accuracy'), (v) => /%$/.test(v)), /%$/);
  for (const id of ['#ctl-csvAll', '#ctl-trainPct', '#ctl-reshuffle', '#ctl-show']) assert.ok(await visible(page, id), `${id} shows`);
  assert.equal(await visible(page, '#ctl-regenerate'), false, 'Regenerate means nothing for a file: Reshuffle instead');

  // Reshuffle: the next seed draws another split (the confusion matrix of the test rows changes its total only if sizes change: compare points).
  const seed = Number(await page.inputValue('#ctl-seed'));
  await page.click('#ctl-reshuffle');
  assert.equal(Number(await until(() => page.inputValue('#ctl-seed'), (v) => Number(v) !== seed)), seed + 1);
  assert.match(page.url(), new RegExp(`seed=${seed + 1}`));

  // The split percentages apply to the file too.
  await page.fill('#ctl-trainPct', '60');
  await page.press('#ctl-trainPct', 'Enter');
  assert.equal(await until(() => page.textContent('#csv-split'), (s) => /30 rows train/.test(s)), '30 rows train, 5 validate, 15 test, shuffled by the seed.');
  assert.deepEqual((await specB(page)).data.split, [0.6, 0.1, 0.3]);

  await page.check('#ctl-csvAll');
  assert.equal(await until(() => page.textContent('#csv-split'), (s) => /All/.test(s)), 'All 50 rows train.');
  assert.equal((await specB(page)).data.holdout, undefined);
  assert.match(page.url(), /csvAll=1/);
  for (const id of ['#ctl-trainPct', '#ctl-reshuffle', '#ctl-show', '#ctl-showTest']) assert.equal(await visible(page, id), false, `${id} hides`);
  assert.equal(await until(() => field(page, 'b', 'val-loss'), (v) => !/\d/.test(v)), '–');

  // The link keeps the choice.
  const second = await session.browser.newPage();
  await second.goto(page.url());
  await second.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  assert.equal(await second.isChecked('#ctl-csvAll'), true);
  await second.close();
  assert.deepEqual(errors, []);
  await page.close();
});

test('a CSV with a split column keeps its own split; the choice to train on every row does not show', { timeout: 60000 }, async () => {
  const { page, errors } = await open();
  await upload(page, 'split.csv', csv(30, (i) => i % 2, (i) => (i < 0 ? ',split' : `,${['train', 'train', 'val', 'test'][i % 4]}`)));
  await until(() => page.inputValue('#ctl-data'), (v) => v === 'csv');
  assert.equal(await until(() => page.textContent('#csv-split'), (s) => /split column/.test(s)), "The file's split column: 16 rows train, 7 validate, 7 test.");
  for (const id of ['#ctl-csvAll', '#ctl-trainPct', '#ctl-reshuffle']) assert.equal(await visible(page, id), false, `${id} hides`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a CSV of real-valued labels imports as regression: MAE, RMSE and R²; classes refused by the engine', { timeout: 60000 }, async () => {
  const { page, errors } = await open('#lang=ko');
  await upload(page, 'heights.csv', csv(40, (i) => (Math.sin(i) * 2.5).toFixed(3)));
  await until(() => page.inputValue('#ctl-data'), (v) => v === 'csv');
  assert.match(await until(() => page.textContent('#notice'), (s) => /회귀/.test(s)), /heights\.csv: 40행, 특성 2개, 실수 목표값/);
  assert.equal(await page.inputValue('#ctl-task'), 'regression');
  assert.equal(await page.inputValue('#ctl-loss'), 'mse', 'the losses follow the task (specInfo)');
  const spec = await specB(page);
  assert.equal(spec.task, 'regression');
  assert.match(await until(() => field(page, 'b', 'val-r2'), (v) => /\d/.test(v)), /\d/);
  assert.ok(await visible(page, '[data-panel="b"] [data-field="test-rmse"]'));
  assert.match(page.url(), /task=regression/);
  // As class labels the engine refuses them: the notice gives its reason and the choice comes back.
  await page.selectOption('#ctl-task', 'classification');
  assert.match(await until(() => page.textContent('#notice'), (s) => /3열/.test(s)), /CSV \d+행 3열: 0부터 63까지의 정수 클래스 레이블이어야 하는데 \"[^\"]+\"입니다/);  // the engine's reason, in Korean (engine-messages.js)
  assert.equal(await until(() => page.inputValue('#ctl-task'), (v) => v === 'regression'), 'regression');
  assert.deepEqual(errors, []);
  await page.close();
});

test('screenshots of the CSV section at 1280 x 800 and 390 px', { timeout: 60000 }, async () => {
  for (const [width, height] of [[1280, 800], [390, 844]]) {
    const { page, errors } = await open('#b.hidden=8', { width, height });
    await upload(page, 'rings.csv', csv(50, (i) => i % 3));
    await until(() => page.textContent('#csv-split'), (s) => /40 rows/.test(s));
    const box = await page.$('[data-group="data"]');
    await box.scrollIntoViewIfNeeded();
    const shot = path.join(os.tmpdir(), `nnplay-csv-section-${width}.png`);
    await box.screenshot({ path: shot });
    const { width: w } = await box.boundingBox();
    assert.ok(w <= width, `the Data box fits in ${width} px (${w})`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('the reset notice names an import "Data (imported file)", not the keys that moved with it, in both languages', { timeout: 60000 }, async () => {
  for (const [hash, named, not] of [['', /Reset: Data \(imported file\) changed/, /Points|Dataset|the imported data/],
    ['#lang=ko', /초기화: 데이터\(불러온 파일\)이\(가\) 바뀌어/, /점 개수|데이터셋|불러온 데이터이/]]) {
    const { page, errors } = await open(hash);
    await upload(page, 'notice.csv', csv(20, (i) => i % 2));
    const notice = await until(() => page.textContent('#notice'), (s) => named.test(s));
    assert.match(notice, named);
    assert.doesNotMatch(notice, not);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

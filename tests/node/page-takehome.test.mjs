// The take-home box in Debian's Chromium (issue 6): weights exported as a state_dict and imported
// back give the same numbers; the dataset exported as CSV and imported back is the same dataset;
// a CSV of three features trains without the 2-D view; a malformed CSV or weights file gets an
// error naming the row and column (or the field); "Export as PyTorch" gives this experiment's
// script, byte-compiled with python3 where there is one.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { browserSession, collectErrors, until } from './browser.mjs';

const session = browserSession();
let dir;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'nnplay-takehome-'));
});

async function open(hash) {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const errors = collectErrors(page);
  await page.goto(`${session.server.url}/index.html${hash}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  return { page, errors };
}

const field = (page, panel, name) => page.textContent(`[data-panel="${panel}"] [data-field="${name}"]`);
const metricsOf = async (page, panel) => Object.fromEntries(await Promise.all(
  ['train-loss', 'train-accuracy', 'val-loss', 'test-loss'].map(async (f) => [f, await field(page, panel, f)])));

/** Clicks a take-home button and returns the downloaded file's name and text. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click(`.takehome button.${button}`)]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

async function upload(page, input, name, text) {
  const file = path.join(dir, name);
  await writeFile(file, text);
  await page.setInputFiles(`.takehome input.${input}`, file);
  return file;
}

const finished = (page) => until(() => page.textContent('#status'), (s) => s === 'epoch limit reached');

test('weights: exported as a state_dict, imported back, the same numbers and the same file', { timeout: 90000 }, async () => {
  const { page, errors } = await open('#limit=20&speed=5&seed=3');
  assert.equal(await finished(page), 'epoch limit reached');
  await page.waitForTimeout(300);
  const trained = await metricsOf(page, 'b');
  const exported = await download(page, 'exportWeights');
  assert.equal(exported.name, 'nnplay-radial-seed3-b-weights.json');
  const dict = JSON.parse(exported.text);
  assert.deepEqual(Object.keys(dict), ['0.weight', '0.bias', '2.weight', '2.bias']);
  assert.deepEqual([dict['0.weight'].length, dict['0.weight'][0].length, dict['0.bias'].length, dict['2.weight'].length,
    dict['2.weight'][0].length, dict['2.bias'].length], [200, 2, 200, 3, 200, 3]);

  // Reset trains again from epoch 0, and with the same seed it would end at the same numbers in a
  // few ms: in slow motion it is paused at once, so the import lands on a model that is not the
  // exported one, and stays.
  await page.selectOption('#ctl-speed', '1/s');
  await page.click('#reset');
  await page.click('#play');
  await until(() => page.textContent('#status'), (s) => s === 'paused');
  const reset = await until(() => field(page, 'b', 'train-loss'), (v) => v !== '–' && v !== trained['train-loss']);
  assert.notEqual(reset, trained['train-loss'], 'reset went back to the first weights');
  await upload(page, 'weights-file', 'weights.json', exported.text);
  await until(() => field(page, 'b', 'train-loss'), (v) => v === trained['train-loss']);
  assert.deepEqual(await metricsOf(page, 'b'), trained, 'the imported weights give the exported model\'s numbers');
  assert.match(await page.textContent('#notice'), /weights loaded from weights\.json/);
  const again = await download(page, 'exportWeights');
  assert.equal(again.text, exported.text, 'export, import, export: the same file');

  // A wrong shape: refused whole, named, and the model is as it was.
  const wrong = { ...dict, '2.weight': dict['2.weight'].slice(0, 2) };
  await upload(page, 'weights-file', 'wrong.json', JSON.stringify(wrong));
  await page.waitForSelector('.takehome .error:not([hidden])');
  assert.match(await page.textContent('.takehome .error'), /^wrong\.json: these weights do not fit the MLP: spec error at weights\[1\]: expected weight 3 x 200/);
  await upload(page, 'weights-file', 'junk.json', '{"0.weight": [[1, 2]], "x": 1}');
  await until(() => page.textContent('.takehome .error'), (s) => s.startsWith('junk.json'));
  assert.match(await page.textContent('.takehome .error'), /"0\.bias" is missing/);
  assert.deepEqual(await metricsOf(page, 'b'), trained);
  assert.deepEqual(errors, []);
  await page.close();
});

test('data: exported as CSV and imported back is the same data, with its splits', { timeout: 90000 }, async () => {
  const { page, errors } = await open('#data=xor&n=200&noise=0.1&seed=5&limit=10&speed=5');
  assert.equal(await finished(page), 'epoch limit reached');
  const exported = await download(page, 'exportCsv');
  assert.equal(exported.name, 'nnplay-xor-seed5.csv');
  const lines = exported.text.trim().split('\n');
  assert.equal(lines[0], 'x1,x2,label,split');
  assert.equal(lines.length, 201);
  assert.deepEqual(['train', 'val', 'test'].map((s) => lines.filter((l) => l.endsWith(`,${s}`)).length), [160, 20, 20]);

  await upload(page, 'csv-file', 'xor.csv', exported.text);
  await until(() => page.inputValue('#ctl-data'), (v) => v === 'csv');
  assert.match(await until(() => page.textContent('#notice'), (s) => /xor\.csv: 200 rows/.test(s)), /xor\.csv: 200 rows, 2 features, 2 classes/);
  const spec = JSON.parse(await page.textContent('#spec'));
  assert.equal(spec.b.data.name, 'csv');
  assert.match(spec.b.data.text, /^x1,x2,label,split\n/, 'the split column goes to the engine, which puts each row in its split');
  assert.equal(spec.b.data.split, undefined);
  assert.match(page.url(), /data=csv&/);
  await page.click('#play');  // paused since the epoch limit: new data waits for play
  assert.ok(Number(await until(() => field(page, 'b', 'epoch'), (e) => Number(e) >= 3)) >= 3, 'it trains on the imported data');
  const again = await download(page, 'exportCsv');
  assert.equal(again.text, exported.text, 'export, import, export: the same CSV');

  // The imported data travels in the link: a new page from it has the same data.
  const link = page.url();
  const second = await session.browser.newPage({ acceptDownloads: true });
  await second.goto(link);
  await second.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  assert.equal(await second.inputValue('#ctl-data'), 'csv');
  assert.equal((await download(second, 'exportCsv')).text, exported.text);
  await second.close();
  assert.deepEqual(errors, []);
  await page.close();
});

test('a CSV of three features trains without the 2-D view; a malformed one names its row and column', { timeout: 60000 }, async () => {
  const { page, errors } = await open('');
  const rows = ['a,b,c,label'];
  for (let i = 0; i < 60; i++) rows.push(`${Math.sin(i)},${Math.cos(i)},${(i % 7) / 7},${i % 3}`);
  await upload(page, 'csv-file', 'three.csv', `${rows.join('\n')}\n`);
  await until(() => page.inputValue('#ctl-data'), (v) => v === 'csv');
  await page.waitForSelector('[data-panel="b"] .no-plane:not([hidden])');
  assert.match(await page.textContent('[data-panel="b"] .no-plane'), /^3 features: there is no 2-D picture/);
  assert.equal(await page.textContent('[data-panel="b"] [data-field="arch"]'), '3 → 200 ReLU → 3');
  assert.ok(Number(await until(() => field(page, 'b', 'epoch'), (e) => Number(e) >= 5)) >= 5, 'it trains');
  assert.match(await until(() => field(page, 'b', 'train-accuracy'), (v) => v !== '–'), /%$/);

  await upload(page, 'csv-file', 'bad.csv', 'x1,x2,label\n1,2,0\n3,four,1\n');
  await page.waitForSelector('.takehome .error:not([hidden])');
  assert.equal(await page.textContent('.takehome .error'), 'bad.csv: CSV row 3, column 2: expected a number, got "four"');
  await upload(page, 'csv-file', 'split.csv', 'x1,x2,label,split\n1,2,0,train\n3,4,1,later\n');
  await until(() => page.textContent('.takehome .error'), (s) => s.startsWith('split.csv'));
  assert.equal(await page.textContent('.takehome .error'), 'split.csv: CSV row 3, column 4: expected train, val or test, got "later"');
  await upload(page, 'csv-file', 'hostile.csv', 'x1,x2,label\n1,2,<img src=x onerror="window.__pwned=1">\n');
  await until(() => page.textContent('.takehome .error'), (s) => s.startsWith('hostile.csv'));
  assert.match(await page.textContent('.takehome .error'), /CSV row 2, column 3: expected a number, got "<img src=x onerror=/);
  assert.equal(await page.evaluate(() => [window.__pwned, document.querySelectorAll('img').length].join()), ',0');
  assert.equal(await page.textContent('[data-panel="b"] [data-field="arch"]'), '3 → 200 ReLU → 3', 'a refused file changes nothing');

  // Data too large for a link: it trains, and the link says nothing of it rather than something wrong.
  const big = ['x1,x2,label'];
  for (let i = 0; i < 5000; i++) big.push(`${(i * 0.001).toFixed(6)},${Math.cos(i).toFixed(6)},${i % 2}`);
  await upload(page, 'csv-file', 'big.csv', `${big.join('\n')}\n`);
  assert.match(await until(() => page.textContent('#notice'), (s) => /too large/.test(s)), /too large to travel in the link \(\d+ kB\)/);
  assert.equal(await until(() => field(page, 'b', 'arch'), (s) => s.startsWith('2 ')), '2 → 200 ReLU → 2');
  assert.match(page.url(), /data=csv/);
  assert.doesNotMatch(page.url(), /csv=/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Export as PyTorch gives the script of this experiment, and it compiles', { timeout: 60000 }, async (t) => {
  const { page, errors } = await open('#data=spiral&noise=0.1&seed=4&optimizer=adam&lr=0.02&b.hidden=16,16&b.activation=tanh&batch=mini&batchSize=64&limit=50');
  const script = await download(page, 'exportPyTorch');
  assert.equal(script.name, 'nnplay-spiral-seed4-b.py');
  for (const part of ['import torch', 'torch.manual_seed(SEED)', 'nn.Linear(features, 16)', 'nn.Tanh()', 'nn.Linear(16, 16)',
    'torch.optim.Adam', 'lr=0.02', 'SEED = 4', 'EPOCHS = 50', 'BATCH_SIZE = 64'])
    assert.ok(script.text.includes(part), `the script has no ${part}`);
  await page.check('.takehome input[value="a"]');
  const linear = await download(page, 'exportPyTorch');
  assert.equal(linear.name, 'nnplay-spiral-seed4-a.py');
  assert.ok(!linear.text.includes('nn.Tanh()') && linear.text.includes('nn.Linear(features, classes)'), 'the left model is linear');
  assert.deepEqual(errors, []);
  await page.close();

  const python = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['--version']).status === 0);
  if (!python) return t.skip('no python3 on this machine: the script was not compiled');
  for (const [name, text] of [['mlp.py', script.text], ['linear.py', linear.text]]) {
    const file = path.join(dir, name);
    await writeFile(file, text);
    const compiled = spawnSync(python, ['-m', 'py_compile', file], { encoding: 'utf8' });
    assert.equal(compiled.status, 0, compiled.stderr);
  }
});

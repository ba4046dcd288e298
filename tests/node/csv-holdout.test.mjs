// An imported CSV's split and task through the engine (issue 16, issue 14's leftovers): data.holdout
// in both runners and the JS API, the split column still deciding, regression CSVs, and the task
// rules that specInfo() gives the page (datasets' tasks, each task's losses).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadEngine, runners, runWith } from './helpers.mjs';

const { nn } = await loadEngine();
const rows = (n, label, split) => `x1,x2,label${split ? ',split' : ''}\n${Array.from({ length: n }, (_, i) =>
  `${i},${(i % 4) - 1.5},${label(i)}${split ? `,${split(i)}` : ''}`).join('\n')}\n`;
const classes = rows(20, (i) => i % 3);

test('holdout in both runners: a CSV file without a split column, shuffled by the seed and split 80/10/10', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-holdout-'));
  fs.writeFileSync(path.join(dir, 'points.csv'), classes);
  const spec = path.join(dir, 'spec.json');
  fs.writeFileSync(spec, JSON.stringify({ seed: 4, data: { name: 'csv', path: 'points.csv', holdout: true }, model: { hidden: [3] }, epochs: 5, log_every: 5 }));
  const outputs = runners.map((runner) => runWith(runner, ['run', spec]));
  for (const out of outputs) {
    assert.equal(out.status, 0, out.stderr);
    const final = JSON.parse(out.lines.at(-1));
    assert.equal(final.train.confusion.flat().reduce((a, b) => a + b), 16);
    assert.equal(final.val.confusion.flat().reduce((a, b) => a + b), 2);
    assert.equal(final.test.confusion.flat().reduce((a, b) => a + b), 2);
  }
  assert.equal(outputs[0].stdout, outputs[1].stdout, 'native and WebAssembly print the same lines');
  // Without holdout, as before: every row trains.
  fs.writeFileSync(spec, JSON.stringify({ data: { name: 'csv', path: 'points.csv' }, epochs: 1, log_every: 0 }));
  for (const runner of runners) {
    const final = JSON.parse(runWith(runner, ['run', spec]).lines.at(-1));
    assert.deepEqual(Object.keys(final).filter((k) => ['train', 'val', 'test'].includes(k)), ['train']);
  }
  const data = runWith(runners[0], ['data', '-'], JSON.stringify({ seed: 4, data: { name: 'csv', text: classes, holdout: true } }));
  assert.equal(data.lines.filter((l) => l.endsWith(',val')).length, 2);
});

test('the JS API: the split the seed draws, the split column deciding, splitColumn, and the error naming the field', () => {
  const held = nn.dataset({ name: 'csv', text: classes, holdout: true, seed: 0 });
  assert.deepEqual(held.splitEnd, [16, 18, 20]);
  assert.equal(held.splitColumn, false);
  // numpy: np.random.seed(0); np.random.permutation(20)[:3] is [18, 1, 19].
  assert.deepEqual([held.x[0], held.x[2], held.x[4]], [18, 1, 19]);
  assert.notDeepEqual(nn.dataset({ name: 'csv', text: classes, holdout: true, seed: 1 }).x, held.x, 'another seed, another split');
  const column = nn.dataset({ name: 'csv', text: rows(20, (i) => i % 2, (i) => ['train', 'val', 'test'][i % 3]), holdout: true });
  assert.equal(column.splitColumn, true);
  assert.deepEqual(column.splitEnd, [7, 14, 20]);
  assert.equal(column.x[0], 0, 'the file order, within each split');
  assert.deepEqual(nn.dataset({ name: 'csv', text: classes }).splitEnd, [20, 20, 20], 'without holdout: every row trains');
  assert.deepEqual(nn.normalize({ data: { name: 'csv', text: classes, holdout: true } }).data.split, [0.8, 0.1, 0.1]);
  assert.equal('holdout' in nn.normalize({ data: { name: 'csv', text: classes } }).data, false);
  assert.throws(() => nn.validate({ data: { name: 'xor', holdout: true } }), /data\.holdout.*"csv"/);
  assert.throws(() => nn.validate({ data: { name: 'csv', text: classes, holdout: 'yes' } }), /data\.holdout.*true or false/);
  const trainer = nn.fromSpec({ data: { name: 'csv', text: classes, holdout: true }, model: { hidden: [] } });
  assert.deepEqual(trainer.data().splitEnd, [16, 18, 20]);
  assert.equal(trainer.data().splitColumn, false);
  assert.ok(trainer.train({ epochs: 1 }).records.at(-1).val.loss >= 0, 'a validation loss');
  trainer.dispose();
});

test('a CSV of real-valued labels reads as regression with task "regression", and is refused as classes', () => {
  const real = rows(20, (i) => (i * 0.37).toFixed(2));
  assert.throws(() => nn.dataset({ name: 'csv', text: real }), /row 3, column 3.*integer class label/);
  const data = nn.dataset({ name: 'csv', text: real, task: 'regression', holdout: true });
  assert.equal(data.task, 'regression');
  assert.equal(data.y.constructor, Float32Array);
  const final = nn.run({ task: 'regression', data: { name: 'csv', text: real, holdout: true }, model: { hidden: [4] },
    optimizer: { name: 'sgd', lr: 0.001 }, epochs: 3, log_every: 0 }).at(-1);
  for (const split of ['train', 'val', 'test']) assert.ok(['loss', 'mae', 'rmse', 'r2'].every((k) => k in final[split]), split);
  // Through trainer(): the dataset's task is the spec's.
  const trainer = nn.trainer({ data: data, model: nn.LinearModel() });
  assert.equal(trainer.task, 'regression');
  trainer.dispose();
});

test('specInfo gives each dataset its task and each task its losses, as the engine checks them', () => {
  const info = nn.specInfo();
  const task = Object.fromEntries(info.datasets.map((d) => [d.name, d.task]));
  assert.equal(task.plane, 'regression');
  assert.equal(task.multi_gauss, 'regression');
  assert.equal(task.radial, 'classification');
  assert.equal(task.csv, 'classification');
  assert.deepEqual(info.datasets.find((d) => d.name === 'csv').holdoutSplit, [0.8, 0.1, 0.1]);
  for (const d of info.datasets.filter((x) => x.generated)) assert.equal(nn.normalize({ data: { name: d.name } }).task, d.task, d.name);
  assert.deepEqual(info.tasks.map((t) => t.name), ['classification', 'regression']);
  for (const { name, losses } of info.tasks) {
    assert.equal(nn.normalize({ task: name }).loss, losses[0], `${name}: the first loss is the default`);
    for (const loss of info.losses.map((l) => l.name)) {
      const spec = { task: name, loss, data: { name: 'gauss', n: 10 } };
      if (losses.includes(loss)) assert.doesNotThrow(() => nn.validate(spec), `${name} ${loss}`);
      else assert.throws(() => nn.validate(spec), /spec error at loss/, `${name} ${loss}`);
    }
  }
});

test('the page state: an imported CSV holds out by default, trains on every row by choice, and may be regression', async () => {
  const { defaultState, dataSpecOf, hashFromState, reconcile, specOf, stateFromHash, taskOf } = await import('../../web/shared/state.js');
  const { stateFromSpec } = await import('../../web/shared/spec-state.js');
  const { EngineRules } = await import('../../web/shared/engine-rules.js');
  const rules = new EngineRules(nn.specInfo());
  const state = { ...defaultState(), data: 'csv', csv: classes };
  assert.deepEqual(dataSpecOf(state), { name: 'csv', text: classes, holdout: true });
  assert.deepEqual(dataSpecOf({ ...state, trainPct: 60, valPct: 20 }).split, [0.6, 0.2, 0.2]);
  assert.deepEqual(dataSpecOf({ ...state, csvAll: true }), { name: 'csv', text: classes });
  assert.deepEqual(nn.dataset(dataSpecOf(state)).splitEnd, [16, 18, 20]);
  // The task: a named set's comes from the engine, an imported CSV's is the state's.
  assert.equal(taskOf({ ...defaultState(), data: 'plane' }, rules), 'regression');
  assert.equal(taskOf({ ...defaultState(), data: 'draw' }, rules), 'classification');
  const real = { ...state, csv: rows(20, (i) => i * 0.5), task: 'regression', loss: 'cross_entropy' };
  const { state: fixed, changed } = reconcile(real, rules, null);
  assert.deepEqual(changed, ['loss']);
  assert.equal(fixed.loss, rules.lossesOf('regression')[0]);
  assert.equal(specOf(fixed, 'b').task, 'regression');
  assert.equal(nn.run({ ...specOf(fixed, 'b'), epochs: 1, log_every: 0 }).at(-1).val.r2 !== undefined, true);
  assert.equal(specOf({ ...defaultState(), data: 'plane' }, 'b').task, undefined, 'the engine decides a named set\'s task');
  // The link round-trips both choices; the defaults write nothing.
  for (const s of [state, { ...state, csvAll: true }, fixed]) {
    const back = stateFromHash(hashFromState(s)).state;
    assert.deepEqual(specOf(back, 'b'), specOf(s, 'b'));
  }
  assert.doesNotMatch(hashFromState(state), /csvAll|task/);
  // A spec from outside (setSpec): holdout and task as the page keeps them; without holdout, every row trains, as before.
  assert.equal(stateFromSpec({ data: { name: 'csv', text: classes } }, defaultState(), rules).state.csvAll, true);
  const back = stateFromSpec({ task: 'regression', data: { name: 'csv', text: classes, holdout: true, split: [0.7, 0.1, 0.2] } }, defaultState(), rules);
  assert.deepEqual(back.ignored, []);
  assert.deepEqual([back.state.csvAll, back.state.task, back.state.trainPct, back.state.valPct], [false, 'regression', 70, 10]);
  assert.deepEqual(stateFromSpec({ task: 'regression', data: { name: 'plane' } }, defaultState(), rules).ignored, []);
  assert.deepEqual(stateFromSpec({ task: 'regression', data: { name: 'xor' } }, defaultState(), rules).ignored, ['task']);
});

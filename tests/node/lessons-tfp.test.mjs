// Lessons 8-10 (issue 14): features, regression, regularization. Each is a playground preset; its
// text quotes numbers, and here the engine measures them again from the preset (through the page's
// own specsOf) and the test checks that both languages quote what it measured.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadEngine, root } from './helpers.mjs';
import { FEATURES_PLAYGROUND, LESSON, REGRESSION_PLAYGROUND, REGULARIZATION_PLAYGROUND } from '../../web/lessons/catalog.js';
import { en, ko } from '../../web/lessons/texts.js';
import { defaultState, hashFromState, specsOf, stateFromHash } from '../../web/shared/state.js';
import { weightStats } from '../../web/worker/playground-group.js';

const { nn } = await loadEngine();
const finalOf = (spec, options) => nn.run({ ...spec, log_every: 0 }, options).at(-1);
const specsFrom = (preset, patch = {}) => specsOf({ ...defaultState(), ...preset, ...patch });
const pct = (v) => `${(100 * v).toFixed(1)}%`;

/** Both languages' "why" text of a lesson quotes every number. */
function quotes(id, numbers) {
  for (const text of [en[`lesson.${id}.why`], ko[`lesson.${id}.why`]]) for (const n of numbers) assert.ok(text.includes(n), `${id} quotes ${n}`);
}

test('the three lessons are playground presets whose links carry them', () => {
  for (const [id, preset] of [['features', FEATURES_PLAYGROUND], ['regression', REGRESSION_PLAYGROUND], ['regularization', REGULARIZATION_PLAYGROUND]]) {
    assert.equal(LESSON[id].playground, preset);
    for (const key of ['title', 'short', 'look', 'why']) assert.ok(en[`lesson.${id}.${key}`] && ko[`lesson.${id}.${key}`], `${id}.${key}`);
    const state = { ...defaultState(), ...preset, lesson: id };
    assert.deepEqual(specsOf(stateFromHash(hashFromState(state)).state), specsOf(state), `${id}: the link reproduces the preset`);
    for (const spec of Object.values(specsOf(state))) assert.doesNotThrow(() => nn.validate(spec));
  }
});

test('features: on radial, x1² and x2² lift the linear model from 41.6% to 74.7%, near the MLP\'s 80.3%', { timeout: 300000 }, () => {
  const { a, b } = specsFrom(FEATURES_PLAYGROUND);
  assert.deepEqual(a.model, { hidden: [], features: ['x1', 'x2', 'x1^2', 'x2^2'] });
  const plain = finalOf({ ...a, model: { hidden: [] } });
  const squares = finalOf(a);
  const mlp = finalOf(b);
  assert.ok(plain.val.accuracy < 0.5 && squares.val.accuracy > 0.7 && mlp.val.accuracy - squares.val.accuracy < 0.1,
    JSON.stringify([plain.val, squares.val, mlp.val]));
  quotes('features', [pct(plain.val.accuracy), pct(plain.test.accuracy), pct(squares.val.accuracy), pct(squares.test.accuracy),
    pct(mlp.val.accuracy), pct(mlp.test.accuracy)]);
});

test('regression: R² on the plane and multi_gauss, and MSE against L1 and Huber on outliers', { timeout: 120000 }, () => {
  const plane = specsFrom(REGRESSION_PLAYGROUND);
  assert.equal(nn.normalize(plane.a).task, 'regression', 'the engine\'s task for the plane (the page writes none: specInfo says it)');
  const [linear, mlp] = [finalOf(plane.a).test.r2, finalOf(plane.b).test.r2];
  const gauss = specsFrom(REGRESSION_PLAYGROUND, { data: 'multi_gauss', noise: 0 });
  const [gaussLinear, gaussMlp] = [finalOf(gauss.a).test.r2, finalOf(gauss.b).test.r2];
  assert.ok(gaussLinear < 0.05 && gaussMlp > 0.7, `${gaussLinear} ${gaussMlp}`);
  const outliers = JSON.parse(readFileSync(path.join(root, 'tests', 'golden', 'specs', 'regression_huber_outliers.json'), 'utf8'));
  const at10 = Object.fromEntries(['mse', 'l1', 'huber'].map((loss) =>
    [loss, finalOf({ ...outliers, loss, epochs: 2000, optimizer: { name: 'sgd', lr: 0.01 } }).predict[0].value]));
  assert.ok(at10.mse < 16 && at10.l1 > 19 && at10.huber > 19, JSON.stringify(at10));
  quotes('regression', [linear.toFixed(3), mlp.toFixed(3), gaussLinear.toFixed(3), gaussMlp.toFixed(3),
    at10.mse.toFixed(2), at10.l1.toFixed(2), at10.huber.toFixed(2)]);
});

test('regularization: the big MLP overfits; L2 shrinks its weights, L1 drives many to zero', { timeout: 180000 }, () => {
  const run = (patch) => {
    const lines = nn.run({ ...specsFrom(REGULARIZATION_PLAYGROUND, patch).b, log_every: 50 }, { weights: true });
    const progress = lines.filter((l) => !l.final && l.val);
    const best = progress.reduce((x, y) => (y.val.loss < x.val.loss ? y : x));
    return { best, final: lines.at(-1), weights: weightStats(lines.at(-1).weights) };
  };
  const none = run({});
  const l2 = run({ reg: 'l2', regRate: 0.001 });
  const l1 = run({ reg: 'l1', regRate: 0.001 });
  assert.ok(none.final.val.loss > 3 * none.best.val.loss, 'the validation loss rises after its minimum');
  assert.ok(l2.weights.meanAbs < none.weights.meanAbs / 2 && l1.weights.small > 4 * l2.weights.small && l2.weights.small > 10 * none.weights.small,
    JSON.stringify([none.weights, l2.weights, l1.weights]));
  quotes('regularization', [String(none.weights.count), String(none.best.epoch), none.best.val.loss.toFixed(3), none.final.val.loss.toFixed(3),
    none.final.train.loss.toFixed(3), pct(none.final.train.accuracy).replace('.0%', '%'), none.weights.meanAbs.toFixed(3),
    l2.weights.meanAbs.toFixed(3), String(l2.weights.small), l2.final.val.loss.toFixed(3),
    String(l1.weights.small), l1.weights.meanAbs.toFixed(3), l1.final.val.loss.toFixed(3), String(none.weights.small)]);
});

// The lessons without a browser: their presets (web/lessons/catalog.js) give the tutorial's
// numbers through the JS API, what their texts claim holds, the worker's LessonGroup reports what
// each view watches with the engine's own numbers, both languages have every text, and the
// contour lines lie where the surface crosses their level.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadEngine, root } from './helpers.mjs';
import { BATCH_MODES, LESSON, LESSONS, RACE_OPTIMIZERS, RADIAL_PLAYGROUND, STUDY_HOURS_SPEC, TOY4_SPEC, optionsOf } from '../../web/lessons/catalog.js';
import { LessonGroup } from '../../web/worker/lesson-group.js';
import { en, ko } from '../../web/lessons/texts.js';
import { isoline, logLevels } from '../../web/shared/contours.js';
import { defaultState, specsOf } from '../../web/shared/state.js';

const near = (actual, expected, margin, what) =>
  assert.ok(Math.abs(actual - expected) <= margin, `${what}: ${actual}, expected ${expected} ± ${margin}`);
const example = (name) => JSON.parse(readFileSync(path.join(root, 'examples', name), 'utf8'));
const specsOfLesson = (id, options) => LESSON[id].plan(optionsOf(LESSON[id], options)).specs;

/** Trains a spec `epochs` epochs and hands the trainer to `look`; disposes it. */
async function trained(spec, epochs, look) {
  const { nn } = await loadEngine();
  const trainer = nn.fromSpec(spec);
  try {
    const before = look.before?.(trainer);
    trainer.train({ epochs });
    return look(trainer, before);
  } finally {
    trainer.dispose();
  }
}

test('lesson 1: the study-hours preset gives the tutorial\'s numbers', { timeout: 30000 }, async () => {
  assert.deepEqual(specsOfLesson('sigmoid').model, STUDY_HOURS_SPEC);
  const { nn } = await loadEngine();
  const t = nn.fromSpec(STUDY_HOURS_SPEC);
  try {
    const w0 = t.getWeights()[0];
    near(w0.weight[0][0], -0.0838, 5e-5, 'initial W');
    near(w0.bias[0], -0.0343, 5e-5, 'initial b');
    near(t.evaluate().train.loss, 0.9817, 5e-5, 'initial loss');
    t.train({ epochs: STUDY_HOURS_SPEC.epochs });
    const w = t.getWeights()[0];
    near(w.weight[0][0], 0.2138, 5e-5, 'final W');
    near(w.bias[0], -1.6024, 5e-5, 'final b');
    const { probabilities, labels } = t.predict([[2.5], [15.5]]);
    near(probabilities[1], 0.2558, 5e-5, 'P(pass | 2.5 h)');
    near(probabilities[3], 0.8470, 5e-5, 'P(pass | 15.5 h)');
    assert.deepEqual(Array.from(labels), [0, 1]);
  } finally {
    t.dispose();
  }
});

test('lesson 2: the toy4 preset starts from the tutorial\'s weights and ends at its logits', { timeout: 30000 }, async () => {
  assert.deepEqual(specsOfLesson('softmax').model, TOY4_SPEC);
  const { nn } = await loadEngine();
  const t = nn.fromSpec(TOY4_SPEC);
  try {
    // The tutorial prints the initial logits of the first row and the initial loss.
    const z0 = t.predict(t.data().x).logits;
    [-0.1358, 1.5655, -0.0104].forEach((v, k) => near(z0[k], v, 5e-5, `initial logit ${k} of row 0`));
    near(t.evaluate().train.loss, 1.7613, 5e-5, 'initial loss');
    t.train({ epochs: TOY4_SPEC.epochs });
    const { logits, probabilities, labels } = t.predict([[1, 2, 5, 6]]);
    [-4.9985, 3.4779, 2.0804].forEach((v, k) => near(logits[k], v, 5e-4, `logit ${k}`));
    assert.deepEqual(Array.from(probabilities, (p) => p.toFixed(2)), ['0.00', '0.80', '0.20']);
    near(probabilities[1], 0.80166, 5e-5, 'probability of class 1');
    assert.equal(labels[0], 1);
  } finally {
    t.dispose();
  }
});

test('lesson 3: with seed 8 Adam ends at the tutorial\'s 88.89% and SGD far below; standardized, both learn', { timeout: 60000 }, async () => {
  const accuracy = async (options) => {
    const specs = specsOfLesson('wine', options);
    const out = {};
    for (const [name, spec] of Object.entries(specs)) out[name] = await trained(spec, spec.epochs, (t) => t.evaluate().test.accuracy);
    return out;
  };
  const raw = await accuracy({});
  near(raw.adam, 32 / 36, 1e-9, 'Adam test accuracy');
  assert.ok(raw.sgd < 0.7, `SGD test accuracy ${raw.sgd}`);
  const standardized = await accuracy({ standardize: true });
  assert.ok(standardized.sgd >= 0.9 && standardized.adam >= 0.9, JSON.stringify(standardized));
});

test('lesson 4: the five batch modes share data and initial weights, and hold 1 to 8000 updates an epoch', { timeout: 60000 }, async () => {
  const specs = specsOfLesson('batch');
  assert.deepEqual(Object.keys(specs), Object.keys(BATCH_MODES));
  const { nn } = await loadEngine();
  const first = {};
  for (const [name, spec] of Object.entries(specs)) {
    assert.deepEqual({ ...spec, batch_size: 0 }, { ...specs.full, batch_size: 0 }, `${name} differs from the full batch in more than its batch size`);
    first[name] = await trained(spec, 1, (t) => t.state.step);
    const t = nn.fromSpec(spec);
    assert.deepEqual(t.getWeights(), nn.fromSpec(specs.full).getWeights(), `${name}: the same initial weights`);
    t.dispose();
  }
  assert.deepEqual(first, { full: 1, stochastic: 8000, mini32: 250, mini64: 125, mini128: 63 });
});

test('lesson 5: four optimizers from identical weights; Adam gets furthest, SGD least far', { timeout: 30000 }, async () => {
  const specs = specsOfLesson('optimizers');
  assert.deepEqual(Object.keys(specs), Object.keys(RACE_OPTIMIZERS));
  const { nn } = await loadEngine();
  const start = nn.fromSpec(specs.sgd);
  const w0 = start.getWeights();
  start.dispose();
  const loss = {};
  for (const [name, spec] of Object.entries(specs)) {
    loss[name] = await trained(spec, spec.epochs, Object.assign((t, before) => {
      assert.deepEqual(before, w0, `${name} starts where SGD does`);
      return t.evaluate().train.loss;
    }, { before: (t) => t.getWeights() }));
  }
  assert.ok(loss.adam < Math.min(loss.momentum, loss.adagrad) && loss.sgd > Math.max(loss.momentum, loss.adagrad), JSON.stringify(loss));
});

test('lesson 6: the playground preset is tutorial 001, and the linear model stays under 50% while the MLP reaches 76-80%', { timeout: 120000 }, async () => {
  const specs = specsOf({ ...defaultState(), ...RADIAL_PLAYGROUND });
  const { nn } = await loadEngine();
  assert.deepEqual(nn.normalize(specs.a), nn.normalize(example('radial_linear.json')));
  assert.deepEqual(nn.normalize(specs.b), nn.normalize(example('radial_mlp.json')));
  const val = {};
  for (const name of ['a', 'b']) val[name] = await trained(specs[name], RADIAL_PLAYGROUND.limit, (t) => t.evaluate().val.accuracy);
  assert.ok(val.a < 0.5, `linear model: ${val.a}`);
  assert.ok(val.b >= 0.76 && val.b <= 0.81, `MLP: ${val.b}`);
});

test('every lesson\'s group reports what its view watches, with the engine\'s own numbers', { timeout: 60000 }, async () => {
  const { nn } = await loadEngine();
  for (const lesson of LESSONS.filter((l) => l.plan)) {
    const plan = lesson.plan(optionsOf(lesson));
    const group = new LessonGroup(nn, plan);
    try {
      const first = group.snapshot(true).models;
      const target = Math.min(lesson.epochs, 3);
      while (!group.trainSlice(target));
      const { trainers, landscape } = group.snapshot(true).models;
      assert.deepEqual(Object.keys(trainers), Object.keys(plan.specs), lesson.id);
      if (plan.watch.landscape) {
        const { width, height, levels } = plan.watch.landscape;
        assert.equal(first.landscape.values.length, width * height);
        assert.equal(first.landscape.pixels.length, 4 * width * height);
        assert.equal(first.landscape.lines.length, levels);
        assert.ok(first.landscape.lines.every((l) => l.length > 0), 'every level has a contour line in the window');
      }
      assert.equal(landscape, undefined, `${lesson.id}: the landscape is sent once`);
      for (const [name, m] of Object.entries(trainers)) {
        const what = `${lesson.id}.${name}`;
        assert.equal(m.epoch, target, what);
        assert.deepEqual(m.records.map((r) => r.epoch), [1, 2, 3].slice(0, target), `${what}: one record per epoch`);
        // The same spec trained alone gives the same numbers.
        const alone = nn.fromSpec(plan.specs[name]);
        const { records } = alone.train({ epochs: target });
        assert.deepEqual(m.records, records, `${what}: the engine's records, field for field`);
        if (plan.watch.weights) assert.deepEqual(m.weights, alone.getWeights(), `${what}: weights`);
        if (plan.watch.points) assert.deepEqual(m.points.probabilities, Array.from(alone.predict(plan.watch.points).probabilities), what);
        if (plan.watch.rows) assert.deepEqual(m.rows.probabilities, Array.from(alone.predictRows(...plan.watch.rows).probabilities), `${what}: rows`);
        if (plan.watch.curve) assert.equal(m.curve.length, plan.watch.curve.n * 2, `${what}: the curve`);
        if (plan.watch.evaluate === 'epoch') assert.deepEqual(m.evals.at(-1), alone.evaluate(), `${what}: metrics after each epoch`);
        if (plan.watch.path) {
          assert.equal(first.trainers[name].path.length + m.path.length, target + 1, `${what}: a path point per epoch and the start`);
          const { weight, bias } = alone.getWeights()[0];
          assert.deepEqual(m.path.at(-1), [weight[0][0], bias[0]], `${what}: the path ends at the weights`);
        }
        alone.dispose();
      }
    } finally {
      group.dispose();
    }
  }
});

test('every lesson text is in English and Korean, with the same placeholders', () => {
  assert.deepEqual(Object.keys(ko).sort(), Object.keys(en).sort());
  const placeholders = (text) => (text.match(/\{\w+\}/g) ?? []).sort();
  for (const key of Object.keys(en)) {
    assert.ok(en[key].trim() && ko[key].trim(), `${key} is empty`);
    assert.deepEqual(placeholders(ko[key]), placeholders(en[key]), key);
  }
  for (const lesson of LESSONS) {
    for (const part of ['title', 'short', 'look', 'why']) {
      const key = `lesson.${lesson.id}.${part}`;
      assert.ok(en[key], `${key} in English`);
      assert.match(ko[key], /[\uac00-\ud7a3]/, `${key} in Korean`);
    }
  }
});

test('contour lines: marching squares puts each level\'s segments where the surface crosses it', () => {
  // A bowl: the distance from the grid's centre; its level-r line is a circle of radius r.
  const [w, h] = [41, 31];
  const values = Float32Array.from({ length: w * h }, (_, i) => Math.hypot((i % w) - 20, Math.floor(i / w) - 15));
  for (const r of [3.5, 7.25, 12]) {
    const segments = isoline(values, w, h, r);
    assert.ok(segments.length >= 4 * 8, `level ${r}: ${segments.length / 4} segments`);
    for (let i = 0; i < segments.length; i += 2) near(Math.hypot(segments[i] - 20, segments[i + 1] - 15), r, 0.1, `level ${r}`);
  }
  assert.deepEqual(isoline(values, w, h, 100), []);
  const levels = logLevels(values, 5);
  assert.equal(levels.length, 5);
  assert.ok(levels.every((v, i) => i === 0 || v > levels[i - 1]));
});

// Slow motion (issue 16) without a browser: the speeds' values in a link, what they mean to the
// worker (state.js's paceOf), and a slow-motion tick of the worker's trainer groups with the real
// engine (trainer-group.js's trainUpdate): one update each on the playground, in step by epochs in
// the batch lesson, never past the limit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './helpers.mjs';
import { ALL_SPEEDS, SLOW_SPEEDS, SPEEDS, defaultState, hashFromState, paceOf, speedLabel, stateFromHash } from '../../web/shared/state.js';
import { LESSON, LESSONS } from '../../web/lessons/catalog.js';
import { PlaygroundGroup } from '../../web/worker/playground-group.js';
import { LessonGroup } from '../../web/worker/lesson-group.js';

const { nn } = await loadEngine();

test('speeds: the old values keep their meaning, slow ones read N/s in a link and round-trip', () => {
  assert.deepEqual(SPEEDS, [1, 2, 5, 10, 20, 50, 100]);
  for (const n of SPEEDS) {
    assert.deepEqual(paceOf(n), { epochsPerFrame: n });
    assert.equal(stateFromHash(`#speed=${n}`).state.speed, n, `#speed=${n}`);
  }
  assert.deepEqual(ALL_SPEEDS.slice(0, SLOW_SPEEDS.length), SLOW_SPEEDS, 'slowest first');
  assert.deepEqual(paceOf('1/s'), { updatesPerSecond: 1 });
  const hash = hashFromState({ ...defaultState(), speed: '1/s' });
  assert.match(hash, /&speed=1\/s&/);
  assert.equal(stateFromHash(hash).state.speed, '1/s');
  assert.deepEqual(stateFromHash('#speed=3/s').rejected, ['speed'], 'only the listed slow speeds');
  assert.deepEqual(speedLabel('1/s'), ['speedUpdate', { n: 1 }]);
  assert.deepEqual(speedLabel('30/s'), ['speedUpdates', { n: 30 }]);
  assert.deepEqual(speedLabel(5), ['speedOptions', { n: 5 }]);
  for (const lesson of LESSONS.filter((l) => l.view)) assert.ok(ALL_SPEEDS.includes(lesson.speed), `${lesson.id}: ${lesson.speed}`);
});

test('a slow-motion tick on the playground: one update of each model, epochs after a whole pass, never past the limit', async () => {
  const spec = { seed: 1, data: { name: 'xor', n: 200 }, model: { hidden: [8] }, optimizer: { name: 'sgd', lr: 0.1 }, batch_size: 64 };
  const group = new PlaygroundGroup(nn, { a: { ...spec, model: { hidden: [] } }, b: spec }, { grid: 4 });
  try {
    const perEpoch = group.models.a.updatesPerEpoch;
    assert.equal(perEpoch, 3, '160 training points in batches of 64');
    for (let tick = 1; tick <= perEpoch + 1; tick++) {
      await group.trainUpdate(2);
      for (const m of Object.values(group.models)) assert.equal(m.trainer.state.step, tick);
    }
    assert.equal(group.epoch, 1);
    const { models } = await group.snapshot(false);
    assert.equal(models.trainers.b.records.length, 1, 'the finished epoch\'s record is in the frame');
    for (let tick = 0; tick < 10; tick++) await group.trainUpdate(2);
    for (const m of Object.values(group.models)) assert.deepEqual([m.trainer.state.epoch, m.trainer.state.step], [2, 6], 'stopped at the limit');
  } finally {
    group.dispose();
  }
});

test('a slow-motion tick in the batch lesson: the five models stay in step by epochs', { timeout: 60000 }, async () => {
  const lesson = LESSON.batch;
  const group = new LessonGroup(nn, lesson.plan({ small: 400, medium: 800, large: 2000 }));
  try {
    for (let tick = 1; tick <= 2; tick++) {
      await group.trainUpdate(lesson.epochs);
      const seen = Object.fromEntries(Object.entries(group.models).map(([name, m]) => [name, [m.trainer.state.epoch, m.trainer.state.step]]));
      assert.deepEqual(seen, { full: [tick, tick], stochastic: [tick, 8000 * tick], mini32: [tick, 20 * tick], mini64: [tick, 10 * tick],
        mini128: [tick, 4 * tick] }, `tick ${tick}`);
    }
    assert.ok(Object.values(group.models).every((m) => m.ms > 0), 'each model\'s time is kept');
  } finally {
    group.dispose();
  }
});

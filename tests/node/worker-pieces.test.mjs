// The worker's slices on a model whose one update is larger than a slice (issue 11): the update is
// trained in pieces across slices (the worker looks at its messages between them), it ends with
// the weights of the same update trained whole, and a small model waits for the large one's
// update instead of running an epoch ahead (so a pause never waits for a whole update). Nothing
// here depends on the clock: the first slice of an unmeasured model is FIRST_WORK multiply-adds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './helpers.mjs';
import { PlaygroundGroup } from '../../web/worker/playground-group.js';
import { FIRST_WORK } from '../../web/worker/trainer-group.js';

const { nn } = await loadEngine();

// 2 -> 256 -> 256 -> 2 on 2,000 circle points: one full-batch update is about 3 x FIRST_WORK.
const data = { name: 'circle', n: 2000 };
const big = { data, model: { hidden: [256, 256] } };
const small = { data, model: { hidden: [] } };

test('a large full-batch update is trained across slices and ends with the weights of the whole update', () => {
  const group = new PlaygroundGroup(nn, { a: small, b: big }, { grid: 0 });
  const reference = nn.fromSpec(big);
  try {
    const b = group.models.b;
    assert.ok(b.trainer.updateWork > 2 * FIRST_WORK, `one update is ${b.trainer.updateWork} multiply-adds`);
    assert.equal(group.trainSlice(1), false, 'the first slice does not finish the epoch');
    assert.equal(b.trainer.state.step, 0, 'no step taken yet: the update is under way');
    assert.ok(b.progress > 0 && b.progress < 1, `part of the update is done (${b.progress})`);
    assert.equal(group.models.a.trainer.state.epoch, 0, 'the small model waits for the large one');
    const weightsBefore = JSON.stringify(b.trainer.getWeights());
    assert.equal(weightsBefore, JSON.stringify(reference.getWeights()), 'between slices the weights are those before the update');
    let slices = 1;
    while (!group.trainSlice(1)) slices += 1;
    assert.ok(slices >= 1);
    assert.deepEqual([group.models.a.trainer.state.epoch, b.trainer.state.epoch], [1, 1], 'both models in step');
    assert.equal(b.progress, 0);
    reference.train({ epochs: 1 });
    assert.equal(JSON.stringify(b.trainer.getWeights()), JSON.stringify(reference.getWeights()), 'bit for bit (JSON keeps float32 exactly)');
    assert.equal(b.records.length, 1);
  } finally {
    reference.dispose();
    group.dispose();
  }
});

test('small models still train whole updates, several per slice, and keep in step', () => {
  const spec = { data: { name: 'radial', n: 400 }, model: { hidden: [8] }, batch_size: 32 };
  const group = new PlaygroundGroup(nn, { a: { ...spec, model: { hidden: [] } }, b: spec }, { grid: 0 });
  try {
    while (!group.trainSlice(3)) { /* slices until both reach epoch 3 */ }
    for (const m of Object.values(group.models)) {
      assert.equal(m.trainer.state.epoch, 3);
      assert.equal(m.progress, 0, 'never in pieces');
    }
  } finally {
    group.dispose();
  }
});

test('train({ work }) in the JS API: pieces, then the step, with the numbers of train({ steps: 1 })', () => {
  const pieces = nn.fromSpec(big);
  const whole = nn.fromSpec(big);
  try {
    const work = pieces.updateWork;
    let calls = 0;
    let result;
    do {
      result = pieces.train({ work: work / 10 });
      calls += 1;
      assert.ok(result.work > 0);
    } while (result.ran === 0);
    assert.ok(calls >= 5, `${calls} calls`);
    assert.equal(result.progress, 0);
    assert.equal(result.records.length, 1);
    const ref = whole.train({ steps: 1 });
    assert.equal(result.records[0].train.loss, ref.records[0].train.loss);
    assert.equal(JSON.stringify(pieces.getWeights()), JSON.stringify(whole.getWeights()));
    for (const bad of [0, -1, NaN, 'x', Infinity]) assert.throws(() => pieces.train({ work: bad }), { kind: 'spec', message: /work/ });
  } finally {
    pieces.dispose();
    whole.dispose();
  }
});

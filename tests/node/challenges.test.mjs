// Challenges and the divergence coach's arithmetic, in Node (issue 16): the goal syntax and its
// errors, the hash keys, the tracker's steps and budget, and, with the real WebAssembly engine,
// that every built-in challenge is out of reach from its setup and reached by its answer (the
// Chromium test, page-challenges.test.mjs, does the same through the page).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './helpers.mjs';
import { BEAT_ADAM_REFERENCE, CHALLENGE, CHALLENGES, GoalTracker, goalOf, parseGoal, withChallengeSetup } from '../../web/shared/challenges.js';
import { defaultState, hashFromState, specOf, stateFromHash } from '../../web/shared/state.js';
import { LossWatch, compactNumber, lowerTenfold } from '../../web/shared/divergence.js';

const codes = (text) => parseGoal(text).errors.map((e) => e.code);

test('the goal syntax: metrics, percentages, the other panel, units, divergence, steps', () => {
  assert.deepEqual(parseGoal('a.val.accuracy>=70%'), { steps: [[{ kind: 'metric', panel: 'a', split: 'val', metric: 'accuracy', op: '>=', value: 0.7 }]], errors: [] });
  assert.deepEqual(parseGoal('b.test.loss <= a').steps[0][0], { kind: 'metric', panel: 'b', split: 'test', metric: 'loss', op: '<=', than: 'a' });
  const { steps } = parseGoal('b.diverged; b.units<=8, b.test.r2>=0.99');
  assert.deepEqual(steps.map((s) => s.map((c) => c.kind)), [['diverged'], ['units', 'metric']]);
  assert.deepEqual(steps[1][0], { kind: 'units', panel: 'b', op: '<=', value: 8 });
});

test('a bad goal names the part that is wrong and what is allowed', () => {
  assert.deepEqual(codes('c.val.accuracy>=0.7'), ['panel']);
  assert.deepEqual(parseGoal('c.val.accuracy>=0.7').errors[0], { code: 'panel', part: 'c.val.accuracy>=0.7', value: 'c', allowed: 'a, b' });
  assert.deepEqual(parseGoal('a.valid.loss<=1').errors[0].allowed, 'train, val, test');
  assert.deepEqual(parseGoal('a.val.f1>=1').errors[0].allowed, 'accuracy, loss, r2, mae, rmse');
  assert.deepEqual(parseGoal('a.val.loss>1').errors[0], { code: 'op', part: 'a.val.loss>1', value: '>', allowed: '>=, <=' });
  assert.deepEqual(codes('a.val.loss'), ['noOp']);
  assert.deepEqual(codes('a.val.loss<=lots'), ['threshold']);
  assert.deepEqual(codes('a.val.loss<=a'), ['samePanel']);
  assert.deepEqual(codes('a.units<=8.5'), ['units']);
  assert.deepEqual(codes('a.diverged>=1'), ['divergedOp']);
  assert.deepEqual(codes('accuracy at least 0.7'), ['syntax']);
  assert.deepEqual(codes(''), ['empty']);
  assert.deepEqual(codes('a.diverged;a.diverged;a.diverged;a.diverged;a.diverged'), ['steps']);
  assert.deepEqual(parseGoal('a.val.loss>1,b.val.loss<=x').errors.map((e) => e.code), ['op', 'threshold'], 'every mistake, not only the first');
});

test('goalOf: built-ins, a teacher\'s own goal, and what is wrong with a link', () => {
  const base = defaultState();
  const builtin = goalOf({ ...base, challenge: 'spiral-8' }).goal;
  assert.equal(builtin.id, 'spiral-8');
  assert.equal(builtin.budget, 1500);
  assert.deepEqual(goalOf({ ...base, challenge: 'nope' }).errors[0], { code: 'challenge', value: 'nope', allowed: CHALLENGES.map((c) => c.id).join(', ') });
  const own = goalOf({ ...base, goal: 'a.train.loss<=0.5', budget: 10, lock: 'lr, a.hidden', hide: 'optimizer', hint: 'h' }).goal;
  assert.deepEqual([own.id, own.budget, own.lock, own.hide, own.hint], ['custom', 10, ['lr', 'a.hidden'], ['optimizer'], 'h']);
  assert.deepEqual(goalOf({ ...base, goal: 'a.train.loss<=0.5', lock: 'lr,speeed' }).errors.map((e) => [e.code, e.value]), [['key', 'speeed']]);
  assert.deepEqual(goalOf({ ...base, goal: 'a.test.r2>=0.9' }, 'classification').errors[0], { code: 'task', value: 'r2', task: 'classification', allowed: 'accuracy, loss' });
  assert.deepEqual(goalOf({ ...base, data: 'plane', goal: 'a.test.accuracy>=0.9' }, 'regression').errors[0].allowed, 'loss, r2, mae, rmse');
  assert.equal(goalOf({ ...base, data: 'plane', goal: 'a.test.r2>=0.9' }, 'regression').errors.length, 0);
  assert.deepEqual(goalOf({ ...base, hint: 'x' }).errors[0].code, 'noGoal');
  assert.deepEqual(goalOf(base), { goal: null, errors: [] });
});

test('the hash keeps a goal, old links stay as they were, and a short challenge link opens the setup', () => {
  const old = '#data=xor&lr=0.05&a.hidden=';
  assert.equal(stateFromHash(old).state.goal, '');
  assert.doesNotMatch(hashFromState(stateFromHash(old).state), /goal|challenge|budget|lock|hint/);
  const link = '#goal=a.val.accuracy%3E%3D0.9&budget=200&lock=lr&hint=look+at+x1*x2&title=T';
  const { state, rejected } = stateFromHash(link);
  assert.deepEqual(rejected, []);
  assert.deepEqual([state.goal, state.budget, state.lock, state.hint], ['a.val.accuracy>=0.9', 200, 'lr', 'look at x1*x2']);
  assert.deepEqual(stateFromHash(hashFromState(state)).state, state);
  assert.deepEqual(stateFromHash('#hint=a%00b&budget=0').rejected, ['hint', 'budget']);
  const short = stateFromHash('#challenge=beat-adam&speed=100').state;
  const opened = withChallengeSetup(short, ['challenge', 'speed']);
  assert.equal(opened.optimizer, 'momentum');
  assert.equal(opened.speed, 100, 'the link\'s own keys win');
  assert.equal(withChallengeSetup(short, ['challenge', 'speed', 'lr']), short, 'a full link opens what it says');
});

/** A tracker fed one model: view of panel b only. */
const look = (tracker, epoch, metrics, status = 'ok', units = { a: 0, b: 8 }) => tracker.observe({ b: { epoch, status, metrics } }, units);

test('the tracker: steps in order, the epoch reached, the budget per run, comparisons with the other panel', () => {
  const fix = new GoalTracker(goalOf({ ...defaultState(), data: 'plane', goal: 'b.diverged;b.test.r2>=0.99' }).goal);
  assert.equal(look(fix, 5, { test: { r2: 0.995 } }), false, 'the second step does not count before the first');
  assert.equal(look(fix, 8, undefined, 'diverged'), true);
  assert.equal(fix.progress().step, 1);
  fix.restarted();
  assert.equal(look(fix, 50, { test: { r2: 0.98 } }), false);
  assert.equal(look(fix, 100, { test: { r2: 0.991 } }), true);
  assert.deepEqual([fix.status, fix.progress().reachedEpoch, fix.progress().value], ['reached', 100, 0.991]);
  assert.equal(look(fix, 200, { test: { r2: 0.5 } }), false, 'reached stays reached');

  const budget = new GoalTracker(goalOf({ ...defaultState(), goal: 'b.val.loss<=0.1', budget: 100 }).goal);
  look(budget, 50, { val: { loss: 0.3 } });
  assert.equal(budget.progress().fraction, 0.1 / 0.3);
  assert.equal(look(budget, 100, { val: { loss: 0.2 } }), true);
  assert.equal(budget.status, 'over');
  assert.equal(look(budget, 120, { val: { loss: 0.05 } }), false, 'past the budget it does not count');
  budget.restarted();
  assert.equal(budget.status, 'pending');
  assert.equal(look(budget, 90, { val: { loss: NaN } }), false, 'not a number meets nothing');
  assert.equal(look(budget, 100, { val: { loss: 0.1 } }), true, 'at the budget\'s last epoch it counts');

  const units = new GoalTracker(goalOf({ ...defaultState(), goal: 'b.units<=8,b.val.accuracy>=0.9' }).goal);
  assert.equal(look(units, 10, { val: { accuracy: 0.95 } }, 'ok', { a: 0, b: 16 }), false, 'too many units');
  assert.equal(look(units, 20, { val: { accuracy: 0.95 } }, 'ok', { a: 0, b: 8 }), true);

  const race = new GoalTracker(goalOf({ ...defaultState(), goal: 'a.val.accuracy>=b' }).goal);
  const both = (a, b) => race.observe({ a: { epoch: 1, status: 'ok', metrics: { val: { accuracy: a } } }, b: { epoch: 1, status: 'ok', metrics: { val: { accuracy: b } } } }, {});
  assert.equal(both(0.5, 0.9), false);
  assert.equal(race.progress().target, 0.9);
  assert.equal(both(0.9, 0.9), true);
});

test('the coach\'s arithmetic: the largest one-epoch jump, compact numbers, lr / 10', () => {
  const watch = new LossWatch();
  const rec = (epoch, loss) => ({ epoch, train: { loss } });
  watch.add([rec(1, 0.4), rec(2, 0.3), rec(3, 0.6)]);
  watch.add([rec(4, 60), rec(5, 120), rec(6, NaN)]);
  assert.deepEqual(watch.summary(), { low: { epoch: 2, loss: 0.3 }, last: { epoch: 5, loss: 120 }, jump: { epoch: 4, from: 0.6, to: 60, k: 100 } });
  watch.clear();
  assert.deepEqual(watch.summary(), { low: null, last: null, jump: null });
  assert.equal(compactNumber(143.27), '143');
  assert.equal(compactNumber(6.6e18), '6.6·10¹⁸');
  assert.equal(compactNumber(2.5e-5), '0.000025');
  assert.deepEqual([0.3, 0.05, 5, 1e-7].map(lowerTenfold), [0.03, 0.005, 0.5, 1e-8]);
});

/** Trains panel `panel` of a state in the engine, feeding the tracker every `every` epochs; returns the tracker. */
function attempt(nn, state, goal, epochs, every = 25) {
  const tracker = new GoalTracker(goal);
  const panels = [...new Set(goal.steps.flat().map((c) => c.panel))];
  const trainers = Object.fromEntries(panels.map((p) => [p, nn.fromSpec(specOf({ ...state, n: null }, p), { historyLimit: 0 })]));
  const units = Object.fromEntries(['a', 'b'].map((p) => [p, state[`${p}.hidden`].reduce((s, u) => s + u, 0)]));
  try {
    for (let e = 0; e < epochs && tracker.status === 'pending'; e += every) {
      const view = Object.fromEntries(Object.entries(trainers).map(([p, t]) => {
        t.train({ epochs: every });
        return [p, { ...t.state, metrics: t.state.status === 'ok' ? t.final() : undefined }];
      }));
      tracker.observe(view, units);
    }
  } finally {
    for (const t of Object.values(trainers)) t.dispose();
  }
  return tracker;
}

test('every built-in challenge: out of reach from its setup, reached by its answer (the engine in WebAssembly)', { timeout: 600000 }, async () => {
  const { nn } = await loadEngine();
  for (const c of CHALLENGES) {
    const setup = { ...defaultState(), ...c.setup, challenge: c.id };
    const { goal } = goalOf(setup);
    const epochs = c.budget ?? 300;
    if (c.id === 'diverge-fix') {
      assert.equal(attempt(nn, setup, goal, 300).status, 'pending', 'no divergence at the setup\'s lr: the first step waits');
      assert.equal(attempt(nn, { ...setup, ...c.answer[0] }, { ...goal, steps: [goal.steps[0]] }, 100, 1).status, 'reached', 'lr 0.05 diverges');
      assert.equal(attempt(nn, { ...setup, ...c.answer[1] }, { ...goal, steps: [goal.steps[1]] }, 1000).status, 'reached', 'lr 0.005 fixes it');
      continue;
    }
    assert.notEqual(attempt(nn, setup, goal, epochs).status, 'reached', `${c.id}: the setup alone does not reach the goal`);
    const solved = attempt(nn, { ...setup, ...c.answer[0] }, goal, epochs);
    assert.equal(solved.status, 'reached', `${c.id}: the answer reaches it`);
    assert.ok(solved.progress().reachedEpoch <= epochs);
  }
});

test('beat-adam\'s threshold is what Adam reaches on its setup in its budget', async () => {
  const { nn } = await loadEngine();
  const c = CHALLENGE['beat-adam'];
  const trainer = nn.fromSpec(specOf({ ...defaultState(), ...c.setup, ...BEAT_ADAM_REFERENCE }, 'b'), { historyLimit: 0 });
  trainer.train({ epochs: c.budget });
  const adam = trainer.final().val.loss;
  trainer.dispose();
  assert.ok(Math.abs(adam - 0.036) < 0.0005, `Adam's validation loss after ${c.budget} epochs: ${adam}`);
  assert.equal(c.goal, 'b.val.loss<=0.036');
});

// Challenges: a goal a teacher writes into a link, checked live against the models' metrics.
// Pure (no DOM, no engine): the page (page/challenge-view.js) shows it, the Node tests check it.
//
// A goal is one or more steps, reached in order; a step is one or more conditions, all at once:
//
//   goal      := step (';' step)*            ";" reads "then": b.diverged;b.test.r2>=0.99
//   step      := condition (',' condition)*  "," reads "and":  b.units<=8,b.test.accuracy>=0.95
//   condition := panel '.' split '.' metric op (number | number'%' | panel)
//              | panel '.diverged'            the panel's model diverged
//              | panel '.units' op integer    its hidden units, summed over its layers
//   panel a | b, split train | val | test, metric accuracy | loss | r2 | mae | rmse, op >= | <=
//
// In the URL hash (docs/teaching.md): #challenge=ID for a built-in challenge, or a teacher's own:
// #goal=...&budget=EPOCHS&lock=KEYS&hide=KEYS&title=...&hint=...&solution=... (KEYS: the state
// table's keys, state.js, comma-separated; the experiment itself is the link's other keys).
// A budget is an epoch count: the goal counts only when reached by then.
import { FIELD } from './state.js';

export const GOAL_PANELS = ['a', 'b'];
export const GOAL_SPLITS = ['train', 'val', 'test'];
export const CLASSIFICATION_METRICS = ['accuracy', 'loss'];
export const REGRESSION_METRICS = ['loss', 'r2', 'mae', 'rmse'];
export const GOAL_METRICS = ['accuracy', 'loss', 'r2', 'mae', 'rmse'];
export const GOAL_OPS = ['>=', '<='];
const MAX_STEPS = 4;
const MAX_CONDITIONS = 4;
const EXAMPLE = 'a.val.accuracy>=0.7';

const ALL_FEATURES = ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)'];

/**
 * The built-in challenges. setup: the state a short link (#challenge=ID) opens; goal, budget,
 * lock, hide: as a teacher's own; answer: the patches that solve it, applied in turn (each
 * restarts training; one per step). Their titles, hints and solutions are in
 * page/strings-teacher.js (challenge.ID.title, .hint, .solution). Each is reached by its answer
 * in Chromium (tests/node/page-challenges.test.mjs); the numbers in the texts are the engine's.
 */
export const CHALLENGES = Object.freeze([
  { id: 'radial-linear', setup: { data: 'radial', lr: 0.05, limit: 1000, 'a.hidden': [] },
    goal: 'a.val.accuracy>=0.7', budget: 1000, lock: ['data', 'a.hidden'], hide: [],
    answer: [{ 'a.features': ['x1', 'x2', 'x1^2', 'x2^2'] }] },
  { id: 'xor-linear', setup: { data: 'xor', lr: 0.05, limit: 1000, 'a.hidden': [] },
    goal: 'a.val.accuracy>=0.95', budget: 1000, lock: ['data', 'a.hidden'], hide: [],
    answer: [{ 'a.features': ['x1', 'x2', 'x1*x2'] }] },
  { id: 'spiral-8', setup: { data: 'spiral', limit: 1500, 'b.hidden': [8] },
    goal: 'b.units<=8,b.test.accuracy>=0.95', budget: 1500, lock: ['data'], hide: [],
    answer: [{ optimizer: 'adam', lr: 0.03, 'b.activation': 'tanh', 'b.features': ALL_FEATURES }] },
  { id: 'diverge-fix', setup: { data: 'plane', loss: 'mse', optimizer: 'sgd', lr: 0.005, limit: 4000, batch: 'full' },
    goal: 'b.diverged;b.test.r2>=0.99', lock: ['data', 'loss', 'optimizer'], hide: ['weightDecay', 'reg'],
    answer: [{ lr: 0.05 }, { lr: 0.005 }] },
  // Adam's number: the same setup with optimizer adam, lr 0.01, after 300 epochs (the Node test measures it).
  { id: 'beat-adam', setup: { data: 'circle', limit: 300, 'b.hidden': [8], 'b.activation': 'tanh', optimizer: 'momentum',
    momentum: 0.9, nesterov: false, lr: 0.005, batch: 'full' },
  goal: 'b.val.loss<=0.036', budget: 300, lock: ['data', 'optimizer', 'limit', 'batch', 'loss', 'b.hidden', 'b.activation', 'b.features'],
  hide: ['weightDecay', 'reg'], answer: [{ lr: 0.1 }] },
]);
export const CHALLENGE = Object.freeze(Object.fromEntries(CHALLENGES.map((c) => [c.id, c])));
/** What beat-adam measured Adam against: its setup with Adam (the Node test checks the threshold). */
export const BEAT_ADAM_REFERENCE = Object.freeze({ optimizer: 'adam', lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, amsgrad: false });

// ---- reading a goal ---------------------------------------------------------------------------

/** A problem with a goal: code (page/strings-teacher.js's err.CODE) and what to fill in. */
const problem = (code, args = {}) => ({ code, ...args });

const list = (values) => values.join(', ');

/** One condition from its text; { condition } or { error }. */
export function parseCondition(text) {
  const part = text.trim();
  const m = /^([^.\s]+)\.(diverged|units|([^.\s]+)\.([^.<>=\s]+))\s*(?:(>=|<=|=>|=<|>|<|=)\s*(\S+))?$/.exec(part);
  if (!m) return { error: problem('syntax', { part, example: EXAMPLE }) };
  const [, panel, kind, split, metric, op, rhs] = m;
  if (!GOAL_PANELS.includes(panel)) return { error: problem('panel', { part, value: panel, allowed: list(GOAL_PANELS) }) };
  if (kind === 'diverged') {
    return op ? { error: problem('divergedOp', { part, value: `${op}${rhs}` }) } : { condition: { kind: 'diverged', panel } };
  }
  if (!op) return { error: problem('noOp', { part, allowed: list(GOAL_OPS) }) };
  if (!GOAL_OPS.includes(op)) return { error: problem('op', { part, value: op, allowed: list(GOAL_OPS) }) };
  if (kind === 'units') {
    const units = /^\d+$/.test(rhs) ? Number(rhs) : NaN;
    if (!Number.isSafeInteger(units)) return { error: problem('units', { part, value: rhs }) };
    return { condition: { kind: 'units', panel, op, value: units } };
  }
  if (!GOAL_SPLITS.includes(split)) return { error: problem('split', { part, value: split, allowed: list(GOAL_SPLITS) }) };
  if (!GOAL_METRICS.includes(metric)) return { error: problem('metric', { part, value: metric, allowed: list(GOAL_METRICS) }) };
  if (GOAL_PANELS.includes(rhs)) {
    if (rhs === panel) return { error: problem('samePanel', { part, value: rhs }) };
    return { condition: { kind: 'metric', panel, split, metric, op, than: rhs } };
  }
  const percent = rhs.endsWith('%');
  const number = rhs.trim() === '' ? NaN : Number(percent ? rhs.slice(0, -1) : rhs);
  if (!Number.isFinite(number) || rhs === '%') return { error: problem('threshold', { part, value: rhs }) };
  return { condition: { kind: 'metric', panel, split, metric, op, value: percent ? number / 100 : number } };
}

/** A goal's steps from its text: { steps: [[condition]], errors: [problem] }. */
export function parseGoal(text) {
  const errors = [];
  const stepTexts = String(text).split(';').map((s) => s.trim()).filter(Boolean);
  if (stepTexts.length === 0) return { steps: [], errors: [problem('empty', { example: EXAMPLE })] };
  if (stepTexts.length > MAX_STEPS) errors.push(problem('steps', { n: stepTexts.length, max: MAX_STEPS }));
  const steps = stepTexts.slice(0, MAX_STEPS).map((step) => {
    const parts = step.split(',').map((s) => s.trim()).filter(Boolean);
    if (parts.length > MAX_CONDITIONS) errors.push(problem('conditions', { n: parts.length, max: MAX_CONDITIONS }));
    return parts.slice(0, MAX_CONDITIONS).map((p) => {
      const { condition, error } = parseCondition(p);
      if (error) errors.push(error);
      return condition;
    }).filter(Boolean);
  });
  return { steps: errors.length ? [] : steps, errors };
}

/** The state keys a lock or hide list names, and the problems with it. */
function keysOf(text, name) {
  const keys = String(text).split(',').map((k) => k.trim()).filter(Boolean);
  const errors = keys.filter((k) => !FIELD[k] || ['lang', 'challenge', 'goal', 'budget', 'lock', 'hide', 'title', 'hint', 'solution']
    .includes(k)).map((k) => problem('key', { name, value: k, example: 'lr, optimizer, a.hidden, b.features' }));
  return { keys: keys.filter((k) => FIELD[k]), errors };
}

/**
 * The goal a state holds: a built-in challenge (state.challenge), a teacher's own (state.goal)
 * or none. task: the data's task ('classification' or 'regression', the engine's: the page knows
 * it), which decides the metrics a goal may watch; null when not known yet (no check).
 * Returns { goal, errors } with goal null when there is none or it cannot be checked.
 * goal: { id, builtin, text, steps, budget, lock, hide, title, hint, solution, answer }.
 */
export function goalOf(state, task = null) {
  const errors = [];
  const builtin = state.challenge ? CHALLENGE[state.challenge] : null;
  if (state.challenge && !builtin) {
    return { goal: null, errors: [problem('challenge', { value: state.challenge, allowed: list(CHALLENGES.map((c) => c.id)) })] };
  }
  const text = builtin ? builtin.goal : state.goal;
  if (!text) {
    const stray = ['budget', 'lock', 'hide', 'hint', 'solution', 'title'].filter((k) => state[k] !== null && state[k] !== '');
    return { goal: null, errors: stray.length ? [problem('noGoal', { keys: list(stray) })] : [] };
  }
  const { steps, errors: goalErrors } = parseGoal(text);
  errors.push(...goalErrors);
  const lock = builtin ? { keys: builtin.lock, errors: [] } : keysOf(state.lock, 'lock');
  const hide = builtin ? { keys: builtin.hide, errors: [] } : keysOf(state.hide, 'hide');
  errors.push(...lock.errors, ...hide.errors);
  const allowed = task === 'regression' ? REGRESSION_METRICS : task === 'classification' ? CLASSIFICATION_METRICS : GOAL_METRICS;
  for (const c of steps.flat()) {
    if (c.kind === 'metric' && !allowed.includes(c.metric)) errors.push(problem('task', { value: c.metric, task, allowed: list(allowed) }));
  }
  if (errors.length) return { goal: null, errors };
  return {
    goal: {
      id: builtin ? builtin.id : 'custom', builtin: Boolean(builtin), text, steps,
      budget: builtin ? builtin.budget ?? null : state.budget, lock: lock.keys, hide: hide.keys,
      title: builtin ? null : state.title, hint: builtin ? null : state.hint, solution: builtin ? null : state.solution,
      answer: builtin ? builtin.answer : null,
    },
    errors,
  };
}

/** Hash keys that say how to show a challenge, not which experiment it runs. */
const SHORT_KEYS = ['challenge', 'lang', 'speed', 'autoplay', 'panels', 'controls'];

/**
 * A short link to a built-in challenge (#challenge=spiral-8, maybe with keys such as lang or speed)
 * opens its setup; a link that names any experiment setting opens exactly what it says, so the
 * link the page writes back (every setting) reopens the learner's own attempt. keys: the hash's keys.
 */
export function withChallengeSetup(state, keys) {
  const setup = CHALLENGE[state.challenge]?.setup;
  if (!setup || keys.some((k) => !SHORT_KEYS.includes(k))) return state;
  return { ...state, ...structuredClone(setup), ...Object.fromEntries(keys.map((k) => [k, state[k]])) };
}

// ---- checking a goal --------------------------------------------------------------------------

const compare = (op, value, target) => Number.isFinite(value) && Number.isFinite(target) && (op === '>=' ? value >= target : value <= target);

/**
 * Whether a condition holds for what the page sees: view = { a, b } each { status, metrics }
 * (metrics: { train, val, test } of the JS API's final()), units = { a, b } hidden units.
 * Returns { met, value, target }. A diverged model meets no metric condition.
 */
export function evaluate(condition, view, units) {
  const model = view[condition.panel];
  if (condition.kind === 'diverged') return { met: model?.status === 'diverged', value: model?.status ?? null, target: 'diverged' };
  if (condition.kind === 'units') {
    const value = units[condition.panel];
    return { met: compare(condition.op, value, condition.value), value, target: condition.value };
  }
  const read = (panel) => (view[panel]?.status === 'diverged' ? NaN : view[panel]?.metrics?.[condition.split]?.[condition.metric] ?? NaN);
  const value = read(condition.panel);
  const target = condition.than ? read(condition.than) : condition.value;
  return { met: compare(condition.op, value, target), value, target };
}

/** How far a value is towards its target, 0 .. 1 (for the progress bar; 1 when met). */
export function fractionOf(condition, { met, value, target }) {
  if (met) return 1;
  if (!Number.isFinite(value) || !Number.isFinite(target)) return 0;
  const f = condition.op === '>=' ? value / target : target / value;
  return Math.max(0, Math.min(0.99, f));
}

/**
 * A goal followed over runs: which step it is at, whether it is reached and at which epoch, and
 * whether the current run is past the budget. A reached step stays reached when training starts
 * again (so "make it diverge, then fix it" can be done in two runs); the budget counts per run.
 */
export class GoalTracker {
  #goal;
  #step = 0;
  #reachedEpoch = null;
  #over = false;
  #epoch = 0;
  #current = null;  // the current step's first condition, evaluated

  constructor(goal) {
    this.#goal = goal;
  }

  get goal() { return this.#goal; }

  /** 'pending', 'reached' or 'over' (the budget ran out in this run). */
  get status() {
    return this.#reachedEpoch !== null ? 'reached' : this.#over ? 'over' : 'pending';
  }

  /** Training started again at epoch 0: the budget counts afresh. */
  restarted() {
    this.#over = false;
    this.#epoch = 0;
  }

  /**
   * One look at the models: view = { a, b } each { epoch, status, metrics }, units = { a, b }.
   * Returns true when what a listener is told changed (a step reached, the goal reached, over).
   */
  observe(view, units) {
    if (this.#reachedEpoch !== null) return false;
    const before = `${this.#step}:${this.status}`;
    this.#epoch = Math.max(0, ...GOAL_PANELS.map((p) => view[p]?.epoch ?? 0));
    const budget = this.#goal.budget;
    const within = !budget || this.#epoch <= budget;
    const results = this.#goal.steps[this.#step].map((c) => evaluate(c, view, units));
    this.#current = { condition: this.#goal.steps[this.#step][0], ...results[0] };
    if (within && results.every((r) => r.met)) {
      this.#step += 1;
      if (this.#step === this.#goal.steps.length) this.#reachedEpoch = this.#epoch;
      else this.#current = null;
    } else if (budget && this.#epoch >= budget) this.#over = true;  // the last epoch of the budget has been measured
    return before !== `${this.#step}:${this.status}`;
  }

  /** What the page shows and posts: { status, step, steps, epoch, condition, value, target, fraction }. */
  progress() {
    const c = this.#current;
    const steps = this.#goal.steps.length;
    return {
      status: this.status, step: Math.min(this.#step, steps - 1), steps, epoch: this.#reachedEpoch ?? this.#epoch,
      reachedEpoch: this.#reachedEpoch, condition: c?.condition ?? this.#goal.steps[Math.min(this.#step, steps - 1)][0],
      value: c?.value ?? null, target: c?.target ?? null, fraction: this.status === 'reached' ? 1 : c ? fractionOf(c.condition, c) : 0,
    };
  }
}

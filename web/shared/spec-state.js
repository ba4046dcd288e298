// The other way round from state.js's specOf: the page state that trains an experiment spec
// (docs/spec.md), for <nn-playground spec="..."> and the postMessage API's setSpec. The page shows
// two models on the same data; a spec names one model. One spec sets the data and the training and
// the right-hand model (b). With keys `a` and/or `b`, each holds a model's part ({ model } or a
// whole spec) and the other top-level fields are shared: { data, optimizer, a: { model }, b: { model } }.
// What the page cannot show (a standardized data set, given initial weights, the tutorial 000
// tables, a split not in whole percent, ...) is named in `ignored` and left as it was.
// What the spec leaves to the engine's defaults (a dataset's n, a model's hidden layers) is left
// to them: the state holds null there, and state.js's reconcile() puts the engine's value in.
import { DATASETS, FIELD, MAX_DRAWN_POINTS, DRAW_CLASSES, parseValue, taskOf } from './state.js';

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** Sets state[key] from a spec value when the state table accepts it; else names it in ignored. */
function put(state, ignored, key, value, name) {
  const parsed = value === undefined ? undefined : parseValue(FIELD[key], Array.isArray(value) ? value.join(',') : String(value));
  if (parsed === undefined) ignored.push(name);
  else state[key] = parsed;
}

function putData(state, ignored, data) {
  const extra = Object.keys(data).filter((k) => !['name', 'n', 'noise', 'split', 'x', 'y', 'text', 'shuffle', 'standardize', 'holdout'].includes(k));
  ignored.push(...extra.map((k) => `data.${k}`));
  if (data.shuffle) ignored.push('data.shuffle');
  if (data.standardize) ignored.push('data.standardize');
  if (DATASETS.includes(data.name) && data.name !== 'draw') {
    state.data = data.name;
    state.n = null;  // a spec without n has the dataset's own size
    if (data.n !== undefined) put(state, ignored, 'n', data.n, 'data.n');
    if (data.noise !== undefined) put(state, ignored, 'noise', data.noise, 'data.noise');
    if (data.split !== undefined) putSplit(state, ignored, data.split);
  } else if (data.name === 'inline' && Array.isArray(data.x) && Array.isArray(data.y) && data.x.length === data.y.length
    && data.x.length <= MAX_DRAWN_POINTS && data.x.every((p, i) => Array.isArray(p) && p.length === 2
      && p.every((v) => Number.isFinite(v) && Math.abs(v) <= 100) && Number.isInteger(data.y[i]) && data.y[i] >= 0 && data.y[i] < DRAW_CLASSES)) {
    state.data = 'draw';
    state.points = data.x.map(([x1, x2], i) => [x1, x2, data.y[i]]);
  } else if (data.name === 'csv' && typeof data.text === 'string' && data.text.length > 0) {
    state.data = 'csv';
    state.csv = data.text;
    state.csvAll = data.holdout !== true;  // without holdout a CSV trains on every row (or as its split column says)
    if (data.holdout === true && data.split !== undefined) putSplit(state, ignored, data.split);
    else if (data.split !== undefined && !same(data.split, [1, 0, 0])) ignored.push('data.split');
  } else {
    ignored.push('data');
  }
}

/** A generated set's split as the page's percentages, when it is whole percent summing to 1. */
function putSplit(state, ignored, split) {
  const pct = Array.isArray(split) && split.length === 3 ? split.map((f) => Math.round(f * 100)) : null;
  if (!pct || pct.some((p, i) => Math.abs(p / 100 - split[i]) > 1e-9) || pct[0] + pct[1] + pct[2] !== 100) return ignored.push('data.split');
  put(state, ignored, 'trainPct', pct[0], 'data.split');
  put(state, ignored, 'valPct', pct[1], 'data.split');
}

/** regularization { l1 } or { l2 }: the page has one rate (TensorFlow Playground's none / L1 / L2). */
function putRegularization(state, ignored, r) {
  const given = Object.entries(r).filter(([, v]) => v !== 0);
  if (given.length === 0) return void (state.reg = 'none');
  if (given.length > 1 || !['l1', 'l2'].includes(given[0][0])) return ignored.push('regularization');
  state.reg = given[0][0];
  put(state, ignored, 'regRate', given[0][1], `regularization.${given[0][0]}`);
}

function putOptimizer(state, ignored, o) {
  const names = { sgd: o.momentum > 0 ? 'momentum' : 'sgd', adagrad: 'adagrad', adam: 'adam' };
  if (!Object.hasOwn(names, o.name)) return ignored.push('optimizer');
  state.optimizer = names[o.name];
  const fields = { lr: 'lr', weight_decay: 'weightDecay', momentum: 'momentum', nesterov: 'nesterov', lr_decay: 'lrDecay', eps: 'eps', amsgrad: 'amsgrad' };
  for (const [name, value] of Object.entries(o)) {
    if (name === 'name' || (name === 'momentum' && value === 0)) continue;
    if (name === 'betas' && Array.isArray(value) && value.length === 2) {
      put(state, ignored, 'beta1', value[0], 'optimizer.betas');
      put(state, ignored, 'beta2', value[1], 'optimizer.betas');
    } else if (Object.hasOwn(fields, name)) put(state, ignored, fields[name], value, `optimizer.${name}`);
    else ignored.push(`optimizer.${name}`);
  }
}

function putModel(state, ignored, panel, model) {
  if (model.hidden !== undefined) put(state, ignored, `${panel}.hidden`, model.hidden, 'model.hidden');
  else state[`${panel}.hidden`] = null;  // the engine's default
  if (model.activation !== undefined) put(state, ignored, `${panel}.activation`, model.activation, 'model.activation');
  if (model.init !== undefined) ignored.push('model.init');
  if (model.features !== undefined) put(state, ignored, `${panel}.features`, model.features, 'model.features');
  if (model.seed !== undefined) put(state, ignored, 'wseed', model.seed, 'model.seed');
}

/**
 * A spec given from outside (an object, or its JSON text) as an object, refused before any work
 * when it is past the engine's size caps (limits: nn.limits(), in the engine's rules): the text
 * past specBytes, a CSV's `data.text` (at the top, or in `a` or `b`) past csvBytes. Throws an
 * Error naming the cap. (A string longer than a cap in characters is longer still in bytes.)
 */
export function specWithinLimits(spec, limits) {
  if (typeof spec === 'string') {
    if (spec.length > limits.specBytes) throw new Error(`the spec is ${spec.length} characters, past the engine's cap of ${limits.specBytes} bytes`);
    spec = JSON.parse(spec);
  }
  for (const [where, part] of [['', spec], ['a.', spec?.a], ['b.', spec?.b]]) {
    const text = part?.data?.text;
    if (typeof text === 'string' && text.length > limits.csvBytes)
      throw new Error(`${where}data.text is ${text.length} characters, past the engine's cap of ${limits.csvBytes} bytes for CSV text`);
  }
  return spec;
}

/**
 * The state (from `base`) that trains `spec`, or { a, b } specs: { state, ignored: [names] }. rules:
 * the engine's (shared/engine-rules.js), which say a named set's task; without them a `task` on
 * anything but a CSV is ignored.
 */
export function stateFromSpec(spec, base, rules = null) {
  const state = structuredClone(base);
  const ignored = [];
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) return { state, ignored: ['spec'] };
  const { a, b, ...rest } = spec;
  const pair = a || b ? { a, b } : { b: spec };
  const own = [pair.b, pair.a].find((s) => s && typeof s === 'object') ?? {};
  const shared = { ...rest, ...own };
  if (pair.a && !pair.b && rest.model) pair.b = { model: rest.model };
  for (const [name, value] of Object.entries(shared)) {
    if (name === 'seed') put(state, ignored, 'seed', value, 'seed');
    else if (name === 'data' && value && typeof value === 'object') putData(state, ignored, value);
    else if (name === 'loss') put(state, ignored, 'loss', value, 'loss');
    else if (name === 'optimizer' && value && typeof value === 'object') putOptimizer(state, ignored, value);
    else if (name === 'batch_size') {
      if (value === 0) state.batch = 'full';
      else if (value === 1) state.batch = 'stochastic';
      else {
        state.batch = 'mini';
        put(state, ignored, 'batchSize', value, 'batch_size');
      }
    } else if (name === 'epochs') put(state, ignored, 'limit', value, 'epochs');
    else if (name === 'regularization' && value && typeof value === 'object') putRegularization(state, ignored, value);
    else if (name !== 'model' && name !== 'log_every' && name !== 'task') ignored.push(name);
  }
  // After the data: a CSV's task is the page's to choose, a named set's is the engine's (rules: specInfo).
  if (shared.task !== undefined) {
    if (state.data === 'csv') put(state, ignored, 'task', shared.task, 'task');
    else if (!rules || shared.task !== taskOf(state, rules)) ignored.push('task');
  }
  for (const panel of ['a', 'b']) if (pair[panel]?.model && typeof pair[panel].model === 'object') putModel(state, ignored, panel, pair[panel].model);
  return { state, ignored: [...new Set(ignored)] };
}

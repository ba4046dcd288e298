// The page state: one declarative table of fields. It serializes to and from the URL hash and
// turns into the two experiment specs (docs/spec.md) that the worker trains. Nothing here touches
// the DOM or the engine.
//
// Each field: key (also its name in the hash), type, default, the range it accepts, `effect`
// (what a change does: 'data' regenerates the data and resets, 'train' resets, 'lr' | 'limit' |
// 'speed' apply on the fly, 'view' only redraws) and `when` (the field only matters, and only
// shows, when this holds). Besides the experiment, the table holds what the page shows: the
// language, the lesson and its view, which panels and controls show (for embedding) and autoplay.
//
// The engine's rules are not restated here: a generated set's size and split, the caps, the class
// count a loss needs are the engine's (nn.specInfo(), shared/engine-rules.js). A field that holds
// `null` means "the engine's default" (`n`: the dataset's own size; a model's `hidden` from a spec
// without one); reconcile() puts the engine's value in once the page has its rules.
import { base64urlFromText, textFromBase64url } from './base64url.js';

export const DATASETS = ['radial', 'circle', 'xor', 'gauss', 'spiral', 'plane', 'multi_gauss', 'draw'];
export const OPTIMIZERS = ['sgd', 'momentum', 'adagrad', 'adam'];
export const LOSSES = ['cross_entropy', 'bce', 'mse', 'l1', 'huber'];
/** The spec's tasks: a named set has the engine's (specInfo), an imported CSV the learner's choice. */
export const TASKS = ['classification', 'regression'];
export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'linear'];
/** model.features, in the spec's order: the input nodes a model may take (2-D data only). */
export const FEATURES = ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)'];
export const REGULARIZATIONS = ['none', 'l1', 'l2'];
/** Speeds of one epoch per frame or more (`#speed=5`: five epochs per drawn frame, about 60 frames a second). */
export const SPEEDS = [1, 2, 5, 10, 20, 50, 100];
/**
 * Slow motion, below one epoch per frame: updates (optimizer steps, one mini-batch each) per second,
 * each drawn (`#speed=1/s`). With a full batch an update is an epoch. Models of different batch
 * sizes (the batch lesson) stay in step by epochs: the count is that of the model with the fewest
 * updates per epoch (worker/trainer-group.js's trainUpdate).
 */
export const SLOW_SPEEDS = ['1/s', '2/s', '5/s', '10/s', '30/s'];
/** Every speed, slowest first: the speed controls' choices. */
export const ALL_SPEEDS = [...SLOW_SPEEDS, ...SPEEDS];
export const PANELS = ['a', 'b'];
export const DRAW_CLASSES = 4;         // the class picker offers classes 0 .. 3
export const MAX_DRAWN_POINTS = 2000;
/** The longest list a link may hold (hidden layers): a bound on memory, not a rule of the engine. */
const MAX_LIST = 64;
/** The longest free text a link may hold in one key (a challenge's hint or solution). */
const MAX_TEXT = 600;
export const GRID_SIZE = 100;          // decision-grid cells per side
export const LANGUAGES = ['en', 'ko'];  // the page's languages (page/strings.js has their tables)
/** What a page or an embedded playground can show: the two models' panels and parts of them. */
export const PANEL_PARTS = ['a', 'b', 'legend', 'metrics', 'chart', 'confusion', 'readout', 'spec'];
/** Groups of controls that can be shown or hidden. */
export const CONTROL_GROUPS = ['toolbar', 'share', 'lessons', 'challenges', 'data', 'training', 'model', 'takehome'];
/** An imported CSV travels in the link as base64url up to this many characters (beyond, the link has the settings only). */
export const CSV_LINK_CHARS = 96 * 1024;

const isDraw = (s) => s.data === 'draw';
const isCsv = (s) => s.data === 'csv';
const isGenerated = (s) => !isDraw(s) && !isCsv(s);
/** An imported CSV without the choice to train on every row: data.holdout (a split column, if any, still decides). */
const holdsOut = (s) => isCsv(s) && !s.csvAll;
const opt = (...names) => (s) => names.includes(s.optimizer);
/** The task: an imported CSV's own choice, else the engine's for the dataset (rules: shared/engine-rules.js). */
export const taskOf = (s, rules) => (isCsv(s) ? s.task : rules.datasetTask(isDraw(s) ? 'inline' : s.data));
const featuresField = (panel) => ({ key: `${panel}.features`, type: 'features', values: FEATURES, default: ['x1', 'x2'], effect: 'train',
  when: (s) => !isCsv(s) && s[`${panel}.features`].join() !== 'x1,x2' });

const enumField = (key, values, fallback, effect, extra = {}) => ({ key, type: 'enum', values, default: fallback, effect, ...extra });
const intField = (key, min, max, fallback, effect, extra = {}) => ({ key, type: 'int', min, max, default: fallback, effect, ...extra });
const numField = (key, min, max, fallback, effect, extra = {}) => ({ key, type: 'float', min, max, default: fallback, effect, ...extra });
const boolField = (key, fallback, effect, extra = {}) => ({ key, type: 'bool', default: fallback, effect, ...extra });
const setField = (key, values, extra = {}) => ({ key, type: 'set', values, default: [...values], effect: 'view',
  when: (s) => s[key].length !== values.length, ...extra });
const idField = (key) => ({ key, type: 'id', default: '', effect: 'view', when: (s) => s[key] !== '' });
/** Free text a teacher writes into a link (a challenge's goal, hint, ...): shared/challenges.js reads it. */
const textField = (key) => ({ key, type: 'text', max: MAX_TEXT, default: '', effect: 'view', when: (s) => s[key] !== '' });

export const FIELDS = [
  enumField('data', [...DATASETS, 'csv'], 'radial', 'data'),
  // The largest n is the engine's cap (caps.samples), which the engine checks and names.
  intField('n', 1, Number.MAX_SAFE_INTEGER, null, 'data', { when: isGenerated }),
  numField('noise', 0, 1, 0, 'data', { when: isGenerated, step: 0.05 }),
  intField('seed', 0, 4294967295, 0, 'data'),
  { key: 'points', type: 'points', default: [], effect: 'data', when: isDraw },
  { key: 'csv', type: 'csv', default: '', effect: 'data', when: isCsv },
  // An imported CSV: its last column as class labels or as real targets, and every row for training or the split.
  enumField('task', TASKS, 'classification', 'data', { when: (s) => isCsv(s) && s.task !== 'classification' }),
  boolField('csvAll', false, 'data', { when: (s) => isCsv(s) && s.csvAll }),
  intField('drawClass', 0, DRAW_CLASSES - 1, 0, 'view', { when: isDraw }),
  enumField('show', ['train', 'val', 'test'], 'train', 'view', { when: (s) => !isDraw(s) }),
  // The train / validation / test split of the generated sets and of a CSV held out, in percent (test = the rest).
  intField('trainPct', 1, 100, 80, 'data', { when: (s) => (isGenerated(s) || holdsOut(s)) && s.trainPct !== 80 }),
  intField('valPct', 0, 99, 10, 'data', { when: (s) => (isGenerated(s) || holdsOut(s)) && s.valPct !== 10 }),
  boolField('showTest', false, 'view', { when: (s) => s.showTest && !isDraw(s) }),
  boolField('discretize', false, 'view', { when: (s) => s.discretize }),
  enumField('optimizer', OPTIMIZERS, 'sgd', 'train'),
  numField('lr', 0, 1e9, 0.005, 'lr', { step: 0.001 }),
  numField('momentum', 0, 0.999, 0.9, 'train', { when: opt('momentum'), step: 0.05 }),
  boolField('nesterov', false, 'train', { when: opt('momentum') }),
  numField('lrDecay', 0, 1, 0, 'train', { when: opt('adagrad'), step: 0.001 }),
  numField('beta1', 0, 0.999, 0.9, 'train', { when: opt('adam'), step: 0.01 }),
  numField('beta2', 0, 0.9999, 0.999, 'train', { when: opt('adam'), step: 0.001 }),
  numField('eps', 0, 1, 1e-8, 'train', { when: opt('adam'), step: 1e-8 }),
  boolField('amsgrad', false, 'train', { when: opt('adam') }),
  numField('weightDecay', 0, 1, 0, 'train', { step: 0.0001 }),
  enumField('reg', REGULARIZATIONS, 'none', 'train', { when: (s) => s.reg !== 'none' }),
  numField('regRate', 0, 10, 0.001, 'train', { when: (s) => s.reg !== 'none', step: 0.001 }),
  enumField('batch', ['full', 'stochastic', 'mini'], 'full', 'train'),
  intField('batchSize', 2, 200000, 32, 'train', { when: (s) => s.batch === 'mini' }),
  enumField('loss', LOSSES, 'cross_entropy', 'train'),
  intField('limit', 1, 10000000, 4000, 'limit'),
  { key: 'speed', type: 'enum', values: ALL_SPEEDS, default: 1, effect: 'speed' },
  { key: 'a.hidden', type: 'layers', default: [], effect: 'train' },
  enumField('a.activation', ACTIVATIONS, 'relu', 'train', { when: (s) => s['a.hidden']?.length !== 0 }),
  { key: 'b.hidden', type: 'layers', default: [200], effect: 'train' },
  enumField('b.activation', ACTIVATIONS, 'relu', 'train', { when: (s) => s['b.hidden']?.length !== 0 }),
  featuresField('a'),
  featuresField('b'),
  // model.seed: the initial weights' own seed ("New weights"); none = the data's seed.
  { key: 'wseed', type: 'int', min: 0, max: 4294967295, default: null, effect: 'train', when: (s) => s.wseed !== null },
  enumField('lang', LANGUAGES, 'en', 'view'),
  idField('lesson'),
  // The open lesson's own settings, { name: value } (its options and speed): never a key of its own,
  // lessons/link.js writes them as `<lesson>.<name>` keys.
  { key: 'lessonState', type: 'lessonState', default: {}, effect: 'view', when: () => false },
  idField('view'),
  setField('panels', PANEL_PARTS),
  setField('controls', CONTROL_GROUPS),
  boolField('autoplay', true, 'view', { when: (s) => !s.autoplay }),
  // A challenge (shared/challenges.js, docs/teaching.md): a built-in's id, or a teacher's own goal.
  idField('challenge'),
  textField('goal'),
  { key: 'budget', type: 'int', min: 1, max: 10000000, default: null, effect: 'view', when: (s) => s.budget !== null },
  textField('lock'),
  textField('hide'),
  textField('title'),
  textField('hint'),
  textField('solution'),
];

/** Fields by key. No prototype, so a hash key such as `__proto__` or `constructor` finds nothing. */
export const FIELD = Object.assign(Object.create(null), Object.fromEntries(FIELDS.map((f) => [f.key, f])));

export function defaultState() {
  return Object.fromEntries(FIELDS.map((f) => [f.key, structuredClone(f.default)]));
}

// ---- parsing and printing one value ---------------------------------------------------------

const PARSERS = {
  enum: (f, text) => f.values.find((v) => String(v) === text),
  int: (f, text) => (/^\d+$/.test(text) && +text >= f.min && +text <= f.max ? +text : undefined),
  float: (f, text) => {
    const v = text.trim() === '' ? NaN : Number(text);
    return Number.isFinite(v) && v >= f.min && v <= f.max ? v : undefined;
  },
  bool: (f, text) => ({ 1: true, true: true, 0: false, false: false })[text],
  // Positive whole numbers; how many layers and units the engine takes is its cap (caps.hiddenLayers,
  // caps.units), which it checks and names. MAX_LIST only bounds what a link can make the page hold.
  layers: (f, text) => {
    if (text === '') return [];
    const units = text.split(',').map(Number);
    const ok = units.length <= MAX_LIST && units.every((u) => Number.isSafeInteger(u) && u >= 1);
    return ok ? units : undefined;
  },
  points: (f, text) => {
    if (text === '') return [];
    const points = text.split(';').map((p) => p.split(',').map(Number));
    const ok = points.length <= MAX_DRAWN_POINTS && points.every((p) => p.length === 3
      && Math.abs(p[0]) <= 100 && Math.abs(p[1]) <= 100 && Number.isInteger(p[2]) && p[2] >= 0 && p[2] < DRAW_CLASSES);
    return ok ? points : undefined;
  },
  set: (f, text) => {
    if (text === 'none') return [];
    if (text === 'all') return [...f.values];
    const names = text.split(',');
    const ok = names.every((n) => f.values.includes(n)) && new Set(names).size === names.length;
    return ok ? f.values.filter((v) => names.includes(v)) : undefined;
  },
  features: (f, text) => {  // a set of input features: at least one
    const names = PARSERS.set(f, text);
    return names?.length ? names : undefined;
  },
  id: (f, text) => (/^[a-z0-9][a-z0-9_-]{0,39}$/.test(text) ? text : undefined),
  lessonState: () => undefined,  // read from the lesson's own keys, not from one
  // Printable text (no control characters), up to f.max characters.
  text: (f, text) => (text.length <= f.max && !/[\u0000-\u001f\u007f]/.test(text) ? text : undefined),
  csv: (f, text) => {
    if (text === '' || text.length > CSV_LINK_CHARS || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
    try {
      return textFromBase64url(text);
    } catch {
      return undefined;
    }
  },
};

const round = (v) => Math.round(v * 100) / 100;
const PRINTERS = {
  bool: (v) => (v ? '1' : '0'),
  layers: (v) => v.join(','),
  points: (v) => v.map(([x, y, c]) => `${round(x)},${round(y)},${c}`).join(';'),
  set: (v) => (v.length ? v.join(',') : 'none'),
  features: (v) => v.join(','),
  csv: (v) => base64urlFromText(v),
};

/** A field's value from text (a hash value or an input's value); undefined when it is not valid. */
export function parseValue(field, text) {
  return PARSERS[field.type](field, String(text));
}

export function printValue(field, value) {
  return (PRINTERS[field.type] ?? String)(value);
}

// ---- the URL hash ---------------------------------------------------------------------------

/**
 * The state a hash describes: unknown keys are ignored, bad values fall back to the default
 * (`base` overrides the table's defaults, for example with the browser's language).
 */
export function stateFromHash(hash, base = {}) {
  const state = { ...defaultState(), ...base };
  const rejected = [];
  let params;
  try {
    params = new URLSearchParams(String(hash).replace(/^#/, ''));
  } catch {
    return { state, rejected: ['#'] };
  }
  for (const [key, text] of params) {
    const field = FIELD[key];
    if (!field) continue;
    const value = parseValue(field, text);
    if (value === undefined) rejected.push(key);
    else state[key] = value;
  }
  if (isCsv(state) && state.csv === '') {  // the data was too large for the link, or is missing
    state.data = FIELD.data.default;
    rejected.push('data');
  }
  return { state, rejected };
}

/** The keys a hash names, in order; ['#'] for a hash URLSearchParams refuses. */
export function hashKeys(hash) {
  try {
    return [...new URLSearchParams(String(hash).replace(/^#/, '')).keys()];
  } catch {
    return ['#'];
  }
}

/** The keys of a hash that are no field of the table (a mistyped or hostile link). */
export function unknownHashKeys(hash) {
  return hashKeys(hash).filter((key) => !FIELD[key]);
}

/**
 * The hash for a state: every field that matters now, so a link means the same later. An
 * imported CSV too large for a link is left out (the link then opens the default data).
 */
export function hashFromState(state) {
  const params = new URLSearchParams();
  for (const f of FIELDS) {
    if (state[f.key] === null || (f.when && !f.when(state))) continue;  // null: the engine's default
    const text = printValue(f, state[f.key]);
    if (f.type !== 'csv' || text.length <= CSV_LINK_CHARS) params.set(f.key, text);
  }
  return hashOf(params);
}

/** A hash from its parameters; a fragment may hold '/', so slow speeds read `speed=1/s`. */
export const hashOf = (params) => `#${params}`.replaceAll('%2F', '/');

/**
 * What a speed means to the worker: { epochsPerFrame } (1, 2, 5, ...) or { updatesPerSecond }
 * ('1/s', ...); anything else is one epoch per frame.
 */
export function paceOf(speed) {
  const slow = typeof speed === 'string' && /^(\d+)\/s$/.exec(speed);
  if (slow && +slow[1] > 0) return { updatesPerSecond: +slow[1] };
  return { epochsPerFrame: Number.isInteger(speed) && speed > 0 ? speed : 1 };
}

/** A speed's label in the strings' tables: [key, { n }]. */
export function speedLabel(speed) {
  const { updatesPerSecond: n } = paceOf(speed);
  if (n !== undefined) return [n === 1 ? 'speedUpdate' : 'speedUpdates', { n }];
  return [speed === 1 ? 'speedOption' : 'speedOptions', { n: speed }];
}

// ---- changes --------------------------------------------------------------------------------

const EFFECT_RANK = ['view', 'speed', 'limit', 'lr', 'train', 'data'];

/** The keys whose value differs between two states. */
export function changedKeys(before, after) {
  return FIELDS.filter((f) => JSON.stringify(before[f.key]) !== JSON.stringify(after[f.key])).map((f) => f.key);
}

/** The strongest effect among the changed keys ('data' > 'train' > 'lr' > 'limit' > 'speed' > 'view'). */
export function strongestEffect(keys) {
  return keys.map((k) => FIELD[k].effect).reduce((a, b) => (EFFECT_RANK.indexOf(b) > EFFECT_RANK.indexOf(a) ? b : a), 'view');
}

// ---- specs ----------------------------------------------------------------------------------

/** The data part of the specs, or null when there is nothing to train on yet (no drawn points). */
export function dataSpecOf(state) {
  if (isDraw(state)) {
    if (state.points.length === 0) return null;
    return { name: 'inline', x: state.points.map(([x, y]) => [x, y]), y: state.points.map(([, , c]) => c) };
  }
  // A CSV's split column, if it has one, is read by the engine; without one, holdout shuffles the rows
  // by the seed and splits them (80/10/10 by default). n null and no split: the engine's defaults.
  const split = splitOf(state);
  if (isCsv(state)) return state.csv ? { name: 'csv', text: state.csv, ...(holdsOut(state) ? { holdout: true, ...(split ? { split } : {}) } : {}) } : null;
  return { name: state.data, ...(state.n === null ? {} : { n: state.n }), noise: state.noise, ...(split ? { split } : {}) };
}

/** The split from trainPct and valPct (the rest tests); undefined at 80/10, the engine's default (and data.holdout's). */
export function splitOf(state) {
  if (state.trainPct === 80 && state.valPct === 10) return undefined;
  const train = state.trainPct / 100;
  const val = Math.min(state.valPct / 100, 1 - train);
  return [train, val, Math.max(0, Math.round((1 - train - val) * 100) / 100)];
}

function optimizerSpecOf(s) {
  const common = { lr: s.lr, weight_decay: s.weightDecay };
  switch (s.optimizer) {
    case 'momentum': return { name: 'sgd', ...common, momentum: s.momentum, nesterov: s.nesterov && s.momentum > 0 };
    case 'adagrad': return { name: 'adagrad', ...common, lr_decay: s.lrDecay };
    case 'adam': return { name: 'adam', ...common, betas: [s.beta1, s.beta2], eps: s.eps, amsgrad: s.amsgrad };
    default: return { name: 'sgd', ...common };
  }
}

const BATCH_SIZES = { full: 0, stochastic: 1 };

/** The model: a linear model has no activation to name; hidden null is the engine's default; features and seed only when set. */
function modelSpecOf(state, panel) {
  const [hidden, activation] = [state[`${panel}.hidden`], state[`${panel}.activation`]];
  const model = hidden === null ? { activation } : hidden.length ? { hidden, activation } : { hidden };
  const features = state[`${panel}.features`];
  if (features.join() !== 'x1,x2' && !isCsv(state)) model.features = features;
  if (state.wseed !== null) model.seed = state.wseed;
  return model;
}

/** The experiment spec of one panel ('a' or 'b'), or null without data. */
export function specOf(state, panel) {
  const data = dataSpecOf(state);
  if (!data) return null;
  const spec = {
    seed: state.seed,
    data,
    model: modelSpecOf(state, panel),
    loss: state.loss,
    optimizer: optimizerSpecOf(state),
    batch_size: BATCH_SIZES[state.batch] ?? state.batchSize,
    epochs: state.limit,
  };
  if (isCsv(state) && state.task !== 'classification') spec.task = state.task;  // a named set's task is the engine's default
  if (state.reg !== 'none') spec.regularization = { [state.reg]: state.regRate };
  return spec;
}

export function specsOf(state) {
  return Object.fromEntries(PANELS.map((p) => [p, specOf(state, p)]));
}

/**
 * The state with the engine's defaults put in for `null` fields and the combinations the engine
 * refuses put right, by its rules (shared/engine-rules.js): a loss that needs a class count the
 * data does not have (bce: 2) becomes cross_entropy. `classes`: the data's class count, or null
 * when it is not known yet (imported or drawn data before the engine has read it).
 * Returns { state, changed: [keys whose value was put right] }.
 */
export function reconcile(state, rules, classes) {
  const next = { ...state };
  if (next.n === null && rules.defaultN(next.data) !== undefined) next.n = rules.defaultN(next.data);
  for (const panel of PANELS) if (next[`${panel}.hidden`] === null) next[`${panel}.hidden`] = [...rules.defaultHidden];
  const changed = [];
  const task = taskOf(next, rules);
  const losses = rules.lossesOf(task);
  if (!losses.includes(next.loss)) {  // the loss choices follow the task; the first is its default
    next.loss = losses[0];
    changed.push('loss');
  }
  const needed = task === 'regression' ? null : rules.classesNeeded(next.loss);
  if (needed !== null && classes !== null && classes !== needed) {
    next.loss = FIELD.loss.default;
    changed.push('loss');
  }
  return { state: next, changed };
}

// The lessons of tutorial 000 (logistic regression, the gradient-descent modes, four optimizers)
// and tutorial 001's closing comparison. A lesson is a preset (its experiment specs, docs/spec.md),
// the view that shows it (web/views/), what the view watches in the worker (web/lessons/group.js)
// and, in web/lessons/texts.js, a short explanation in English and Korean. No DOM and no engine
// here: the page, the worker and the Node tests all read this file.
//
//   plan(options) -> { specs: { name: spec }, watch }   what the worker trains and reports
//   epochs, speed                                       where playing stops; its pace (state.js's speeds:
//                                                       epochs per frame, or 'N/s' updates per second)
//   autoplay                                            false: the lesson opens paused, at step 0
//   options                                             the lesson's own settings: { name: option } (below)
//   playground                                          instead of a view: the main screen, with these settings

/**
 * A lesson's own setting, with the type and range a link may give it (state.js's field types, so
 * its parsers read them): a switch, an integer or a number in [min, max]. Its label is the string
 * `lesson.<id>.<name>`, or label(t).
 */
const bool = (fallback) => ({ type: 'bool', default: fallback });
const int = (fallback, min, max) => ({ type: 'int', default: fallback, min, max, step: 1 });
const num = (fallback, min, max, step) => ({ type: 'float', default: fallback, min, max, step });
const SEEDS = [0, 4294967295];

/** Lesson 1: the tutorial's study-hours model, nn.Linear(1, 1) + sigmoid with BCE. */
export const STUDY_HOURS_SPEC = Object.freeze({
  seed: 10, data: { name: 'study_hours' }, model: { hidden: [] }, loss: 'bce',
  optimizer: { name: 'sgd', lr: 0.01 }, epochs: 1001, predict: [[2.5], [15.5]],
});

/**
 * Lesson 2's initial weights: what torch.manual_seed(10) gives an nn.Linear(4, 3) created after the
 * tutorial's nn.Linear(1, 1) (the stream's first two draws went to that layer). They are the spec
 * of tests/golden/toy4_tutorial_init.json, made by PyTorch; tests/test_tutorials.cpp derives
 * them from the engine's own generator, and the tutorial prints the logits they give.
 */
export const TOY4_TUTORIAL_INIT = Object.freeze([{
  weight: [[-0.18750167, 0.115021646, -0.2860527, -0.08817381], [0.19379395, 0.4693086, 0.11779553, -0.16963404],
    [0.04794216, -0.056036174, 0.20409304, 0.05725062]],
  bias: [0.1958623, 0.48492867, -0.20762634],
}]);

export const TOY4_SPEC = Object.freeze({
  seed: 10, data: { name: 'toy4' }, model: { hidden: [], init: TOY4_TUTORIAL_INIT }, loss: 'cross_entropy',
  optimizer: { name: 'sgd', lr: 0.1 }, epochs: 1001, predict: [[1, 2, 5, 6]],
});

/** Lesson 3: wine, 80/20 after a shuffle (the engine's default split for wine). */
export const WINE_OPTIMIZERS = { adam: { name: 'adam', lr: 0.01 }, sgd: { name: 'sgd', lr: 0.01 } };
export const WINE_TEST_ROWS = [142, 178];  // the test split: 178 rows, 142 train (docs/spec.md's rounding)

function wineSpecs({ standardize, seed }) {
  return Object.fromEntries(Object.entries(WINE_OPTIMIZERS).map(([name, optimizer]) => [name, {
    seed, data: { name: 'wine', standardize }, model: { hidden: [] }, loss: 'cross_entropy', optimizer, epochs: 1001,
  }]));
}

/** Lesson 4: tutorial 001's MLP on its radial data, five ways of batching the same epoch (the mini-batch sizes by default). */
export const BATCH_MODES = { full: 0, stochastic: 1, mini32: 32, mini64: 64, mini128: 128 };
/** The option that sets each mini-batch mode's size (the mode keeps its name, its colour and its row). */
export const BATCH_SIZE_OPTIONS = { mini32: 'small', mini64: 'medium', mini128: 'large' };
export const BATCH_TRAIN_ROWS = 8000;  // radial n 10000, 80% training: a batch of the whole split is the full batch

/** Each mode's batch size under the lesson's options. */
export function batchSizesOf(options = {}) {
  return Object.fromEntries(Object.entries(BATCH_MODES).map(([name, size]) => [name, options[BATCH_SIZE_OPTIONS[name]] ?? size]));
}

function batchSpecs(options) {
  return Object.fromEntries(Object.entries(batchSizesOf(options)).map(([name, batchSize]) => [name, {
    seed: 0, data: { name: 'radial', n: 10000 }, model: { hidden: [200], activation: 'relu' }, loss: 'cross_entropy',
    optimizer: { name: 'sgd', lr: 0.005 }, batch_size: batchSize, epochs: 100,
  }]));
}

/** Lesson 5: the study-hours model again (two parameters, W and b) under four optimizers. */
export const RACE_OPTIMIZERS = {
  sgd: { name: 'sgd', lr: 0.01 },
  momentum: { name: 'sgd', lr: 0.01, momentum: 0.9 },
  adagrad: { name: 'adagrad', lr: 0.1 },
  adam: { name: 'adam', lr: 0.05 },
};
/** The (W, b) window the contours cover: [W min, W max, b min, b max]. */
export const RACE_BOUNDS = [-0.3, 0.7, -5.5, 1];

/** Each optimizer's settings under the lesson's options (its learning rate, named as the optimizer). */
export function raceOptimizersOf(options = {}) {
  return Object.fromEntries(Object.entries(RACE_OPTIMIZERS).map(([name, optimizer]) => [name, { ...optimizer, lr: options[name] ?? optimizer.lr }]));
}

function raceSpecs(options) {
  const { predict, ...base } = STUDY_HOURS_SPEC;
  return Object.fromEntries(Object.entries(raceOptimizersOf(options)).map(([name, optimizer]) => [name, { ...base, optimizer, epochs: 200 }]));
}

/** The issue-14 fields at their defaults, so a playground lesson opened from any state sets them all. */
const PLAIN = {
  trainPct: 80, valPct: 10, reg: 'none', regRate: 0.001, wseed: null, 'a.features': ['x1', 'x2'], 'b.features': ['x1', 'x2'],
  showTest: false, discretize: false,
};

/** Lesson 7: the playground's first screen, tutorial 001 (state.js fields). */
export const RADIAL_PLAYGROUND = Object.freeze({
  data: 'radial', n: 10000, noise: 0, seed: 0, optimizer: 'sgd', lr: 0.005, weightDecay: 0, batch: 'full',
  loss: 'cross_entropy', limit: 4000, 'a.hidden': [], 'b.hidden': [200], 'b.activation': 'relu', ...PLAIN,
});

/** Lesson 8: tutorial 001 again, the linear model given x1² and x2² as inputs. */
export const FEATURES_PLAYGROUND = Object.freeze({ ...RADIAL_PLAYGROUND, 'a.features': ['x1', 'x2', 'x1^2', 'x2^2'] });

/** Lesson 9: regression on the plane (noisy), a linear model against a small tanh MLP; the text moves on to multi_gauss. */
export const REGRESSION_PLAYGROUND = Object.freeze({
  ...PLAIN, data: 'plane', n: 1000, noise: 0.3, seed: 0, optimizer: 'adam', lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8,
  amsgrad: false, weightDecay: 0, batch: 'full', loss: 'mse', limit: 500, 'a.hidden': [], 'b.hidden': [8, 8], 'b.activation': 'tanh',
});

/** Lesson 10: a big MLP on few noisy xor points overfits; the text switches on L2, then L1. */
export const REGULARIZATION_PLAYGROUND = Object.freeze({
  ...PLAIN, data: 'xor', n: 200, noise: 0.5, seed: 0, trainPct: 50, valPct: 25, optimizer: 'adam', lr: 0.01, beta1: 0.9,
  beta2: 0.999, eps: 1e-8, amsgrad: false, weightDecay: 0, batch: 'full', loss: 'cross_entropy', limit: 1000,
  'a.hidden': [8], 'a.activation': 'relu', 'b.hidden': [64, 64], 'b.activation': 'relu',
});

/** Lesson 6: one step under the microscope, on a network small enough that every number fits. */
export const MICROSCOPE_SPEC = Object.freeze({
  seed: 5, data: { name: 'radial', n: 6, split: [1, 0, 0] }, model: { hidden: [3], activation: 'relu' }, loss: 'cross_entropy',
  optimizer: { name: 'sgd', lr: 0.1 }, epochs: 200,
});

export const LESSONS = [
  {
    // Each lesson plays at a pace a learner can follow (state.js's speeds): here an epoch a frame, about 17 s.
    id: 'sigmoid', view: 'sigmoid', epochs: 1001, speed: 1,
    plan: () => ({ specs: { model: STUDY_HOURS_SPEC },
      watch: { weights: true, points: STUDY_HOURS_SPEC.predict, curve: { from: -1, to: 22, n: 231 }, evaluate: 'frame',
        network: { range: [-1, 22], size: 16 } } }),
  },
  {
    id: 'softmax', view: 'softmax', epochs: 1001, speed: '30/s',  // the loss zigzags from one update to the next: seen at 30 a second
    plan: () => ({ specs: { model: TOY4_SPEC }, watch: { weights: true, points: TOY4_SPEC.predict, rows: [0, 8], evaluate: 'frame' } }),
  },
  {
    id: 'wine', view: 'wine', epochs: 1001, speed: 1, options: { standardize: bool(false), seed: int(8, ...SEEDS) },
    plan: (options) => ({ specs: wineSpecs(options), watch: { evaluate: 'epoch', metrics: true, rows: WINE_TEST_ROWS } }),
  },
  {
    // 10 s: in slow motion the five stay in step by epochs (one update of the full batch, 8000 stochastic ones, a tick).
    id: 'batch', view: 'batch', epochs: 100, speed: '10/s',
    options: Object.fromEntries(Object.entries(BATCH_SIZE_OPTIONS).map(([mode, name]) => [name, int(BATCH_MODES[mode], 1, BATCH_TRAIN_ROWS)])),
    plan: (options) => ({ specs: batchSpecs(options), watch: { metrics: true } }),
  },
  {
    id: 'optimizers', view: 'race', epochs: 200, speed: '10/s',  // 20 s: the four paths are followed step by step
    options: Object.fromEntries(Object.entries(RACE_OPTIMIZERS).map(([name, { lr }]) => [name, { ...num(lr, 0, 10, 0.001),
      label: (t) => t('lesson.optimizers.lr', { optimizer: t(`lesson.optimizers.${name}`) }) }])),
    plan: (options) => ({ specs: raceSpecs(options),
      watch: { path: [0, 1], evaluate: 'frame', landscape: { params: [0, 1], width: 160, height: 160, bounds: RACE_BOUNDS, levels: 14 } } }),
  },
  {
    id: 'microscope', view: 'microscope', epochs: 200, speed: '1/s', autoplay: false,  // played, one step a second
    plan: () => ({ specs: { model: MICROSCOPE_SPEC }, watch: { evaluate: 'frame', network: { plane: true } } }),
  },
  { id: 'radial', playground: RADIAL_PLAYGROUND },
  { id: 'features', playground: FEATURES_PLAYGROUND },
  { id: 'regression', playground: REGRESSION_PLAYGROUND },
  { id: 'regularization', playground: REGULARIZATION_PLAYGROUND },
];

export const LESSON = Object.assign(Object.create(null), Object.fromEntries(LESSONS.map((l) => [l.id, l])));

/** A lesson's options: its defaults with the given values over them. */
export function optionsOf(lesson, given = {}) {
  return { ...Object.fromEntries(Object.entries(lesson.options ?? {}).map(([name, o]) => [name, o.default])), ...given };
}

/** Hash keys that say how to show a lesson, not which experiment it runs. */
const VIEW_KEYS = ['lesson', 'view', 'lang', 'speed', 'limit', 'autoplay', 'panels', 'controls'];

/**
 * A short link to a playground lesson (`#lesson=regression`, maybe with view keys such as `lang`)
 * opens the lesson's preset; a link that names any experiment setting opens exactly what it says.
 * keys: the hash's keys.
 */
export function withLessonPreset(state, keys) {
  const preset = LESSON[state.lesson]?.playground;
  if (!preset || keys.some((k) => !VIEW_KEYS.includes(k))) return state;
  return { ...state, ...preset, ...Object.fromEntries(keys.map((k) => [k, state[k]])) };
}

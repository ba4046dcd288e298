// Every string the page shows, by key, per language: English here, Korean in strings-ko.js, the
// same keys in both. A translator `t(key, params)` fills {placeholders}; each playground has its
// own (two elements on one page may speak different languages), and `t` below is the page's.
// applyStrings(root, t) fills markup from data-i18n attributes, so a language switch re-labels
// everything built that way. Strings are always set as text, never as HTML.
//
// The lessons' strings (../lessons/texts.js) join the tables here, under their own prefix
// ('lesson.sigmoid.title'), the step inspector's (strings-inspector.js) under 'inspector.' and
// the teacher's kit's (strings-teacher.js: challenges, the divergence coach) under 'teach.';
// no module adds to the tables later.
import { ko } from './strings-ko.js';
import { en as lessonsEn, ko as lessonsKo } from '../lessons/texts.js';
import { en as inspectorEn, ko as inspectorKo } from './strings-inspector.js';
import { en as teacherEn, ko as teacherKo } from './strings-teacher.js';
import { LANGUAGES } from '../shared/state.js';

export { LANGUAGES };

export const en = {
  title: 'nnplay: a linear model and an MLP learn side by side',
  heading: 'nnplay',
  tagline: 'Two models learn the same data at the same time. A linear model draws straight boundaries; the MLP bends them.',
  footer: 'Everything runs in your browser: the engine is C++ compiled to WebAssembly, and nothing is sent anywhere.',

  // toolbar
  toolbar: 'Training controls',
  play: 'Play',
  pause: 'Pause',
  step: 'Step',
  stepHint: 'Train one epoch',
  reset: 'Reset',
  resetHint: 'Start both models again: the same data and the same initial weights (New weights draws others)',
  speed: 'Speed',
  speedOption: '{n} epoch/frame',
  speedOptions: '{n} epochs/frame',
  speedUpdate: '{n} update/s',
  speedUpdates: '{n} updates/s',
  limit: 'Epoch limit',
  status_training: 'training',
  status_paused: 'paused',
  status_finished: 'epoch limit reached',
  status_loading: 'loading',
  status_empty: 'no data',
  status_diverged: 'diverged',
  limitReached: 'The epoch limit ({limit}) is reached: raise it or press Reset.',

  // legend
  show: 'Points shown',
  show_train: 'train',
  show_val: 'validation',
  show_test: 'test',
  legendClasses: 'Classes',
  className: 'class {k}',
  legendBackground: 'Background: the class the model picks there; paler where it is less sure.',

  // panels
  panel_a: 'Left model',
  panel_b: 'Right model',
  linearTitle: 'Linear model',
  mlpTitle: 'MLP',
  linearExplain: 'One linear layer (logistic regression): it can only cut the plane with straight lines.',
  mlpExplain: 'Hidden layers with a nonlinearity let it bend its boundaries around the data.',
  plotLabel: '{model}: decision regions and data points. Arrow keys move the probe; Enter adds a point when drawing.',
  epoch: 'epoch',
  updates: 'updates',
  epochsPerSecond: 'epochs/s',
  accuracy: 'accuracy',
  lossRow: 'loss',
  split_train: 'train',
  split_val: 'validation',
  split_test: 'test',
  notMeasured: '–',
  chartTitle: 'Loss per epoch',
  trainLoss: 'train loss',
  valLoss: 'val loss',
  confusionTitle: 'Confusion matrix, {split} split',
  confusionTrue: 'true ↓',
  confusionPredicted: 'predicted →',
  confusionHint: 'Each row is a true class, each column the class the model picked: the diagonal counts its right answers.',
  readoutHint: 'Hover over or tap a plot to see this model’s class probabilities there.',
  readoutAt: 'at ({x}, {y})',
  readoutClass: 'class {k}: {p}',
  readoutLogits: 'logits: {values}',
  modelTitle: 'Model',
  hidden: 'Hidden layers',
  units: 'Units per layer',
  activation: 'Activation',
  activation_relu: 'ReLU',
  activation_tanh: 'tanh',
  activation_sigmoid: 'sigmoid',

  // data
  dataTitle: 'Data',
  data: 'Dataset',
  data_radial: 'Radial (3 rings, tutorial 001)',
  data_circle: 'Circle',
  data_xor: 'XOR',
  data_gauss: 'Two Gaussians',
  data_spiral: 'Spiral',
  data_draw: 'Draw your own',
  n: 'Points',
  noise: 'Noise',
  seed: 'Seed',
  regenerate: 'Regenerate',
  regenerateHint: 'New data from the next seed',
  drawClass: 'Class to draw',
  points: 'the drawn points',
  clearPoints: 'Clear points',
  drawHint: 'Click or tap a plot to add a point of the chosen class. With the keyboard: focus a plot, move with the arrow keys, press Enter.',
  drawEmpty: 'No points yet: click or tap a plot to add some.',

  // training
  trainingTitle: 'Training (both models)',
  optimizer: 'Optimizer',
  optimizer_sgd: 'SGD',
  optimizer_momentum: 'Momentum',
  optimizer_adagrad: 'Adagrad',
  optimizer_adam: 'Adam',
  lr: 'Learning rate',
  lrHint: 'Changes on the fly, without a reset.',
  momentum: 'Momentum',
  nesterov: 'Nesterov',
  lrDecay: 'LR decay',
  beta1: 'β1',
  beta2: 'β2',
  eps: 'ε',
  amsgrad: 'AMSGrad',
  weightDecay: 'Weight decay',
  batch: 'Batch',
  batch_full: 'Full batch',
  batch_stochastic: 'Stochastic (1 point)',
  batch_mini: 'Mini-batch',
  batchSize: 'Batch size',
  loss: 'Loss',
  loss_cross_entropy: 'Cross-entropy',
  loss_bce: 'Binary cross-entropy (2 classes)',
  loss_mse: 'Mean squared error',
  specTitle: 'This experiment as specs (docs/spec.md)',

  // notices and banners
  invalidValue: '{label}: {value} is not allowed here ({range}); kept {kept}.',
  rangeInt: 'allowed: whole numbers from {min} to {max}',
  rangeFloat: 'allowed: from {min} to {max}',
  rangeLayers: 'allowed: 0 to {layers} hidden layers of 1 to {units} units each',
  tableRegion: 'Table (scrolls sideways)',
  metricsRegion: 'Accuracy and loss per split (scrolls sideways)',
  confusionRegion: 'Confusion matrix (scrolls sideways)',
  resetBy: 'Reset: {what} changed, so both models start again at epoch 0.',
  resetByHand: 'Reset: both models start again at epoch 0.',
  lrChanged: 'Learning rate now {lr}; training goes on from here.',
  hashRejected: 'Some settings in the link were not valid and were set to defaults: {keys}.',
  bceNeedsTwo: 'Binary cross-entropy needs two classes and this data has {k}: using cross-entropy.',
  diverged: '{model}: {message}.',
  engineError: 'The engine stopped: {message}',
  specError: 'These settings cannot be trained: {message}',
  // The engine's messages framed for other languages (engine-messages.js); the English page shows the engine's own words.
  'engine.at': '{field} ({path}): {message}',
  'engine.csvAt': 'CSV row {row}, column {column}: {message}',
  'engine.rangeInt': 'expected an integer in {min} .. {max}, got {got}',
  'engine.rangeNumber': 'expected a number in {min} .. {max}, got {got}',
  'engine.atLeast': 'expected a number >= {min}, got {got}',
  'engine.label': 'expected an integer class label {min}..{max}, got {got}',
  'engine.number': 'expected a number, got {got}',
  'engine.workCap': 'one epoch would take {work} multiply-adds, past the work cap of {cap} per epoch (about 2 s in a browser); use fewer layers, units or training points',
  'engine.infinite': 'infinite',
  'engine.nanOrInfinite': 'NaN or infinite',
  'engine.diverged': 'diverged in epoch {epoch}; try a smaller learning rate',
  'engine.divergedParameter': 'diverged: a parameter became {value} in epoch {epoch}; try a smaller learning rate',
  'engine.divergedLoss': 'diverged: the loss became {value} in epoch {epoch}; try a smaller learning rate',
  settingRefused: 'Not applied, the engine refuses it: {message}. Back to the settings before.',
  hashMalformed: 'This link could not be read, so the default experiment is shown.',
  updateReady: 'A new version of nnplay has been saved for offline use: reload the page to use it.',
  restartCrash: 'The engine failed and was restarted: the experiment was set up again from its settings and starts over at epoch 0.',
  restartSilent: 'The engine did not answer for {s} s and was restarted: the experiment was set up again from its settings and starts over at epoch 0.',
  restartRepeated: 'The engine stopped again ({n} times in a few minutes) and was restarted. The experiment was set up again at epoch 0 and waits, paused: press Play to try again, or change the settings.',

  // language and sharing
  lang: 'Language',
  lang_en: 'English',
  lang_ko: '한국어',
  copyLink: 'Copy link',
  copyLinkHint: 'A link to this experiment: the same settings and seed give the same numbers.',
  linkCopied: 'Link copied: it opens this experiment with the same settings, so the same numbers.',
  linkShown: 'Copy this link: {url}',

  // take home
  takeHomeTitle: 'Take home',
  takeHomeModel: 'Model',
  exportPyTorch: 'Export as PyTorch',
  exportPyTorchHint: 'A Python script (numpy + PyTorch) that trains this model the same way and prints the same numbers.',
  exportWeights: 'Export weights',
  exportWeightsHint: 'The model’s weights now, as JSON in PyTorch’s state_dict layout.',
  importWeights: 'Import weights',
  exportCsv: 'Export data (CSV)',
  importCsv: 'Import CSV data',
  csvHint: 'CSV: a header row, then one row per point: the features, then an integer label (0–63), or a real number for regression. An optional last column split (train, val, test) fixes each row\'s split; without it the rows are shuffled by the seed and split. Two features give the 2-D view.',
  weightsImported: '{model}: weights loaded from {file}.',
  weightsError: '{file}: these weights do not fit the {model}: {message}',
  csvError: '{file}: {message}',
  csvLoaded: '{file}: {n} rows, {features} features, {classes} classes.',
  csvNotInLink: 'This data is too large to travel in the link ({size} kB): a shared link shows the settings only.',
  fileUnreadable: '{file} could not be read.',
  fileTooLarge: "{file} is {size} bytes, past the engine's cap of {limit} bytes.",
  exportFailed: 'The export failed: {message}',
  data_csv: 'Imported CSV',
  csv: 'the imported data',
  dataImported: 'Data (imported file)',
  // Issue 16: an imported CSV's task and split.
  task: 'Task (the last column)',
  task_classification: 'classification: class labels',
  task_regression: 'regression: real numbers',
  csvAll: 'Train on every row',
  csvAllHint: 'No validation or test data: every row of the file trains.',
  reshuffle: 'Reshuffle split',
  reshuffleHint: 'Another split of the same rows, from the next seed',
  csvSplitShuffled: '{train} rows train, {val} validate, {test} test, shuffled by the seed.',
  csvSplitColumn: "The file's split column: {train} rows train, {val} validate, {test} test.",
  csvSplitAll: 'All {train} rows train.',
  csvLoadedRegression: '{file}: {n} rows, {features} features, real-valued targets: trained as regression.',
  noPlaneView: '{features} features: there is no 2-D picture of the decision regions. The metrics and the loss curve still show.',
  // Issue 14: TensorFlow Playground's controls, regression and regularization.
  data_plane: 'Plane (regression)',
  data_multi_gauss: 'Multi-Gaussian (regression)',
  loss_l1: 'Mean absolute error (L1)',
  loss_huber: 'Huber (delta 1)',
  activation_linear: 'linear',
  trainPct: 'Training data (%)',
  valPct: 'Validation data (%)',
  splitHint: 'The rest of the points are the test data.',
  showTest: 'Show test data',
  discretize: 'Discretize output',
  reg: 'Regularization',
  reg_none: 'None',
  reg_l1: 'L1',
  reg_l2: 'L2',
  regRate: 'Regularization rate',
  regHint: 'Adds rate × Σ|W| (L1) or rate × ΣW² (L2) over the weights, not the biases, to the training objective; the losses shown stay the data loss.',
  newWeights: 'New weights',
  newWeightsHint: 'The same data, new initial weights: draws a new weight seed (model.seed, kept in the link)',
  features: 'Input features',
  featuresHint: 'Computed from the inputs before the first layer; at least one.',
  layerAdd: '+ layer',
  layerAddHint: 'Add a hidden layer (as wide as the last one)',
  layerRemove: '− layer',
  layerRemoveHint: 'Remove the last hidden layer',
  unitsLess: 'One unit fewer in hidden layer {k}',
  unitsMore: 'One unit more in hidden layer {k}',
  lossFollowsTask: 'This data asks for another kind of loss: using {loss}.',
  mae: 'MAE',
  rmse: 'RMSE',
  r2: 'R²',
  readoutValue: 'predicted value {v}',
  valueLegend: '(predicted value; points: their target)',
  legendClassesRegression: 'Values',
  legendBackgroundRegression: 'Background: the value the model predicts there, brown below 0, purple above; with Discretize output, only its sign.',
  wseed: 'Weight seed (model.seed)',
  weightStats: 'Weights: {small} of {count} near 0 (|w| < 0.001); mean |w| {mean}',
  linearExplainRegression: 'One linear layer (linear regression): the value it predicts is a tilted plane.',
  mlpExplainRegression: 'Hidden layers with a nonlinearity let it bend the surface of values it predicts.',

  // inside the network (page/inside-strip.js, views/network-*.js, views/hidden-space.js)
  insideTitle: 'Inside the network',
  insideNetwork: 'Network',
  insideHidden: 'Hidden space',
  networkLabel: 'Network diagram of the {model}',
  netInputs: 'inputs',
  netOutputs: 'outputs',
  netHidden: 'hidden layer {n}',
  netInput: 'input {name}',
  netUnit: 'hidden layer {layer}, unit {unit}',
  netOutput: 'output {k} (class {k})',
  netOutputBinary: 'output (probability of class 1)',
  netOutputValue: 'output (predicted value)',
  netBias: 'bias {value}',
  netStrongest: 'weight to {to}: {value}',
  netIncoming: 'weights in:',
  netOfShown: '(the units shown, of {n})',
  netValueAt: 'at ({at}): {value}',
  netEdge: '{from} → {to}: weight {value}',
  netEditBias: 'Bias of {to}',
  netEditWeight: 'Weight {from} → {to}',
  netSet: 'Set',
  netCancel: 'Cancel',
  netHint: 'Each neuron shows what it computes over the plane (purple > 0, orange < 0). Lines: weights (colour = sign, width = size). Hover or focus a neuron; click a line or a bias to edit it.',
  netMore: '+{n} more',
  netScrollRegion: 'The network’s layers (scroll sideways)',
  netMapsOff: 'Unit maps are off for a model this large (they would slow down training and your clicks).',
  netClose: 'Close',
  netAllTitle: 'All {n} units of hidden layer {layer}',
  hsLabel: 'Hidden space: the data and the plane’s grid lines as a hidden layer sees them',
  hsCanvas: 'The training points and grid lines mapped into the hidden layer, coloured by class',
  hsLayer: 'Hidden layer',
  hsAxes: 'Axes',
  hsPrincipal: 'top two principal directions',
  hsUnits: 'two units',
  hsUnit: 'unit for axis {n}',
  hsOnPrincipal: 'on its top two principal directions ({a}% and {b}% of the variance)',
  hsOnUnits: 'units {i} and {j}',
  hsLinear: 'The background is the output layer’s decision: straight lines here, a linear model on what the layer learned.',
};

const prefixed = (prefix, table) => Object.fromEntries(Object.entries(table).map(([k, v]) => [`${prefix}.${k}`, v]));

/** The tables by language; no prototype, so a key such as `__proto__` finds nothing. */
const TABLES = Object.freeze({
  en: Object.freeze(Object.assign(Object.create(null), en, lessonsEn, prefixed('inspector', inspectorEn), prefixed('teach', teacherEn))),
  ko: Object.freeze(Object.assign(Object.create(null), ko, lessonsKo, prefixed('inspector', inspectorKo), prefixed('teach', teacherKo))),
});

/** The first of the browser's languages that nnplay has, else English. */
export function detectLanguage(languages = globalThis.navigator?.languages ?? [globalThis.navigator?.language]) {
  for (const tag of languages ?? []) {
    const code = String(tag ?? '').toLowerCase().split('-')[0];
    if (LANGUAGES.includes(code)) return code;
  }
  return 'en';
}

const fill = (text, params) => text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));

/**
 * A translator: t(key, params) in `lang`, falling back to English, then to the key itself.
 * t.lang is its language; t.use(code) switches it (an unknown code means English).
 */
export function translator(lang = 'en') {
  const t = (key, params = {}) => fill(TABLES[t.lang][key] ?? TABLES.en[key] ?? key, params);
  t.use = (code) => { t.lang = LANGUAGES.includes(code) ? code : 'en'; return t; };
  return t.use(lang);
}

/** The page's translator, for modules that show strings outside a playground. */
export const t = translator('en');

/** Sets the page's language (and the document's lang attribute). */
export function setLanguage(code) {
  t.use(code);
  if (globalThis.document) document.documentElement.lang = t.lang;
}

const ATTRIBUTES = { i18nLabel: 'aria-label', i18nTitle: 'title' };

/**
 * Fills markup under `root`: data-i18n="key" sets an element's text, data-i18n-label its
 * aria-label, data-i18n-title its title; data-i18n-args (JSON) gives the placeholders.
 */
export function applyStrings(root = document, tr = t) {
  const args = (el) => (el.dataset.i18nArgs ? JSON.parse(el.dataset.i18nArgs) : {});
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = tr(el.dataset.i18n, args(el));
  for (const el of root.querySelectorAll('[data-i18n-label], [data-i18n-title]'))
    for (const [key, attribute] of Object.entries(ATTRIBUTES)) if (el.dataset[key]) el.setAttribute(attribute, tr(el.dataset[key], args(el)));
}

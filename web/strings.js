// Every string the page shows, by key, per language. English only for now; a second language is
// one more table with the same keys. `t(key, params)` fills {placeholders}; applyStrings() fills
// the static page from its data-i18n attributes. Strings are always set as text, never as HTML.

const en = {
  title: 'nnplay: a linear model and an MLP learn side by side',
  heading: 'nnplay',
  tagline: 'Two models learn the same data at the same time. A linear model draws straight boundaries; the MLP bends them.',
  loading: 'Loading the engine…',
  footer: 'Everything runs in your browser: the engine is C++ compiled to WebAssembly, and nothing is sent anywhere.',

  // toolbar
  toolbar: 'Training controls',
  play: 'Play',
  pause: 'Pause',
  step: 'Step',
  stepHint: 'Train one epoch',
  reset: 'Reset',
  resetHint: 'Start both models again from new weights',
  speed: 'Speed',
  speedOption: '{n} epoch/frame',
  speedOptions: '{n} epochs/frame',
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
  drawCount: '{n} points',

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
  invalidValue: '{label}: {value} is not allowed here; kept {kept}.',
  resetBy: 'Reset: {what} changed, so both models start again at epoch 0.',
  resetByHand: 'Reset: both models start again at epoch 0.',
  lrChanged: 'Learning rate now {lr}; training goes on from here.',
  hashRejected: 'Some settings in the link were not valid and were set to defaults: {keys}.',
  bceNeedsTwo: 'Binary cross-entropy needs two classes and this data has {k}: using cross-entropy.',
  diverged: '{model}: {message}.',
  divergedHelp: 'Lower the learning rate, then press Reset.',
  engineError: 'The engine stopped: {message}',
  specError: 'These settings cannot be trained: {message}',
};

export const LANGUAGES = { en };
let table = en;

export function setLanguage(code) {
  table = LANGUAGES[code] ?? en;
  document.documentElement.lang = LANGUAGES[code] ? code : 'en';
}

/** The string for `key` with {name} placeholders filled from params. */
export function t(key, params = {}) {
  const text = table[key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
}

const ATTRIBUTES = { i18nLabel: 'aria-label', i18nTitle: 'title' };

/** Fills the static page: data-i18n="key" sets an element's text, data-i18n-label its aria-label, data-i18n-title its title. */
export function applyStrings(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-label], [data-i18n-title]'))
    for (const [key, attribute] of Object.entries(ATTRIBUTES)) if (el.dataset[key]) el.setAttribute(attribute, t(el.dataset[key]));
}

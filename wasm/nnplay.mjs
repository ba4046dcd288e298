// nnplay's JavaScript API: the one module that owns the Emscripten Module and every `.delete()`.
// It loads unchanged in a page, in a (module) Web Worker and in Node 20.
//
//   const nn = await createEngine();
//   const trainer = nn.fromSpec({ data: { name: 'radial' }, model: { hidden: [200] } });
//   const { records } = trainer.train({ epochs: 100 });  // one call into WebAssembly
//   trainer.dispose();
//
// Spec objects follow docs/spec.md; results follow the `nnplay run` output. See docs/api.md.
import createNnplayModule from './nnplay_engine.mjs';

const isNode = typeof process === 'object' && process.versions != null && process.versions.node != null;

/** An error from the engine. `kind` is 'spec' for bad input (the spec-validation message), else 'engine'. */
export class NnplayError extends Error {
  constructor(message, kind) {
    super(message);
    this.name = kind === 'spec' ? 'SpecError' : 'NnplayError';
    this.kind = kind;
  }
}

/** Loads the WebAssembly engine. Options: `wasmBinary` (bytes), `locateFile(name)` (its URL). */
export async function createEngine(options = {}) {
  const moduleOptions = {};
  if (options.wasmBinary) moduleOptions.wasmBinary = options.wasmBinary;
  else if (isNode) {
    // Node 20 has fetch() but cannot fetch a file path: hand over the bytes instead.
    const { readFile } = await import('node:fs/promises');
    moduleOptions.wasmBinary = await readFile(new URL('./nnplay_engine.wasm', import.meta.url));
  }
  if (options.locateFile) moduleOptions.locateFile = options.locateFile;
  return new Engine(await createNnplayModule(moduleOptions));
}

const specText = (spec) => (typeof spec === 'string' ? spec : JSON.stringify(spec));
const disposeSymbol = Symbol.dispose ?? Symbol.for('nodejs.dispose');

class Engine {
  #m;
  constructor(module) {
    this.#m = module;
  }

  /** Throws the engine's last error, if the last call left one. */
  #check(result) {
    const message = this.#m.takeError();
    if (message) throw new NnplayError(message, this.#m.errorKind());
    return result;
  }

  /**
   * A whole experiment from the experiment spec (an object or its JSON text).
   * options.historyLimit: how many epoch records history() keeps (see Trainer.historyLimit).
   */
  fromSpec(spec, { historyLimit = DEFAULT_HISTORY_LIMIT } = {}) {
    checkHistoryLimit(historyLimit);  // before anything is built
    const text = specText(spec);
    const traced = text.includes('"trace"');  // a spec that asks for step traces (else none are looked for)
    const trainer = new Trainer(this.#m, this.#check(this.#m.Trainer.create(text)), (r) => this.#check(r), traced);
    trainer.historyLimit = historyLimit;
    return trainer;
  }

  /**
   * A trainer from parts: trainer({ data, model, loss, optimizer, task, regularization, batch_size,
   * shuffle, drop_last, seed }, options).
   */
  trainer({ data, model, loss, optimizer, ...rest } = {}, options = {}) {
    const spec = { ...rest };
    if (data) {
      const { seed, ...dataSpec } = data instanceof Dataset ? data.spec : data;
      spec.data = dataSpec;
      if (seed !== undefined && spec.seed === undefined) spec.seed = seed;
    }
    if (model) spec.model = model;
    if (loss) spec.loss = typeof loss === 'string' ? loss : loss.name;
    if (optimizer) spec.optimizer = optimizer;
    return this.fromSpec(spec, options);
  }

  // Models, losses and optimizers are plain descriptions with PyTorch's names and options.
  // model.features and model.seed pass through when given (docs/spec.md).
  Sequential({ hidden = [200], activation = 'relu', init, features, seed } = {}) {
    const model = { hidden, activation };
    if (init) model.init = init;
    if (features) model.features = features;
    if (seed !== undefined) model.seed = seed;
    return model;
  }
  /** The linear model: multinomial logistic regression (one nn.Linear). */
  LinearModel({ init, features, seed } = {}) {
    return this.Sequential({ hidden: [], init, features, seed });
  }
  CrossEntropyLoss() { return { name: 'cross_entropy' }; }
  BCELoss() { return { name: 'bce' }; }
  MSELoss() { return { name: 'mse' }; }
  /** Regression only: nn.L1Loss and nn.HuberLoss (delta 1.0). */
  L1Loss() { return { name: 'l1' }; }
  HuberLoss() { return { name: 'huber' }; }
  SGD(options) { return { name: 'sgd', ...options }; }
  Adagrad(options = {}) { return { name: 'adagrad', ...options }; }
  Adam(options = {}) { return { name: 'adam', ...options }; }

  /** A dataset: dataset({ name: 'radial', n, noise, split, seed, ... }) or inline { name: 'inline', x, y }. */
  dataset(dataSpec = {}) {
    const { seed, ...data } = dataSpec;
    const handle = this.#check(this.#m.DatasetHandle.create(JSON.stringify({ seed: seed ?? 0, data })));
    try {
      return new Dataset(dataSpec, handle);
    } finally {
      handle.delete();
    }
  }

  /** The runner: trains a spec, calling onLine(object) for each `nnplay run` output line; returns them. */
  run(spec, { weights = false, onLine } = {}) {
    const lines = [];
    const ok = this.#m.runSpec(specText(spec), weights, (text) => {
      const line = JSON.parse(text);
      lines.push(line);
      if (onLine) onLine(line, text);
    });
    this.#check(ok);
    return lines;
  }

  /** Validates a spec (an object or JSON text) without building it; throws a SpecError if it is bad. */
  validate(spec) {
    this.#check(this.#m.validateSpec(specText(spec)));
  }

  /** The spec with every default filled in (docs/spec.md), as an object; throws a SpecError if it is bad. */
  normalize(spec) {
    return JSON.parse(this.#check(this.#m.normalizeSpec(specText(spec))));
  }

  /** `nnplay data`: the spec's dataset as CSV text. */
  datasetCsv(spec) {
    const handle = this.#check(this.#m.DatasetHandle.create(specText(spec)));
    try {
      return handle.csv();
    } finally {
      handle.delete();
    }
  }

  /** Bytes of the WebAssembly heap in use by the engine's allocator (for leak checks). */
  heapInUse() {
    return this.#m.heapInUse();
  }
}

/**
 * A dataset's points, copied out of WebAssembly memory: x is N*F (row by row), y is N labels
 * (Int32Array), or N real targets (Float32Array) when task is 'regression'.
 */
export class Dataset {
  constructor(spec, handle) {
    this.spec = spec;
    this.size = handle.size();
    this.features = handle.features();
    this.classes = handle.classes();
    this.task = handle.regression() ? 'regression' : 'classification';
    this.splitEnd = [0, 1, 2].map((s) => handle.splitEnd(s));
    this.x = handle.x().slice();
    this.y = handle.y().slice();
  }
  /** The split of sample i: 'train', 'val' or 'test'. */
  splitOf(i) {
    return i < this.splitEnd[0] ? 'train' : i < this.splitEnd[1] ? 'val' : 'test';
  }
}

const HISTORY_FIELDS = 8;  // epoch, step, train_loss, val_loss, val_accuracy, val_mae, val_rmse, val_r2
const DEFAULT_HISTORY_LIMIT = 100000;  // records of 64 bytes: 6.4 MB a trainer at most

/** A value as an error message shows it: NaN and Infinity as themselves, strings quoted. */
function shown(value) {
  return typeof value === 'number' || typeof value === 'bigint' ? String(value) : JSON.stringify(value) ?? String(value);
}

// Arguments that Embind would silently turn into 0 (undefined, strings, fractions) are refused.
function checkInteger(what, value) {
  if (!Number.isInteger(value)) throw new NnplayError(`${what}: expected an integer, got ${shown(value)}`, 'spec');
}
function checkedBounds(what, bounds) {
  if (!(Array.isArray(bounds) && bounds.length === 4 && bounds.every((v) => typeof v === 'number')))
    throw new NnplayError(`${what}: bounds must be [xmin, xmax, ymin, ymax], got ${shown(bounds)}`, 'spec');
  return bounds;
}

function checkHistoryLimit(value) {
  if (!(value === Infinity || (Number.isInteger(value) && value >= 0)))
    throw new NnplayError(`historyLimit: expected an integer >= 0 or Infinity, got ${shown(value)}`, 'spec');
}

function historyRecords(flat) {
  const out = [];
  for (let i = 0; i < flat.length; i += HISTORY_FIELDS) {
    const record = { epoch: flat[i], step: flat[i + 1], train: { loss: flat[i + 2] } };
    const [loss, accuracy, mae, rmse, r2] = flat.subarray(i + 3, i + 8);
    if (!Number.isNaN(mae) || !Number.isNaN(rmse)) record.val = { loss, mae, rmse, r2 };  // regression
    else if (!Number.isNaN(loss) || !Number.isNaN(accuracy)) record.val = { loss, accuracy };
    out.push(record);
  }
  return out;
}

/** One experiment in WebAssembly: train it, read its metrics, weights and predictions. */
export class Trainer {
  #t;
  #check;
  #historyLimit = DEFAULT_HISTORY_LIMIT;
  #traced;  // whether traces may be waiting in the engine (the spec's "trace", or step({ trace }))
  constructor(module, handle, check, traced = false) {
    this.#t = handle;
    this.#check = check;
    this.#traced = traced;
  }

  #live() {
    if (!this.#t) throw new NnplayError('this trainer was disposed', 'engine');
    return this.#t;
  }

  /**
   * Runs k epochs (or k steps = updates) in one call; returns what happened and their records, and
   * `traces` when steps the spec's "trace" names ran (docs/spec.md).
   */
  train({ epochs, steps } = {}) {
    const t = this.#live();
    const ran = this.#check(steps !== undefined ? t.trainSteps(steps) : t.trainEpochs(epochs ?? 1));
    const result = { ran, ...this.state, records: historyRecords(t.recentRecords().slice()) };
    if (this.#traced) {
      const traces = JSON.parse(t.takeTracesJson());
      if (traces.length) result.traces = traces;
    }
    return result;
  }

  /**
   * One update (train({ steps: 1 })). With { trace: true } the result's `trace` holds that step
   * under the microscope, the runner's "trace" object: batch, loss, params, grad, optimizer state,
   * after, and the batch's first sample's z, a and dz per layer (null if the step did not run).
   */
  step({ trace = false } = {}) {
    if (trace) {
      this.#live().traceNextStep();
      this.#traced = true;
    }
    const result = this.train({ steps: 1 });
    if (trace) result.trace = result.traces?.find((t) => t.step === result.step - 1) ?? null;
    return result;
  }

  /** epoch, step, status ('ok' | 'diverged') and message. */
  get state() {
    const t = this.#live();
    const diverged = t.diverged();
    return { epoch: t.epoch(), step: t.step(), status: diverged ? 'diverged' : 'ok', ...(diverged ? { message: t.message() } : {}) };
  }

  /** Metrics of every non-empty split now: the `nnplay run` progress line. */
  evaluate() {
    return JSON.parse(this.#check(this.#live().progressLine()));
  }

  /** The `nnplay run` final line (with confusion matrices; weights when asked). */
  final({ weights = false } = {}) {
    return JSON.parse(this.#check(this.#live().finalLine(weights)));
  }

  /**
   * The finished epochs' records: { epoch, step, train: { loss }, val: { loss, accuracy } }. Every
   * epoch up to historyLimit records; past that, evenly thinned: the epochs that are multiples of
   * historyStride.
   */
  history() {
    return historyRecords(this.#live().historyRecords().slice());
  }

  /** How many records history() keeps: an integer >= 0, or Infinity for every epoch. */
  get historyLimit() { return this.#historyLimit; }
  set historyLimit(value) {
    checkHistoryLimit(value);
    this.#live().setHistoryLimit(value);
    this.#historyLimit = value;
  }

  /** The epochs history() holds are the multiples of this: 1 until the limit is first reached, then 2, 4, ... */
  get historyStride() { return this.#live().historyStride(); }

  /** The learning rate; setting it takes effect at the next update, optimizer state kept. */
  get lr() { return this.#live().lr(); }
  set lr(value) {
    if (!(typeof value === 'number' && Number.isFinite(value) && value >= 0))
      throw new NnplayError(`lr: expected a number >= 0, got ${shown(value)}`, 'spec');
    this.#live().setLr(value);
  }

  get features() { return this.#live().features(); }
  /** Number of probabilities per point (2 for bce); 1 for regression (the value). */
  get classes() { return this.#live().classes(); }
  /** 'classification' or 'regression' (the spec's task). */
  get task() { return this.#live().regression() ? 'regression' : 'classification'; }
  get parameterCount() { return this.#live().parameterCount(); }

  /**
   * Predictions for many points in one call. points: an array of points, or a flat array of
   * count * features numbers. Returns { logits, probabilities, labels } as typed arrays, point by
   * point; for regression { values }, the predicted value of each point (a Float32Array).
   */
  predict(points) {
    const t = this.#live();
    const f = t.features();
    const flat = Array.isArray(points) && Array.isArray(points[0]) ? points.flat() : points;
    if (flat.length % f !== 0) throw new NnplayError(`predict: expected points of ${f} numbers`, 'spec');
    const count = flat.length / f;
    t.inputView(flat.length).set(flat);
    this.#check(t.predict(count));
    if (t.regression()) return { values: t.logitsView().slice() };
    return { logits: t.logitsView().slice(), probabilities: t.probabilitiesView().slice(), labels: t.labelsView().slice() };
  }

  /**
   * The decision grid: per-class probabilities of a width x height grid over bounds
   * [xmin, xmax, ymin, ymax], row 0 at the top, out[(row * width + col) * classes + k].
   * Fills `out` (a Float32Array of width * height * classes) when given, else a new one.
   */
  grid({ width, height, bounds }, out) {
    const t = this.#live();
    const [xmin, xmax, ymin, ymax] = bounds;
    this.#check(t.grid(width, height, xmin, xmax, ymin, ymax));
    const view = t.gridView();
    if (!out) return view.slice();
    if (out.length !== view.length) throw new NnplayError(`grid: out must hold ${view.length} floats, has ${out.length}`, 'spec');
    out.set(view);
    return out;
  }

  /**
   * Each unit's map over the plane, for the network diagram: the value every unit of one layer
   * takes at each cell of a size x size grid over bounds [xmin, xmax, ymin, ymax] (cells as in
   * grid()), unit by unit: out[(unit * size + row) * size + col]. Layers as the diagram numbers
   * them: 0 = the inputs, 1 .. H = the hidden layers (after their activation), H + 1 = the outputs
   * (class probabilities; for bce the one output's probability of class 1). Fills `out` when given
   * (units * size * size floats), else a new Float32Array; returns it.
   */
  unitGrids({ layer, size, bounds }, out) {
    const t = this.#live();
    const [xmin, xmax, ymin, ymax] = checkedBounds('unitGrids', bounds);
    checkInteger('unitGrids: layer', layer);
    checkInteger('unitGrids: size', size);
    this.#check(t.unitGrids(layer, size, size, xmin, xmax, ymin, ymax));
    const view = t.unitGridsView();
    if (!out) return view.slice();
    if (out.length !== view.length) throw new NnplayError(`unitGrids: out must hold ${view.length} floats, has ${out.length}`, 'spec');
    out.set(view);
    return out;
  }

  /**
   * The hidden-space view: the training points (at most maxPoints, evenly strided) and `lines`
   * vertical then `lines` horizontal lines over bounds, `samples` points each, mapped through the
   * network to hidden layer `layer` (1 .. H) and drawn on two of its units ([i, j]) or, without
   * `units`, on its top two principal directions. Returns { units, axes (2 x units, row-major),
   * center, variance (each axis's share), points (n x 2), labels, lines (2 * lines * samples x 2),
   * logits }: on the last hidden layer logits holds per class (a, b, c) with
   * logit_k = a q1 + b q2 + c in the view, the output layer as a linear model of that space.
   */
  hiddenSpace({ layer = 1, units, bounds, lines = 11, samples = 41, maxPoints = 2000 }) {
    const [ux, uy] = units ?? [-1, -1];
    const [xmin, xmax, ymin, ymax] = checkedBounds('hiddenSpace', bounds);
    for (const [name, v] of Object.entries({ layer, ux, uy, lines, samples, maxPoints })) checkInteger(`hiddenSpace: ${name}`, v);
    return this.#check(this.#live().hiddenSpace(layer, ux, uy, xmin, xmax, ymin, ymax, lines, samples, maxPoints));
  }

  /**
   * The loss landscape through two flat parameters (indices in PyTorch's parameter order: per
   * nn.Linear the weight row by row, then the bias): the mean training loss at each cell of a
   * width x height grid over bounds [imin, imax, jmin, jmax], all other parameters as they are now.
   * Row 0 is at the top (j = jmax): out[row * width + col]. For nn.Linear(1, 1), [0, 1] = (weight, bias).
   */
  lossLandscape({ params = [0, 1], width, height, bounds }, out) {
    const t = this.#live();
    const [xmin, xmax, ymin, ymax] = bounds;
    this.#check(t.landscape(params[0], params[1], width, height, xmin, xmax, ymin, ymax));
    const view = t.landscapeView();
    if (!out) return view.slice();
    if (out.length !== view.length) throw new NnplayError(`lossLandscape: out must hold ${view.length} floats, has ${out.length}`, 'spec');
    out.set(view);
    return out;
  }

  /** Weights in PyTorch's layout: [{ weight: [[...]], bias: [...] }, ...] per nn.Linear. */
  getWeights() {
    return JSON.parse(this.#live().weightsJson());
  }
  setWeights(layers) {
    this.#check(this.#live().setWeightsJson(JSON.stringify(layers)));
  }

  /**
   * The trainer's dataset, copied out: { x, y, size, features, classes, splitEnd, task }; y holds
   * the labels, or the real targets (a Float32Array) for regression.
   */
  data() {
    const t = this.#live();
    return { x: t.dataX().slice(), y: t.dataY().slice(), size: t.size(), features: t.features(), classes: t.dataClasses(),
      splitEnd: [0, 1, 2].map((s) => t.splitEnd(s)), task: t.regression() ? 'regression' : 'classification' };
  }

  /** Frees the WebAssembly memory; the trainer cannot be used afterwards. */
  dispose() {
    if (this.#t) {
      this.#t.delete();
      this.#t = null;
    }
  }
  [disposeSymbol]() {
    this.dispose();
  }
}

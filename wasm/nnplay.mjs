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

const disposeSymbol = Symbol.dispose ?? Symbol.for('nodejs.dispose');

class Engine {
  #m;
  #limits;
  constructor(module) {
    this.#m = module;
    this.#limits = Object.freeze(JSON.parse(module.limitsJson()));
  }

  /**
   * The engine's caps (engine/caps.h, docs/RELIABILITY.md): samples, features, label, hiddenLayers,
   * units, epochs, predict, depth, jsonValues, specBytes, csvBytes, weightsBytes, csvColumns and
   * epochWork (multiply-adds per epoch; see docs/spec.md).
   */
  limits() {
    return { ...this.#limits };
  }

  /** A spec (object, JSON text, or its UTF-8 bytes) as what the engine reads, within the size cap. */
  #spec(spec) {
    return jsonArgument(spec, 'spec is', this.#limits.specBytes);
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
    const text = this.#spec(spec);
    // A spec that asks for step traces (else none are looked for).
    const traced = (typeof text === 'string' ? text : new TextDecoder().decode(text)).includes('"trace"');
    const trainer = new Trainer(this.#check(this.#m.Trainer.create(text)), (r) => this.#check(r), this.#limits, traced);
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
      const { seed, task, ...dataSpec } = data instanceof Dataset ? data.spec : data;
      spec.data = dataSpec;
      if (seed !== undefined && spec.seed === undefined) spec.seed = seed;
      if (task !== undefined && spec.task === undefined) spec.task = task;  // dataset({ task }): the spec's task
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

  /**
   * A dataset: dataset({ name: 'radial', n, noise, split, seed, ... }) or inline { name: 'inline', x, y }.
   * `seed` and `task` are the spec's top-level fields (task 'regression' reads real labels).
   */
  dataset(dataSpec = {}) {
    if (dataSpec === null || typeof dataSpec !== 'object')
      throw new NnplayError(`dataset: expected an object like { name: 'radial' }, got ${shown(dataSpec)}`, 'spec');
    const { seed, task, ...data } = dataSpec;
    const handle = this.#check(this.#m.DatasetHandle.create(this.#spec({ seed: seed ?? 0, ...(task === undefined ? {} : { task }), data })));
    try {
      return new Dataset(dataSpec, handle);
    } finally {
      handle.delete();
    }
  }

  /**
   * The runner: trains a spec, calling onLine(object, text) for each `nnplay run` output line;
   * returns them. onLine may return false to stop the run there; an error it throws stops the
   * run and is thrown again from here.
   */
  run(spec, { weights = false, onLine } = {}) {
    const lines = [];
    let failure = null;
    const ok = this.#m.runSpec(this.#spec(spec), weights, (text) => {
      try {
        const line = JSON.parse(text);
        lines.push(line);
        return !(onLine && onLine(line, text) === false);
      } catch (error) {
        failure = { error };
        return false;
      }
    });
    if (failure) throw failure.error;
    this.#check(ok);
    return lines;
  }

  /** Validates a spec (an object or JSON text) without building it; throws a SpecError if it is bad. */
  validate(spec) {
    this.#check(this.#m.validateSpec(this.#spec(spec)));
  }

  /** The spec with every default filled in (docs/spec.md), as an object; throws a SpecError if it is bad. */
  normalize(spec) {
    return JSON.parse(this.#check(this.#m.normalizeSpec(this.#spec(spec))));
  }

  /**
   * What specs allow, from the engine (docs/api.md): { datasets: [{ name, generated, n, classes,
   * split }], losses: [{ name, outputs, classes }], activations, optimizers, caps: { samples,
   * features, label, hiddenLayers, units, epochs, predict }, limits: limits(), defaults: normalize({}) }.
   */
  specInfo() {
    return { ...JSON.parse(this.#m.specInfoJson()), limits: this.limits(), defaults: this.normalize({}) };
  }

  /** `nnplay data`: the spec's dataset as CSV text. */
  datasetCsv(spec) {
    const handle = this.#check(this.#m.DatasetHandle.create(this.#spec(spec)));
    try {
      return this.#check(handle.csv());
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
    this.splitColumn = handle.splitColumn();
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

/** A value as an error message shows it: NaN and Infinity as themselves, strings quoted, at most 60 characters. */
function shown(value) {
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  let text;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {  // a cycle, or nesting too deep to print
    text = Array.isArray(value) ? 'an array' : typeof value;
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** "64 MiB (67108864 bytes)", as the engine names a byte cap. */
const bytesText = (bytes) => `${Math.floor(bytes / 1048576)} MiB (${bytes} bytes)`;

/**
 * JSON for the engine: text or UTF-8 bytes as they are, anything else through JSON.stringify.
 * Text longer than the cap is refused here, before it is copied into WebAssembly memory (a
 * character is at least one UTF-8 byte; the engine checks the bytes). subject: "spec is".
 */
function jsonArgument(value, subject, cap) {
  let text = value;
  if (typeof value !== 'string' && !(value instanceof Uint8Array)) {
    try {
      text = JSON.stringify(value);
    } catch (error) {  // a cycle, a BigInt, or nesting too deep for JavaScript's own stack
      throw new NnplayError(`${subject} not JSON: ${error.message}`, 'spec');
    }
    if (text === undefined) throw new NnplayError(`${subject} not JSON: expected an object or JSON text, got ${shown(value)}`, 'spec');
  }
  if (text.length > cap) throw new NnplayError(`${subject} larger than the cap of ${bytesText(cap)}`, 'spec');
  return text;
}

/** An integer argument in lo .. hi, else a SpecError naming it. */
function integerArgument(value, name, lo, hi) {
  if (!(Number.isInteger(value) && value >= lo && value <= hi))
    throw new NnplayError(`${name}: expected an integer in ${lo} .. ${hi}, got ${shown(value)}`, 'spec');
  return value;
}

/** Four finite numbers [xmin, xmax, ymin, ymax]; the engine checks their order. */
function boundsArgument(bounds, name) {
  if (!(Array.isArray(bounds) && bounds.length === 4 && bounds.every((v) => typeof v === 'number')))
    throw new NnplayError(`${name}: bounds: expected [xmin, xmax, ymin, ymax] (four numbers), got ${shown(bounds)}`, 'spec');
  return bounds;
}

const INT_MAX = 2147483647;

/**
 * predict()'s points as one flat array of count * f finite numbers: an array of points (each an
 * array of f numbers), or a flat array (or typed array) of numbers. Anything else is a SpecError.
 */
function flatPoints(points, f, maxPoints) {
  const typed = ArrayBuffer.isView(points) && !(points instanceof DataView);
  if (!typed && !Array.isArray(points))
    throw new NnplayError(`predict: expected an array of points (each ${f} numbers) or a flat array of numbers, got ${shown(points)}`, 'spec');
  const nested = !typed && points.length > 0 && Array.isArray(points[0]);
  if (nested) {
    points.forEach((p, i) => {
      if (!Array.isArray(p) || p.length !== f)
        throw new NnplayError(`predict: point ${i}: expected ${f} numbers (the data's features), got ${shown(p)}`, 'spec');
    });
  }
  const flat = nested ? points.flat() : points;
  if (flat.length % f !== 0) throw new NnplayError(`predict: expected points of ${f} numbers, got ${flat.length} numbers`, 'spec');
  if (flat.length / f > maxPoints) throw new NnplayError(`predict: at most ${maxPoints} points a call`, 'spec');
  for (let i = 0; i < flat.length; i++) {
    const v = flat[i];
    if (!(typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 1e38))
      throw new NnplayError(`predict: number ${i}: expected a finite number of magnitude at most 1e38, got ${shown(v)}`, 'spec');
  }
  return flat;
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
  #limits;
  #traced;  // whether traces may be waiting in the engine (the spec's "trace", or step({ trace }))
  constructor(handle, check, limits, traced = false) {
    this.#t = handle;
    this.#check = check;
    this.#limits = limits;
    this.#traced = traced;
  }

  #live() {
    if (!this.#t) throw new NnplayError('this trainer was disposed', 'engine');
    return this.#t;
  }

  /**
   * Runs k epochs (or k steps = updates) in one call; returns what happened and their records, and
   * `traces` when steps the spec's "trace" names ran (docs/spec.md). { work: n } works on the
   * update under way for about n multiply-adds and finishes at most one update (docs/api.md).
   */
  train(options = {}) {
    const t = this.#live();
    if (options === null || typeof options !== 'object')
      throw new NnplayError(`train: expected { epochs }, { steps } or { work }, got ${shown(options)}`, 'spec');
    const { epochs, steps, work } = options;
    if (work !== undefined && !(typeof work === 'number' && work > 0 && work <= Number.MAX_VALUE))
      throw new NnplayError(`train: work: expected a number of multiply-adds > 0, got ${shown(work)}`, 'spec');
    const ran = this.#check(work !== undefined ? t.trainWork(work)
      : steps !== undefined ? t.trainSteps(integerArgument(steps, 'train: steps', 0, INT_MAX))
        : t.trainEpochs(integerArgument(epochs ?? 1, 'train: epochs', 0, INT_MAX)));
    const result = { ran, ...this.state, records: historyRecords(t.recentRecords().slice()) };
    if (work !== undefined) Object.assign(result, { work: t.lastWork(), progress: t.updateProgress() });
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
   * `sample` (an index into the training split) traces that sample instead when the batch holds it.
   */
  step({ trace = false, sample } = {}) {
    if (trace) {
      const index = sample === undefined ? -1 : integerArgument(sample, 'step: sample', 0, INT_MAX);
      this.#live().traceNextStep(index);
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
    this.#check(this.#live().setLr(value));  // the engine refuses one past float32's range
  }

  get features() { return this.#live().features(); }
  /** Numbers per point of predict's probabilities and the grid: the data's classes, 2 for bce (a model of one output), 1 for regression (the value). */
  get probabilityWidth() { return this.#live().probabilityWidth(); }
  /** The old name of probabilityWidth (not the data's class count: that is data().classes). */
  get classes() { return this.probabilityWidth; }
  /** 'classification' or 'regression' (the spec's task). */
  get task() { return this.#live().regression() ? 'regression' : 'classification'; }
  get parameterCount() { return this.#live().parameterCount(); }
  /** Updates in one epoch (docs/spec.md's training loop: batch_size and drop_last decide; 0 is possible with drop_last). */
  get updatesPerEpoch() { return this.#live().updatesPerEpoch(); }
  /** Multiply-adds of one update (the next, or the one under way): what train({ work }) counts. */
  get updateWork() { return this.#live().updateWork(); }

  /**
   * Predictions for many points in one call. points: an array of points, or a flat array of
   * count * features numbers, in the data's own units (standardized by the engine first when the
   * spec says data.standardize, like the spec's predict). Returns { logits, probabilities, labels }
   * as typed arrays, point by point; for regression { values }, the predicted value of each point
   * (a Float32Array).
   */
  predict(points) {
    const t = this.#live();
    const f = t.features();
    const flat = flatPoints(points, f, this.#limits.samples);
    const count = flat.length / f;
    this.#check(t.inputView(flat.length)).set(flat);
    this.#check(t.predict(count));
    return this.#predictions();
  }

  /** Predictions for the dataset's rows [from, to) as the model sees them (data().x): the same shape as predict's. */
  predictRows(from, to) {
    const t = this.#live();
    const int32 = (v) => Number.isInteger(v) && Math.abs(v) <= 0x7fffffff;  // the engine checks the range
    if (!int32(from) || !int32(to))
      throw new NnplayError(`predictRows: expected two integers (from, to), got ${shown(from)}, ${shown(to)}`, 'spec');
    this.#check(t.predictRows(from, to));
    return this.#predictions();
  }

  #predictions() {
    const t = this.#live();
    if (t.regression()) return { values: t.logitsView().slice() };
    return { logits: t.logitsView().slice(), probabilities: t.probabilitiesView().slice(), labels: t.labelsView().slice() };
  }

  /**
   * The decision grid: per-class probabilities of a width x height grid over bounds
   * [xmin, xmax, ymin, ymax], row 0 at the top, out[(row * width + col) * probabilityWidth + k].
   * Fills `out` (a Float32Array of width * height * probabilityWidth) when given, else a new one.
   */
  grid({ width, height, bounds } = {}, out) {
    const t = this.#live();
    const [xmin, xmax, ymin, ymax] = boundsArgument(bounds, 'grid');
    integerArgument(width, 'grid: width', -INT_MAX, INT_MAX);
    integerArgument(height, 'grid: height', -INT_MAX, INT_MAX);
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
    const [xmin, xmax, ymin, ymax] = boundsArgument(bounds, 'unitGrids');
    integerArgument(layer, 'unitGrids: layer', -INT_MAX, INT_MAX);  // the engine names the allowed range
    integerArgument(size, 'unitGrids: size', -INT_MAX, INT_MAX);
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
    const [xmin, xmax, ymin, ymax] = boundsArgument(bounds, 'hiddenSpace');
    for (const [name, v] of Object.entries({ layer, ux, uy, lines, samples, maxPoints }))
      integerArgument(v, `hiddenSpace: ${name}`, -INT_MAX, INT_MAX);
    return this.#check(this.#live().hiddenSpace(layer, ux, uy, xmin, xmax, ymin, ymax, lines, samples, maxPoints));
  }

  /**
   * The loss landscape through two flat parameters (indices in PyTorch's parameter order: per
   * nn.Linear the weight row by row, then the bias): the mean training loss at each cell of a
   * width x height grid over bounds [imin, imax, jmin, jmax], all other parameters as they are now.
   * Row 0 is at the top (j = jmax): out[row * width + col]. For nn.Linear(1, 1), [0, 1] = (weight, bias).
   */
  lossLandscape({ params = [0, 1], width, height, bounds } = {}, out) {
    const t = this.#live();
    const [xmin, xmax, ymin, ymax] = boundsArgument(bounds, 'lossLandscape');
    if (!Array.isArray(params) || params.length !== 2)
      throw new NnplayError(`lossLandscape: params: expected two parameter indices, got ${shown(params)}`, 'spec');
    for (const [name, v] of [['params', params[0]], ['params', params[1]], ['width', width], ['height', height]])
      integerArgument(v, `lossLandscape: ${name}`, -INT_MAX, INT_MAX);
    this.#check(t.landscape(params[0], params[1], width, height, xmin, xmax, ymin, ymax));
    const view = t.landscapeView();
    if (!out) return view.slice();
    if (out.length !== view.length) throw new NnplayError(`lossLandscape: out must hold ${view.length} floats, has ${out.length}`, 'spec');
    out.set(view);
    return out;
  }

  /**
   * Weights in PyTorch's layout: [{ weight: [[...]], bias: [...] }, ...] per nn.Linear. With
   * { typed: true } each row of `weight` and `bias` are Float32Arrays (views of one copy of the
   * engine's parameters): the same numbers without JSON, for large models (a million weights in
   * milliseconds instead of seconds).
   */
  getWeights({ typed = false } = {}) {
    const t = this.#live();
    if (!typed) return JSON.parse(this.#check(t.weightsJson()));
    const flat = t.parametersView().slice();
    const widths = t.layerWidths();
    const layers = [];
    for (let l = 0, at = 0; l + 1 < widths.length; l++) {
      const [inputs, outputs] = [widths[l], widths[l + 1]];
      const weight = Array.from({ length: outputs }, (_, o) => flat.subarray(at + o * inputs, at + (o + 1) * inputs));
      at += inputs * outputs;
      layers.push({ weight, bias: flat.subarray(at, at + outputs) });
      at += outputs;
    }
    return layers;
  }
  /** layers as getWeights() gives them, or their JSON text; all or nothing. */
  setWeights(layers) {
    const t = this.#live();
    this.#check(t.setWeightsJson(jsonArgument(layers, 'weights are', this.#limits.weightsBytes)));
  }

  /**
   * The trainer's dataset, copied out: { x, y, size, features, classes, splitEnd, splitColumn, task };
   * y holds the labels, or the real targets (a Float32Array) for regression; splitColumn is true when
   * a CSV's split column decided the splits (data.split and data.holdout unused).
   */
  data() {
    const t = this.#live();
    return { x: t.dataX().slice(), y: t.dataY().slice(), size: t.size(), features: t.features(), classes: t.dataClasses(),
      splitEnd: [0, 1, 2].map((s) => t.splitEnd(s)), splitColumn: t.splitColumn(), task: t.regression() ? 'regression' : 'classification' };
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

// A lesson's trainers, in the worker (session.js builds one when a configure message carries a
// lesson plan, web/lessons/catalog.js). A TrainerGroup (trainer-group.js) like the playground's group, it trains its models in
// lockstep, in short slices, but it holds any number of named models, each with its own batch
// size and its own clock, and each frame carries what the lesson's view watches (plan.watch):
//
//   weights    every model's weights now (getWeights: PyTorch's layout)
//   points     predictions at fixed inputs, e.g. [[2.5], [15.5]]
//   rows       predictions for data rows [from, to), e.g. the test split
//   curve      predictions along one input, { from, to, n }: the sigmoid curve
//   evaluate   'frame': metrics under the weights now; 'epoch': metrics after every epoch
//   metrics    final() (confusion matrices included), on frames that carry metrics
//   path       two flat parameters after every epoch, [i, j] in PyTorch's order
//   network    the network diagram's maps and weights, { size, top, range, plane } (trainer-group.js's
//              inside()); plane: maps over the 2-D data's bounds
//   landscape  the loss over those two parameters, { params, width, height, bounds, levels }, sent
//              once with its contours (views/contours.js) worked out here, off the page's thread
//
// Models that watch something per epoch train one epoch per call; the others train by updates,
// as many as fit in a slice. Runs in the worker only.
import { SLICE_MS, TrainerGroup } from './trainer-group.js';
import { fillPixels, isoline, logLevels } from '../shared/contours.js';
import { boundsOf, linspace } from '../shared/geometry.js';

/** The weights as one flat list in PyTorch's parameter order: per layer the weight row by row, then the bias. */
const flatWeights = (layers) => layers.flatMap(({ weight, bias }) => [...weight.flat(), ...bias]);

/** Predictions as plain arrays (typed arrays would be transferred, and these are small). */
function plain({ logits, probabilities, labels }) {
  return { logits: Array.from(logits), probabilities: Array.from(probabilities), labels: Array.from(labels) };
}

export class LessonGroup extends TrainerGroup {
  /** plan: { specs: { name: spec }, watch }. Throws the engine's NnplayError for a bad spec. */
  constructor(nn, plan) {
    super(nn, plan.specs, () => ({ ms: 0, evals: [], path: [] }));
    this.watch = plan.watch ?? {};
    // No decision regions: the views draw their own pictures; a network diagram over the plane
    // (watch.network.plane, 2-D data) gets maps over the data's bounds.
    this.bounds = this.watch.network?.plane && this.data.features === 2 ? boundsOf(this.data.x) : null;
    this.perEpoch = Boolean(this.watch.path || this.watch.evaluate === 'epoch');
    this.curveX = this.watch.curve ? linspace(this.watch.curve) : null;
    this.landscapeSent = false;
    for (const m of Object.values(this.models)) {
      this.#afterEpoch(m);  // epoch 0: where every path and every metrics curve starts
    }
  }

  /** Trains every model a short slice towards `target` epochs; returns true when all are there. */
  trainSlice(target) {
    let done = true;
    for (const m of this.live()) {
      if (m.trainer.state.epoch >= target) continue;
      if (this.perEpoch) this.#epochSlice(m, target);
      else this.#stepSlice(m, target);
      const { status, epoch } = m.trainer.state;
      if (status === 'ok' && epoch < target) done = false;
    }
    return done;
  }

  /** Whole epochs, one call each, with what the view watches after every one. */
  #epochSlice(m, target) {
    const deadline = performance.now() + SLICE_MS;
    do {
      const start = performance.now();
      const result = m.trainer.train({ epochs: 1 });
      m.ms += performance.now() - start;
      this.#keepRecords(m, result.records);
      if (result.status !== 'ok') return;
      this.#afterEpoch(m);
    } while (m.trainer.state.epoch < target && performance.now() < deadline);
  }

  /** As many updates as fit in a slice, by the model's measured time per update. */
  #stepSlice(m, target) {
    const { result, ms } = this.stepSlice(m, target);
    m.ms += ms;
    this.#keepRecords(m, result.records);
  }

  /** Slow motion's one update (trainer-group.js): its time, its records, and what the view watches after an epoch. */
  kept(m, result, ms, epochBefore) {
    m.ms += ms;
    this.#keepRecords(m, result.records);
    if (result.status === 'ok' && m.trainer.state.epoch > epochBefore) this.#afterEpoch(m);
  }

  /** The JS API's records as they are: { epoch, step, train: { loss }, val: { loss, accuracy } }. */
  #keepRecords(m, records) {
    m.records.push(...records);
  }

  #afterEpoch(m) {
    if (this.watch.evaluate === 'epoch') m.evals.push(m.trainer.evaluate());
    if (this.watch.path) {
      const flat = flatWeights(m.trainer.getWeights());
      m.path.push(this.watch.path.map((i) => flat[i]));
    }
  }

  /**
   * What a frame shows: per model its state, what it watches and what happened since the last
   * frame (loss records, per-epoch metrics, path points); the landscape in the first frame.
   * Returns { models: { trainers: { name: ... }, landscape? }, transfer }.
   */
  snapshot(withMetrics) {
    const w = this.watch;
    const trainers = {};
    const transfer = [];
    for (const [name, m] of Object.entries(this.models)) {
      const t = m.trainer;
      const epoch = t.state.epoch;
      const out = { ...t.state, records: m.records, evals: m.evals, path: m.path, msPerEpoch: epoch > 0 ? m.ms / epoch : NaN,
        updatesPerEpoch: m.updatesPerEpoch };
      if (w.weights) out.weights = t.getWeights();
      if (w.points) out.points = plain(t.predict(w.points));  // in the data's own units, like the spec's predict
      if (w.rows) out.rows = plain(t.predictRows(...w.rows));   // data rows as the model sees them
      if (w.curve) {
        out.curve = t.predict(this.curveX).probabilities;
        transfer.push(out.curve.buffer);
      }
      if (w.evaluate === 'frame') out.evaluation = t.evaluate();
      if (w.metrics && withMetrics) out.metrics = t.final();
      Object.assign(out, this.inside(name, w, this.bounds, withMetrics, transfer));
      trainers[name] = out;
      m.records = [];
      m.evals = [];
      m.path = [];
    }
    const models = { trainers };
    if (w.landscape && !this.landscapeSent) {
      this.landscapeSent = true;
      models.landscape = this.#landscape();
      const { values, pixels, lines } = models.landscape;
      transfer.push(values.buffer, pixels.buffer, ...lines.map((l) => l.buffer));
    }
    return { models, transfer };
  }

  /**
   * The loss over two parameters and its contours: { width, height, values, levels, pixels (RGBA,
   * the bands between levels), lines (per level, segments in grid units) }.
   */
  #landscape() {
    const { params, width, height, bounds, levels: count } = this.watch.landscape;
    const values = Object.values(this.models)[0].trainer.lossLandscape({ params, width, height, bounds });
    const levels = logLevels(values, count);
    return { width, height, values, levels, pixels: fillPixels(values, levels),
      lines: levels.map((level) => Float32Array.from(isoline(values, width, height, level))) };
  }
}

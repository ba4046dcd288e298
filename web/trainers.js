// The worker's experiment: one trainer per panel, built from the panels' specs (same data, same
// optimizer settings, different models), trained in lockstep epoch by epoch. Training is cut into
// short slices of updates so the worker can answer messages between them. Runs in the worker only.
import { boundsOf, DRAW_BOUNDS } from './geometry.js';

const SLICE_MS = 12;  // the longest a model trains between two looks at the message queue

/** The number of updates in one epoch for a spec's batch size (docs/spec.md, the training loop). */
function updatesPerEpoch(batchSize, trainSize) {
  return batchSize === 0 ? 1 : Math.max(1, Math.ceil(trainSize / batchSize));
}

export class TrainerPair {
  /** specs: { a: spec, b: spec }. Throws the engine's NnplayError (a SpecError for a bad spec). */
  constructor(nn, specs, gridSize) {
    this.models = {};
    try {
      for (const [name, spec] of Object.entries(specs)) this.models[name] = { trainer: nn.fromSpec(spec), msPerStep: 0, records: [] };
    } catch (error) {
      this.dispose();
      throw error;
    }
    const first = Object.values(this.models)[0].trainer;
    const spec = Object.values(specs)[0];
    this.specs = specs;
    this.data = first.data();
    // Only data of two features has a plane to draw decision regions on.
    this.bounds = this.data.features !== 2 ? null : spec.data.name === 'inline' ? DRAW_BOUNDS : boundsOf(this.data.x);
    this.gridSize = gridSize;
    this.updatesPerEpoch = updatesPerEpoch(spec.batch_size, this.data.splitEnd[0]);
  }

  #live() {
    return Object.values(this.models).filter((m) => m.trainer.state.status === 'ok');
  }

  /** The epoch the pair has reached: that of the furthest model still training. */
  get epoch() {
    return Math.max(0, ...Object.values(this.models).map((m) => m.trainer.state.epoch));
  }

  /** True when the models still training have all reached `limit` epochs. */
  finished(limit) {
    const live = this.#live();
    return live.length > 0 && live.every((m) => m.trainer.state.epoch >= limit);
  }

  /** True when no model can train further below `limit`: finished, or every model diverged. */
  idle(limit) {
    return this.#live().every((m) => m.trainer.state.epoch >= limit);
  }

  /** Trains every model a short slice towards `target` epochs; returns true when all are there. */
  trainSlice(target) {
    let done = true;
    for (const m of this.#live()) {
      const { epoch, step } = m.trainer.state;
      if (epoch >= target) continue;
      const remaining = (target - epoch) * this.updatesPerEpoch - (step - epoch * this.updatesPerEpoch);
      const steps = Math.max(1, Math.min(remaining, m.msPerStep > 0 ? Math.floor(SLICE_MS / m.msPerStep) : 1));
      const start = performance.now();
      const result = m.trainer.train({ steps });
      const ms = (performance.now() - start) / Math.max(1, result.ran);
      m.msPerStep = m.msPerStep > 0 ? 0.7 * m.msPerStep + 0.3 * ms : ms;
      for (const r of result.records) m.records.push([r.epoch, r.train.loss, r.val?.loss ?? NaN, r.val?.accuracy ?? NaN]);
      if (result.status === 'ok' && result.epoch < target) done = false;
    }
    return done;
  }

  setLr(lr) {
    for (const m of Object.values(this.models)) m.trainer.lr = lr;
  }

  /**
   * What a frame shows of each model: its state, the records since the last frame, its decision
   * grid and, when asked, metrics on every split with the test confusion matrix.
   * Returns { models, transfer } where transfer lists the buffers to hand over.
   */
  snapshot(withMetrics) {
    const models = {};
    const transfer = [];
    const [w, h] = [this.gridSize, this.gridSize];
    for (const [name, m] of Object.entries(this.models)) {
      const grid = this.bounds ? m.trainer.grid({ width: w, height: h, bounds: this.bounds }) : null;
      if (grid) transfer.push(grid.buffer);
      models[name] = { ...m.trainer.state, records: m.records, grid, classes: m.trainer.classes };
      if (withMetrics) models[name].metrics = metricsOf(m.trainer.final());
      m.records = [];
    }
    return { models, transfer };
  }

  /** Both models' probabilities and logits at one point. */
  predict(point) {
    const out = {};
    for (const [name, m] of Object.entries(this.models)) {
      const { probabilities, logits } = m.trainer.predict(point);
      out[name] = { probabilities: Array.from(probabilities), logits: Array.from(logits) };
    }
    return out;
  }

  dispose() {
    for (const m of Object.values(this.models)) m.trainer.dispose();
    this.models = {};
  }
}

/** Loss and accuracy per split, and the confusion matrix of the test split (else the last one there is). */
function metricsOf(final) {
  const splits = ['train', 'val', 'test'].filter((s) => final[s]);
  const metrics = { confusionSplit: splits.at(-1) };
  for (const s of splits) metrics[s] = { loss: final[s].loss, accuracy: final[s].accuracy };
  metrics.confusion = final[metrics.confusionSplit].confusion;
  return metrics;
}

// The worker's experiment: one trainer per panel, built from the panels' specs (same data, same
// optimizer settings, different models), trained in lockstep epoch by epoch. Training is cut into
// short slices of updates so the worker can answer messages between them. Runs in the worker only.
import { boundsOf, DRAW_BOUNDS } from '../shared/geometry.js';
import { TrainerGroup } from './trainer-group.js';

export class PlaygroundGroup extends TrainerGroup {
  /**
   * specs: { a: spec, b: spec }; watch: { grid: cells per side, network, hiddenSpace } (what
   * trainer-group.js's inside() watches). Throws the engine's NnplayError (a SpecError for a bad spec).
   */
  constructor(nn, specs, watch) {
    super(nn, specs);
    const spec = Object.values(specs)[0];
    // Only data of two features has a plane to draw decision regions on.
    this.bounds = this.data.features !== 2 ? null : spec.data.name === 'inline' ? DRAW_BOUNDS : boundsOf(this.data.x);
    this.gridSize = watch.grid;
    this.watch = watch;
  }

  /** Trains every model a short slice towards `target` epochs; returns true when all are there. */
  trainSlice(target) {
    const behind = this.live().filter((m) => m.trainer.state.epoch < target);
    for (const m of this.pace(behind, target)) {
      const { result } = this.stepSlice(m, target);
      this.kept(m, result);  // the JS API's records as they are: { epoch, step, train, val }
    }
    return this.live().every((m) => m.trainer.state.epoch >= target);
  }

  /**
   * What a frame shows of each model: its state, the records since the last frame, its decision
   * grid (as fine as its budget allows, frame-budget.js: `gridSize` cells a side), when due its
   * diagram and hidden space (inside()) and, when asked, metrics on every split with the test
   * confusion matrix. A large model's parts each take tens of ms (its metrics, up to a few
   * hundred), so they are computed one by one, awaiting between() after each: it lets the
   * worker read its messages, and returns false when the frame is no longer wanted (the group was
   * replaced), which abandons it (null). light: the state and the grids only (a reset's first frame).
   * The caller holds the group: nothing trains it meanwhile.
   * Returns { models: { trainers: { name: ... } }, transfer } where transfer lists the buffers to hand over.
   */
  async snapshot(withMetrics, between = async () => true, light = false) {
    const trainers = {};
    const transfer = [];
    const parts = [];
    for (const [name, m] of Object.entries(this.models)) {
      const model = { ...m.trainer.state, records: m.records, probabilityWidth: m.trainer.probabilityWidth };
      trainers[name] = model;
      parts.push(() => Object.assign(model, this.#grid(m, transfer)));
      if (!light) parts.push(() => Object.assign(model, this.inside(name, this.watch, this.bounds, withMetrics, transfer)));
      if (withMetrics) {
        parts.push(() => { model.metrics = metricsOf(m.trainer.final()); });
        parts.push(() => { model.metrics.weights = weightStats(m.trainer.getWeights({ typed: true })); });
      }
    }
    for (const [i, part] of parts.entries()) {
      if (i > 0 && !(await between())) return null;
      part();
    }
    for (const m of Object.values(this.models)) m.records = [];
    return { models: { trainers }, transfer };
  }

  /** Model m's decision grid, at the side its budget allows (at most the plan's), timed for the next. */
  #grid(m, transfer) {
    if (!this.bounds || !this.gridSize) return { grid: null };
    const side = Math.min(this.gridSize, m.budget.gridSide);
    const start = performance.now();
    const grid = m.trainer.grid({ width: side, height: side, bounds: this.bounds });
    m.budget.gridTook(side, performance.now() - start);
    transfer.push(grid.buffer);
    return { grid, gridSize: side };
  }
}

/**
 * Loss and accuracy per split, and the confusion matrix of the test split (else the last one there
 * is); for regression loss, mae, rmse and r2 per split, and no confusion matrix.
 */
function metricsOf(final) {
  const splits = ['train', 'val', 'test'].filter((s) => final[s]);
  const metrics = { confusionSplit: splits.at(-1) };
  for (const s of splits) {
    const { loss, accuracy, mae, rmse, r2 } = final[s];
    metrics[s] = accuracy === undefined ? { loss, mae, rmse, r2 } : { loss, accuracy };
  }
  metrics.confusion = final[metrics.confusionSplit].confusion;
  return metrics;
}

/**
 * How big the weights are (the weight matrices, not the biases, as regularization counts them):
 * { count, small: how many have |w| < 1e-3, meanAbs: mean |w| }. L2 shrinks them all; L1 drives many to 0.
 */
export function weightStats(layers) {
  let count = 0;
  let small = 0;
  let sum = 0;
  for (const { weight } of layers) {
    for (const row of weight) {
      for (const w of row) {
        count += 1;
        sum += Math.abs(w);
        if (Math.abs(w) < 1e-3) small += 1;
      }
    }
  }
  return { count, small, meanAbs: count ? sum / count : NaN };
}

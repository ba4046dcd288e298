// Named trainers trained in lockstep in the worker, in short slices of updates so the worker can
// answer messages between them. The playground's group (playground-group.js) and a lesson's group
// (lesson-group.js) build on it. Both carry the same watchers inside the network: the diagram's
// unit maps and weights (network-watch.js) and the hidden-space view (hidden-space-watch.js), each
// run at its own cadence and only while the page shows it (setView). Runs in the worker only.
import { MAP_SIZE, NetworkWatch } from './network-watch.js';
import { HiddenSpaceWatch } from './hidden-space-watch.js';
import { FrameBudget } from './frame-budget.js';

export const SLICE_MS = 12;  // the longest one model trains between two looks at the message queue
// Multiply-adds of a model's first piece of an update when its speed is not yet measured: a few
// ms here, tens on a slow machine. A model whose update is larger trains in pieces from the start.
export const FIRST_WORK = 1e8;
// How far (in epochs) one model may run ahead of the one furthest behind: a pause then waits only
// for that much of the laggard's training to bring the models back in step.
const SLACK = 0.05;
// Multiply-adds of metrics on every split (a forward pass over every row) that a reset's first
// frame still includes: a few ms; the tutorial's models on radial take 1.4 x 10^7.
const CHEAP_METRICS_WORK = 5e7;


export class TrainerGroup {
  /**
   * specs: { name: spec }; extra(spec) adds fields to each model's record. Throws the engine's
   * NnplayError (a SpecError for a bad spec), having disposed what it built.
   */
  constructor(nn, specs, extra = () => ({})) {
    this.specs = specs;
    this.models = {};
    this.view = {};
    try {
      for (const [name, spec] of Object.entries(specs)) {
        // Each train() call's records are all the page reads: the engine keeps no history of its own.
        const trainer = nn.fromSpec(spec, { historyLimit: 0 });
        // updatesPerEpoch: the engine's count (batch_size and drop_last, docs/spec.md's training loop).
        // msPerStep, workPerMs: measured speed; progress: the done part of an update under way (stepSlice);
        // budget: how fine its grid and unit maps may be (frame-budget.js).
        this.models[name] = { trainer, updatesPerEpoch: trainer.updatesPerEpoch, msPerStep: 0, workPerMs: 0, progress: 0,
          records: [], budget: new FrameBudget({ parameters: trainer.parameterCount, hiddenLayers: spec.model?.hidden?.length ?? 1 }),
          ...extra(spec) };
      }
    } catch (error) {
      this.dispose();
      throw error;
    }
    this.data = Object.values(this.models)[0].trainer.data();
  }

  /** The models still training (not diverged). */
  live() {
    return Object.values(this.models).filter((m) => m.trainer.state.status === 'ok');
  }

  /** Every model's epoch and step, as one string: it changes when any model finishes an update or an epoch. */
  trainedAt() {
    return Object.values(this.models).map((m) => `${m.trainer.state.epoch}:${m.trainer.state.step}`).join(',');
  }

  /** Whether every model's metrics on every split are cheap enough for a reset's first frame. */
  metricsCheap() {
    const rows = this.data.splitEnd.at(-1);
    return Object.values(this.models).every((m) => m.trainer.parameterCount * rows <= CHEAP_METRICS_WORK);
  }

  /** The epoch the group has reached: that of the furthest model. */
  get epoch() {
    return Math.max(0, ...Object.values(this.models).map((m) => m.trainer.state.epoch));
  }

  /** True when the models still training have all reached `limit` epochs. */
  finished(limit) {
    const live = this.live();
    return live.length > 0 && live.every((m) => m.trainer.state.epoch >= limit);
  }

  /** True when no model can train further below `limit`: finished, or every model diverged. */
  idle(limit) {
    return this.live().every((m) => m.trainer.state.epoch >= limit);
  }

  /**
   * As many updates of model m as fit in a slice (by its measured time per update), without
   * passing `target` epochs; or, when one update takes longer than a slice, a slice's worth of
   * pieces of one (the JS API's train({ work }): the same numbers as the whole update). Returns
   * train()'s result and its time.
   */
  stepSlice(m, target) {
    if (this.inPieces(m)) return this.#pieceSlice(m);
    const steps = this.#sliceSteps(m, target);
    const start = performance.now();
    const result = m.trainer.train({ steps });
    const ms = performance.now() - start;
    const perStep = ms / Math.max(1, result.ran);
    m.msPerStep = m.msPerStep > 0 ? 0.7 * m.msPerStep + 0.3 * perStep : perStep;
    return { result, ms };
  }

  /** Whether model m trains in pieces of an update: one is under way, or one takes (or looks like it takes) longer than a slice. */
  inPieces(m) {
    return m.progress > 0 || m.msPerStep > SLICE_MS || (m.msPerStep === 0 && m.trainer.updateWork > FIRST_WORK);
  }

  /** The updates model m trains in a slice when it trains them whole. */
  #sliceSteps(m, target) {
    const perEpoch = m.updatesPerEpoch;
    const { epoch, step } = m.trainer.state;
    const remaining = (target - epoch) * perEpoch - (step - epoch * perEpoch);
    return Math.max(1, Math.min(remaining, m.msPerStep > 0 ? Math.floor(SLICE_MS / m.msPerStep) : 1));
  }

  /** The multiply-adds model m works through in a slice of pieces: FIRST_WORK until its speed is measured. */
  #sliceWork(m) {
    return m.workPerMs > 0 ? SLICE_MS * m.workPerMs : FIRST_WORK;
  }

  #pieceSlice(m) {
    const start = performance.now();
    const result = m.trainer.train({ work: this.#sliceWork(m) });
    const ms = performance.now() - start;
    if (result.work > 0 && ms > 0) {
      const perMs = result.work / ms;
      m.workPerMs = m.workPerMs > 0 ? 0.7 * m.workPerMs + 0.3 * perMs : perMs;
      m.msPerStep = m.trainer.updateWork / m.workPerMs;
    }
    m.progress = result.progress;
    return { result, ms };
  }

  /** How far model m has come, in epochs: finished epochs, then updates and the done part of the one under way. */
  position(m) {
    const { epoch, step } = m.trainer.state;
    const perEpoch = m.updatesPerEpoch;
    return perEpoch > 0 ? epoch + (step - epoch * perEpoch + m.progress) / perEpoch : epoch;
  }

  /**
   * The models of `models` that train in this slice: those whose next slice leaves them within
   * SLACK epochs of the model whose next slice leaves it furthest behind (that one always trains).
   * So a small model waits for a large one's update to be nearly done instead of finishing its
   * epoch at once, and a pause (which trains the group up to its leader) never waits long.
   */
  pace(models, target) {
    const reach = models.map((m) => {
      const work = Math.max(1, m.trainer.updateWork);
      const ahead = this.inPieces(m) ? Math.min(1 - m.progress, this.#sliceWork(m) / work) : this.#sliceSteps(m, target);
      return this.position(m) + ahead / Math.max(1, m.updatesPerEpoch);
    });
    const least = Math.min(...reach);
    return models.filter((m, i) => reach[i] <= least + SLACK);
  }

  /**
   * Slow motion's tick: one update of the models that make the fewest updates per epoch, and as
   * many of the others as cover the same part of an epoch, so models of different batch sizes stay
   * in step by epochs (the batch lesson: the full batch 1 update, stochastic 8000, each tick). The
   * playground's two models share a batch size: one update each. Each subclass keeps what it
   * records in kept(m, result, ms, epochBefore). Models at `limit` epochs wait. An update longer
   * than a slice is trained in pieces (stepSlice's), awaiting between() after each: it reads the
   * messages, and returns false when the tick must stop (paused or replaced; the update under way
   * goes on at the next tick or slice).
   */
  async trainUpdate(limit, between = async () => true) {
    const going = this.live().filter((m) => m.trainer.state.epoch < limit);
    if (going.length === 0) return;
    // Counted in updates; an epoch of no update (a batch past the split, drop_last) counts as one.
    const perEpoch = (m) => m.updatesPerEpoch || 1;
    const done = (m) => (m.updatesPerEpoch ? m.trainer.state.step : m.trainer.state.epoch);
    const fewest = Math.min(...going.map(perEpoch));
    const goal = Math.min(limit, Math.min(...going.map((m) => done(m) / perEpoch(m))) + 1 / fewest);  // in epochs
    for (const m of going) {
      let steps = Math.ceil(goal * perEpoch(m) - 1e-9) - done(m);
      while (steps > 0 && m.updatesPerEpoch && this.inPieces(m)) {
        const before = m.trainer.state.epoch;
        const { result, ms } = this.stepSlice(m);
        this.kept(m, result, ms, before);
        steps -= result.ran;
        if (result.status !== 'ok' || !(await between())) return;
      }
      if (steps <= 0) continue;
      const before = m.trainer.state.epoch;
      const start = performance.now();
      const result = m.trainer.train(m.updatesPerEpoch ? { steps } : { epochs: steps });
      this.kept(m, result, performance.now() - start, before);
    }
  }

  /** What a subclass keeps after train() ran on model m (its records, its clock): here, the records. */
  kept(m, result) {
    m.records.push(...result.records);
  }

  /** Every model's probabilities, logits and class (the engine's, as PyTorch picks it) at one point (the hover readout). */
  predict(point) {
    const out = {};
    for (const [name, m] of Object.entries(this.models)) {
      const answer = m.trainer.predict(point);
      if (answer.values) out[name] = { value: answer.values[0] };  // regression: the predicted value
      else out[name] = { probabilities: Array.from(answer.probabilities), logits: Array.from(answer.logits), label: answer.labels[0] };
    }
    return out;
  }

  /**
   * What the page shows now, per model: { [name]: { network: false (closed), all: L (every map of
   * layer L), hiddenSpace: false | { layer, units } } }. A model not named shows the diagram only.
   */
  setView(view) {
    this.view = view ?? {};
  }

  /**
   * The diagram's and the hidden-space view's parts of model `name`'s frame, each when its cadence
   * says it is due or when `force`d (a paused frame must show the weights now). watch: the plan's
   * { network: { size, top, range }, hiddenSpace: true }; bounds: the plane's, or null.
   */
  inside(name, watch, bounds, force, transfer) {
    const m = this.models[name];
    const view = this.view[name] ?? {};
    const out = {};
    try {
      if (watch.network && view.network !== false) {
        m.networkWatch ??= new NetworkWatch(m.trainer, this.specs[name], watch.network.range);
        const w = m.networkWatch;
        if (force || w.cadence.due()) out.network = w.cadence.run(() => this.#network(m, bounds, watch.network, view, transfer));
      }
      if (watch.hiddenSpace && bounds && view.hiddenSpace) {
        m.hiddenLayers ??= m.trainer.getWeights({ typed: true }).length - 1;
        m.hiddenWatch ??= new HiddenSpaceWatch(m.trainer);
        const w = m.hiddenWatch;
        if (m.hiddenLayers > 0 && (force || w.cadence.due()))
          out.hiddenSpace = w.cadence.run(() => w.snapshot(bounds, view.hiddenSpace, m.hiddenLayers, transfer));
      }
    } catch (error) {
      // A view the engine refuses (a diverged model's NaN weights, units out of range) is left out
      // of the frame: it never stops training. A trap is no such error.
      if (error instanceof WebAssembly.RuntimeError || !error?.kind) throw error;
    }
    return out;
  }

  /** Model m's diagram: its unit maps over the plane as fine as its budget allows, or none (null). */
  #network(m, bounds, options, view, transfer) {
    const w = m.networkWatch;
    const side = m.budget.mapSide;
    const size = !bounds ? options.size : side === null ? null : Math.min(options.size ?? MAP_SIZE, side);
    const network = w.snapshot(bounds, { ...options, size, all: view.all ?? null }, transfer);
    if (w.mapsMs > 0) m.budget.mapsTook(size, w.mapsMs);
    return network;
  }

  setLr(lr) {
    for (const m of Object.values(this.models)) m.trainer.lr = lr;
  }

  dispose() {
    for (const m of Object.values(this.models)) m.trainer.dispose();
    this.models = {};
  }
}

// Named trainers trained in lockstep in the worker, in short slices of updates so the worker can
// answer messages between them. The playground's group (playground-group.js) and a lesson's group
// (lesson-group.js) build on it. Runs in the worker only.

export const SLICE_MS = 12;  // the longest one model trains between two looks at the message queue


export class TrainerGroup {
  /**
   * specs: { name: spec }; extra(spec) adds fields to each model's record. Throws the engine's
   * NnplayError (a SpecError for a bad spec), having disposed what it built.
   */
  constructor(nn, specs, extra = () => ({})) {
    this.specs = specs;
    this.models = {};
    try {
      for (const [name, spec] of Object.entries(specs)) {
        // Each train() call's records are all the page reads: the engine keeps no history of its own.
        const trainer = nn.fromSpec(spec, { historyLimit: 0 });
        // updatesPerEpoch: the engine's count (batch_size and drop_last, docs/spec.md's training loop).
        this.models[name] = { trainer, updatesPerEpoch: trainer.updatesPerEpoch, msPerStep: 0, records: [], ...extra(spec) };
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
   * passing `target` epochs. Returns train()'s result and its time.
   */
  stepSlice(m, target) {
    const perEpoch = m.updatesPerEpoch;
    const { epoch, step } = m.trainer.state;
    const remaining = (target - epoch) * perEpoch - (step - epoch * perEpoch);
    const steps = Math.max(1, Math.min(remaining, m.msPerStep > 0 ? Math.floor(SLICE_MS / m.msPerStep) : 1));
    const start = performance.now();
    const result = m.trainer.train({ steps });
    const ms = performance.now() - start;
    const perStep = ms / Math.max(1, result.ran);
    m.msPerStep = m.msPerStep > 0 ? 0.7 * m.msPerStep + 0.3 * perStep : perStep;
    return { result, ms };
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

  setLr(lr) {
    for (const m of Object.values(this.models)) m.trainer.lr = lr;
  }

  dispose() {
    for (const m of Object.values(this.models)) m.trainer.dispose();
    this.models = {};
  }
}

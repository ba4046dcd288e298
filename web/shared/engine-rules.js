// The engine's rules as the page needs them, read from what the engine says about itself
// (nn.specInfo(), which the worker sends once the engine has loaded: engine-client.js's `ready`).
// Nothing here restates a rule: dataset sizes and class counts, the output width of each loss,
// the class count a loss needs, the default model, the caps and the size limits all come from the
// engine, so the page cannot drift from it. Pure: no DOM, no engine, usable on both threads.

export class EngineRules {
  #datasets;
  #losses;

  /** info: nn.specInfo() ({ datasets, losses, caps, limits, defaults, ... }, docs/api.md). */
  constructor(info) {
    this.info = info;
    this.#datasets = new Map(info.datasets.map((d) => [d.name, d]));
    this.#losses = new Map(info.losses.map((l) => [l.name, l]));
  }

  /** The caps of a spec (hiddenLayers, units, samples, ...) and the size limits (csvBytes, weightsBytes, epochWork, ...). */
  get caps() { return this.info.caps; }
  get limits() { return this.info.limits; }

  /** The engine's default hidden layers: what a model without `hidden` gets. */
  get defaultHidden() { return this.info.defaults.model.hidden; }

  /** The size a generated dataset has when the spec gives no n; undefined for the others. */
  defaultN(name) {
    return this.#datasets.get(name)?.n;
  }

  /** A dataset's class count when the engine knows it from the name; null when the data decides (inline, csv). */
  datasetClasses(name) {
    return this.#datasets.get(name)?.classes || null;
  }

  /** The task a spec on this dataset gets without `task` ('regression' for plane and multi_gauss). */
  datasetTask(name) {
    return this.#datasets.get(name)?.task;
  }

  /** The losses a task allows, its default first. */
  lossesOf(task) {
    return this.info.tasks.find((t) => t.name === task).losses;
  }

  /** The class count a loss needs (bce: 2), or null when any will do. */
  classesNeeded(loss) {
    return this.#losses.get(loss)?.classes ?? null;
  }

  /** The width of the model's output for `loss` on data of `classes` classes. */
  outputs(loss, classes) {
    const width = this.#losses.get(loss)?.outputs;
    return typeof width === 'number' ? width : classes;
  }
}

// How long the worker may stay silent on purpose: one update of every model and one frame (the
// decision grids and the metrics on every point), all without a look at the message queue. The
// worker sends this estimate as { type: 'busy', ms } when it builds an experiment, and the page's
// watchdog (worker-supervisor.js) waits that much longer before it calls the worker hung, so a
// very large model (8 layers of 1024 units on 200,000 points) is slow rather than restarted.
//
// A multiply-add counts 2 operations, an update (forward, backward, step) about 6 per parameter
// and row. FLOPS_PER_MS is far below what the WebAssembly engine does here (about 15 per ns with
// 1024-unit layers): a slow classroom computer should still be inside the estimate.
const FLOPS_PER_MS = 2e6;

/** Parameters of a spec's model on data of `features` inputs and `classes` classes. */
function parameters(spec, features, classes) {
  const hidden = spec.model?.hidden ?? [];
  const outputs = spec.loss === 'bce' ? 1 : classes;
  const sizes = [features, ...hidden, outputs];
  let count = 0;
  for (let i = 1; i < sizes.length; i++) count += (sizes[i - 1] + 1) * sizes[i];
  return count;
}

/**
 * The estimate in ms for specs { name: spec } trained on `data` ({ features, classes, splitEnd }:
 * the engine's dataset) with decision grids of gridSize² cells (0 without).
 */
export function silentMs(specs, data, gridSize = 0) {
  const rows = data.splitEnd.at(-1);
  const train = data.splitEnd[0];
  let flops = 0;
  for (const spec of Object.values(specs)) {
    const batch = spec.batch_size > 0 ? Math.min(spec.batch_size, train) : train;
    flops += parameters(spec, data.features, data.classes) * (6 * batch + 2 * (gridSize * gridSize + rows));
  }
  return Math.ceil(flops / FLOPS_PER_MS);
}

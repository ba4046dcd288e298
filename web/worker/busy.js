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

/**
 * The estimate in ms for models [{ parameters (the trainer's parameterCount), batchSize (0: full
 * batch) }] trained on `data` ({ splitEnd }: the engine's dataset) with decision grids of
 * gridSize² cells (0 without).
 */
export function silentMs(models, data, gridSize = 0) {
  const rows = data.splitEnd.at(-1);
  const train = data.splitEnd[0];
  let flops = 0;
  for (const { parameters, batchSize } of models) {
    const batch = batchSize > 0 ? Math.min(batchSize, train) : train;
    flops += parameters * (6 * batch + 2 * (gridSize * gridSize + rows));
  }
  return Math.ceil(flops / FLOPS_PER_MS);
}

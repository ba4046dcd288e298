// Tanh and Sigmoid hidden layers against ReLU on tutorial 001's workload (2-200-3, SGD lr 0.005,
// full batch), interleaved: a few epochs of each in turn, round after round, so that a busy or
// drifting machine slows all three alike and the ratios hold even when the milliseconds do not.
// Used by bench/bench_activations.mjs and bench/bench_wasm.mjs (npm run bench).
export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid'];
const EPOCHS_PER_TURN = 3;

/** One engine's three trainers, warmed up: { trainers, ms: { relu: [], tanh: [], sigmoid: [] } }. */
export function activationRun(nn) {
  const trainers = Object.fromEntries(ACTIVATIONS.map((a) => [a, nn.fromSpec({ data: { name: 'radial' },
    model: { hidden: [200], activation: a }, optimizer: { name: 'sgd', lr: 0.005 } }, { historyLimit: 0 })]));
  for (const a of ACTIVATIONS) trainers[a].train({ epochs: 20 });
  return { trainers, ms: Object.fromEntries(ACTIVATIONS.map((a) => [a, []])) };
}

/** `rounds` turns of every run (several engines take turns too), each epoch timed. */
export function interleave(runs, rounds = 40) {
  for (let round = 0; round < rounds; round++)
    for (const run of runs)
      for (const a of ACTIVATIONS)
        for (let k = 0; k < EPOCHS_PER_TURN; k++) {
          const start = performance.now();
          run.trainers[a].train({ epochs: 1 });
          run.ms[a].push(performance.now() - start);
        }
}

/** Medians in ms and their ratios to ReLU: { relu: { ms, ratio }, tanh: ..., sigmoid: ... }. */
export function ratios(run) {
  const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
  const relu = median(run.ms.relu);
  return Object.fromEntries(ACTIVATIONS.map((a) => [a, { ms: median(run.ms[a]), ratio: median(run.ms[a]) / relu }]));
}

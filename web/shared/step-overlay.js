// What the step inspector draws on the network diagram (views/network-diagram.js's setOverlay)
// for each of the five lines of a traced step. Pure: no DOM.
//
// Layers are the diagram's: 0 = the inputs, 1 .. H = the hidden layers, H + 1 = the outputs; the
// trace's layer l (its l-th nn.Linear) is the diagram's layer l + 1. Neuron keys are 'L:U', edge
// keys 'L-1:U>L:V' (the weight W_L[V][U]). The diagram colours each edge by its value's sign and
// scales its width by |value| against the layer's largest, so an overlay of gradients shows where
// the gradient is large, and one of updates where step() changed most.
//
//   forward    each neuron's value for the sample: x at the inputs, a = act(z) inside, the logits out
//   criterion  the outputs' probabilities (softmax, or the sigmoid for bce); regression: y_pred
//   zeroGrad   every edge 0 (every .grad is zero)
//   backward   dL/dz on each neuron (the sample's), dL/dW on each edge (the batch's)
//   step       each weight's and bias's change: after - before
import { softmax } from './step-lines.js';

/** A short label for a small badge: 2 decimals, or 2 significant digits for tiny values. */
export function badge(v) {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  return Math.abs(v) >= 0.01 ? v.toFixed(2) : v.toPrecision(2);
}

const neuronsOf = (layers) => {
  const out = {};
  layers.forEach((values, L) => values?.forEach((v, u) => { out[`${L}:${u}`] = { value: v, label: badge(v) }; }));
  return out;
};

/** Every weight of the trace's layers as edges: value(l, to, from) for the trace's layer l. */
function edgesOf(trace, value) {
  const out = {};
  trace.params.forEach(({ weight }, l) => weight.forEach((row, to) => row.forEach((_, from) => {
    const v = value(l, to, from);
    out[`${l}:${from}>${l + 1}:${to}`] = { value: v, label: badge(v) };
  })));
  return out;
}

const OVERLAYS = {
  forward: (trace) => ({
    neurons: neuronsOf([trace.sample.x, ...trace.sample.layers.map((layer) => layer.a)]),
  }),
  criterion: (trace, { loss, task }) => {
    const z = trace.sample.layers.at(-1).z;
    const out = task === 'regression' ? z : loss === 'bce' ? [1 / (1 + Math.exp(-z[0]))] : loss === 'mse' ? z : softmax(z);
    return { neurons: neuronsOf([...trace.sample.layers.map(() => null), out]) };
  },
  zeroGrad: (trace) => ({ neurons: neuronsOf([null, ...trace.params.map(({ bias }) => bias.map(() => 0))]), edges: edgesOf(trace, () => 0) }),
  backward: (trace) => ({
    neurons: neuronsOf([null, ...trace.sample.layers.map((layer) => layer.dz)]),
    edges: edgesOf(trace, (l, to, from) => trace.grad[l].weight[to][from]),
  }),
  step: (trace) => ({
    neurons: neuronsOf([null, ...trace.after.map(({ bias }, l) => bias.map((b, u) => b - trace.params[l].bias[u]))]),
    edges: edgesOf(trace, (l, to, from) => trace.after[l].weight[to][from] - trace.params[l].weight[to][from]),
  }),
};

/** The overlay of `line` ('forward' ... 'step') for a trace; context: { loss, task }. */
export function overlayOf(line, trace, context = {}) {
  return OVERLAYS[line](trace, context);
}

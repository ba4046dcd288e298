// The worker's answers about the current models (session.js's `request`): the take-home exports
// (a PyTorch script, the weights, the data as CSV), new weights, one weight or bias edited in the
// network diagram ({ what: 'setWeight', panel, layer, to, from, value }: layer L >= 1 of the
// diagram, W_L[to][from], or its bias[to] when from is null), the engine's memory in use
// ({ what: 'memory' }: { heapInUse }, the bytes its allocator holds, for leak checks), and one
// traced update for the step inspector ({ what: 'trace', sample? }: { trace, state, spec }, spec
// normalized). Weights
// travel in PyTorch's state_dict layout: { "0.weight": [[...]], "0.bias": [...], "2.weight": ... },
// the keys of the exported script's nn.Sequential, where the activations take the odd places.
import { exportPyTorch } from '../shared/pytorch-export.js';

/** Weights JSON text as a value; its size and depth are the engine's to check (setWeights), after this. */
function parseWeights(text) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`not valid JSON: ${error.message}`);
  }
}

/** The engine's layers [{ weight, bias }] as a state_dict. */
export function stateDictOf(layers) {
  const dict = {};
  layers.forEach(({ weight, bias }, i) => {
    dict[`${2 * i}.weight`] = weight;
    dict[`${2 * i}.bias`] = bias;
  });
  return dict;
}

/** A state_dict (or the engine's list of layers) as the engine's layers; throws a message naming what is wrong. */
export function layersOf(weights) {
  if (Array.isArray(weights)) return weights;
  if (weights === null || typeof weights !== 'object') throw new Error('expected a JSON object of "0.weight", "0.bias", ... (a state_dict)');
  const keys = Object.keys(weights);
  const layers = [];
  for (let i = 0; keys.includes(`${2 * i}.weight`) || keys.includes(`${2 * i}.bias`); i++) {
    for (const part of ['weight', 'bias']) if (!keys.includes(`${2 * i}.${part}`)) throw new Error(`"${2 * i}.${part}" is missing`);
    layers.push({ weight: weights[`${2 * i}.weight`], bias: weights[`${2 * i}.bias`] });
  }
  const extra = keys.find((k) => !/^\d+\.(weight|bias)$/.test(k) || Number(k.split('.')[0]) >= 2 * layers.length);
  if (extra !== undefined) throw new Error(`unexpected entry "${extra.slice(0, 40)}"`);
  if (layers.length === 0) throw new Error('no layers: expected "0.weight" and "0.bias"');
  return layers;
}

const ANSWERS = {
  pytorch: (nn, spec, trainer, msg) => exportPyTorch(nn.normalize(spec), { title: msg.title }),
  weights: (nn, spec, trainer) => stateDictOf(trainer.getWeights()),
  csv: (nn, spec) => nn.datasetCsv(spec),
  setWeights: (nn, spec, trainer, msg) => {
    let layers;
    try {
      layers = layersOf(typeof msg.weights === 'string' ? parseWeights(msg.weights) : msg.weights);
    } catch (error) {
      throw Object.assign(error, { kind: 'spec' });
    }
    trainer.setWeights(layers);  // all or nothing: a SpecError names the bad field
    return trainer.final();
  },
  setWeight: (nn, spec, trainer, { layer, to, from, value }) => {
    const layers = trainer.getWeights();
    const target = layers[layer - 1];
    const row = from === null || from === undefined ? target?.bias : target?.weight[to];
    const index = from === null || from === undefined ? to : from;
    if (!row || !Number.isInteger(index) || index < 0 || index >= row.length || !Number.isFinite(value))
      throw Object.assign(new Error(`setWeight: no weight at layer ${layer}, unit ${to}, input ${from} (or the value ${value} is not a finite number)`),
        { kind: 'spec' });
    row[index] = value;
    trainer.setWeights(layers);  // the optimizer's state stays: the model continues from the edited weight
    return trainer.final();
  },
  // One update under the microscope (docs/api.md step({ trace })); its records join the next frame's.
  // The trace holds every parameter four to six times as JSON: a model of a million parameters
  // would take seconds and hundreds of MB, so the inspector stops at MAX_TRACED_PARAMETERS.
  trace: (nn, spec, trainer, msg, model) => {
    if (trainer.parameterCount > MAX_TRACED_PARAMETERS) {
      throw Object.assign(new Error(`the inspector shows models of up to ${MAX_TRACED_PARAMETERS.toLocaleString('en')} parameters; `
        + `this one has ${trainer.parameterCount.toLocaleString('en')}`), { kind: 'spec' });
    }
    const result = trainer.step({ trace: true, ...(msg.sample === undefined ? {} : { sample: msg.sample }) });
    model.records?.push(...result.records);
    return { trace: result.trace, state: trainer.state, spec: nn.normalize(spec) };
  },
};

/** The largest model the step inspector traces (2 -> 200 -> 200 -> 3 has 41,403 parameters). */
export const MAX_TRACED_PARAMETERS = 100000;

/** The requests that change the weights: a frame shows them (session.js). */
export const CHANGES_WEIGHTS = new Set(['setWeights', 'setWeight', 'trace']);

/** A CSV's shape, or the engine's SpecError naming the row and column: { size, features, classes }. */
function checkCsv(nn, msg) {
  const { size, features, classes } = nn.dataset(msg.data);
  return { size, features, classes };
}

/** { value } or { error: { message, kind } } for msg = { what, panel, ... }. */
export function answer(nn, group, msg) {
  try {
    if (msg.what === 'checkCsv') return { value: checkCsv(nn, msg) };
    if (msg.what === 'memory') return { value: { heapInUse: nn.heapInUse() } };
    if (!group) throw Object.assign(new Error('there is no model yet'), { kind: 'engine' });
    const model = group.models[msg.panel];
    const spec = group.specs[msg.panel];
    if (!model || !Object.hasOwn(ANSWERS, msg.what)) throw Object.assign(new Error(`unknown request ${msg.what}`), { kind: 'engine' });
    return { value: ANSWERS[msg.what](nn, spec, model.trainer, msg, model) };
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) throw error;  // a trap: the worker must die (main.js's fail)
    return { error: { message: error.message, kind: error.kind ?? 'engine' } };
  }
}

// What the network diagram (web/views/network-diagram.js) shows of one model, worked out in the
// worker: each shown unit's map over the plane (the JS API's unitGrids), the weights between the
// shown units and their biases. Runs in the worker only.
//
// Layers are numbered as the diagram draws them: 0 = the inputs (x1, x2 or model.features),
// 1 .. H = the hidden layers, H + 1 = the outputs. A wide layer (the tutorial's 200 units) shows
// its `top` most important units, importance being the outgoing weight norm ||W_{L+1}[:, u]||;
// the set is re-ranked at most every RERANK_MS, and a unit joins only when it beats the weakest
// shown unit by HYSTERESIS, so the diagram does not reshuffle every frame. Shown units keep their
// index order.
//
// A snapshot (every array a Float32Array, handed over with `transfer`):
//   sizes     units per layer, [2, 200, 3]
//   task      'classification' or 'regression'
//   inputs    the inputs' names
//   map       { width, height }: cells per map; 1-D data has maps of width x 1 along the input;
//             null: no maps (1-D data without a range, or maps off, below)
//   mapsOff   true when the maps were left out because they cost too much (frame-budget.js)
//   shown     per layer, the unit indices shown
//   maps      per layer, the shown units' maps one after another (null: none for this layer)
//   weights   per layer L >= 1, W_L among shown units: weights[L][v * shown[L-1].length + u] = w(u -> v)
//   biases    per layer L >= 1, the shown units' biases (biases[0] is null)
//   all       { layer, maps } every unit's maps of one layer, when the view asks (the "+N more" grid)
import { linspace } from '../shared/geometry.js';

const RERANK_MS = 1000;
const HYSTERESIS = 1.25;
export const MAP_SIZE = 24;
export const TOP_UNITS = 16;

/**
 * A watcher that took t ms runs again SHARE * t ms later: at most about 1 / (SHARE + 1) of the
 * worker's time. 8: the tutorial MLP's diagram (about 7 ms, 5 ms of it getWeights' JSON before the
 * weights came as typed arrays; the unit maps 2 ms) updates about 15 times a second, and training
 * keeps about 90% of its speed.
 */
const SHARE = 8;
const MAX_INTERVAL_MS = 1000;

/** When a watcher runs next: after SHARE times what it cost last time (at most a second). */
export class Cadence {
  #next = 0;

  due(now = performance.now()) {
    return now >= this.#next;
  }

  /** Runs fn now, measures it, and sets when it is due again. */
  run(fn) {
    const start = performance.now();
    const value = fn();
    const end = performance.now();
    this.#next = end + Math.min(MAX_INTERVAL_MS, SHARE * (end - start));
    return value;
  }
}

/** The norm of each column u of a weight matrix (rows = the next layer's units): ||W[:, u]||. */
function columnNorms(weight) {
  const norms = new Float64Array(weight[0]?.length ?? 0);
  for (const row of weight) for (let u = 0; u < row.length; u++) norms[u] += row[u] * row[u];
  return norms.map(Math.sqrt);
}

/** The `top` units by norm, starting from `current` and swapping only a clearly stronger unit in. */
export function rankUnits(norms, top, current) {
  const n = norms.length;
  if (n <= top) return Array.from({ length: n }, (_, u) => u);
  const byNorm = Array.from({ length: n }, (_, u) => u).sort((a, b) => norms[b] - norms[a] || a - b);
  if (!current || current.length !== top) return byNorm.slice(0, top).sort((a, b) => a - b);
  const set = new Set(current);
  for (const u of byNorm) {
    if (set.has(u)) continue;
    let weakest = -1;
    for (const s of set) if (weakest < 0 || norms[s] < norms[weakest]) weakest = s;
    if (!(norms[u] > HYSTERESIS * norms[weakest])) break;  // byNorm is sorted: no later unit beats it either
    set.delete(weakest);
    set.add(u);
  }
  return [...set].sort((a, b) => a - b);
}

/** The units of `from` (indices) picked out of maps laid out unit by unit, `cells` floats each. */
function pick(maps, units, cells) {
  const out = new Float32Array(units.length * cells);
  units.forEach((u, i) => out.set(maps.subarray(u * cells, (u + 1) * cells), i * cells));
  return out;
}

export class NetworkWatch {
  #trainer;
  #inputs;
  #range;
  #shown = [];
  #ranked = 0;
  cadence = new Cadence();
  /** The ms the last snapshot's maps over the plane took (0: none made), for frame-budget.js. */
  mapsMs = 0;

  /** trainer: the JS API's; spec: its experiment; range: for 1-D data, the input's [from, to]. */
  constructor(trainer, spec, range) {
    this.#trainer = trainer;
    const features = spec.model?.features;
    this.#inputs = features ?? (trainer.features === 1 ? ['x'] : Array.from({ length: trainer.features }, (_, i) => `x${i + 1}`));
    this.#range = range ?? null;
  }

  /**
   * The diagram's snapshot (layout above), with its buffers pushed on `transfer`. bounds: the
   * plane's (2-D data), or null; options: { top, size (null: no maps over the plane, they cost
   * too much), all (a layer whose every map to send) }.
   */
  snapshot(bounds, { top = TOP_UNITS, size = MAP_SIZE, all = null } = {}, transfer) {
    const layers = this.#trainer.getWeights({ typed: true });  // no JSON: a million weights in ms
    const sizes = [layers[0].weight[0].length, ...layers.map((l) => l.bias.length)];
    this.#rank(layers, sizes, top);
    const shown = this.#shown;
    const weights = [null];
    const biases = [null];
    layers.forEach(({ weight, bias }, i) => {
      const [from, to] = [shown[i], shown[i + 1]];
      const w = new Float32Array(to.length * from.length);
      to.forEach((v, j) => from.forEach((u, k) => { w[j * from.length + k] = weight[v][u]; }));
      weights.push(w);
      biases.push(Float32Array.from(to, (v) => bias[v]));
    });
    const { map, maps, allMaps } = this.#maps(bounds, sizes, size, all);
    const out = { sizes, inputs: this.#inputs, task: this.#trainer.task, map, shown: shown.map((s) => Int32Array.from(s)), maps, weights, biases,
      all: allMaps, mapsOff: Boolean(bounds) && size === null };
    for (const a of [...out.shown, ...maps, ...weights, ...biases, allMaps?.maps]) if (a) transfer.push(a.buffer);
    return out;
  }

  /** Re-ranks the wide layers now and then (never the inputs or the outputs: they are all shown). */
  #rank(layers, sizes, top) {
    const now = performance.now();
    const stale = this.#shown.length !== sizes.length || this.#shown.some((s, i) => s.some((u) => u >= sizes[i]));
    if (!stale && now - this.#ranked < RERANK_MS) return;
    this.#ranked = now;
    this.#shown = sizes.map((n, l) => {
      if (l === 0 || l === sizes.length - 1 || n <= top) return Array.from({ length: n }, (_, u) => u);
      return rankUnits(columnNorms(layers[l].weight), top, stale ? null : this.#shown[l]);
    });
  }

  /** Every shown unit's map: unitGrids over the plane, or for 1-D data the input and the outputs along a line. */
  #maps(bounds, sizes, size, all) {
    const t = this.#trainer;
    const shown = this.#shown;
    this.mapsMs = 0;
    if (bounds && size === null) return { map: null, maps: sizes.map(() => null), allMaps: null };
    if (bounds) {
      const start = performance.now();
      const cells = size * size;
      let allMaps = null;
      const maps = sizes.map((_, layer) => {
        const grids = t.unitGrids({ layer, size, bounds });
        if (layer === all) allMaps = { layer, maps: grids.slice() };
        return pick(grids, shown[layer], cells);
      });
      this.mapsMs = performance.now() - start;
      return { map: { width: size, height: size, bounds }, maps, allMaps };
    }
    if (!this.#range || t.features !== 1) return { map: null, maps: sizes.map(() => null), allMaps: null };
    // 1-D data (the study hours): the input along the line, and the outputs the model gives there.
    const [from, to] = this.#range;
    const n = 4 * (size ?? MAP_SIZE);
    const xs = linspace({ from, to, n });
    const outputs = sizes.at(-1);
    const maps = sizes.map(() => null);
    maps[0] = Float32Array.from(xs);
    if (t.task === 'classification') {
      const { probabilities } = t.predict(xs);
      const width = t.probabilityWidth;
      const column = outputs === 1 ? [1] : shown.at(-1);  // bce: the one output is p(class 1)
      maps[maps.length - 1] = Float32Array.from({ length: column.length * n }, (_, i) => probabilities[(i % n) * width + column[Math.floor(i / n)]]);
    } else {
      maps[maps.length - 1] = Float32Array.from(t.predict(xs).values);
    }
    return { map: { width: n, height: 1, range: [from, to] }, maps, allMaps: null };
  }
}

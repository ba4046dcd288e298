// What the hidden-space view (web/views/hidden-space.js) shows of one MLP, worked out in the
// worker: the training points and a grid of lines over the plane mapped through one hidden layer
// and drawn on its top two principal directions (or two chosen units), with the last layer's
// logits as linear functions of that view (the JS API's hiddenSpace). Runs in the worker only.
import { Cadence } from './network-watch.js';

const LINES = 11;
const SAMPLES = 41;
const MAX_POINTS = 600;

export class HiddenSpaceWatch {
  #trainer;
  cadence = new Cadence();

  constructor(trainer) {
    this.#trainer = trainer;
  }

  /**
   * { layer, hidden, units, onUnits, axes, variance, points, labels, lines, logits, lineCount, samples }
   * for { layer, units } (units: [i, j] or null for the principal directions), buffers pushed on
   * `transfer`; null when the model has no hidden layer.
   */
  snapshot(bounds, { layer = 1, units = null } = {}, hidden, transfer) {
    if (hidden === 0) return null;
    const chosen = Math.min(Math.max(1, layer), hidden);
    const picked = units && units.every((u) => Number.isInteger(u)) ? units : undefined;
    const view = this.#trainer.hiddenSpace({ layer: chosen, units: picked, bounds, lines: LINES, samples: SAMPLES, maxPoints: MAX_POINTS });
    for (const a of [view.axes, view.center, view.variance, view.points, view.labels, view.lines, view.logits])
      if (ArrayBuffer.isView(a)) transfer.push(a.buffer);
    return { layer: chosen, hidden, ...view, onUnits: picked ?? null, lineCount: LINES, samples: SAMPLES };
  }
}

// One panel's plot: stacked canvases.
// - the decision regions: the grid goes into a small off-screen canvas (one pixel per grid cell),
//   which is drawn up onto a canvas of the plot's device pixels with bilinear image smoothing. One
//   drawImage a frame (about 0.4 ms for a 215 px plot at DPR 1, 2 ms at DPR 2, in software; bicubic,
//   imageSmoothingQuality 'high', took ten times that): a boundary between two classes is blended
//   over a cell's width instead of stepping cell by cell, at any device pixel ratio, and the points above
//   stay crisp because their canvas has device pixels too. Cell centres (grid.h) sit at
//   (col + 0.5) / size of the width, which is where drawImage puts the source's pixel centres.
//   Hue is the most likely class, lightness the confidence: pale where the model is unsure;
// - the data points of one split, in the class colours with a dark outline, redrawn only when the
//   data, the split shown or the size changes;
// - a neuron's highlight (the network diagram's hovered neuron): a small canvas scaled by CSS that
//   dims the plane where the neuron is not active;
// - the probe: a crosshair where the pointer (or the keyboard) points.
// Regression (one value per cell) paints a diverging scale of the predicted value instead, and its
// points take the colour of their target. "Discretize" shows only the class (or the value's sign),
// at full tint; "show test data" draws the test points over the split shown, with a white ring.
// Pointer and keyboard input come out as data coordinates through onProbe(point) and onAdd(point).
import { classColor, classCss, divergingColor, divergingCss, POINT_OUTLINE } from '../shared/palette.js';
import { toCanvas, toData } from '../shared/geometry.js';

const BACKGROUND = [250, 250, 248];
const MIN_TINT = 0.1;   // how much of the class colour an unsure cell gets
const MAX_TINT = 0.62;  // and a sure one: below the points' full colour, so they stand out
const KEY_STEP = 0.02;  // an arrow key moves the probe by this share of the width (x5 with Shift)
const POINTS_PER_CHUNK = 1000;
const DIM = 0.6;        // how dark the highlight makes the plane where a neuron is silent

export class DecisionPlot {
  #heat;
  #cells;  // the off-screen grid, one pixel per cell
  #points;
  #probe;
  #highlight;
  #image = null;
  #bounds = [-6, 6, -6, 6];
  #data = null;
  #show = 'train';
  #options = { showTest: false, discretize: false };
  #probePoint = null;
  #pointsJob = 0;

  constructor(element, { onProbe, onAdd }) {
    [this.#heat, this.#points, this.#probe, this.#highlight] = ['heatmap', 'points', 'probe', 'highlight'].map((c) => element.querySelector(`canvas.${c}`));
    this.element = element;
    this.#cells = element.ownerDocument.createElement('canvas');
    new ResizeObserver(() => this.#resize()).observe(element);
    const pointAt = (event) => {
      const rect = element.getBoundingClientRect();
      return toData(this.#bounds, rect.width, rect.height, event.clientX - rect.left, event.clientY - rect.top);
    };
    element.addEventListener('pointermove', (event) => onProbe(pointAt(event)));
    element.addEventListener('pointerdown', (event) => onProbe(pointAt(event)));
    element.addEventListener('click', (event) => onAdd(pointAt(event)));
    element.addEventListener('keydown', (event) => this.#key(event, onProbe, onAdd));
  }

  #key(event, onProbe, onAdd) {
    const [xmin, xmax, ymin, ymax] = this.#bounds;
    const here = this.#probePoint ?? [(xmin + xmax) / 2, (ymin + ymax) / 2];
    const d = (xmax - xmin) * KEY_STEP * (event.shiftKey ? 5 : 1);
    const moves = { ArrowLeft: [-d, 0], ArrowRight: [d, 0], ArrowUp: [0, d], ArrowDown: [0, -d] };
    if (moves[event.key]) {
      const [dx, dy] = moves[event.key];
      onProbe([Math.min(xmax, Math.max(xmin, here[0] + dx)), Math.min(ymax, Math.max(ymin, here[1] + dy))]);
    } else if (event.key === 'Enter' || event.key === ' ') {
      onAdd(here);
    } else return;
    event.preventDefault();
  }

  /** New data ({ x, y, splitEnd, classes }) or none, over new bounds. */
  setData(data, bounds) {
    this.#data = data;
    this.#bounds = bounds;
    this.#image = null;
    this.#cells.getContext('2d').clearRect(0, 0, this.#cells.width, this.#cells.height);
    this.#heat.getContext('2d').clearRect(0, 0, this.#heat.width, this.#heat.height);
    this.#drawPoints();
  }

  /** Which split's points to show: 'train', 'val' or 'test'. */
  setShow(split) {
    if (split === this.#show) return;
    this.#show = split;
    this.#drawPoints();
  }

  /** { showTest, discretize }: what the plot draws besides the split shown. */
  setOptions(options) {
    const before = this.#options;
    this.#options = options;
    if (before.showTest !== options.showTest) this.#drawPoints();
  }

  /**
   * Paints the decision grid: probabilities[(row * size + col) * classes + k], classes = the
   * probability width; 1 for regression, where each cell holds the predicted value.
   */
  drawGrid(probabilities, classes, size) {
    const canvas = this.#cells;
    if (canvas.width !== size) [canvas.width, canvas.height] = [size, size];
    if (!this.#image || this.#image.width !== size) this.#image = new ImageData(size, size);
    const pixels = this.#image.data;
    const { discretize } = this.#options;
    if (classes === 1) return this.#drawValues(probabilities, size, discretize);
    const chance = 1 / classes;
    for (let cell = 0; cell < size * size; cell++) {
      let best = 0;
      for (let k = 1; k < classes; k++) if (probabilities[cell * classes + k] > probabilities[cell * classes + best]) best = k;
      const confidence = discretize ? 1 : Math.max(0, (probabilities[cell * classes + best] - chance) / (1 - chance));
      const tint = Number.isFinite(confidence) ? MIN_TINT + (MAX_TINT - MIN_TINT) * confidence : 0;
      const color = classColor(best);
      for (let c = 0; c < 3; c++) pixels[cell * 4 + c] = BACKGROUND[c] + (color[c] - BACKGROUND[c]) * tint;
      pixels[cell * 4 + 3] = 255;
    }
    this.#paintHeat();
  }

  /** The grid's cells drawn up to the plot's device pixels, smoothed. */
  #paintHeat() {
    if (!this.#image) return;
    this.#cells.getContext('2d').putImageData(this.#image, 0, 0);
    const heat = this.#heat;
    const ctx = heat.getContext('2d');
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'low';  // bilinear: as smooth for an upscale as 'high', at a tenth of the cost
    ctx.drawImage(this.#cells, 0, 0, heat.width, heat.height);
  }

  /** Regression: the diverging colour of each cell's value (discretized: of its sign, at full strength). */
  #drawValues(values, size, discretize) {
    const pixels = this.#image.data;
    for (let cell = 0; cell < size * size; cell++) {
      const v = values[cell];
      const color = divergingColor(discretize ? Math.sign(v) : v);
      for (let c = 0; c < 3; c++) pixels[cell * 4 + c] = BACKGROUND[c] + (color[c] - BACKGROUND[c]) * 0.85;  // a little below the points, so they stand out
      pixels[cell * 4 + 3] = 255;
    }
    this.#paintHeat();
  }

  /**
   * Lights up where a unit is active: { map, offset, width, height, signed } (a map laid out as the
   * grid, row 0 at the top; signed: an activation, active where > 0, else a probability); null clears.
   */
  setHighlight(unit) {
    const canvas = this.#highlight;
    this.element.classList.toggle('highlighted', Boolean(unit));
    if (!unit) return canvas.getContext('2d').clearRect(0, 0, canvas.width, canvas.height);
    const { map, offset, width, height, signed } = unit;
    if (canvas.width !== width || canvas.height !== height) [canvas.width, canvas.height] = [width, height];
    let max = 1e-9;
    for (let i = 0; i < width * height; i++) max = Math.max(max, map[offset + i]);
    const image = new ImageData(width, height);
    for (let i = 0; i < width * height; i++) {
      // how active: a / max(a) for an activation, p for a probability
      const active = Math.max(0, Math.min(1, signed ? map[offset + i] / max : map[offset + i]));
      image.data[4 * i] = image.data[4 * i + 1] = 20;
      image.data[4 * i + 2] = 30;
      image.data[4 * i + 3] = Math.round(255 * DIM * (1 - active));
    }
    canvas.getContext('2d').putImageData(image, 0, 0);
  }

  /** Shows the probe crosshair at a data point (null hides it). */
  setProbe(point) {
    this.#probePoint = point;
    const ctx = this.#context(this.#probe);
    if (!point) return;
    const [w, h] = [this.#probe.width, this.#probe.height];
    const [px, py] = toCanvas(this.#bounds, w, h, point[0], point[1]);
    const dpr = w / this.element.clientWidth || 1;
    ctx.strokeStyle = 'rgba(20, 20, 30, 0.55)';
    ctx.lineWidth = dpr;
    ctx.setLineDash([4 * dpr, 4 * dpr]);
    ctx.beginPath();
    ctx.moveTo(px, 0); ctx.lineTo(px, h); ctx.moveTo(0, py); ctx.lineTo(w, py);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.lineWidth = 2 * dpr;
    ctx.strokeStyle = '#111';
    ctx.beginPath();
    ctx.arc(px, py, 6 * dpr, 0, 2 * Math.PI);
    ctx.stroke();
  }

  /** A cleared 2-D context of a canvas. */
  #context(canvas) {
    const ctx = canvas.getContext('2d');
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    return ctx;
  }

  #resize() {
    const dpr = window.devicePixelRatio || 1;
    const [w, h] = [Math.round(this.element.clientWidth * dpr), Math.round(this.element.clientHeight * dpr)];
    for (const canvas of [this.#heat, this.#points, this.#probe]) if (canvas.width !== w || canvas.height !== h) [canvas.width, canvas.height] = [w, h];
    this.#paintHeat();
    this.#drawPoints();
    this.setProbe(this.#probePoint);
  }

  /**
   * Draws the points of the split shown, a chunk per animation frame so that thousands of points
   * never make one long task; a newer drawing cancels an older one still in progress.
   */
  #drawPoints() {
    const job = ++this.#pointsJob;
    requestAnimationFrame(() => this.#drawPointsFrom(job));
  }

  #drawPointsFrom(job) {
    if (job !== this.#pointsJob) return;
    const ctx = this.#context(this.#points);
    const data = this.#data;
    if (!data) return;
    const [w, h] = [this.#points.width, this.#points.height];
    const dpr = w / this.element.clientWidth || 1;
    const splits = { train: [0, data.splitEnd[0]], val: [data.splitEnd[0], data.splitEnd[1]], test: [data.splitEnd[1], data.splitEnd[2]] };
    // The split shown, then (with "show test data", unless the test split is the one shown) the test points over it.
    const ranges = [splits[this.#show]];
    if (this.#options.showTest && this.#show !== 'test') ranges.push(splits.test);
    // Dots shrink as points crowd the plot: from 5 px for a few down to 0.9 px; thinner outlines when dense.
    const count = Math.max(1, ranges.reduce((n, [a, b]) => n + b - a, 0));
    const radius = dpr * Math.max(0.9, Math.min(5, (0.3 * this.element.clientWidth) / Math.sqrt(count)));
    const drawRange = (r, start) => {
      if (job !== this.#pointsJob) return;
      const [, to] = ranges[r];
      const end = Math.min(to, start + POINTS_PER_CHUNK);
      const test = r > 0;  // the test points drawn over the others: a white ring marks them apart
      ctx.lineWidth = dpr * (test ? 1.6 : count > 2000 ? 0.5 : 0.9);
      ctx.strokeStyle = test ? 'rgba(255, 255, 255, 0.95)' : POINT_OUTLINE;
      if (data.classes === 1) this.#valuePoints(ctx, data, start, end, radius, w, h);
      else this.#classPoints(ctx, data, start, end, radius, w, h);
      if (end < to) requestAnimationFrame(() => drawRange(r, end));
      else if (r + 1 < ranges.length) requestAnimationFrame(() => drawRange(r + 1, ranges[r + 1][0]));
    };
    drawRange(0, ranges[0][0]);
  }

  /** Points start .. end-1 in their class colours, a path per class. */
  #classPoints(ctx, data, start, end, radius, w, h) {
    for (let k = 0; k < data.classes; k++) {
      ctx.beginPath();
      for (let i = start; i < end; i++) {
        if (data.y[i] !== k) continue;
        const [px, py] = toCanvas(this.#bounds, w, h, data.x[2 * i], data.x[2 * i + 1]);
        ctx.moveTo(px + radius, py);
        ctx.arc(px, py, radius, 0, 2 * Math.PI);
      }
      ctx.fillStyle = classCss(k);
      ctx.fill();
      ctx.stroke();
    }
  }

  /** Regression: each point in the diverging colour of its target. */
  #valuePoints(ctx, data, start, end, radius, w, h) {
    for (let i = start; i < end; i++) {
      const [px, py] = toCanvas(this.#bounds, w, h, data.x[2 * i], data.x[2 * i + 1]);
      ctx.beginPath();
      ctx.arc(px, py, radius, 0, 2 * Math.PI);
      ctx.fillStyle = divergingCss(data.y[i]);
      ctx.fill();
      ctx.stroke();
    }
  }
}

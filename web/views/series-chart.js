// Several curves on one uPlot chart, each with its own x values (loss per update differs in x
// between batch sizes): uPlot.join aligns them at drawing time. Like charts.js's LossChart it keeps
// the whole history, draws at most MAX_SHOWN points per curve (charts.js's downsample) and redraws
// at most ten times a second (charts.js's Redraw). The legend is HTML beside the chart (legendOf),
// in the curves' colours.
import uPlot from '../vendor/uPlot.esm.js';
import { Redraw, boxPlot, downsample, quietAxis } from '../page/chart-kit.js';
import { el } from '../page/dom.js';

const MAX_SHOWN = 600;

export class SeriesChart {
  #box;
  #options;
  #plot = null;
  #curves;
  #observer = null;
  #redraw = new Redraw(() => {
    if (!this.#plot) this.#create();
    this.#plot.setData(this.#data());
  });

  /**
   * series: [{ label, color, dash? }]; xLabel, yLabel; logX, logY (base 10); yRange [min, max]
   * (fixed, e.g. [0, 1] for accuracy); height in CSS pixels.
   */
  constructor(box, options) {
    this.#box = box;
    this.#options = { height: 180, ...options };
    this.#curves = options.series.map(() => ({ xs: [], ys: [] }));
  }

  /** Adds points [x, y] to curve i; non-finite y values (and x <= 0 on a log axis) are left out. */
  add(i, points) {
    const curve = this.#curves[i];
    for (const [x, y] of points) {
      if (!Number.isFinite(y) || (this.#options.logY && y <= 0) || (this.#options.logX && x <= 0)) continue;
      curve.xs.push(x);
      curve.ys.push(y);
    }
    if (points.length) this.#redraw.request();
  }

  clear() {
    for (const curve of this.#curves) [curve.xs, curve.ys] = [[], []];
    this.#plot?.setData(this.#data());
  }

  /** The number of points curve i holds (for tests and for views that need to know). */
  count(i) {
    return this.#curves[i].xs.length;
  }

  destroy() {
    this.#redraw.cancel();
    this.#observer?.disconnect();
    this.#plot?.destroy();
  }

  #data() {
    const tables = this.#curves.map((c) => downsample([c.xs, c.ys], MAX_SHOWN));
    if (tables.every((t) => t[0].length === 0)) return [[], ...tables.map(() => [])];
    return uPlot.join(tables);
  }

  #create() {
    const o = this.#options;
    const color = getComputedStyle(this.#box).color;
    const axis = (label, size) => quietAxis(color, { label, labelSize: 16, size });
    ({ plot: this.#plot, observer: this.#observer } = boxPlot(this.#box, {
      height: o.height,
      minWidth: 160,
      scales: {
        x: { time: false, ...(o.logX ? { distr: 3 } : {}) },
        y: { ...(o.logY ? { distr: 3 } : {}), ...(o.yRange ? { range: o.yRange } : {}) },
      },
      axes: [axis(o.xLabel, 34), axis(o.yLabel, 44)],
      series: [{}, ...o.series.map((s) => ({ label: s.label, stroke: s.color, width: s.width ?? 2, dash: s.dash,
        points: { show: false }, spanGaps: true }))],
    }, this.#data()));
  }
}

/** A legend: one key per series, a short line in its colour (dashed when the series is, a dot for points) and its label. */
export function legendOf(series) {
  return el('p', { className: 'series-legend' }, ...series.map((s) => {
    const line = el('span', { className: s.dot ? 'swatch' : 'series-line' });
    if (s.dot) line.style.backgroundColor = s.color;
    else line.style.borderTopColor = s.color;
    if (s.dash) line.style.borderTopStyle = 'dashed';
    return el('span', { className: 'key' }, line, s.label);
  }));
}

// A panel's loss curves (train and validation loss per epoch), drawn with uPlot. The chart gets at
// most MAX_SHOWN points of the history (every k-th epoch and always the last), and is redrawn at
// most every REDRAW_MS so a long run costs the page little. The history itself is thinned as it
// grows (loss-history.js), so a session of millions of epochs holds a bounded number of rows.
import uPlot from './vendor/uPlot.esm.js';
import { History } from './loss-history.js';

const MAX_SHOWN = 800;
const REDRAW_MS = 100;
const HEIGHT = 150;
const FONT = '11px system-ui, sans-serif';

const finiteOrNull = (v) => (Number.isFinite(v) ? v : null);

/** Every k-th of the rows (and the last), k chosen so that at most `max` remain. */
export function downsample(columns, max) {
  const n = columns[0].length;
  if (n <= max) return columns;
  const k = Math.ceil(n / max);
  return columns.map((column) => {
    const out = [];
    for (let i = 0; i < n; i += k) out.push(column[i]);
    if ((n - 1) % k !== 0) out.push(column[n - 1]);
    return out;
  });
}

/**
 * Calls draw() soon, and at most once every REDRAW_MS: the requests that come meanwhile are all
 * met by that one call, so a chart fed every frame is redrawn ten times a second.
 */
export class Redraw {
  #draw;
  #timer = 0;
  #drawnAt = 0;

  constructor(draw) {
    this.#draw = draw;
  }

  request() {
    if (this.#timer) return;
    const wait = Math.max(0, REDRAW_MS - (performance.now() - this.#drawnAt));
    this.#timer = setTimeout(() => {
      this.#timer = 0;
      this.#drawnAt = performance.now();
      this.#draw();
    }, wait);
  }

  cancel() {
    clearTimeout(this.#timer);
    this.#timer = 0;
  }
}

/** An axis in the charts' quiet style: the box's text colour, small type, faint grid, no ticks. */
export const quietAxis = (stroke, more = {}) => ({ stroke, font: FONT, labelFont: FONT, grid: { stroke: 'rgba(0,0,0,0.07)' },
  ticks: { show: false }, ...more });

/**
 * A uPlot chart in `box` without legend, cursor or selection (the page's legends are HTML), as
 * wide as the box (at least minWidth) and kept so when the box resizes. Returns the plot and the
 * ResizeObserver (to disconnect when the chart goes).
 */
export function boxPlot(box, { height, minWidth, scales, axes, series }, data) {
  const plot = new uPlot({ width: Math.max(minWidth, box.clientWidth), height, legend: { show: false },
    cursor: { show: false }, select: { show: false }, scales, axes, series }, data, box);
  const observer = new ResizeObserver(() => {
    const width = Math.max(minWidth, box.clientWidth);
    if (width !== plot.width) plot.setSize({ width, height });
  });
  observer.observe(box);
  return { plot, observer };
}

export class LossChart {
  #box;
  #plot;
  #history = new History();
  #redraw = new Redraw(() => {
    if (!this.#plot) this.#create();
    this.#plot.setData(downsample(this.#history.columns(), MAX_SHOWN));
  });
  #t;

  /** t: a translator (strings.js), for the series' names. */
  constructor(box, t) {
    this.#box = box;
    this.#t = t;
  }

  /** The uPlot instance, made at the first drawing rather than while the page starts. */
  #create() {
    const t = this.#t;
    const color = getComputedStyle(this.#box).color;
    const series = (label, stroke, dash) => ({ label, stroke, width: 2, dash, points: { show: false }, spanGaps: false });
    ({ plot: this.#plot } = boxPlot(this.#box, {
      height: HEIGHT,
      minWidth: 120,
      scales: { x: { time: false } },
      axes: [quietAxis(color, { size: 28 }), quietAxis(color, { size: 40 })],
      series: [{ label: t('epoch') }, series(t('trainLoss'), '#1f1f2e'), series(t('valLoss'), '#c2410c', [6, 4])],
    }, [[], [], []]));
  }

  /** Forgets the history (a reset). */
  clear() {
    this.#history = new History();
    this.#plot?.setData([[], [], []]);
  }

  /** Adds records [epoch, trainLoss, valLoss, valAccuracy] and redraws soon. */
  append(records) {
    for (const [epoch, train, val] of records) this.#history.add(epoch, finiteOrNull(train), finiteOrNull(val));
    if (records.length) this.#redraw.request();
  }
}

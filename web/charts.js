// A panel's loss curves (train and validation loss per epoch), drawn with uPlot. The chart gets at
// most MAX_SHOWN points of the history (every k-th epoch and always the last), and is redrawn at
// most every REDRAW_MS so a long run costs the page little. The history itself is thinned as it
// grows (loss-history.js), so a session of millions of epochs holds a bounded number of rows.
import uPlot from './vendor/uPlot.esm.js';
import { History } from './loss-history.js';

const MAX_SHOWN = 800;
const REDRAW_MS = 100;
const HEIGHT = 150;

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

export class LossChart {
  #box;
  #plot;
  #history = new History();
  #drawnAt = 0;
  #timer = 0;
  #t;

  /** t: a translator (strings.js), for the series' names. */
  constructor(box, t) {
    this.#box = box;
    this.#t = t;
  }

  /** The uPlot instance, made at the first drawing rather than while the page starts. */
  #create() {
    const box = this.#box;
    const t = this.#t;
    const css = getComputedStyle(box);
    const series = (label, stroke, dash) => ({ label, stroke, width: 2, dash, points: { show: false }, spanGaps: false });
    this.#plot = new uPlot({
      width: Math.max(120, box.clientWidth),
      height: HEIGHT,
      legend: { show: false },
      cursor: { show: false },
      select: { show: false },
      scales: { x: { time: false } },
      axes: [
        { stroke: css.color, size: 28, font: '11px system-ui, sans-serif', grid: { stroke: 'rgba(0,0,0,0.07)' }, ticks: { show: false } },
        { stroke: css.color, size: 40, font: '11px system-ui, sans-serif', grid: { stroke: 'rgba(0,0,0,0.07)' }, ticks: { show: false } },
      ],
      series: [{ label: t('epoch') }, series(t('trainLoss'), '#1f1f2e'), series(t('valLoss'), '#c2410c', [6, 4])],
    }, [[], [], []], box);
    new ResizeObserver(() => {
      const width = Math.max(120, box.clientWidth);
      if (width !== this.#plot.width) this.#plot.setSize({ width, height: HEIGHT });
    }).observe(box);
  }

  /** Forgets the history (a reset). */
  clear() {
    this.#history = new History();
    this.#plot?.setData([[], [], []]);
  }

  /** Adds records [epoch, trainLoss, valLoss, valAccuracy] and redraws soon. */
  append(records) {
    for (const [epoch, train, val] of records) this.#history.add(epoch, finiteOrNull(train), finiteOrNull(val));
    if (records.length) this.#schedule();
  }

  #schedule() {
    if (this.#timer) return;
    const wait = Math.max(0, REDRAW_MS - (performance.now() - this.#drawnAt));
    this.#timer = setTimeout(() => {
      this.#timer = 0;
      this.#drawnAt = performance.now();
      if (!this.#plot) this.#create();
      this.#plot.setData(downsample(this.#history.columns(), MAX_SHOWN));
    }, wait);
  }
}

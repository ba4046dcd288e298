// A panel's loss curves (train and validation loss per epoch), drawn with uPlot. The chart gets at
// most MAX_SHOWN points of the history (every k-th epoch and always the last), and is redrawn at
// most every REDRAW_MS (chart-kit.js) so a long run costs the page little. The history itself is
// thinned as it grows (loss-history.js), so a session of millions of epochs holds a bounded number of rows.
import { History } from './loss-history.js';
import { Redraw, boxPlot, downsample, quietAxis } from './chart-kit.js';
import { SERIES } from '../shared/palette.js';

const MAX_SHOWN = 800;
const HEIGHT = 124;  // short enough that the curves share the first screen with the plot (style.css)

const finiteOrNull = (v) => (Number.isFinite(v) ? v : null);

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
      series: [{ label: t('epoch') }, series(t('trainLoss'), SERIES.ink), series(t('valLoss'), SERIES.grey, [6, 4])],
    }, [[], [], []]));
  }

  /** Forgets the history (a reset). */
  clear() {
    this.#history = new History();
    this.#plot?.setData([[], [], []]);
  }

  /** Adds the engine's epoch records ({ epoch, train: { loss }, val?: { loss } }: nn's train()) and redraws soon. */
  append(records) {
    for (const r of records) this.#history.add(r.epoch, finiteOrNull(r.train.loss), finiteOrNull(r.val?.loss ?? NaN));
    if (records.length) this.#redraw.request();
  }
}

// What the page's uPlot charts share (the loss chart, charts.js, and the lessons' series charts,
// ../views/series-chart.js): thinning rows to what a chart shows, a throttled redraw, the quiet
// axis style, and a chart that fills its box.
import uPlot from '../vendor/uPlot.esm.js';

const REDRAW_MS = 100;
const FONT = '11px system-ui, sans-serif';
// Room right of the plot for half the last x tick's label: "1,000,000" (9 digits in FONT, about
// 52 px) is centred on the right edge, and uPlot's own margin would cut it. [top, right, bottom,
// left]; null lets uPlot size that side.
const EDGE_PADDING = [12, 32, null, null];

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
 * wide as the box (at least minWidth) and kept so when the box resizes, with room for the last
 * x label (EDGE_PADDING). Returns the plot and the
 * ResizeObserver (to disconnect when the chart goes).
 */
export function boxPlot(box, { height, minWidth, scales, axes, series, padding = EDGE_PADDING }, data) {
  const plot = new uPlot({ width: Math.max(minWidth, box.clientWidth), height, legend: { show: false },
    cursor: { show: false }, select: { show: false }, scales, axes, series, padding }, data, box);
  const observer = new ResizeObserver(() => {
    const width = Math.max(minWidth, box.clientWidth);
    if (width !== plot.width) plot.setSize({ width, height });
  });
  observer.observe(box);
  return { plot, observer };
}


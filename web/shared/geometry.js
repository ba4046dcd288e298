// The plane a panel shows: bounds [xmin, xmax, ymin, ymax] in data units, and the mapping between
// data coordinates and a canvas of w x h pixels (y grows upwards in data, downwards on a canvas).
// Shared by the worker (which draws the decision grid over these bounds) and the page.

/** Bounds for drawing your own points: a fixed square, so adding points never moves the view. */
export const DRAW_BOUNDS = [-6, 6, -6, 6];

/**
 * Square bounds around 2-D points x (x1, x2, x1, x2, ...) with a margin, so one unit is as long
 * across as it is up and a circle looks round.
 */
export function boundsOf(x, margin = 0.08) {
  if (x.length < 2) return DRAW_BOUNDS;
  let [xmin, xmax, ymin, ymax] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < x.length; i += 2) {
    if (x[i] < xmin) xmin = x[i];
    if (x[i] > xmax) xmax = x[i];
    if (x[i + 1] < ymin) ymin = x[i + 1];
    if (x[i + 1] > ymax) ymax = x[i + 1];
  }
  const half = (Math.max(xmax - xmin, ymax - ymin, 1e-3) / 2) * (1 + 2 * margin);
  const [cx, cy] = [(xmin + xmax) / 2, (ymin + ymax) / 2];
  return [cx - half, cx + half, cy - half, cy + half];
}

/** Canvas pixel (px, py) of data point (x, y). */
export function toCanvas([xmin, xmax, ymin, ymax], w, h, x, y) {
  return [((x - xmin) / (xmax - xmin)) * w, ((ymax - y) / (ymax - ymin)) * h];
}

/** Data point (x, y) at canvas pixel (px, py). */
export function toData([xmin, xmax, ymin, ymax], w, h, px, py) {
  return [xmin + (px / w) * (xmax - xmin), ymax - (py / h) * (ymax - ymin)];
}

/** n evenly spaced inputs from `from` to `to`, both included (numpy's linspace). */
export function linspace({ from, to, n }) {
  return Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
}

/** The training point (rows 0 .. splitEnd[0] - 1 of 2-D data { x, splitEnd }) nearest to `point`. */
export function nearestIndex({ x, splitEnd }, [px, py]) {
  let best = 0;
  let bestD = Infinity;
  for (let i = 0; i < splitEnd[0]; i++) {
    const d = (x[2 * i] - px) ** 2 + (x[2 * i + 1] - py) ** 2;
    if (d < bestD) [best, bestD] = [i, d];
  }
  return best;
}

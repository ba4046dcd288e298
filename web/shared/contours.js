// Contours of a surface sampled on a grid: values[row * width + col], row 0 at the top, each
// sample at its cell's centre (the layout of Trainer.lossLandscape and Trainer.grid). Marching
// squares gives each level's line as segments; the fill maps log(value) through a light palette.
// Pure functions, no DOM: the lessons' worker works them out (lessons/group.js), the race view
// draws them, and they are tested in Node.

/**
 * The segments where the surface crosses `level`: [x0, y0, x1, y1, ...] in grid units (x = col,
 * y = row, sample centres at integers). Saddles are split by the cell's mean.
 */
export function isoline(values, width, height, level) {
  const out = [];
  const at = (col, row) => values[row * width + col];
  // Where the level crosses the edge between two samples: the share of the way from a to b.
  const cross = (a, b) => (level - a) / (b - a);
  for (let row = 0; row < height - 1; row++) {
    for (let col = 0; col < width - 1; col++) {
      const tl = at(col, row), tr = at(col + 1, row), br = at(col + 1, row + 1), bl = at(col, row + 1);
      if (![tl, tr, br, bl].every(Number.isFinite)) continue;
      const code = (tl > level ? 8 : 0) | (tr > level ? 4 : 0) | (br > level ? 2 : 0) | (bl > level ? 1 : 0);
      if (code === 0 || code === 15) continue;
      const top = [col + cross(tl, tr), row];
      const right = [col + 1, row + cross(tr, br)];
      const bottom = [col + cross(bl, br), row + 1];
      const left = [col, row + cross(tl, bl)];
      const add = (p, q) => out.push(p[0], p[1], q[0], q[1]);
      const centreAbove = (tl + tr + br + bl) / 4 > level;
      switch (code) {
        case 1: case 14: add(left, bottom); break;
        case 2: case 13: add(bottom, right); break;
        case 3: case 12: add(left, right); break;
        case 4: case 11: add(top, right); break;
        case 6: case 9: add(top, bottom); break;
        case 7: case 8: add(left, top); break;
        case 5: // tr and bl above
          if (centreAbove) { add(left, top); add(bottom, right); } else { add(left, bottom); add(top, right); }
          break;
        case 10: // tl and br above
          if (centreAbove) { add(left, bottom); add(top, right); } else { add(left, top); add(bottom, right); }
          break;
        default: break;
      }
    }
  }
  return out;
}

/** `count` levels spaced evenly in log(value) between the surface's smallest and largest finite values. */
export function logLevels(values, count) {
  let [lo, hi] = [Infinity, -Infinity];
  for (const v of values) {
    if (!(v > 0) || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi > lo)) return [];
  const [a, b] = [Math.log(lo), Math.log(hi)];
  return Array.from({ length: count }, (_, i) => Math.exp(a + ((b - a) * (i + 1)) / (count + 1)));
}

// Low values pale (the valley floor), high values a deep slate: the optimizers' paths in strong
// colours stay visible on all of it.
const STOPS = [[255, 251, 230], [214, 234, 215], [150, 196, 205], [96, 140, 178], [62, 84, 128]];

/** The colour [r, g, b] of a share s in [0, 1] of the way from the lowest to the highest value. */
export function rampColor(s) {
  const x = Math.min(1, Math.max(0, s)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const f = x - i;
  return STOPS[i].map((c, k) => Math.round(c + (STOPS[i + 1][k] - c) * f));
}

/** RGBA pixels for the surface in bands: the band between two levels gets one colour of the ramp. */
export function fillPixels(values, levels) {
  const pixels = new Uint8ClampedArray(values.length * 4);
  values.forEach((v, i) => {
    let band = 0;  // how many levels the value is above: 0 .. levels.length
    while (band < levels.length && v > levels[band]) band++;
    const [r, g, b] = Number.isFinite(v) ? rampColor(band / Math.max(1, levels.length)) : [200, 200, 200];
    pixels.set([r, g, b, 255], i * 4);
  });
  return pixels;
}

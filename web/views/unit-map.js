// One unit's map as pixels: a small canvas whose ImageData holds one pixel per grid cell, scaled
// up by CSS (TensorFlow Playground's heatmap trick). Inputs and hidden units are signed: the
// diverging palette, each map scaled by its own largest |value| (a unit's shape shows even when its
// activations are small; the edges show the sizes). Outputs are probabilities: white to the class's
// colour (for bce's one output, p of class 1: class 0's colour through white to class 1's).
// Regression outputs are signed values.
//
// Colours come from tables of LEVELS steps made once (a pixel is a table lookup, not a colour
// computed and allocated: the "+N more" sheet paints 200 x 576 of them a frame).
import { CLASS_COLORS, classColor, divergingColor } from '../shared/palette.js';

const WHITE = [255, 255, 255];
const LEVELS = 256;

/** LEVELS colours of colour(x) for x from lo to hi, as r, g, b triples. */
function tableOf(color, lo, hi) {
  const rgb = new Uint8ClampedArray(3 * LEVELS);
  for (let i = 0; i < LEVELS; i++) rgb.set(color(lo + ((hi - lo) * i) / (LEVELS - 1)), 3 * i);
  return rgb;
}

const towards = (end) => (p) => WHITE.map((w, c) => w + (end[c] - w) * Math.max(0, Math.min(1, p)));
const SIGNED = tableOf(divergingColor, -1, 1);
const BINARY = tableOf((p) => (p < 0.5 ? towards(classColor(0))(1 - 2 * p) : towards(classColor(1))(2 * p - 1)), 0, 1);
const CLASSES = CLASS_COLORS.map((end) => tableOf(towards(end), 0, 1));

/** The largest |value| of values[from, to) (at least a tiny number, so a dead unit draws white). */
export function maxAbs(values, from = 0, to = values.length) {
  let m = 1e-6;
  for (let i = from; i < to; i++) {
    const a = Math.abs(values[i]);
    if (a > m) m = a;
  }
  return m;
}

/**
 * How unit k's map is coloured, for cells [offset, offset + cells) of `maps` in diagram layer l of
 * network `net` (a network-watch.js snapshot): { rgb (a table), lo, hi }, values lo .. hi spread over it.
 */
export function unitColor(net, l, maps, offset, cells, k) {
  const last = l === net.sizes.length - 1;
  if (!last || net.task === 'regression') {
    const scale = maxAbs(maps, offset, offset + cells);
    return { rgb: SIGNED, lo: -scale, hi: scale };
  }
  return { rgb: net.sizes[l] === 1 ? BINARY : CLASSES[k % CLASSES.length], lo: 0, hi: 1 };
}

/**
 * Writes a width x height map (cells [offset, ...) of `values`) into RGBA pixels `px` of an image
 * `stride` pixels wide, its top left corner at (x0, y0).
 */
export function paintInto(px, stride, x0, y0, values, offset, width, height, { rgb, lo, hi }) {
  const step = (LEVELS - 1) / (hi - lo);
  for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) {
    const v = values[offset + r * width + c];
    const i = Number.isFinite(v) ? 3 * Math.max(0, Math.min(LEVELS - 1, Math.round((v - lo) * step))) : 3 * (LEVELS >> 1);
    const p = 4 * ((y0 + r) * stride + x0 + c);
    px[p] = rgb[i];
    px[p + 1] = rgb[i + 1];
    px[p + 2] = rgb[i + 2];
    px[p + 3] = 255;
  }
}

/** Paints a map onto `canvas` (resized to width x height pixels) with colouring `color` (unitColor's). */
export function paintMap(canvas, values, offset, width, height, color) {
  if (canvas.width !== width || canvas.height !== height) [canvas.width, canvas.height] = [width, height];
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(width, height);
  paintInto(image.data, width, 0, 0, values, offset, width, height, color);
  ctx.putImageData(image, 0, 0);
}

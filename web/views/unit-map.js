// One unit's map as pixels: a small canvas whose ImageData holds one pixel per grid cell, scaled
// up by CSS (TensorFlow Playground's heatmap trick). Inputs and hidden units are signed: the
// diverging palette, each map scaled by its own largest |value| (a unit's shape shows even when its
// activations are small; the edges show the sizes). Outputs are probabilities: white to the class's colour (for bce's one output, p of class 1:
// class 0's colour through white to class 1's). Regression outputs are signed values.
import { classColor, divergingColor } from '../shared/palette.js';

const WHITE = [255, 255, 255];

/** The largest |value| of values[from, to) (at least a tiny number, so a dead unit draws white). */
export function maxAbs(values, from = 0, to = values.length) {
  let m = 1e-6;
  for (let i = from; i < to; i++) {
    const a = Math.abs(values[i]);
    if (a > m) m = a;
  }
  return m;
}

/** colour(v) -> [r, g, b] for the maps of one layer: kind 'signed' (scale: max |v|), 'class' (k) or 'binary'. */
export function colorOf({ kind, scale = 1, k = 0 }) {
  if (kind === 'signed') return (v) => divergingColor(v / scale);
  if (kind === 'binary') {
    const [lo, hi] = [classColor(0), classColor(1)];
    return (p) => {
      const s = Math.max(-1, Math.min(1, 2 * p - 1));
      const end = s < 0 ? lo : hi;
      return WHITE.map((w, c) => w + (end[c] - w) * Math.abs(s));
    };
  }
  const end = classColor(k);
  return (p) => WHITE.map((w, c) => w + (end[c] - w) * Math.max(0, Math.min(1, p)));
}

/**
 * Paints cells [offset, offset + width * height) of `values` onto `canvas` (resized to width x
 * height pixels), each through colour().
 */
export function paintMap(canvas, values, offset, width, height, color) {
  if (canvas.width !== width || canvas.height !== height) [canvas.width, canvas.height] = [width, height];
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(width, height);
  const px = image.data;
  for (let i = 0; i < width * height; i++) {
    const [r, g, b] = color(values[offset + i]);
    px[4 * i] = r;
    px[4 * i + 1] = g;
    px[4 * i + 2] = b;
    px[4 * i + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}

/**
 * colour(v) for unit k's map, cells [offset, offset + cells) of `maps`, in diagram layer l of
 * network `net` (a network-watch.js snapshot).
 */
export function unitColor(net, l, maps, offset, cells, k) {
  const last = l === net.sizes.length - 1;
  if (!last || net.task === 'regression') return colorOf({ kind: 'signed', scale: maxAbs(maps, offset, offset + cells) });
  return colorOf(net.sizes[l] === 1 ? { kind: 'binary' } : { kind: 'class', k });
}

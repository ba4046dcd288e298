// Class colours: the Okabe-Ito palette, chosen to stay distinct with the common colour-vision
// deficiencies. Class k gets CLASS_COLORS[k % length].
export const CLASS_COLORS = [
  [0, 114, 178],   // blue
  [230, 159, 0],   // orange
  [0, 158, 115],   // bluish green
  [204, 121, 167], // reddish purple
  [213, 94, 0],    // vermillion
  [86, 180, 233],  // sky blue
  [240, 228, 66],  // yellow
];

export const classColor = (k) => CLASS_COLORS[k % CLASS_COLORS.length];
export const classCss = (k, alpha = 1) => `rgba(${classColor(k).join(', ')}, ${alpha})`;

/** Outline of the data points: dark, so a point stands out on any background, even its own colour. */
export const POINT_OUTLINE = 'rgba(20, 20, 30, 0.9)';

// Regression: a diverging scale, blue (negative) through near-white (0) to orange (positive), as
// TensorFlow Playground colours its regression sets; values are clamped to [-1, 1] (plane and
// multi_gauss targets lie there).
const NEGATIVE = [0, 114, 178];
const POSITIVE = [230, 159, 0];
const MIDDLE = [248, 248, 245];

/** The diverging colour of a value (clamped to [-1, 1]), as [r, g, b]. */
export function divergingColor(v) {
  const u = Number.isFinite(v) ? Math.max(-1, Math.min(1, v)) : 0;
  const end = u < 0 ? NEGATIVE : POSITIVE;
  return MIDDLE.map((m, c) => Math.round(m + (end[c] - m) * Math.abs(u)));
}

export const divergingCss = (v) => `rgb(${divergingColor(v).join(', ')})`;

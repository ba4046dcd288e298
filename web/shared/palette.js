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

// Lines that are not classes (optimizers, batch sizes, the validation loss): one meaning per colour
// on a screen, so none of them is a class colour above, and none is the diverging ends below.
// Near-black ink, ColorBrewer's magenta, crimson and leaf green, and a grey: each at least 34 CIELAB
// units (ΔE76) from every class colour and from both diverging ends, and 44 from each other.
export const SERIES = { ink: '#1d1d28', magenta: '#e7298a', crimson: '#b2182b', green: '#66a61e', grey: '#8c8c9c' };

/** Outline of the data points: dark, so a point stands out on any background, even its own colour. */
export const POINT_OUTLINE = 'rgba(20, 20, 30, 0.9)';

// Signed values (weights, biases, unit activations): ColorBrewer's PuOr, a diverging palette that
// stays readable with the common colour-vision deficiencies. Negative orange-brown, positive
// purple, zero near white; distinct from the class colours' blue and green.
export const DIVERGING = { negative: [179, 88, 6], zero: [247, 247, 247], positive: [84, 39, 136] };

/** The colour of a signed value s in [-1, 1] (clamped): from the negative end through zero to the positive end. */
export function divergingColor(s) {
  const v = Math.max(-1, Math.min(1, Number.isFinite(s) ? s : 0));
  const end = v < 0 ? DIVERGING.negative : DIVERGING.positive;
  const a = Math.abs(v);
  return DIVERGING.zero.map((z, c) => Math.round(z + (end[c] - z) * a));
}

export const divergingCss = (s, alpha = 1) => `rgba(${divergingColor(s).join(', ')}, ${alpha})`;

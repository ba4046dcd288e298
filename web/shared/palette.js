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

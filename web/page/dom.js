// The page's one DOM helper: elements built from properties and children (text only, never HTML),
// a class's colour swatch, and numbers formatted the way the tutorial prints them.
import { classCss } from '../shared/palette.js';

/** An element: el('td', { className: 'x', textContent: '1' }, child, ...). Children may be strings. */
export function el(tag, props = {}, ...children) {
  const element = Object.assign(document.createElement(tag), props);
  element.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return element;
}

/** A small square in class k's colour (legends, the readout, the class picker). */
export function swatchOf(k) {
  const swatch = el('span', { className: 'swatch' });
  swatch.style.backgroundColor = classCss(k);
  return swatch;
}

/** Sets an element's text only when it changed (no layout work for a number that stayed). */
export function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

/** A number with `digits` decimals and a real minus sign; '–' when it is not finite. */
export function fixed(v, digits = 4) {
  if (!Number.isFinite(v)) return '–';
  const text = v.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text.replace('-', '−');
}

/** A share as a percentage with two decimals, as the tutorial prints accuracy: 88.89%. */
export function percent(v) {
  return Number.isFinite(v) ? `${(100 * v).toFixed(2)}%` : '–';
}

/** Shows a value in an element: the text, and the exact value in data-value. */
export function showValue(element, value, text) {
  setText(element, text);
  const exact = String(value);
  if (element.dataset.value !== exact) element.dataset.value = exact;
}

// The parts of a playground's page that follow the state alone: which panels and control groups
// show (embedding: state.panels, state.controls) and the legend of the classes or values. Pure
// functions of the root they draw under, so the element, the embed and the page share them.
import { el, swatchOf } from './dom.js';
import { CONTROL_GROUPS, PANELS, PANEL_PARTS } from '../shared/state.js';

/** Shows the panels and controls the state asks for (embedding: state.panels, state.controls). */
export function showParts(root, { panels, controls }) {
  for (const part of PANEL_PARTS) for (const el of root.querySelectorAll(`[data-part="${part}"]`)) el.hidden = !panels.includes(part);
  for (const group of CONTROL_GROUPS) for (const el of root.querySelectorAll(`[data-controls="${group}"], [data-group="${group}"]`))
    el.hidden = !controls.includes(group);
  root.querySelector('[data-part="toolbar"]').hidden = !controls.includes('toolbar') && !controls.includes('share');
  for (const el of root.querySelectorAll('#play, #step, #reset, #status')) el.hidden = !controls.includes('toolbar');
  const settings = root.querySelector('.settings');
  settings.hidden = [...settings.children].every((el) => el.hidden);
  root.querySelector('.layout').classList.toggle('no-settings', settings.hidden);
  root.querySelector('.panels').classList.toggle('single', PANELS.filter((p) => panels.includes(p)).length < 2);
  root.classList.toggle('no-lessons-menu', !controls.includes('lessons'));
}

/** The legend: a swatch per class, or the value scale of a regression, and its titles. */
export function showLegend(root, t, { regression, classes }) {
  const swatches = regression ? [el('span', { className: 'legend-class regression-legend' }, '−1', el('span', { className: 'legend-scale' }), '+1 ', t('valueLegend'))]
    : Array.from({ length: classes }, (_, k) => el('span', { className: 'legend-class' }, swatchOf(k), t('className', { k })));
  root.querySelector('#legend-swatches').replaceChildren(...swatches);
  for (const [selector, key] of [['.legend-title', 'legendClasses'], ['.legend-background', 'legendBackground']]) {
    const element = root.querySelector(selector);
    element.dataset.i18n = regression ? `${key}Regression` : key;
    element.textContent = t(element.dataset.i18n);
  }
}

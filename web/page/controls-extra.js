// The controls TensorFlow Playground's users look for (issue 14), built like controls.js's: a
// noise slider beside its number, per-model input feature toggles, and hidden layers with +/-
// buttons for the layer count and for each layer's units; and (issue 16) an imported CSV's split
// as the engine made it. Each returns { row, show(value, ctx) }
// and reports edits through emit(value); the state table (state.js) checks every value.
import { FEATURES, parseValue } from '../shared/state.js';
import { el } from './dom.js';

const idOf = (key) => `ctl-${key.replace('.', '-')}`;

/** A range input that moves the number control `#ctl-<key>` (kept, for typing and old hooks). */
export function sliderControl(t, text, field, emit) {
  const slider = el('input', { type: 'range', id: `${idOf(field.key)}-slider`, min: field.min, max: field.max, step: field.step ?? 0.01 });
  const output = el('output', { htmlFor: slider.id, className: 'slider-value' });
  slider.setAttribute('aria-label', t(field.key));
  slider.dataset.i18nLabel = field.key;
  slider.addEventListener('input', () => { output.value = slider.value; });
  slider.addEventListener('change', () => emit(parseValue(field, slider.value)));
  const row = el('div', { className: 'control slider' }, slider, output);
  return { row, show(value) { slider.value = String(value); output.value = String(value); } };
}

/** One checkbox per input feature; the last one checked cannot be unchecked (a model needs an input). */
export function featuresControl(t, text, field, emit) {
  const boxes = FEATURES.map((name) => el('input', { type: 'checkbox', value: name, id: `${idOf(field.key)}-${FEATURES.indexOf(name)}` }));
  const labels = boxes.map((box) => el('label', { className: 'choice feature' }, box, el('span', { textContent: box.value })));
  for (const box of boxes) box.addEventListener('change', () => emit(boxes.filter((b) => b.checked).map((b) => b.value)));
  const group = el('fieldset', { className: 'radios features', id: idOf(field.key) }, text(t, 'legend', 'features'), ...labels,
    text(t, 'p', 'featuresHint', { className: 'hint' }));
  return {
    row: group,
    show(value, ctx) {
      const on = new Set(value);
      for (const box of boxes) {
        box.checked = on.has(box.value);
        box.disabled = (box.checked && on.size === 1) || ctx?.features > 2;
      }
    },
  };
}

/** +/- buttons: add or remove a hidden layer, and widen or narrow each layer on its own. */
export function layerButtons(t, text, field, emit) {
  const button = (key, props) => {
    const b = text(t, 'button', key, { type: 'button', className: 'secondary step-button', ...props });
    b.title = t(`${key}Hint`);
    b.dataset.i18nTitle = `${key}Hint`;
    return b;
  };
  const add = button('layerAdd', { id: `${idOf(field.key)}-add` });
  const remove = button('layerRemove', { id: `${idOf(field.key)}-remove` });
  const list = el('ol', { className: 'layer-widths', id: `${idOf(field.key)}-widths` });
  let shown = [];
  const change = (value) => { const v = parseValue(field, value.join(',')); if (v !== undefined) emit(v); };
  add.addEventListener('click', () => change([...shown, shown.at(-1) ?? 8]));
  remove.addEventListener('click', () => change(shown.slice(0, -1)));
  list.addEventListener('click', (event) => {
    const b = event.target.closest('button[data-layer]');
    if (!b) return;
    const i = Number(b.dataset.layer);
    change(shown.map((u, j) => (j === i ? Math.max(1, Math.min(1024, u + Number(b.dataset.delta))) : u)));
  });
  const row = el('div', { className: 'control layer-buttons' }, el('div', { className: 'layer-count' }, remove, add), list);
  return {
    row,
    show(value) {
      const same = shown.length === value.length && list.children.length === value.length;
      shown = value;
      add.disabled = value.length >= 8;
      remove.disabled = value.length === 0;
      if (same) {
        value.forEach((u, i) => { list.children[i].querySelector('.units').textContent = String(u); });
        return;
      }
      list.replaceChildren(...value.map((u, i) => {
        const minus = el('button', { type: 'button', className: 'secondary step-button', textContent: '−' });
        const plus = el('button', { type: 'button', className: 'secondary step-button', textContent: '+' });
        Object.assign(minus.dataset, { layer: i, delta: -1 });
        Object.assign(plus.dataset, { layer: i, delta: 1 });
        for (const [b, key] of [[minus, 'unitsLess'], [plus, 'unitsMore']]) {
          b.setAttribute('aria-label', t(key, { k: i + 1 }));
          Object.assign(b.dataset, { i18nLabel: key, i18nArgs: JSON.stringify({ k: i + 1 }) });
        }
        return el('li', {}, minus, el('span', { className: 'units', textContent: String(u) }), plus);
      }));
    },
  };
}

/**
 * An imported CSV's split as the engine made it (context.data: its split ends and whether the
 * file's split column decided them): the rows in each split, and how they were chosen.
 */
export function csvSplitSummary(t, text, field) {
  const line = el('p', { className: 'hint csv-split', id: 'csv-split' });
  line.setAttribute('aria-live', 'polite');
  return {
    row: el('div', { className: 'control' }, line),
    show(value, ctx) {
      const data = ctx?.data;
      line.hidden = !data;
      if (!data) return;
      const [trainEnd, valEnd, end] = data.splitEnd;
      const args = { train: trainEnd, val: valEnd - trainEnd, test: end - valEnd };
      const key = data.splitColumn ? 'csvSplitColumn' : trainEnd === end ? 'csvSplitAll' : 'csvSplitShuffled';
      line.textContent = t(key, args);
      Object.assign(line.dataset, { i18n: key, i18nArgs: JSON.stringify(args) });
    },
  };
}

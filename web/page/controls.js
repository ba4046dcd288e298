// The settings controls, built from the state table (state.js) into the page's [data-group]
// containers: a select per choice, a number input per number, a checkbox per switch, radio buttons
// where the choices are few and visual. Controls report edits as patches through onChange({ key:
// value }); render(state, context) shows a state. Every control is a native element, so keyboard
// use and focus come with it. Every text carries its data-i18n key, so applyStrings (strings.js)
// re-labels the controls in another language.
import { FIELD, parseValue, DRAW_CLASSES, speedLabel } from '../shared/state.js';
import { el, swatchOf } from './dom.js';
import { csvSplitSummary, featuresControl, layerButtons, sliderControl } from './controls-extra.js';

const GROUPS = {
  toolbar: ['speed'],
  share: ['lang', '@copyLink'],
  legend: ['show'],
  data: ['data', 'task', 'n', 'noise', 'slider:noise', 'seed', '@regenerate', 'csvAll', 'trainPct', 'valPct', 'summary:csv', '@reshuffle',
    'showTest', 'discretize', 'drawClass', '@clearPoints'],
  training: ['optimizer', 'lr', 'momentum', 'nesterov', 'lrDecay', 'beta1', 'beta2', 'eps', 'amsgrad', 'weightDecay',
    'reg', 'regRate', 'batch', 'batchSize', 'loss', 'limit', '@newWeights'],
  'panel-a': ['a.hidden', 'buttons:a.hidden', 'a.activation', 'a.features'],
  'panel-b': ['b.hidden', 'buttons:b.hidden', 'b.activation', 'b.features'],
};
// A second control of a field, named 'kind:key' in GROUPS.
const EXTRA = { slider: sliderControl, buttons: layerButtons, summary: csvSplitSummary };
// Controls that always show (their field's `when` only decides whether the hash names them).
const ALWAYS = new Set(['task', 'csvAll', 'trainPct', 'valPct', 'show', 'showTest', 'discretize', 'reg', 'a.features', 'b.features']);
// An imported CSV is split by the page's percentages unless it trains on every row or its split
// column decides (the engine says which: context.data.splitColumn); val and test mean something only with rows in them.
const csvSplitByPage = (s, ctx) => s.data === 'csv' && !s.csvAll && !ctx.data?.splitColumn;
const heldOut = (ctx) => !ctx.data || ctx.data.splitEnd[0] < ctx.data.splitEnd[2];
const SHOWN_WHEN = {
  task: (s) => s.data === 'csv',
  csvAll: (s, ctx) => s.data === 'csv' && !ctx.data?.splitColumn,
  trainPct: (s, ctx) => s.data !== 'draw' && (s.data !== 'csv' || csvSplitByPage(s, ctx)),
  valPct: (s, ctx) => s.data !== 'draw' && (s.data !== 'csv' || csvSplitByPage(s, ctx)),
  show: (s, ctx) => s.data !== 'draw' && heldOut(ctx),
  showTest: (s, ctx) => s.data !== 'draw' && heldOut(ctx),
  'a.features': (s) => s.data !== 'csv',
  'b.features': (s) => s.data !== 'csv',
};
const RADIOS = new Set(['show', 'drawClass']);
const ACTIONS = {
  regenerate: { when: (s) => s.data !== 'draw' && s.data !== 'csv', title: 'regenerateHint' },
  // For a CSV, the seed draws the split alone (and the weights): the same action under its own name.
  reshuffle: { when: csvSplitByPage, title: 'reshuffleHint' },
  clearPoints: { when: (s) => s.data === 'draw' },
  copyLink: { title: 'copyLinkHint' },
  newWeights: { title: 'newWeightsHint' },
};
const HINTS = { lr: 'lrHint', drawClass: 'drawHint', reg: 'regHint', trainPct: 'splitHint', csvAll: 'csvAllHint' };

const labelKey = (key) => key.replace(/^[ab]\./, '');
const idOf = (key) => `ctl-${key.replace('.', '-')}`;
const optionKey = (field, value) => (field.key === 'speed' ? speedLabel(value) : [`${labelKey(field.key)}_${value}`]);

/** An element whose text is the string `key` (with placeholders `args`), re-labelled by applyStrings. */
function text(t, tag, key, props = {}, args = null) {
  const element = el(tag, { ...props, textContent: t(key, args ?? {}) });
  element.dataset.i18n = key;
  if (args) element.dataset.i18nArgs = JSON.stringify(args);
  return element;
}

function labelled(t, key, control, hintKey) {
  const row = el('div', { className: 'control' }, text(t, 'label', labelKey(key), { htmlFor: control.id }), control);
  if (hintKey) row.append(text(t, 'p', hintKey, { className: 'hint' }));
  return row;
}

function selectControl(t, field, emit) {
  const select = el('select', { id: idOf(field.key) }, ...field.values.map((v) => {
      const [key, args] = optionKey(field, v);
      return text(t, 'option', key, { value: String(v) }, args);
    }));
  select.addEventListener('change', () => emit(parseValue(field, select.value)));
  return {
    row: labelled(t, field.key, select, HINTS[field.key]),
    show(value, ctx) {
      select.value = String(value);
      for (const option of select.options) {
        // A loss that needs another class count than the data's (bce: 2) is the engine's refusal; the choices follow the task.
        const offTask = field.key === 'loss' && ctx.losses && !ctx.losses.includes(option.value);
        option.disabled = field.key === 'loss' && (offTask || (!ctx.regression && (ctx.rules.classesNeeded(option.value) ?? ctx.classes) !== ctx.classes));
        if (field.key === 'loss') option.hidden = offTask;
        if (field.key === 'data' && option.value === 'csv') option.hidden = option.disabled = value !== 'csv';
      }
    },
  };
}

function radioControl(t, field, emit) {
  const values = field.key === 'drawClass' ? [...Array(DRAW_CLASSES).keys()] : field.values;
  const inputs = values.map((v) => el('input', { type: 'radio', name: idOf(field.key), value: String(v) }));
  const labels = inputs.map((input, i) => {
    const v = values[i];
    const parts = [input];
    if (field.key === 'drawClass') parts.push(swatchOf(v));
    parts.push(field.key === 'drawClass' ? text(t, 'span', 'className', {}, { k: v }) : text(t, 'span', `${field.key}_${v}`));
    const label = el('label', { className: 'choice' }, ...parts);
    input.addEventListener('change', () => input.checked && emit(parseValue(field, input.value)));
    return label;
  });
  const group = el('fieldset', { className: `radios radios-${field.key}`, id: idOf(field.key) }, text(t, 'legend', labelKey(field.key)), ...labels);
  if (HINTS[field.key]) group.append(text(t, 'p', HINTS[field.key], { className: 'hint' }));
  return { row: group, show: (value) => inputs.forEach((input) => { input.checked = input.value === String(value); }) };
}

/**
 * Whether `input` holds text the learner typed and has not committed yet (no change event since).
 * A render from the engine's answer to an earlier edit (new data, a class count) shows the state
 * again; it must not write the state's value over that text, or the Enter that follows commits
 * the old value and the edit is lost.
 */
function typing(input) {
  let typed = false;
  input.addEventListener('input', () => { typed = true; });
  input.addEventListener('change', () => { typed = false; });
  return () => typed;
}

function numberControl(t, field, emit, invalid) {
  const input = el('input', { type: 'number', id: idOf(field.key), min: field.min, max: field.max,
    step: field.type === 'int' ? 1 : field.step ?? 'any', inputMode: field.type === 'int' ? 'numeric' : 'decimal' });
  let shown;
  const typed = typing(input);  // first: a change has committed the text before the edit renders
  input.addEventListener('change', () => {
    const value = parseValue(field, input.value);
    if (value === undefined) {
      invalid(field, input.value, shown);
      input.value = String(shown);
    } else emit(value);
  });
  const show = (value) => {
    if (!(typed() && value === shown)) input.value = String(value);  // the same value: keep what is being typed
    shown = value;
  };
  return { row: labelled(t, field.key, input, HINTS[field.key]), show };
}

function checkboxControl(t, field, emit) {
  const input = el('input', { type: 'checkbox', id: idOf(field.key) });
  input.addEventListener('change', () => emit(input.checked));
  const row = el('div', { className: 'control check' }, input, text(t, 'label', field.key, { htmlFor: input.id }));
  if (HINTS[field.key]) row.append(text(t, 'p', HINTS[field.key], { className: 'hint' }));
  return { row, show(value) { input.checked = value; } };
}

/** Hidden layers as two numbers: how many layers, and the units in each (up to the engine's caps). */
function layersControl(t, field, emit, invalid) {
  const layers = el('input', { type: 'number', id: idOf(field.key), min: 0, step: 1, inputMode: 'numeric' });
  const units = el('input', { type: 'number', id: `${idOf(field.key)}-units`, min: 1, step: 1,
    inputMode: 'numeric', value: '8' });
  let shown = [];
  let caps = null;  // the engine's (specInfo caps): its rules, shown as the inputs' max
  const [layersTyped, unitsTyped] = [typing(layers), typing(units)];  // before commit's listeners
  const show = (value, ctx) => {
    caps = ctx.rules.caps;
    layers.max = String(caps.hiddenLayers);
    units.max = String(caps.units);
    const same = value.join() === shown.join();  // then keep what is being typed
    shown = value;
    if (!(same && layersTyped())) layers.value = String(value.length);
    if (value.length && !(same && unitsTyped())) units.value = String(value[0]);
    units.disabled = value.length === 0;
  };
  const commit = () => {
    const count = Number(layers.value), width = Number(units.value);
    const withinCaps = /^\d+$/.test(layers.value) && count <= caps.hiddenLayers && width <= caps.units;
    const value = !withinCaps || units.value === '' ? undefined : parseValue(field, Array(count).fill(units.value).join(','));
    if (value !== undefined) return emit(value);
    invalid(field, `${layers.value} × ${units.value}`, shown.join(', ') || '0');
    show(shown, { rules: { caps } });
  };
  layers.addEventListener('change', commit);
  units.addEventListener('change', commit);
  return { row: el('div', { className: 'control-pair' }, labelled(t, field.key, layers), labelled(t, 'units', units)), show };
}

function actionControl(t, name, onAction) {
  const button = text(t, 'button', name, { type: 'button', className: 'secondary', id: `ctl-${name}` });
  if (ACTIONS[name].title) {
    button.title = t(ACTIONS[name].title);
    button.dataset.i18nTitle = ACTIONS[name].title;
  }
  button.addEventListener('click', () => onAction(name));
  return { row: el('div', { className: 'control action' }, button), show() {} };
}

const BUILDERS = { enum: selectControl, int: numberControl, float: numberControl, bool: checkboxControl, layers: layersControl,
  features: (t, field, emit) => featuresControl(t, text, field, emit) };

/**
 * Builds every control under `root` (an element, a document or a shadow root) in the language of
 * the translator `t`. onChange(patch) on an edit, onAction(name) for a button, onInvalid(field,
 * text, kept) for a value out of range. Returns { render(state, context) }.
 */
export function buildControls(root, { onChange, onAction, onInvalid, t }) {
  const built = [];
  for (const [group, keys] of Object.entries(GROUPS)) {
    const container = root.querySelector(`[data-group="${group}"]`);
    if (!container) continue;
    for (const key of keys) {
      if (key.startsWith('@')) {
        const name = key.slice(1);
        built.push({ when: ACTIONS[name].when, ...actionControl(t, name, onAction) });
        continue;
      }
      const [kind, fieldKey] = key.includes(':') ? key.split(':') : [null, key];
      const field = FIELD[fieldKey];
      const emit = (value) => value !== undefined && onChange({ [fieldKey]: value });
      const make = kind ? EXTRA[kind] : RADIOS.has(key) ? radioControl : BUILDERS[field.type];
      const when = ALWAYS.has(fieldKey) ? SHOWN_WHEN[fieldKey] : field.when;
      built.push({ key: fieldKey, when, ...(kind ? make(t, text, field, emit) : make(t, field, emit, onInvalid)) });
    }
    for (const b of built.slice(-keys.length)) container.append(b.row);
  }
  return {
    render(state, context) {
      for (const b of built) {
        b.row.hidden = b.when ? !b.when(state, context) : false;
        if (b.key) b.show(state[b.key], context);
      }
    },
  };
}

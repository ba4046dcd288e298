// The page's wiring. The state (state.js) is the single source of truth: every edit goes through
// update(patch), which writes the URL hash, redraws the controls and applies the change's effect
// (a reset, a live setting or a redraw). Frames from the worker are drawn once per animation
// frame, and each drawn frame is acknowledged so the worker sends the next.
import { EngineClient } from './engine-client.js';
import { PanelView } from './panel.js';
import { Readout } from './readout.js';
import { buildControls } from './controls.js';
import { DRAW_BOUNDS } from './geometry.js';
import { classCss } from './palette.js';
import { applyStrings, setLanguage, t } from './strings.js';
import { DEFAULT_N, GRID_SIZE, MAX_DRAWN_POINTS, PANELS, changedKeys, classesOf, hashFromState, reconcile, specsOf,
  stateFromHash, strongestEffect } from './state.js';

const READOUT_REFRESH_MS = 250;
const NOTICE_MS = 6000;
const NOTICES_SHOWN = 3;

setLanguage('en');
applyStrings(document);
document.title = t('title');

const $ = (id) => document.getElementById(id);
const initial = stateFromHash(location.hash);
let state = initial.state;  // reconciled at the start, below, once notices can show
const context = { classes: classesOf(state), data: null };
let playing = true;
let finished = false;
let allDiverged = false;
let pendingFrame = null;
let lastReadout = 0;

const client = new EngineClient({ onData: showData, onFrame: queueFrame, onError: showError });
const template = $('panel-template');
const panels = Object.fromEntries(PANELS.map((name) => [name,
  new PanelView(document.querySelector(`[data-panel="${name}"]`), template, { onProbe: (p) => readout.probe(p), onAdd: addPoint })]));
const readout = new Readout(client, Object.fromEntries(PANELS.map((n) => [n, { plot: panels[n].plot, element: panels[n].readout }])));
const controls = buildControls(document, {
  onChange: update,
  onAction: (name) => (name === 'regenerate' ? update({ seed: (state.seed + 1) % 4294967296 }) : update({ points: [] })),
  onInvalid: (field, value, kept) => notify(t('invalidValue', { label: labelOf(field.key), value, kept })),
});

// ---- state changes --------------------------------------------------------------------------

function labelOf(key) {
  const [panel, name] = key.includes('.') ? key.split('.') : [null, key];
  return panel ? `${t(name)} (${t(`panel_${panel}`)})` : t(name);
}

/** The state with the engine's constraints applied, saying what had to change. */
function reconciled(candidate) {
  const { state: fixed, changed } = reconcile(candidate);
  if (changed.includes('loss')) notify(t('bceNeedsTwo', { k: classesOf(candidate) }));
  return fixed;
}

/** Applies a patch of state fields, everything that follows from it, and writes the hash. */
function update(patch) {
  const next = reconciled({ ...state, ...patch });
  if (patch.data && patch.n === undefined && DEFAULT_N[patch.data]) next.n = DEFAULT_N[patch.data];
  const keys = changedKeys(state, next);
  if (keys.length === 0) return;
  state = next;
  history.replaceState(null, '', hashFromState(state));
  render();
  const effect = strongestEffect(keys);
  if (effect === 'data' || effect === 'train') {
    restart();
    notify(t('resetBy', { what: keys.filter((k) => k !== 'show').map(labelOf).join(', ') }));
  } else if (effect === 'lr') {
    client.set({ lr: state.lr });
    notify(t('lrChanged', { lr: state.lr }));
  }
  client.set({ speed: state.speed, limit: state.limit });
}

function render() {
  context.classes = context.data?.classes ?? classesOf(state);
  controls.render(state, context);
  for (const name of PANELS) {
    panels[name].describe({ hidden: state[`${name}.hidden`], activation: state[`${name}.activation`],
      outputs: state.loss === 'bce' ? 1 : context.classes });
    panels[name].plot.setShow(state.data === 'draw' ? 'train' : state.show);
  }
  const swatches = Array.from({ length: context.classes }, (_, k) => {
    const item = document.createElement('span');
    item.className = 'legend-class';
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.backgroundColor = classCss(k);
    item.append(swatch, t('className', { k }));
    return item;
  });
  $('legend-swatches').replaceChildren(...swatches);
  $('spec').textContent = JSON.stringify(specsOf(state), null, 1);
}

/** New trainers from the current state: both panels back to epoch 0, with a flash if `visibly`. */
function restart(visibly = true) {
  const specs = specsOf(state);
  finished = false;
  allDiverged = false;
  if (pendingFrame) client.done(pendingFrame);  // drawn never: it shows the models being replaced
  pendingFrame = null;
  hideBanner();
  for (const panel of Object.values(panels)) panel.reset(visibly);
  client.configure(specs.a ? specs : null, GRID_SIZE);
  showStatus();
}

function addPoint([x, y]) {
  if (state.data !== 'draw' || state.points.length >= MAX_DRAWN_POINTS) return;
  update({ points: [...state.points, [Math.round(x * 100) / 100, Math.round(y * 100) / 100, state.drawClass]] });
}

// ---- what the worker sends ------------------------------------------------------------------

function showData(data) {
  context.data = data;
  for (const panel of Object.values(panels)) panel.plot.setData(data, data?.bounds ?? DRAW_BOUNDS);
  readout.clear();
  render();
  if (!data && state.data === 'draw') {
    notify(t('drawEmpty'));
    document.body.dataset.ready = 'true';
  }
  showStatus();
}

function queueFrame(frame) {
  if (!pendingFrame) requestAnimationFrame(drawFrame);
  else {
    // The worker waits for each frame's acknowledgement, so this is rare: keep the older records.
    for (const name of PANELS) {
      const [older, newer] = [pendingFrame.models[name], frame.models[name]];
      newer.records = [...older.records, ...newer.records];
      newer.metrics ??= older.metrics;
    }
    client.done(pendingFrame);
  }
  pendingFrame = frame;
}

function drawFrame() {
  const frame = pendingFrame;
  pendingFrame = null;
  if (!frame) return;
  const now = performance.now();
  for (const name of PANELS) panels[name].show(frame.models[name], GRID_SIZE, now);
  if (frame.atLimit && playing) {
    playing = false;
    finished = true;
    notify(t('limitReached', { limit: state.limit }));
  }
  allDiverged = PANELS.every((name) => frame.models[name].status === 'diverged');
  if (!playing) for (const panel of Object.values(panels)) panel.stopped();
  showDivergence(frame.models);
  showStatus();
  if (now - lastReadout > READOUT_REFRESH_MS) {
    lastReadout = now;
    readout.refresh();
  }
  document.body.dataset.ready = 'true';
  client.done(frame);
}

function showDivergence(models) {
  const diverged = PANELS.filter((name) => models[name].status === 'diverged');
  if (diverged.length === 0) return;
  const text = diverged.map((name) => t('diverged', { model: panelTitle(name), message: models[name].message })).join(' ');
  showBanner(text, true);
}

function panelTitle(name) {
  return t(state[`${name}.hidden`].length ? 'mlpTitle' : 'linearTitle');
}

function showError({ kind, message }) {
  showBanner(t(kind === 'spec' ? 'specError' : 'engineError', { message }), false);
  setPlaying(false);
}

// ---- toolbar, banner, notices ---------------------------------------------------------------

function setPlaying(on) {
  playing = on;
  finished = false;
  if (on) client.play();
  else {
    client.pause();
    for (const panel of Object.values(panels)) panel.stopped();
  }
  showStatus();
}

function showStatus() {
  const label = $('play').querySelector('.label');
  label.textContent = t(playing ? 'pause' : 'play');
  $('play').classList.toggle('playing', playing);
  const status = !context.data ? (state.data === 'draw' ? 'empty' : 'loading')
    : allDiverged ? 'diverged' : finished ? 'finished' : playing ? 'training' : 'paused';
  $('status').textContent = t(`status_${status}`);
  $('status').dataset.status = status;
}

function showBanner(text, withHelp) {
  $('banner-text').textContent = text;
  $('banner-help').hidden = !withHelp;
  $('banner').hidden = false;
}

function hideBanner() {
  $('banner').hidden = true;
}

/** Shows a short message for a while; up to NOTICES_SHOWN of the latest stay visible together. */
function notify(text) {
  const notice = $('notice');
  const line = document.createElement('p');
  line.textContent = text;
  notice.append(line);
  while (notice.childElementCount > NOTICES_SHOWN) notice.firstElementChild.remove();
  notice.classList.add('shown');
  setTimeout(() => {
    line.remove();
    if (!notice.childElementCount) notice.classList.remove('shown');
  }, NOTICE_MS);
}

$('play').addEventListener('click', () => setPlaying(!playing));
$('step').addEventListener('click', () => {
  setPlaying(false);
  client.step();
});
for (const id of ['reset', 'banner-reset']) $(id).addEventListener('click', () => {
  restart();
  notify(t('resetByHand'));
});
window.addEventListener('hashchange', () => {
  const parsed = stateFromHash(location.hash);
  update(parsed.state);
  if (parsed.rejected.length) notify(t('hashRejected', { keys: parsed.rejected.join(', ') }));
});

// ---- start: the first screen trains at once ------------------------------------------------

state = reconciled(state);
render();
history.replaceState(null, '', hashFromState(state));
if (initial.rejected.length) notify(t('hashRejected', { keys: initial.rejected.join(', ') }));
restart(false);
client.set({ speed: state.speed, limit: state.limit });
setPlaying(true);

// One playground: the state (state.js) and everything that shows and trains it, under one root.
// The state is the single source of truth: every edit goes through update(patch), which redraws
// the controls, applies the change's effect (a reset, a live setting or a redraw) and reports the
// new state (the page writes it into the URL hash). Frames from the worker are drawn once per
// animation frame, and each drawn frame is acknowledged so the worker sends the next.
//
// Training runs on a Run (run.js), which owns the frames, the acks, play/pause/step/reset, the
// status and the worker's restarts; this file only wires the state, the controls and the views
// to it. Its parts: state-editor.js (a patch reconciled with the engine's rules, a refused edit
// undone), frame-view.js (the frames, the status line, a divergence, the metrics), panel-wiring.js
// (the panels' clicks, inspector and weight edits), parts-view.js (the parts shown, the legend) and
// settings-actions.js (the settings' buttons). The lessons (../lessons/controller.js) run on the
// same engine worker, on their own channel.
//
// The root is the page's document, an <nn-playground>'s shadow root or embed.html's document:
// every lookup goes through it, and each playground has its own worker and its own language.
import { EngineClient } from './engine-client.js';
import { Run } from './run.js';
import { allowedRange } from './allowed-range.js';
import { Messages } from './messages.js';
import { ChallengeMenu, challengeState } from './challenge-menu.js';
import { ChallengeView } from './challenge-view.js';
import { Coach } from './coach.js';
import { buildPanels, insideView } from './panel-wiring.js';
import { Readout } from './readout.js';
import { buildControls } from './controls.js';
import { TakeHome } from './take-home.js';
import { Lessons } from '../lessons/controller.js';
import { LESSON } from '../lessons/catalog.js';
import { linkHash } from '../lessons/link.js';
import { playgroundMarkup } from './layout.js';
import { DRAW_BOUNDS } from '../shared/geometry.js';
import { showLegend, showParts } from './parts-view.js';
import { applyStrings, translator } from './strings.js';
import { resetWhat } from './reset-what.js';
import { engineMessage } from './engine-messages.js';
import { FrameView } from './frame-view.js';
import { specWithinLimits, stateFromSpec } from '../shared/spec-state.js';
import { FIELD, GRID_SIZE, PANELS, changedKeys, dataSpecOf, defaultState,
  specsOf, strongestEffect, taskOf } from '../shared/state.js';
import { StateEditor } from './state-editor.js';
import { settingsAction } from './settings-actions.js';

const VIEW_KEYS = ['lang', 'lesson', 'lessonState', 'view', 'panels', 'controls', 'autoplay'];

export class Playground {
  #root;
  #host;
  #onState;
  #linkOf;
  #client;
  #run;
  #panels;
  #readout;
  #controls;
  #takeHome;
  #lessons;
  #challenge;  // the goal of a challenge link and its progress (challenge-view.js)
  #challengeMenu;  // the built-in challenges, beside the lessons menu (challenge-menu.js)
  #coach;      // says why a run diverged, with a one-click fix (coach.js)
  #frames;     // the frames, the status line, a divergence and the latest metrics (frame-view.js)
  #hiddenByLesson = false;  // a lesson with a view of its own is open: the playground hides and pauses
  #resumeAfterLesson = false;
  #context = { classes: 2, data: null, features: 2 };
  #rules = null;          // the engine's rules (shared/engine-rules.js), once it has loaded
  #editor;     // patches, the engine's reconciling, a refused edit's undo (state-editor.js)
  #messages = new Messages((selector) => this.$(selector));

  /**
   * root: where the markup goes (an element or a shadow root); host: the element that gets
   * data-ready="true" once a frame is drawn; state: the first state; onState(state): after every
   * change; linkOf(state): a URL that opens this state (Copy link).
   */
  constructor({ root, host, state, onState = () => {}, linkOf }) {
    this.#root = root;
    this.#host = host;
    this.#onState = onState;
    this.#linkOf = linkOf;
    this.t = translator(state.lang);
    host.lang = this.t.lang;  // :lang(ko) picks the Korean fonts (style.css), in a shadow root too
    this.state = state;
    root.append(playgroundMarkup(root.ownerDocument ?? document));
    const t = this.t;
    this.#editor = new StateEditor({ rulesOf: () => this.#rules, t, notify: (text) => this.notify(text) });
    this.#client = new EngineClient();
    this.#run = new Run(this.#client, 'playground', {
      plan: () => {
        this.#editor.planned(this.state);
        const specs = specsOf(this.state);
        return specs.a ? { specs, watch: { grid: GRID_SIZE, network: {}, hiddenSpace: true } } : null;
      },
      settings: () => ({ speed: this.state.speed, limit: this.state.limit, view: insideView(this.#panels) }),
      onData: (d) => this.#showData(d),
      draw: (f) => this.#frames.draw(f),
      stepped: () => this.metrics(),
      onLimit: () => this.notify(this.t('limitReached', { limit: this.state.limit })),
      // Stopped at the limit, a reset plays again; behind a lesson, once the lesson closes.
      onResume: () => (this.#hiddenByLesson ? (this.#resumeAfterLesson = true) : this.#setPlaying(true)),
      onStatus: () => this.#frames.showStatus(),
      onError: (e) => this.#showError(e),
      onRestart: (why) => this.#engineRestarted(why),
    });
    this.#panels = buildPanels({ $: (selector) => this.$(selector), run: this.#run, t, probe: (p) => this.#readout.probe(p),
      stateOf: () => this.state, dataOf: () => this.#context.data, update: (patch) => this.update(patch), pause: () => this.#setPlaying(false) });
    this.#readout = new Readout(this.#run, Object.fromEntries(PANELS.map((n) => [n, { plot: this.#panels[n].plot, element: this.#panels[n].readout }])), t);
    this.#controls = buildControls(root, {
      t,
      onChange: (patch) => this.#edit(patch),
      onAction: (name) => settingsAction(name, { state: this.state, update: (patch) => this.update(patch), linkOf: (s) => this.#linkOf(s),
        notify: (text) => this.notify(text), t }),
      onInvalid: (field, value, kept) => this.notify(t('invalidValue', { label: this.#editor.labelOf(field.key), value, kept,
        range: allowedRange(field, this.#rules?.caps ?? null, t) })),
    });
    this.#takeHome = new TakeHome(this.$('.takehome'), { client: this.#run, playground: this, t });
    const modelName = (name) => this.#panelTitle(name);
    this.#challenge = new ChallengeView(root, { host: this.#host, t, modelName, onApply: (patch) => this.restartWith(patch),
      onLeave: (patch) => this.update(patch) });
    this.#coach = new Coach(this.$('#banner .banner-text'), { t, modelName, onLower: (lr) => {
      this.restartWith({ lr });
      this.notify(t('teach.coachLowered', { lr }));
    } });
    this.#frames = new FrameView({ $: (selector) => this.$(selector), host, run: this.#run, panels: this.#panels, readout: this.#readout,
      coach: this.#coach, challenge: this.#challenge, messages: this.#messages, t, stateOf: () => this.state,
      dataOf: () => this.#context.data, panelTitle: modelName });
    // A lesson opens with its preset: the closing lesson is this playground with tutorial 001's settings.
    const lessonState = (id) => ({ ...this.state, ...(LESSON[id]?.playground ?? {}), lesson: id, lessonState: {} });
    this.#lessons = new Lessons({ toolbar: this.$('[data-part="toolbar"]'), client: this.#client, t, notify: (text) => this.notify(text),
      onSelect: (id) => this.update(lessonState(id)), linkOf: (id) => linkHash(lessonState(id)),
      onPlayground: (hidden) => this.#hideForLesson(hidden), onLessonState: (own) => this.update({ lessonState: own }) });
    this.#challengeMenu = new ChallengeMenu({ after: this.$('.lessons-menu'), host: this.#host, t,
      linkOf: (id) => linkHash(challengeState(id, this.state)), onSelect: (id) => this.#openChallenge(id) });
    applyStrings(root, t);
    this.$('#play').addEventListener('click', () => this.#setPlaying(!this.#run.playing));
    this.$('#step').addEventListener('click', () => this.step(1));
    for (const id of ['#reset', '#banner-reset']) this.$(id).addEventListener('click', () => {
      this.#restart();
      this.notify(t('resetByHand'));
    });
  }

  /** The engine's rules (shared/engine-rules.js); null until the engine has loaded. */
  get rules() {
    return this.#rules;
  }

  /** The first element under the root that matches `selector`. */
  $(selector) {
    return this.#root.querySelector(selector);
  }

  /**
   * Starts once the engine has loaded (its rules decide the defaults the state leaves to it): the
   * first screen trains at once (unless autoplay is off). `rejected` names bad link values; `spec`
   * (an object or JSON text) is applied on the state first.
   */
  async start(rejected = [], { spec } = {}) {
    this.#rules = await this.#client.ready;
    if (spec !== undefined) {  // the element's spec attribute: applied on the state, within the engine's caps
      try {
        const result = this.stateOfSpec(spec, this.state);
        this.state = result.state;
        rejected.push(...result.ignored.map((name) => `spec.${name}`));
      } catch (error) {
        rejected.push(`spec (${error.message})`);
      }
    }
    this.state = this.#editor.reconciled(this.state);
    this.#render();
    this.#onState(this.state);
    if (rejected.length) this.notify(this.t('hashRejected', { keys: rejected.join(', ') }));
    this.#restart(false);
    this.#resumeAfterLesson = this.#hiddenByLesson && this.state.autoplay;
    this.#setPlaying(this.state.autoplay && !this.#hiddenByLesson);
  }

  /** Stops the worker for good. */
  close() {
    this.#lessons.close();
    this.#run.close();
    this.#client.terminate();
  }

  // ---- the API of the element and of the postMessage bridge ---------------------------------

  play() { this.#setPlaying(true); }
  pause() { this.#setPlaying(false); }

  /** Pauses and trains n epochs; resolves to the metrics after them. */
  step(n = 1) {
    for (const panel of Object.values(this.#panels)) panel.stopped();
    return this.#run.step(n);
  }

  /**
   * Sets an experiment spec (docs/spec.md) or { a, b } specs, as an object or JSON text; returns
   * the names of the parts not applied. Throws, having done nothing, for a spec past the engine's
   * size caps, or before the engine has loaded (the element's and embed's 'ready').
   */
  setSpec(spec) {
    const view = Object.fromEntries(VIEW_KEYS.map((k) => [k, this.state[k]]));
    const { state, ignored } = this.stateOfSpec(spec, { ...defaultState(), ...view });
    this.update(state);
    return ignored;
  }

  /** The state (from `base`) that trains `spec` (spec-state.js): { state, ignored }; throws as setSpec does. */
  stateOfSpec(spec, base) {
    if (!this.#rules) throw new Error('the engine is still loading: wait until it is ready');
    return stateFromSpec(specWithinLimits(spec, this.#rules.limits), base, this.#rules);
  }

  /** The challenge's goal and progress (challenge-view.js's detail()), or null without one. */
  goal() {
    return this.#challenge.detail();
  }

  /** Applies a patch and trains again from epoch 0, playing (the coach's and a challenge's one click). */
  restartWith(patch) {
    this.state = this.#editor.reconciled(this.#editor.candidate(this.state, patch));
    this.#render();
    this.#onState(this.state);
    this.#restart();
    this.#setPlaying(true);
  }

  /**
   * A challenge chosen in the menu: the state its short link opens (as following the link would).
   * A choice always starts the challenge at epoch 0, even when the experiment was already its setup.
   */
  #openChallenge(id) {
    const effect = this.update(challengeState(id, this.state));
    if (effect !== 'data' && effect !== 'train') this.#restart();
  }

  /** Each model's epoch, updates, status and latest metrics ({ train, val, test }: loss and accuracy). */
  metrics() {
    return this.#frames.metrics();
  }

  /** The specs the models train now: { a, b }. */
  specs() {
    return specsOf(this.state);
  }

  // ---- state changes --------------------------------------------------------------------------

  /**
   * An edit from the controls. The engine decides what it builds: when it refuses the models an
   * edit asks for (past a cap or the work limit: a SpecError, which names the limit), the edit is
   * not kept: a notice gives the engine's reason, and the values before it come back (#refused).
   */
  #edit(patch) {
    const playing = this.#run.playing;
    const before = this.state;
    const effect = this.update(patch);
    this.#editor.edited(before, this.state, effect, playing);
  }

  /** Applies a patch of state fields and everything that follows from it; returns the change's effect (state.js). */
  update(patch) {
    const state = this.state;
    const candidate = this.#editor.candidate(this.state, patch);
    if (!this.#rules) {  // not started yet: start() applies the engine's rules and trains
      this.state = candidate;
      return;
    }
    const next = this.#editor.reconciled(candidate);
    const keys = changedKeys(state, next);
    if (keys.length === 0) return;
    this.state = next;
    if (keys.includes('lang')) this.#relabel();
    this.#render();
    this.#onState(next);
    const effect = strongestEffect(keys);
    if (effect === 'data' || effect === 'train') {
      this.#restart();
      // the settings that restart, not what only changes the view (a challenge's keys, the language, ...)
      this.notify(this.t('resetBy', { what: resetWhat(keys.filter((k) => FIELD[k]?.effect !== 'view'), (k) => this.#editor.labelOf(k), this.t) }));
    } else if (effect === 'lr') {
      this.#run.set({ lr: next.lr });
      this.notify(this.t('lrChanged', { lr: next.lr }));
    }
    if (keys.includes('autoplay') && next.autoplay !== this.#run.playing) this.#setPlaying(next.autoplay);
    this.#run.set({ speed: next.speed, limit: next.limit });
    return effect;
  }

  /** Everything in the new language. */
  #relabel() {
    this.t.use(this.state.lang);
    this.#host.lang = this.t.lang;
    applyStrings(this.#root, this.t);
    for (const panel of Object.values(this.#panels)) panel.relabel();
    this.#readout.clear();
    this.#challenge.relabel();
    this.#coach.relabel();
  }

  #render() {
    const { state, t } = this;
    const context = this.#context;
    context.classes = context.data?.classes ?? this.#editor.classesOf(state) ?? 2;
    context.rules = this.#rules;
    context.regression = taskOf(state, this.#rules) === 'regression';
    context.losses = this.#rules.lossesOf(taskOf(state, this.#rules));
    this.#challenge.unlockControls();
    this.#controls.render(state, context);
    this.#challenge.render(state, context.regression ? 'regression' : 'classification');
    for (const name of PANELS) {
      this.#panels[name].describe({ hidden: state[`${name}.hidden`], activation: state[`${name}.activation`],
        outputs: this.#rules.outputs(state.loss, context.classes), features: featureCount(state, name, context.features),
        regression: context.regression });
      this.#panels[name].plot.setShow(state.data === 'draw' ? 'train' : state.show);
      this.#panels[name].plot.setOptions({ showTest: state.showTest && state.data !== 'draw', discretize: state.discretize });
    }
    showLegend(this.#root, t, context);
    this.$('#spec').textContent = JSON.stringify(specsOf(state), null, 1);
    showParts(this.#root, state);
    this.#lessons.show(state.lesson, state.autoplay, state.lessonState);
    this.#challengeMenu.show(state.challenge);
    this.#takeHome.render();
    this.#frames.showStatus();
  }

  /** While a lesson shows a view of its own, the playground's training controls and panels hide and its training pauses. */
  #hideForLesson(hidden) {
    this.#hiddenByLesson = hidden;
    for (const el of this.#root.querySelectorAll('#play, #step, #reset, #status, [data-group="toolbar"], #banner, .layout')) el.classList.toggle('lesson-hidden', hidden);
    if (hidden && this.#run.playing) {
      this.#resumeAfterLesson = true;
      this.#setPlaying(false);
    } else if (!hidden && this.#resumeAfterLesson) {
      this.#resumeAfterLesson = false;
      this.#setPlaying(true);
    }
  }

  /**
   * New trainers from the current state: both panels back to epoch 0, with a flash if `visibly`.
   * Imported or drawn data under a loss that needs a class count (bce) is first read by the engine
   * (its class count decides whether the loss can stay), so the run never starts on a refusal.
   */
  #restart(visibly = true) {
    if (!this.#rules) return;  // start() trains once the engine has loaded
    this.#editor.forget();
    this.#clearPanels(visibly);
    const key = this.#editor.keyToCheck(this.state);
    if (key === null) return this.#run.reset();
    this.#run.request({ what: 'checkCsv', data: dataSpecOf(this.state) }).then(({ classes }) => {
      this.#editor.learn(key, classes);
      if (this.#editor.dataKey(this.state) !== key) return;  // the data changed meanwhile: that change restarted
      const fixed = this.#editor.reconciled(this.state);
      if (changedKeys(this.state, fixed).length) this.update(fixed);
      else this.#run.reset();
    }, () => this.#run.reset());  // unreadable data: the run reports the engine's error
  }

  /** Both panels back to epoch 0 (with a flash if `visibly`), no banner. */
  #clearPanels(visibly) {
    this.#frames.clear();
    this.#hideBanner();
    this.#coach.reset();
    this.#challenge.restarted();
    for (const panel of Object.values(this.#panels)) panel.reset(visibly);
    // No spec (a drawing with no points yet): the status says so now, not when the worker answers.
    if (!specsOf(this.state).a) this.#context.data = null;
  }

  // ---- what the worker sends ------------------------------------------------------------------

  #showData(data) {
    this.#editor.dataShown(data);
    const context = this.#context;
    context.data = data;
    context.features = data?.features ?? 2;
    for (const panel of Object.values(this.#panels)) {
      panel.showPlane(context.features);
      panel.plot.setData(data?.bounds ? data : null, data?.bounds ?? DRAW_BOUNDS);
    }
    this.#readout.clear();
    this.#render();
    if (!data && this.state.data === 'draw') {
      this.notify(this.t('drawEmpty'));
      this.#host.dataset.ready = 'true';
    }
  }

  #panelTitle(name) {
    return this.t(this.state[`${name}.hidden`].length ? 'mlpTitle' : 'linearTitle');
  }

  /** The title of a panel's model, for the take-home box. */
  panelTitle(name) {
    return this.#panelTitle(name);
  }

  /**
   * The engine's worker died and a new one runs (engine-client.js): the experiment is set up again
   * from the state, at epoch 0, and trains on if it was training, with a notice. After several
   * restarts in a few minutes it waits, paused, under a banner.
   */
  #engineRestarted({ reason, detail, restarts, repeated }) {
    const t = this.t;
    this.#clearPanels(false);
    this.#frames.showStatus();
    if (repeated) this.#showBanner(t('restartRepeated', { n: restarts }));
    else this.notify(t(reason === 'silent' ? 'restartSilent' : 'restartCrash', { s: detail }));
  }

  #showError({ kind, message }) {
    if (kind === 'spec' && this.#editor.refusable) return this.#refused(message);
    this.#showBanner(this.t(kind === 'spec' ? 'specError' : 'engineError', { message: engineMessage(this.t, message) }));
    this.#setPlaying(false);
    this.#host.dataset.ready = 'true';
  }

  /** The engine refused the models of a control's edit: the edit is undone, playing as before. */
  #refused(message) {
    const { playing, undo } = this.#editor.refusable;
    this.notify(this.t('settingRefused', { message: engineMessage(this.t, message) }));
    this.update(undo);  // a restart: were the settings before refused too, the banner says why
    this.#setPlaying(playing);
  }

  // ---- toolbar, banner, notices ---------------------------------------------------------------

  #setPlaying(on) {
    if (!on) for (const panel of Object.values(this.#panels)) panel.stopped();
    this.#run.setPlaying(on);
  }

  #showBanner(text) {
    this.#messages.showBanner(text);
  }

  #hideBanner() {
    this.#messages.hideBanner();
  }

  /** A short message that fades (messages.js). */
  notify(text) {
    this.#messages.notify(text);
  }
}

/** The model's input width: its input features on 2-D data, else the data's features. */
const featureCount = (state, panel, features) => (features === 2 && state.data !== 'csv' ? state[`${panel}.features`].length : features);

// What a playground shows of its training: each frame from the worker on both panels, the
// toolbar's play button and status line, a divergence's banner and coach, and the latest metrics
// (the element's and the postMessage bridge's metrics()). run.js calls draw once per animation
// frame; the readout is refreshed less often, as reading it every frame would be wasted work.
import { divergedMessage } from './engine-messages.js';
import { GRID_SIZE, PANELS } from '../shared/state.js';

const READOUT_REFRESH_MS = 250;

export class FrameView {
  #$;
  #host;
  #run;
  #panels;
  #readout;
  #coach;
  #challenge;
  #messages;
  #t;
  #stateOf;
  #dataOf;
  #panelTitle;
  #latest = {};
  #lastReadout = 0;

  /**
   * $(selector): a lookup under the playground's root; host: gets data-ready and the nnplay-frame
   * event; stateOf(): the playground's state; dataOf(): the data the worker sent last (null before);
   * panelTitle(name): a panel's model, as notices name it.
   */
  constructor({ $, host, run, panels, readout, coach, challenge, messages, t, stateOf, dataOf, panelTitle }) {
    this.#$ = $;
    this.#host = host;
    this.#run = run;
    this.#panels = panels;
    this.#readout = readout;
    this.#coach = coach;
    this.#challenge = challenge;
    this.#messages = messages;
    this.#t = t;
    this.#stateOf = stateOf;
    this.#dataOf = dataOf;
    this.#panelTitle = panelTitle;
  }

  /** Each model's epoch, updates, status and latest metrics ({ train, val, test }: loss and accuracy). */
  metrics() {
    return Object.fromEntries(PANELS.map((name) => {
      const m = this.#latest[name];
      if (!m) return [name, null];
      const { epoch, step, status, message, metrics } = m;
      const splits = metrics ? Object.fromEntries(['train', 'val', 'test'].filter((s) => metrics[s]).map((s) => [s, metrics[s]])) : {};
      return [name, { epoch, step, status, ...(message ? { message } : {}), ...splits }];
    }));
  }

  /** Back to epoch 0: no metrics until the next frame. */
  clear() {
    this.#latest = {};
  }

  /** One frame of both panels (run.js calls this once per frame, at an animation frame). */
  draw(frame) {
    const now = performance.now();
    const models = frame.models.trainers;
    for (const name of PANELS) {
      const model = models[name];
      this.#panels[name].show(model, model.gridSize ?? GRID_SIZE, now);  // a large model's grid is coarser (worker/frame-budget.js)
      this.#latest[name] = { ...model, metrics: model.metrics ?? this.#latest[name]?.metrics };
    }
    if (!this.#run.playing) for (const panel of Object.values(this.#panels)) panel.stopped();
    this.#coach.observe(models);
    this.#showDivergence(models);
    this.#challenge.observe(models, this.#stateOf());
    if (now - this.#lastReadout > READOUT_REFRESH_MS) {
      this.#lastReadout = now;
      this.#readout.refresh();
    }
    this.#host.dataset.ready = 'true';
    this.#host.dispatchEvent(new CustomEvent('nnplay-frame', { detail: { epoch: Math.max(...PANELS.map((n) => models[n].epoch)) } }));
  }

  #showDivergence(models) {
    const diverged = PANELS.filter((name) => models[name].status === 'diverged');
    if (diverged.length === 0) return;
    const t = this.#t;
    const text = diverged.map((name) => t('diverged', { model: this.#panelTitle(name), message: divergedMessage(t, models[name].message, models[name].epoch) })).join(' ');
    this.#messages.showBanner(text);  // the coach says what to do
    this.#coach.show(diverged.map((name) => ({ name, epoch: models[name].epoch })), this.#stateOf().lr, this.#challenge.locks('lr'));
  }

  /** The play button and the status line, from the run's activity (or the data not there yet). */
  showStatus() {
    const t = this.#t;
    const playing = this.#run.playing;
    const play = this.#$('#play');
    play.querySelector('.label').dataset.i18n = playing ? 'pause' : 'play';
    play.querySelector('.label').textContent = t(playing ? 'pause' : 'play');
    play.classList.toggle('playing', playing);
    const status = !this.#dataOf() ? (this.#stateOf().data === 'draw' ? 'empty' : 'loading') : this.#run.activity();
    const line = this.#$('#status');
    line.dataset.i18n = `status_${status}`;
    line.textContent = t(`status_${status}`);
    line.dataset.status = status;
  }
}

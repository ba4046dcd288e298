// One run of a lesson with a view: its controls (play or pause, one step, reset, speed, the epoch
// and the status) in the playground's toolbar, its options and its view on the stage below, and
// the frames from the lessons' worker drawn once per animation frame. The lesson stops at its
// last epoch, where its numbers are the tutorial's; Play there watches it again from epoch 0.
// The run's epoch and status are also kept as data-epoch and data-status on `status` (the
// introduction), for whoever reads the page.
import { SPEEDS } from '../state.js';
import { el, setText } from '../views/dom.js';
import { VIEWS } from '../views/index.js';

export class LessonRun {
  #lesson;
  #options;
  #t;
  #client;
  #status;
  #onOptions;
  #parts = {};
  #host;
  #view = null;
  #speed;
  #queue = [];
  #playing = false;
  #loaded = false;    // a frame of this run was drawn
  #finished = false;
  #diverged = false;
  #epoch = 0;
  #closed = false;

  /**
   * lesson: from catalog.js; options: its current options; t: the translator; client: the
   * lessons' EngineClient; controls: the toolbar's element for the run's controls; stage: where the
   * options and the view go; status: the element that gets data-epoch and data-status;
   * onOptions(options): the learner changed an option (kept for when the lesson is shown again).
   */
  constructor({ lesson, options, t, client, controls, stage, status, onOptions }) {
    this.#lesson = lesson;
    this.#options = options;
    this.#t = t;
    this.#client = client;
    this.#status = status;
    this.#onOptions = onOptions;
    this.#speed = lesson.speed;
    controls.replaceChildren(...this.#buildControls());
    this.#host = el('div', { className: `lesson-view view-${lesson.view}` });
    stage.append(...[this.#buildOptions(), this.#host].filter(Boolean));
  }

  #buildControls() {
    const t = this.#t;
    const button = (name, className) => {
      const icon = el('span', { className: 'icon' });
      icon.setAttribute('aria-hidden', 'true');
      return el('button', { type: 'button', className }, icon, el('span', { className: 'label' }, t(name)));
    };
    const play = button('play', 'primary lesson-play');
    const step = button('step', 'lesson-step');
    step.title = t('stepHint');
    const reset = button('reset', 'lesson-reset');
    const speed = el('select', { className: 'lesson-speed' },
      ...SPEEDS.map((n) => el('option', { value: String(n) }, t(n === 1 ? 'speedOption' : 'speedOptions', { n }))));
    speed.value = String(this.#speed);
    speed.setAttribute('aria-label', t('speed'));
    play.addEventListener('click', () => this.#togglePlay());
    step.addEventListener('click', () => this.#step());
    reset.addEventListener('click', () => this.start(this.#playing));
    speed.addEventListener('change', () => {
      this.#speed = Number(speed.value);
      this.#client.set({ speed: this.#speed });
    });
    this.#parts = { play, epoch: el('p', { className: 'lesson-epoch' }), status: el('p', { className: 'lesson-status status' }) };
    return [play, step, reset, el('label', { className: 'lesson-speed-label' }, el('span', {}, t('speed')), speed),
      this.#parts.epoch, this.#parts.status];
  }

  /** The lesson's own settings (wine: standardization and seed); a change starts the lesson again. */
  #buildOptions() {
    const lesson = this.#lesson;
    if (!lesson.options) return null;
    const set = (name, value) => {
      this.#options = { ...this.#options, [name]: value };
      this.#onOptions(this.#options);
      this.start(true);
    };
    const controls = Object.entries(lesson.options).map(([name, fallback]) => {
      const text = el('span', {}, this.#t(`lesson.${lesson.id}.${name}`));
      if (typeof fallback === 'boolean') {
        const input = el('input', { type: 'checkbox', checked: this.#options[name] });
        input.dataset.option = name;
        input.addEventListener('change', () => set(name, input.checked));
        return el('label', { className: 'lesson-option check' }, input, text);
      }
      const input = el('input', { type: 'number', min: 0, max: 4294967295, step: 1, value: String(this.#options[name]), inputMode: 'numeric' });
      input.dataset.option = name;
      input.addEventListener('change', () => {
        const value = Number(input.value);
        if (Number.isInteger(value) && value >= 0 && value <= 4294967295) set(name, value);
        else input.value = String(this.#options[name]);
      });
      return el('label', { className: 'lesson-option' }, text, input);
    });
    return el('div', { className: 'lesson-options' }, ...controls);
  }

  /** (Re)starts the lesson from epoch 0 with a new view, playing when `play`. */
  start(play) {
    const lesson = this.#lesson;
    this.#view?.destroy();
    this.#dropQueue();
    this.#epoch = 0;
    this.#loaded = false;
    this.#finished = false;
    this.#diverged = false;
    this.#view = new VIEWS[lesson.view](this.#host, { t: this.#t, lesson, options: this.#options });
    this.#client.configureLesson(lesson.plan(this.#options));
    this.#client.set({ speed: this.#speed, limit: lesson.epochs });
    this.#setPlaying(play);
  }

  /** The worker died and a new one runs: the lesson again from epoch 0, playing if it was (unless `repeated`). */
  restarted(repeated) {
    this.start(this.#playing && !repeated);
  }

  /** Stops: the worker lets the trainers go, the view goes. */
  close() {
    this.#closed = true;
    this.#dropQueue();
    this.#view?.destroy();
    this.#view = null;
    this.#client.pause();
    this.#client.configure(null);
  }

  /** The dataset of the run (from the worker, before its first frame). */
  data(data) {
    this.#view?.data(data);
  }

  /** A frame from the worker: drawn at the next animation frame, then acknowledged. */
  queue(frame) {
    this.#queue.push(frame);
    if (this.#queue.length === 1) requestAnimationFrame(() => this.#draw());
    return true;
  }

  error({ kind, message }) {
    this.#setPlaying(false);
    this.#host.prepend(el('p', { className: 'lesson-error', role: 'alert' }, this.#t(kind === 'spec' ? 'specError' : 'engineError', { message })));
  }

  /** Acknowledges the frames not drawn (they show trainers being replaced), so the worker is not kept waiting. */
  #dropQueue() {
    for (const frame of this.#queue) this.#client.done(frame);
    this.#queue = [];
  }

  #draw() {
    const frames = this.#queue;
    this.#queue = [];
    if (this.#closed) return frames.forEach((f) => this.#client.done(f));
    for (const frame of frames) {
      const trainers = Object.values(frame.models.trainers);
      this.#epoch = Math.max(...trainers.map((m) => m.epoch));
      this.#view.frame(frame.models);
      if (frame.atLimit) {
        this.#playing = false;
        this.#finished = true;
      }
      this.#loaded = true;
      this.#diverged = trainers.every((m) => m.status === 'diverged');
      this.#client.done(frame);
    }
    this.#showStatus();
  }

  #setPlaying(on) {
    this.#playing = on;
    if (on) this.#client.play();
    else this.#client.pause();
    this.#showStatus();
  }

  #togglePlay() {
    if (!this.#playing && this.#finished) this.start(true);  // at the end, Play watches it again
    else this.#setPlaying(!this.#playing);
  }

  #step() {
    if (this.#epoch >= this.#lesson.epochs) return;  // the lesson's numbers are those at its last epoch
    this.#setPlaying(false);
    this.#client.step(1);
  }

  #showStatus() {
    if (this.#closed) return;
    const t = this.#t;
    const { play, epoch, status } = this.#parts;
    setText(play.querySelector('.label'), t(this.#playing ? 'pause' : 'play'));
    play.classList.toggle('playing', this.#playing);
    const now = !this.#loaded ? 'loading' : this.#diverged ? 'diverged' : this.#finished ? 'finished' : this.#playing ? 'training' : 'paused';
    setText(status, t(`status_${now}`));
    status.dataset.status = now;
    setText(epoch, t('lesson.epochOf', { epoch: this.#epoch, limit: this.#lesson.epochs }));
    this.#status.dataset.epoch = String(this.#epoch);
    this.#status.dataset.status = now;
  }
}

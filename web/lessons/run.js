// One run of a lesson with a view: its controls (play or pause, one step, reset, speed, the epoch
// and the status) in the playground's toolbar, its options and its view on the stage below. It
// runs on a Run (page/run.js: frames, acks, play/pause/step/reset, status, restarts) on the
// page's one engine worker, channel 'lesson'. The lesson stops at its last epoch, where its
// numbers are the tutorial's; Play there watches it again from epoch 0.
// The run's epoch and status are also kept as data-epoch and data-status on `status` (the
// introduction), for whoever reads the page.
import { ALL_SPEEDS, FIELD, parseValue, speedLabel } from '../shared/state.js';
import { Run } from '../page/run.js';
import { el, setText } from '../page/dom.js';
import { engineMessage } from '../page/engine-messages.js';
import { VIEWS } from '../views/index.js';

export class LessonRun {
  #lesson;
  #options;
  #t;
  #run;
  #status;
  #onChange;
  #notify;
  #parts = {};
  #host;
  #view = null;
  #speed;
  #epoch = 0;

  /**
   * lesson: from catalog.js; state: its own state now, { ...options, speed } (link.js's
   * lessonStateOf); t: the translator; client: the page's EngineClient; controls: the toolbar's
   * element for the run's controls; stage: where the options and the view go; status: the element
   * that gets data-epoch and data-status; onChange(state): the learner changed an option or the
   * speed (the link keeps it); onRestart(why): the worker restarted (the run has set itself up
   * again, at epoch 0); notify(text): a notice (a typed value refused).
   */
  constructor({ lesson, state, t, client, controls, stage, status, onChange, onRestart, notify }) {
    this.#lesson = lesson;
    const { speed, ...options } = state;
    this.#options = options;
    this.#t = t;
    this.#run = new Run(client, 'lesson', {
      plan: () => lesson.plan(this.#options),
      settings: () => ({ speed: this.#speed, limit: lesson.epochs }),
      onData: (data) => this.#view?.data(data),
      draw: (frame) => this.#draw(frame),
      onStatus: () => this.#showStatus(),
      onError: (error) => this.#showError(error),
      onRestart: (why) => {
        this.#newView();
        this.#showStatus();
        onRestart(why);
      },
    });
    this.#status = status;
    this.#onChange = onChange;
    this.#notify = notify;
    this.#speed = speed;
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
      ...ALL_SPEEDS.map((n) => el('option', { value: String(n) }, t(...speedLabel(n)))));
    speed.value = String(this.#speed);
    speed.setAttribute('aria-label', t('speed'));
    play.addEventListener('click', () => this.#togglePlay());
    step.addEventListener('click', () => this.#step());
    // Stopped at its last epoch, Reset plays again, as a reset does on the playground (page/run.js).
    reset.addEventListener('click', () => this.start(this.#run.playing || this.#run.finished));
    speed.addEventListener('change', () => {
      this.#speed = parseValue(FIELD.speed, speed.value) ?? this.#speed;
      this.#run.set({ speed: this.#speed });
      this.#changed();
    });
    this.#parts = { play, epoch: el('p', { className: 'lesson-epoch' }), status: el('p', { className: 'lesson-status status' }) };
    return [play, step, reset, el('label', { className: 'lesson-speed-label' }, el('span', {}, t('speed')), speed),
      this.#parts.epoch, this.#parts.status];
  }

  /** The lesson's state, for the link. */
  #changed() {
    this.#onChange({ ...this.#options, speed: this.#speed });
  }

  /**
   * The lesson's own settings (wine: standardization and seed; the batch sizes; the race's learning
   * rates), each within its range (catalog.js); a change starts the lesson again.
   */
  #buildOptions() {
    const lesson = this.#lesson;
    if (!lesson.options) return null;
    const set = (name, value) => {
      this.#options = { ...this.#options, [name]: value };
      this.#changed();
      this.start(true);
    };
    const controls = Object.entries(lesson.options).map(([name, option]) => {
      const label = option.label ? option.label(this.#t) : this.#t(`lesson.${lesson.id}.${name}`);
      const text = el('span', {}, label);
      if (option.type === 'bool') {
        const input = el('input', { type: 'checkbox', checked: this.#options[name] });
        input.dataset.option = name;
        input.addEventListener('change', () => set(name, input.checked));
        return el('label', { className: 'lesson-option check' }, input, text);
      }
      const { min, max, step } = option;
      const input = el('input', { type: 'number', min, max, step, value: String(this.#options[name]), inputMode: option.type === 'int' ? 'numeric' : 'decimal' });
      input.dataset.option = name;
      input.title = this.#t('lesson.optionRange', { min, max });
      input.addEventListener('change', () => {
        const value = parseValue(option, input.value.trim());
        if (value !== undefined) return set(name, value);
        this.#notify(this.#t('lesson.optionRefused', { value: input.value, label, min, max, kept: this.#options[name] }));
        input.value = String(this.#options[name]);
        return undefined;
      });
      return el('label', { className: 'lesson-option' }, text, input);
    });
    return el('div', { className: 'lesson-options' }, ...controls);
  }

  /** (Re)starts the lesson from epoch 0 with a new view, playing when `play`. */
  start(play) {
    this.#newView();
    this.#run.reset();
    this.#run.setPlaying(play);
  }

  /** A fresh view at epoch 0 (the run is reset with it). */
  #newView() {
    this.#view?.destroy();
    this.#epoch = 0;
    this.#view = new VIEWS[this.#lesson.view](this.#host, { t: this.#t, lesson: this.#lesson, options: this.#options,
      request: (question) => this.#run.request(question), pause: () => this.#run.setPlaying(false) });
  }

  /** Stops: the worker lets the trainers go, the view goes. */
  close() {
    this.#run.close();
    this.#view?.destroy();
    this.#view = null;
  }

  #showError({ kind, message }) {
    this.#host.prepend(el('p', { className: 'lesson-error', role: 'alert' }, this.#t(kind === 'spec' ? 'specError' : 'engineError', { message: engineMessage(this.#t, message) })));
  }

  #draw(frame) {
    this.#epoch = Math.max(...Object.values(frame.models.trainers).map((m) => m.epoch));
    this.#view.frame(frame.models);
  }

  #togglePlay() {
    const run = this.#run;
    if (!run.playing && run.finished) this.start(true);  // at the end, Play watches it again
    else run.setPlaying(!run.playing);
  }

  #step() {
    if (this.#epoch >= this.#lesson.epochs) return;  // the lesson's numbers are those at its last epoch
    this.#run.step(1);
  }

  #showStatus() {
    const run = this.#run;
    if (run.closed) return;
    const t = this.#t;
    const { play, epoch, status } = this.#parts;
    setText(play.querySelector('.label'), t(run.playing ? 'pause' : 'play'));
    play.classList.toggle('playing', run.playing);
    const now = run.status();
    setText(status, t(`status_${now}`));
    status.dataset.status = now;
    setText(epoch, t('lesson.epochOf', { epoch: this.#epoch, limit: this.#lesson.epochs }));
    this.#status.dataset.epoch = String(this.#epoch);
    this.#status.dataset.status = now;
  }
}

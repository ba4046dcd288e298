// The lessons on a playground: the menu, the open lesson's box (title, what to look at, why, its
// own toolbar and options) and its view. A lesson with a view trains in a worker of its own
// (engine-client.js + web/lessons/group.js) and hides the playground's toolbar and panels; the
// closing lesson is the playground itself, with its text above it. The state's `lesson` field
// says which lesson is open: the playground calls show(id) whenever its state changes.
import { EngineClient } from '../engine-client.js';
import { SPEEDS } from '../state.js';
import { registerStrings } from '../strings.js';
import { el, setText } from '../views/dom.js';
import { VIEWS } from '../views/index.js';
import { LESSON, LESSONS, optionsOf } from './catalog.js';
import { en, ko } from './texts.js';

registerStrings({ en, ko });

const title = (t, lesson) => t(`lesson.${lesson.id}.title`);

export class Lessons {
  #t;
  #notify;
  #onSelect;
  #linkOf;
  #onPlayground;
  #menu;
  #box;
  #client = null;
  #lesson = null;
  #options = {};
  #view = null;
  #lang = '';
  #viewHost = null;
  #buttons = {};
  #speed = null;     // epochs per frame, once the learner picked one
  #playing = false;
  #loaded = false;   // a frame of this run was drawn
  #finished = false;
  #diverged = false;
  #epoch = 0;
  #queue = [];
  #autoplay = true;
  #shownId = '';

  /**
   * before: the element the menu and the lesson box go before (the playground's toolbar).
   * t: the playground's translator; notify(text) shows a notice. onSelect(id): a menu choice ('' for the playground).
   * linkOf(id): the link that opens lesson id. onPlayground(hidden): the playground must hide
   * (true, a lesson with a view is open) or may show again (false).
   */
  constructor({ before, t, notify, onSelect, linkOf, onPlayground }) {
    this.#t = t;
    this.#notify = notify;
    this.#onSelect = onSelect;
    this.#linkOf = linkOf;
    this.#onPlayground = onPlayground;
    this.#menu = el('nav', { className: 'lessons-menu' });
    this.#box = el('section', { className: 'lesson', hidden: true });
    before.before(this.#menu, this.#box);
    this.#renderMenu();
  }

  /**
   * Shows lesson `id` ('' for none; an unknown id shows none, with a notice), in the translator's
   * language: nothing happens unless the lesson or the language changed. A lesson with a view
   * starts playing when `autoplay`.
   */
  show(id, autoplay = true) {
    const lesson = LESSON[id] ?? null;
    const relabel = this.#t.lang !== this.#lang;
    if (lesson === this.#lesson && !relabel && (lesson || id === this.#shownId)) return;
    if (!lesson && id !== '' && id !== this.#shownId) this.#notify(this.#t('lesson.unknown', { id }));
    this.#shownId = id;
    const reopen = lesson !== this.#lesson;
    this.#lang = this.#t.lang;
    this.#autoplay = autoplay;
    this.#close();
    this.#lesson = lesson;
    if (reopen) this.#options = lesson ? optionsOf(lesson) : {};
    this.#renderMenu();
    if (lesson) this.#open(lesson);
    else this.#box.hidden = true;
    this.#onPlayground(Boolean(lesson?.view));
  }

  /** Stops the lessons' worker for good (the playground is closing). */
  close() {
    this.#close();
    this.#client?.terminate();
    this.#client = null;
  }

  /** The open lesson's id, or ''. */
  get current() {
    return this.#lesson?.id ?? '';
  }

  // ---- the menu and the box -------------------------------------------------------------------

  #renderMenu() {
    const t = this.#t;
    this.#menu.setAttribute('aria-label', t('lesson.menuLabel'));
    const link = (id, text, number) => {
      const a = el('a', { href: this.#linkOf(id), className: 'lesson-link' }, number ? el('span', { className: 'lesson-n' }, String(number)) : null, text);
      a.dataset.lesson = id;
      if ((this.#lesson?.id ?? '') === id) a.setAttribute('aria-current', 'page');
      a.addEventListener('click', (event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;  // a new tab: follow the link
        event.preventDefault();
        this.#onSelect(id);
      });
      return el('li', {}, a);
    };
    this.#menu.replaceChildren(el('span', { className: 'lessons-title' }, t('lesson.menu')),
      el('ol', {}, ...LESSONS.map((lesson, i) => link(lesson.id, t(`lesson.${lesson.id}.short`), i + 1)), link('', t('lesson.playground'))));
  }

  #open(lesson) {
    const t = this.#t;
    const number = LESSONS.indexOf(lesson) + 1;
    const box = this.#box;
    box.hidden = false;
    box.dataset.lesson = lesson.id;
    box.classList.toggle('with-view', Boolean(lesson.view));
    const heading = el('h2', {}, title(t, lesson));
    const text = el('div', { className: 'lesson-text' },
      el('div', {}, el('h3', {}, t('lesson.lookTitle')), el('p', { className: 'lesson-look' }, t(`lesson.${lesson.id}.look`))),
      el('div', {}, el('h3', {}, t('lesson.whyTitle')), el('p', { className: 'lesson-why' }, t(`lesson.${lesson.id}.why`))));
    const head = el('header', { className: 'lesson-head' }, el('p', { className: 'lesson-number' }, t('lesson.number', { n: number })), heading);
    const parts = [head, text];
    if (lesson.view) parts.push(this.#toolbar(), this.#viewHost = el('div', { className: `lesson-view view-${lesson.view}` }));
    const next = LESSONS[number];
    if (next) {
      const a = el('a', { href: this.#linkOf(next.id), className: 'lesson-next' }, t('lesson.next', { title: title(t, next) }));
      a.addEventListener('click', (event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        this.#onSelect(next.id);
      });
      parts.push(el('p', { className: 'lesson-foot' }, a));
    }
    box.replaceChildren(...parts);
    if (lesson.view) this.#start(this.#autoplay);
  }

  #toolbar() {
    const t = this.#t;
    const button = (name, className) => {
      const icon = el('span', { className: 'icon' });
      icon.setAttribute('aria-hidden', 'true');
      const b = el('button', { type: 'button', className }, icon, el('span', { className: 'label' }, t(name)));
      b.dataset.action = name;
      return b;
    };
    const play = button('play', 'primary lesson-play');
    const step = button('step', 'lesson-step');
    step.title = t('stepHint');
    const reset = button('reset', 'lesson-reset');
    const speed = el('select', { className: 'lesson-speed' },
      ...SPEEDS.map((n) => el('option', { value: String(n) }, t(n === 1 ? 'speedOption' : 'speedOptions', { n }))));
    speed.value = String(this.#speed ?? this.#lesson.speed);
    speed.setAttribute('aria-label', t('speed'));
    const epoch = el('p', { className: 'lesson-epoch' });
    const status = el('p', { className: 'lesson-status status' });
    play.addEventListener('click', () => this.#togglePlay());
    step.addEventListener('click', () => this.#step());
    reset.addEventListener('click', () => this.#start(this.#playing));
    speed.addEventListener('change', () => {
      this.#speed = Number(speed.value);
      this.#client.set({ speed: this.#speed });
    });
    this.#buttons = { play, epoch, status };
    const options = this.#optionControls();
    const bar = el('div', { className: 'lesson-toolbar' },
      play, step, reset, el('label', { className: 'lesson-speed-label' }, el('span', {}, t('speed')), speed), epoch, status, options);
    bar.setAttribute('role', 'toolbar');
    bar.setAttribute('aria-label', t('toolbar'));
    return bar;
  }

  /** The lesson's own settings (wine: standardization and seed); a change starts the lesson again. */
  #optionControls() {
    const t = this.#t;
    const lesson = this.#lesson;
    if (!lesson.options) return null;
    const controls = Object.entries(lesson.options).map(([name, fallback]) => {
      const key = `lesson.${lesson.id}.${name}`;
      if (typeof fallback === 'boolean') {
        const input = el('input', { type: 'checkbox', checked: this.#options[name] });
        input.dataset.option = name;
        input.addEventListener('change', () => this.#setOption(name, input.checked));
        return el('label', { className: 'lesson-option check' }, input, el('span', {}, t(key)));
      }
      const input = el('input', { type: 'number', min: 0, max: 4294967295, step: 1, value: String(this.#options[name]), inputMode: 'numeric' });
      input.dataset.option = name;
      input.addEventListener('change', () => {
        const value = Number(input.value);
        if (Number.isInteger(value) && value >= 0 && value <= 4294967295) this.#setOption(name, value);
        else input.value = String(this.#options[name]);
      });
      return el('label', { className: 'lesson-option' }, el('span', {}, t(key)), input);
    });
    return el('div', { className: 'lesson-options' }, ...controls);
  }

  #setOption(name, value) {
    this.#options = { ...this.#options, [name]: value };
    this.#start(true);
  }

  // ---- training -------------------------------------------------------------------------------

  /** (Re)starts the open lesson from epoch 0, playing unless `play` is false. */
  #start(play = true) {
    const lesson = this.#lesson;
    this.#client ??= new EngineClient({ onData: (d) => this.#view?.data(d), onFrame: (f) => this.#queueFrame(f),
      onError: (e) => this.#showError(e) });
    this.#view?.destroy();
    this.#queue = [];
    this.#epoch = 0;
    this.#loaded = false;
    this.#finished = false;
    this.#diverged = false;
    const View = VIEWS[lesson.view];
    this.#view = new View(this.#viewHost, { t: this.#t, lesson, options: this.#options });
    this.#client.configureLesson(lesson.plan(this.#options));
    this.#client.set({ speed: this.#speed ?? lesson.speed, limit: lesson.epochs });
    this.#setPlaying(play);
  }

  #close() {
    this.#view?.destroy();
    this.#view = null;
    this.#viewHost = null;
    if (this.#client) {
      this.#client.pause();
      this.#client.configure(null);
    }
    this.#playing = false;
  }

  #setPlaying(on) {
    this.#playing = on;
    if (on) this.#client.play();
    else this.#client.pause();
    this.#showStatus();
  }

  #togglePlay() {
    if (!this.#playing && this.#finished) this.#start(true);  // at the end, Play watches it again
    else this.#setPlaying(!this.#playing);
  }

  #step() {
    if (this.#epoch >= this.#lesson.epochs) return;  // the lesson's numbers are those at its last epoch
    this.#setPlaying(false);
    this.#client.step(1);
  }

  #queueFrame(frame) {
    this.#queue.push(frame);
    if (this.#queue.length === 1) requestAnimationFrame(() => this.#drawFrames());
  }

  #drawFrames() {
    const frames = this.#queue;
    this.#queue = [];
    for (const frame of frames) {
      const trainers = Object.values(frame.models.trainers);
      this.#epoch = Math.max(...trainers.map((m) => m.epoch));
      this.#view?.frame(frame.models);
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

  #showStatus() {
    const { play, epoch, status } = this.#buttons;
    if (!play?.isConnected) return;
    const t = this.#t;
    setText(play.querySelector('.label'), t(this.#playing ? 'pause' : 'play'));
    play.classList.toggle('playing', this.#playing);
    const now = !this.#loaded ? 'loading' : this.#diverged ? 'diverged' : this.#finished ? 'finished' : this.#playing ? 'training' : 'paused';
    setText(status, t(`status_${now}`));
    status.dataset.status = now;
    setText(epoch, t('lesson.epochOf', { epoch: this.#epoch, limit: this.#lesson.epochs }));
    this.#box.dataset.epoch = String(this.#epoch);
    this.#box.dataset.status = now;
  }

  #showError({ kind, message }) {
    this.#setPlaying(false);
    const line = el('p', { className: 'lesson-error', role: 'alert' }, this.#t(kind === 'spec' ? 'specError' : 'engineError', { message }));
    this.#viewHost?.prepend(line);
  }
}

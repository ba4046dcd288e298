// The lessons on a playground: the menu, the open lesson's introduction (title, what to look at,
// why it happens) and, for a lesson with a view of its own, its run (run.js: the controls in the
// playground's toolbar, the options and the view below it). While such a lesson is open the
// playground's own controls and panels hide and its training pauses; the closing lesson is the
// playground itself, with its text above it. The state's `lesson` field says which lesson is
// open and its `lessonState` the lesson's own settings (link.js): the playground calls
// show(id, autoplay, lessonState) whenever its state changes.
import { el } from '../page/dom.js';
import { LESSON, LESSONS } from './catalog.js';
import { lessonStateOf } from './link.js';
import { LessonRun } from './run.js';
import { lessonTextNote, lessonTextParams } from './text-params.js';

const title = (t, lesson) => t(`lesson.${lesson.id}.title`);

/** A link that the page follows itself (onSelect), unless the learner asked for a new tab or window. */
function lessonLink(href, className, onSelect, ...children) {
  const a = el('a', { href, className }, ...children);
  a.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onSelect();
  });
  return a;
}

export class Lessons {
  #t;
  #notify;
  #onSelect;
  #linkOf;
  #onPlayground;
  #onLessonState;
  #menu;
  #intro;
  #stage;
  #controls;
  #client;
  #run = null;
  #lesson = null;
  #shownId = '';
  #lang = '';
  #given = '';   // the open lesson's own state, as JSON: a state given again is no change
  #texts = null;  // the open lesson's "look" and "why" paragraphs: they quote its settings

  /**
   * toolbar: the playground's toolbar (the menu and the introduction go before it, the lesson's
   * controls into it, its view after it). client: the playground's EngineClient (the lessons run
   * on its worker, channel 'lesson'). t: the playground's translator; notify(text) shows a
   * notice. onSelect(id): a menu choice ('' for the playground); linkOf(id): the link that opens
   * lesson id. onPlayground(hidden): the playground must hide (a lesson with a view is open) or
   * may show again. onLessonState(state): the learner changed the open lesson's own settings.
   */
  constructor({ toolbar, client, t, notify, onSelect, linkOf, onPlayground, onLessonState }) {
    this.#client = client;
    this.#t = t;
    this.#notify = notify;
    this.#onSelect = onSelect;
    this.#linkOf = linkOf;
    this.#onPlayground = onPlayground;
    this.#onLessonState = onLessonState;
    this.#menu = el('nav', { className: 'lessons-menu' });
    this.#intro = el('section', { className: 'lesson', hidden: true });
    this.#controls = el('div', { className: 'lesson-controls lesson-hidden' });
    this.#controls.dataset.controls = 'toolbar';  // shown and hidden with the playground's toolbar controls
    this.#stage = el('div', { className: 'lesson-stage', hidden: true });
    toolbar.before(this.#menu, this.#intro);
    const share = toolbar.querySelector('[data-group="share"]');
    if (share) share.before(this.#controls);
    else toolbar.append(this.#controls);
    toolbar.after(this.#stage);
    this.#renderMenu();
  }

  /**
   * Shows lesson `id` ('' for none; an unknown id shows none, with a notice) in the translator's
   * language, with its own state `given` (a partial one: defaults for the rest). Nothing happens
   * unless the lesson, its state or the language changed. A lesson with a view starts playing when
   * `autoplay`.
   */
  show(id, autoplay = true, given = {}) {
    const lesson = LESSON[id] ?? null;
    const relabel = this.#t.lang !== this.#lang;
    const state = lessonStateOf(lesson, given);
    if (lesson === this.#lesson && id === this.#shownId && !relabel && JSON.stringify(state) === this.#given) return;
    if (!lesson && id !== '' && id !== this.#shownId) this.#notify(this.#t('lesson.unknown', { id }));
    this.#given = JSON.stringify(state);
    this.#shownId = id;
    this.#lang = this.#t.lang;
    this.#lesson = lesson;
    this.#run?.close();
    this.#run = null;
    this.#renderMenu();
    this.#renderIntro();
    this.#showTexts(state);
    const hasView = Boolean(lesson?.view);
    this.#controls.classList.toggle('lesson-hidden', !hasView);
    this.#stage.replaceChildren();
    if (hasView) {
      this.#run = new LessonRun({ lesson, state, t: this.#t, client: this.#client, controls: this.#controls,
        stage: this.#stage, status: this.#intro, onRestart: (why) => this.#engineRestarted(why), notify: this.#notify,
        onChange: (changed) => {
          this.#given = JSON.stringify(lessonStateOf(lesson, changed));  // the run has it already: no new run
          this.#showTexts(changed);
          this.#onLessonState(changed);
        } });
      this.#run.start(autoplay && lesson.autoplay !== false);
    }
    this.#stage.append(...this.#next(lesson));
    this.#stage.hidden = this.#stage.childElementCount === 0;
    this.#onPlayground(hasView);
  }

  /**
   * The worker died and a new one runs: the open lesson started again at epoch 0 (page/run.js).
   * The playground's notice says why; only the banner of repeated restarts, hidden behind the
   * lesson, is said again here as a notice.
   */
  #engineRestarted({ restarts, repeated }) {
    if (repeated) this.#notify(this.#t('restartRepeated', { n: restarts }));
  }

  /** Closes the open lesson's run (the playground is closing and stops the worker). */
  close() {
    this.#run?.close();
    this.#run = null;
  }

  #renderMenu() {
    const t = this.#t;
    this.#menu.setAttribute('aria-label', t('lesson.menuLabel'));
    const item = (id, text, number) => {
      const a = lessonLink(this.#linkOf(id), 'lesson-link', () => this.#onSelect(id),
        number ? el('span', { className: 'lesson-n' }, String(number)) : null, text);
      a.dataset.lesson = id;
      if ((this.#lesson?.id ?? '') === id) a.setAttribute('aria-current', 'page');
      return el('li', {}, a);
    };
    this.#menu.replaceChildren(el('span', { className: 'lessons-title' }, t('lesson.menu')),
      el('ol', {}, ...LESSONS.map((lesson, i) => item(lesson.id, t(`lesson.${lesson.id}.short`), i + 1)), item('', t('lesson.playground'))));
  }

  #renderIntro() {
    const lesson = this.#lesson;
    const intro = this.#intro;
    intro.hidden = !lesson;
    if (!lesson) return;
    const t = this.#t;
    intro.dataset.lesson = lesson.id;
    for (const key of ['epoch', 'status']) delete intro.dataset[key];
    this.#texts = { look: el('p', { className: 'lesson-look' }), why: el('p', { className: 'lesson-why' }) };
    const text = (key, className) => el('div', {}, el('h3', {}, t(key)), this.#texts[className.split('-')[1]]);
    intro.replaceChildren(
      el('header', { className: 'lesson-head' }, el('p', { className: 'lesson-number' }, t('lesson.number', { n: LESSONS.indexOf(lesson) + 1 })),
        el('h2', {}, title(t, lesson))),
      el('div', { className: 'lesson-text' }, text('lesson.lookTitle', 'lesson-look'), text('lesson.whyTitle', 'lesson-why')));
  }

  /** The open lesson's texts, with the numbers of its settings `options` as the learner has them. */
  #showTexts(options) {
    const lesson = this.#lesson;
    if (!lesson) return;
    const t = this.#t;
    const params = lessonTextParams(lesson.id, options, t);
    const note = lessonTextNote(lesson.id, options, t);
    this.#texts.look.textContent = t(`lesson.${lesson.id}.look`, params);
    this.#texts.why.textContent = note ? `${t(`lesson.${lesson.id}.why`, params)} ${note}` : t(`lesson.${lesson.id}.why`, params);
  }

  /** The link to the next lesson, if there is one. */
  #next(lesson) {
    const next = lesson && LESSONS[LESSONS.indexOf(lesson) + 1];
    if (!next) return [];
    return [el('p', { className: 'lesson-foot' }, lessonLink(this.#linkOf(next.id), 'lesson-next', () => this.#onSelect(next.id),
      this.#t('lesson.next', { title: title(this.#t, next) })))];
  }
}

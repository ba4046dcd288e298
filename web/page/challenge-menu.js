// The Challenges menu, beside the lessons menu: the built-in challenges (../shared/challenges.js),
// each with its title and its goal in one line, so a learner finds them without a teacher's link.
// A disclosure button opens the list (Enter, Space or ↓; ↑/↓/Home/End move, Escape closes); a
// choice opens the challenge exactly as its short link #challenge=ID would (challengeState), and
// a challenge reached on this page (an 'nnplay-goal' event with reached) keeps a check mark for the
// page's life. Hidden with the embed's controls group `challenges` (data-controls).
import { CHALLENGES, CHALLENGE } from '../shared/challenges.js';
import { stateFromLink } from '../lessons/link.js';
import { el, setText } from './dom.js';

/** The keys a short challenge link may carry besides the challenge (shared/challenges.js SHORT_KEYS): how to show it. */
const SHOW_KEYS = ['lang', 'speed', 'autoplay', 'panels', 'controls'];

/**
 * The state the short link #challenge=ID opens (lessons/link.js: the defaults and the challenge's
 * setup), shown as `current` is shown (its language, speed, panels, controls, autoplay).
 */
export function challengeState(id, current) {
  const { state } = stateFromLink(`#challenge=${encodeURIComponent(id)}`, { lang: current.lang });
  for (const key of SHOW_KEYS) state[key] = structuredClone(current[key]);
  return state;
}

export class ChallengeMenu {
  #t;
  #onSelect;
  #linkOf;
  #nav;
  #title;
  #button;
  #list;
  #items = new Map();   // id -> { link, title, goal, mark }
  #reached = new Set();  // the built-ins reached on this page
  #current = '';
  #closeOutside = (event) => {  // composedPath: inside <nn-playground>'s shadow root the target is the element
    if (!event.composedPath().includes(this.#nav)) this.#open(false);
  };

  /**
   * after: the element the menu goes after (the lessons menu); host: gets the challenges'
   * 'nnplay-goal' events (challenge-view.js); t: the translator; linkOf(id): the link that opens
   * challenge id; onSelect(id): the learner chose it.
   */
  constructor({ after, host, t, linkOf, onSelect }) {
    this.#t = t;
    this.#onSelect = onSelect;
    this.#linkOf = linkOf;
    this.#title = el('span', { className: 'lessons-title', id: 'challenges-title' });
    this.#button = el('button', { type: 'button', className: 'challenges-menu-button', id: 'challenges-button' },
      el('span', { className: 'challenges-button-text' }), el('span', { className: 'challenges-caret', textContent: '▾' }));
    this.#button.querySelector('.challenges-caret').setAttribute('aria-hidden', 'true');
    this.#list = el('ul', { className: 'challenges-list', id: 'challenges-list', hidden: true });
    this.#button.setAttribute('aria-expanded', 'false');
    this.#button.setAttribute('aria-controls', this.#list.id);
    for (const { id } of CHALLENGES) this.#list.append(this.#item(id));
    this.#nav = el('nav', { className: 'challenges-menu' }, this.#title, el('div', { className: 'challenges-pop' }, this.#button, this.#list));
    this.#nav.dataset.controls = 'challenges';  // shown and hidden with the embed's controls group
    after.after(this.#nav);
    this.#button.addEventListener('click', () => this.#open(this.#list.hidden, true));
    this.#button.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      event.preventDefault();
      this.#open(true, true, event.key === 'ArrowUp' ? -1 : 0);
    });
    this.#list.addEventListener('keydown', (event) => this.#keys(event));
    this.#nav.addEventListener('focusout', (event) => {
      if (!this.#nav.contains(event.relatedTarget)) this.#open(false);
    });
    host.addEventListener('nnplay-goal', (event) => {
      const { id, reached } = event.detail ?? {};
      if (!reached || !CHALLENGE[id] || this.#reached.has(id)) return;
      this.#reached.add(id);
      this.#label();
    });
    this.#label();
  }

  #item(id) {
    const parts = { title: el('span', { className: 'challenge-item-title' }), goal: el('span', { className: 'challenge-item-goal' }),
      mark: el('span', { className: 'challenge-check', textContent: '✓' }) };
    parts.mark.setAttribute('aria-hidden', 'true');  // the link's label says "reached" in words
    parts.link = el('a', { className: 'challenge-item' }, parts.mark, el('span', { className: 'challenge-item-text' }, parts.title, parts.goal));
    parts.link.dataset.challenge = id;
    parts.link.addEventListener('click', (event) => {
      // a new tab or window when the learner asks for one; otherwise the page opens it itself
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      this.#open(false);
      this.#button.focus();
      this.#onSelect(id);
    });
    this.#items.set(id, parts);
    return el('li', {}, parts.link);
  }

  /** Opens (focusing item `focus` when asked: 0 the first, -1 the last) or closes the list. */
  #open(open, focus = false, index = 0) {
    const doc = this.#nav.ownerDocument;
    if (open === !this.#list.hidden) {
      if (open && focus) this.#focus(index);
      return;
    }
    this.#list.hidden = !open;
    this.#button.setAttribute('aria-expanded', String(open));
    if (open) {
      doc.addEventListener('pointerdown', this.#closeOutside);
      if (focus) this.#focus(index);
    } else {
      doc.removeEventListener('pointerdown', this.#closeOutside);
    }
  }

  #focus(index) {
    const links = [...this.#items.values()].map((p) => p.link);
    links.at(index % links.length)?.focus();
  }

  #keys(event) {
    const links = [...this.#items.values()].map((p) => p.link);
    const at = links.indexOf(event.target.closest('a'));
    const to = { ArrowDown: at + 1, ArrowUp: at - 1 + links.length, Home: 0, End: links.length - 1 }[event.key];
    if (event.key === 'Escape') {
      event.preventDefault();
      this.#open(false);
      this.#button.focus();
    } else if (to !== undefined) {
      event.preventDefault();
      links[to % links.length].focus();
    }
  }

  /**
   * After each change of the page's state: marks its open challenge (state.challenge: a built-in's
   * id, '' or a teacher's own), and the texts and links follow its language and how it shows.
   */
  show(challenge) {
    this.#current = challenge;
    this.#label();
  }

  #label() {
    const t = this.#t;
    this.#nav.setAttribute('aria-label', t('teach.menuLabel'));
    setText(this.#title, t('teach.menu'));
    setText(this.#button.firstChild, t('teach.menuButton', { n: this.#reached.size, total: CHALLENGES.length }));
    for (const [id, parts] of this.#items) {
      setText(parts.title, t(`teach.challenge.${id}.title`));
      setText(parts.goal, t(`teach.challenge.${id}.goal`));
      const reached = this.#reached.has(id);
      parts.link.dataset.reached = String(reached);
      const href = this.#linkOf(id);
      if (parts.link.getAttribute('href') !== href) parts.link.setAttribute('href', href);
      parts.link.setAttribute('aria-label', `${parts.title.textContent}${reached ? ` (${t('teach.menuReached')})` : ''}. ${parts.goal.textContent}`);
      if (id === this.#current) parts.link.setAttribute('aria-current', 'page');
      else parts.link.removeAttribute('aria-current');
    }
  }
}

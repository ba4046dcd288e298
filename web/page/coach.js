// The divergence coach: when a model diverges, the banner (messages.js) says why from the loss
// history (../shared/divergence.js: the loss jumped ×k at epoch e, with learning rate η) and
// offers one click, "lower the learning rate ×10 and restart". It watches every frame's records.
import { LossWatch, compactNumber, lowerTenfold } from '../shared/divergence.js';
import { el, setText } from './dom.js';

export class Coach {
  #watch = { a: new LossWatch(), b: new LossWatch() };
  #box;
  #lines;
  #why;
  #button;
  #t;
  #modelName;
  #shown = null;  // what the box says now: { diverged, lr }, to redraw only on a change

  /**
   * container: where the coach's box goes (the banner's text); t: the translator; modelName(panel);
   * onLower(lr): train again from epoch 0 with this learning rate.
   */
  constructor(container, { t, modelName, onLower }) {
    this.#t = t;
    this.#modelName = modelName;
    this.#lines = el('div', { className: 'coach-lines' });
    this.#why = el('p', { className: 'coach-why' });
    this.#button = el('button', { type: 'button', className: 'primary coach-lower', id: 'coach-lower' });
    this.#button.addEventListener('click', () => this.#shown && onLower(lowerTenfold(this.#shown.lr)));
    this.#box = el('div', { className: 'coach', hidden: true }, this.#lines, this.#why, this.#button);
    container.append(this.#box);
  }

  /** A drawn frame's models ({ a, b }: their records since the last frame). */
  observe(models) {
    for (const [name, model] of Object.entries(models)) this.#watch[name]?.add(model.records ?? []);
  }

  /** Training starts again: the histories are forgotten and the box hides. */
  reset() {
    for (const watch of Object.values(this.#watch)) watch.clear();
    this.#shown = null;
    this.#box.hidden = true;
  }

  /**
   * The diverged models ([{ name, epoch }]) under learning rate lr: what happened, and the button
   * (disabled, saying why, when a challenge locks the learning rate: `locked`).
   */
  show(diverged, lr, locked = false) {
    const key = JSON.stringify({ diverged, lr, locked });
    if (this.#shown?.key === key && !this.#box.hidden) return;
    this.#shown = { key, diverged, lr, locked };
    this.#render();
  }

  #render() {
    const t = this.#t;
    const { diverged, lr, locked } = this.#shown;
    this.#lines.replaceChildren(...diverged.map(({ name, epoch }) => {
      const { jump, last } = this.#watch[name].summary();
      const model = this.#modelName(name);
      const text = jump ? t('teach.coachJump', { model, k: compactNumber(jump.k), epoch: jump.epoch, from: compactNumber(jump.from),
        to: compactNumber(jump.to), end: epoch, lr })
        : last ? t('teach.coachSudden', { model, from: compactNumber(last.loss), end: epoch, lr })
          : t('teach.coachFirst', { model, end: epoch, lr });
      const line = el('p', { className: 'coach-text', textContent: text });
      Object.assign(line.dataset, { coachPanel: name, epoch: String(jump?.epoch ?? epoch), lr: String(lr) });
      return line;
    }));
    setText(this.#why, t('teach.coachWhy'));
    setText(this.#button, t('teach.coachLower'));
    this.#button.title = locked ? t('teach.locked') : t('teach.coachLowerHint', { from: lr, to: lowerTenfold(lr) });
    this.#button.disabled = locked;
    this.#box.hidden = false;
  }

  /** Everything in the translator's language now. */
  relabel() {
    if (this.#shown && !this.#box.hidden) this.#render();
  }
}

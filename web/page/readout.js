// The probe readout: where the pointer (or the keyboard) points on either plot, both models'
// class probabilities and logits there, asked of the worker with predict(). Each panel shows its
// own model's numbers; the crosshair is shown on both plots.
import { divergingCss } from '../shared/palette.js';
import { el, swatchOf } from './dom.js';

const fmt = (v, digits = 2) => (Number.isFinite(v) ? v.toFixed(digits) : '–');

export class Readout {
  #client;
  #panels;  // { name: { plot, element } }
  #point = null;
  #t;

  /** t: a translator (strings.js). */
  constructor(client, panels, t) {
    this.#client = client;
    this.#panels = panels;
    this.#t = t;
    this.clear();
  }

  /** Shows the crosshair at `point` on every plot and the models' predictions there. */
  async probe(point) {
    this.#point = point;
    for (const { plot } of Object.values(this.#panels)) plot.setProbe(point);
    const answer = await this.#client.predict(point);
    if (answer) this.#show(answer);
  }

  /** Asks again at the same point: the models have moved on. */
  refresh() {
    if (this.#point) this.probe(this.#point);
  }

  /** Back to the hint (new data, nothing probed yet). */
  clear() {
    this.#point = null;
    for (const { plot, element } of Object.values(this.#panels)) {
      plot.setProbe(null);
      element.replaceChildren(line('hint', this.#t('readoutHint')));
    }
  }

  #show({ point, models }) {
    const t = this.#t;
    for (const [name, { element }] of Object.entries(this.#panels)) {
      const prediction = models[name];
      if (!prediction) continue;
      if (prediction.value !== undefined) {  // regression: the predicted value, in its colour on the heatmap's scale
        const swatch = el('span', { className: 'swatch' });
        swatch.style.backgroundColor = divergingCss(prediction.value);
        const value = el('p', { className: 'value' }, swatch, t('readoutValue', { v: fmt(prediction.value, 3) }));
        value.dataset.value = String(prediction.value);
        element.replaceChildren(line('at', t('readoutAt', { x: fmt(point[0]), y: fmt(point[1]) })), value);
        continue;
      }
      // The engine's class: for bce at p = 0.5 exactly it is 1 (p >= 0.5), not the first of two equal probabilities.
      const { probabilities, logits, label: best } = prediction;
      const classes = probabilities.map((p, k) => {
        const item = el('span', { className: k === best ? 'class best' : 'class' }, swatchOf(k), t('readoutClass', { k, p: fmt(p) }));
        item.dataset.probability = String(p);
        return item;
      });
      element.replaceChildren(
        line('at', t('readoutAt', { x: fmt(point[0]), y: fmt(point[1]) })),
        el('p', { className: 'classes' }, ...classes),
        line('logits', t('readoutLogits', { values: logits.map((v) => fmt(v)).join(', ') })),
      );
    }
  }
}

const line = (className, text) => el('p', { className, textContent: text });

// The "+N more" grid: every unit's map of one wide layer (the tutorial's 200), in index order, each
// titled with its unit and painted from the worker's `all` maps (network-watch.js sends them only
// while this grid is open: onAll(layer) asks, onAll(null) stops).
import { el } from '../page/dom.js';
import { paintMap, unitColor } from './unit-map.js';

export class AllUnits {
  #t;
  #onAll;
  #names;
  #grid;
  #title;
  #close;
  #cells = [];
  layer = null;

  constructor({ t, onAll, names }) {
    this.#t = t;
    this.#onAll = onAll;
    this.#names = names;
    this.#title = el('p', { className: 'net-all-title' });
    this.#close = el('button', { type: 'button', className: 'net-all-close' });
    this.#close.addEventListener('click', () => this.close());
    this.#grid = el('div', { className: 'net-all-grid' });
    this.element = el('div', { className: 'net-all', hidden: true }, el('div', { className: 'net-all-head' }, this.#title, this.#close), this.#grid);
    this.element.setAttribute('role', 'region');
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.close();
    });
    this.relabel();
  }

  relabel() {
    this.#close.textContent = this.#t('netClose');
  }

  /** Opens the grid on diagram layer l; its maps come with the next frames. */
  open(l) {
    this.layer = l;
    this.#cells = [];
    this.#grid.replaceChildren();
    this.element.hidden = false;
    this.#onAll(l);
    this.#close.focus();
  }

  close() {
    this.layer = null;
    this.element.hidden = true;
    this.#grid.replaceChildren();
    this.#cells = [];
    this.#onAll(null);
  }

  /** Paints every unit's map from net.all (when it is this layer's). */
  update(net) {
    const all = net.all;
    if (this.layer === null || all?.layer !== this.layer || !net.map) return;
    const l = this.layer;
    const count = net.sizes[l];
    if (this.#cells.length !== count) {
      this.#title.textContent = this.#t('netAllTitle', { n: count, layer: l });
      this.#cells = Array.from({ length: count }, (_, u) => {
        const canvas = el('canvas', { width: 1, height: 1 });
        canvas.dataset.unit = `${l}:${u}`;
        canvas.title = this.#names(`${l}:${u}`);
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', canvas.title);
        return canvas;
      });
      this.#grid.replaceChildren(...this.#cells);
    }
    const { width, height } = net.map;
    const cells = width * height;
    this.#cells.forEach((canvas, u) => paintMap(canvas, all.maps, u * cells, width, height, unitColor(net, l, all.maps, u * cells, cells, u)));
  }
}

// The "+N more" grid: every unit's map of one wide layer (the tutorial's 200), in index order,
// painted from the worker's `all` maps (network-watch.js sends them only while this grid is open:
// onAll(layer) asks, onAll(null) stops). One canvas holds them all, a sheet of COLUMNS maps a row
// with a one-pixel gap, put in one ImageData: 200 small canvases would cost the compositor 200
// layers a frame. The pointer over a map names its unit.
import { el } from '../page/dom.js';
import { paintInto, unitColor } from './unit-map.js';

const COLUMNS = 10;

export class AllUnits {
  #t;
  #onAll;
  #names;
  #grid;
  #title;
  #close;
  #sheet;
  #count = 0;
  #map = null;  // { width, height } of one unit's map
  layer = null;

  constructor({ t, onAll, names }) {
    this.#t = t;
    this.#onAll = onAll;
    this.#names = names;
    this.#title = el('p', { className: 'net-all-title' });
    this.#close = el('button', { type: 'button', className: 'net-all-close' });
    this.#close.addEventListener('click', () => this.close());
    this.#sheet = el('canvas', { className: 'net-all-sheet', width: 1, height: 1 });
    this.#sheet.setAttribute('role', 'img');
    this.#sheet.addEventListener('pointermove', (event) => this.#name(event));
    this.#grid = el('div', { className: 'net-all-grid' }, this.#sheet);
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
    this.#count = 0;
    this.#sheet.dataset.units = '0';
    this.#sheet.getContext('2d').clearRect(0, 0, this.#sheet.width, this.#sheet.height);
    this.element.hidden = false;
    this.#onAll(l);
    this.#close.focus();
  }

  close() {
    this.layer = null;
    this.element.hidden = true;
    this.#count = 0;
    this.#onAll(null);
  }

  /** Paints every unit's map from net.all (when it is this layer's). */
  update(net) {
    const all = net.all;
    if (this.layer === null || all?.layer !== this.layer || !net.map) return;
    const l = this.layer;
    const count = net.sizes[l];
    const { width, height } = net.map;
    const cells = width * height;
    const rows = Math.ceil(count / COLUMNS);
    const [w, h] = [COLUMNS * (width + 1) - 1, rows * (height + 1) - 1];
    const sheet = this.#sheet;
    if (this.#count !== count) {
      this.#count = count;
      this.#title.textContent = this.#t('netAllTitle', { n: count, layer: l });
      sheet.setAttribute('aria-label', this.#title.textContent);
      sheet.dataset.units = String(count);
      [sheet.width, sheet.height] = [w, h];
    }
    this.#map = { width, height, names: (u) => this.#names(`${l}:${u}`) };
    const ctx = sheet.getContext('2d');
    const image = ctx.createImageData(w, h);
    const px = image.data;
    px.fill(255);  // the gaps: white
    for (let u = 0; u < count; u++) {
      const [x0, y0] = [(u % COLUMNS) * (width + 1), Math.floor(u / COLUMNS) * (height + 1)];
      paintInto(px, w, x0, y0, all.maps, u * cells, width, height, unitColor(net, l, all.maps, u * cells, cells, u));
    }
    ctx.putImageData(image, 0, 0);
  }

  /** The pointer over the sheet: the unit under it, as the sheet's title. */
  #name(event) {
    const map = this.#map;
    if (!map) return;
    const r = this.#sheet.getBoundingClientRect();
    const col = Math.floor(((event.clientX - r.left) / r.width) * COLUMNS);
    const row = Math.floor(((event.clientY - r.top) / r.height) * Math.ceil(this.#count / COLUMNS));
    const u = row * COLUMNS + col;
    this.#sheet.title = u >= 0 && u < this.#count ? map.names(u) : '';
  }
}

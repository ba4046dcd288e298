// The network diagram: one row per layer (inputs at the top, the outputs at the bottom), each
// neuron a small live map of what it computes over the plane (unit-map.js), each edge a line whose
// colour is the weight's sign and whose width is |w|, each bias a small mark on its neuron. It
// draws the snapshots network-watch.js makes in the worker and decides nothing.
//
//   new NetworkDiagram(host, { t, onEdit, onAll, onHighlight, detailHost })
//     onEdit({ layer, to, from, value })  a weight (from = input unit) or a bias (from = null) was
//                                         edited; returns a promise of null or an error message
//     onAll(layer | null)                 the "+N more" grid opened on a layer (or closed)
//     onHighlight(unit | null)            a neuron is hovered or focused: { map, width, height, offset, signed }
//     detailHost                          where the detail card and the "+N more" grid go (default: under the diagram)
//   update(network)   a snapshot; setLabel(text) the accessible name; relabel() the language
//   setOverlay({ neurons: { 'L:U': { value, label } }, edges: { 'L:U>L+1:V': { value, label } } })
//                     values drawn on the diagram by someone else (the step inspector); null clears
//
// Test hooks: the container has data-network and an aria-label; each neuron data-neuron="L:U" and
// an aria-label; the arrow keys move the focus between neurons. A model too large for unit maps
// (the snapshot's mapsOff) gets a note saying so (.net-note) and data-maps-off on the container.
import { el } from '../page/dom.js';
import { watchScroll } from '../page/scroll-hint.js';
import { paintMap, unitColor } from './unit-map.js';
import { NetworkDetail } from './network-detail.js';
import { NetworkEdges, signedCss } from './network-edges.js';
import { AllUnits } from './network-all.js';
import { neuronName, layerName } from './network-names.js';

const LABEL_EVERY_MS = 1000;  // accessible names follow the weights, but not every frame

export class NetworkDiagram {
  #t;
  #onHighlight;
  #net = null;
  #structure = '';
  #rows = [];          // per layer: { element, neurons: [element] }
  #neurons = new Map();  // 'L:U' -> its element, kept while the unit is shown
  #edges = new NetworkEdges();
  #body;
  #note;
  #detail;
  #all;
  #overlay = null;
  #labelled = 0;
  #focus = '0:0';      // the neuron with tabindex 0
  #scroller;

  constructor(host, { t, onEdit, onAll, onHighlight = () => {}, detailHost = null }) {
    this.#t = t;
    this.#onHighlight = onHighlight;
    this.element = el('figure', { className: 'network' });
    this.element.dataset.network = '';
    this.element.setAttribute('role', 'group');
    this.#body = el('div', { className: 'net-body' }, this.#edges.svg);
    // A deep network is wider than its panel: its layers scroll sideways, a fade on the hidden side.
    const scroller = el('div', { className: 'net-scroll' }, this.#body);
    scroller.setAttribute('role', 'region');
    watchScroll(scroller);
    this.#scroller = scroller;
    this.#note = el('p', { className: 'net-note', hidden: true });
    this.#detail = new NetworkDetail({ t, onEdit, names: (key) => this.#nameOf(key), refocus: (key) => this.neuron(key)?.focus() });
    this.#all = new AllUnits({ t, onAll, names: (key) => this.#nameOf(key) });
    this.element.append(this.#note, scroller);
    host.append(this.element);
    (detailHost ?? this.element).append(this.#all.element, this.#detail.element);
    new ResizeObserver(() => this.#placeEdges()).observe(this.#body);
    this.#body.addEventListener('keydown', (event) => this.#key(event));
    this.#body.addEventListener('pointerleave', () => this.#show(null));
    // Focus leaving the diagram and its card lets the neuron go (and the plot's highlight).
    const blur = (event) => {
      if (this.element.contains(event.relatedTarget) || this.#detail.element.contains(event.relatedTarget)) return;
      this.#detail.sticky = false;
      this.#show(null);
    };
    this.element.addEventListener('focusout', blur);
    this.#detail.element.addEventListener('focusout', blur);
    this.#edges.svg.addEventListener('pointerover', (event) => this.#edgeEvent(event, false));
    this.#edges.svg.addEventListener('click', (event) => this.#edgeEvent(event, true));
  }

  setLabel(text) {
    this.element.setAttribute('aria-label', text);
  }

  /** The strings again, in the translator's language now. */
  relabel() {
    this.#structure = '';
    if (this.#net) this.update(this.#net);
    this.#detail.relabel();
    this.#all.relabel();
  }

  /** The neuron elements, by 'L:U'. */
  neuron(key) {
    const [l, u] = key.split(':').map(Number);
    const i = this.#net?.shown[l]?.indexOf(u) ?? -1;
    return i < 0 ? null : this.#rows[l].neurons[i];
  }

  #nameOf(key) {
    return neuronName(this.#t, this.#net, key);
  }

  /** Draws a snapshot: rebuilds the rows when the shown units changed, then maps, edges and biases. */
  update(net) {
    this.#net = net;
    const structure = JSON.stringify([net.sizes, net.shown.map((s) => Array.from(s)), net.map?.width, net.map?.height, this.#t.lang]);
    const rebuilt = structure !== this.#structure;
    if (rebuilt) {
      this.#structure = structure;
      this.element.classList.toggle('line-maps', net.map?.height === 1);  // 1-D data: maps along a line
      this.#build(net);
      this.#scroller.setAttribute('aria-label', this.#t('netScrollRegion'));
    }
    this.#note.hidden = !net.mapsOff;
    this.#note.textContent = net.mapsOff ? this.#t('netMapsOff') : '';
    this.element.toggleAttribute('data-maps-off', Boolean(net.mapsOff));
    net.maps.forEach((maps, l) => {
      if (!maps || !net.map) return;
      const cells = net.map.width * net.map.height;
      this.#rows[l].neurons.forEach((neuron, i) => {
        const color = unitColor(net, l, maps, i * cells, cells, net.shown[l][i]);
        paintMap(neuron.querySelector('canvas'), maps, i * cells, net.map.width, net.map.height, color);
      });
    });
    this.#drawWeights(net);
    if (net.all) this.#all.update(net);
    this.#detail.update(net);
    if (this.#detail.key) this.#highlight(this.#detail.key);  // the highlight follows training
    const now = performance.now();
    if (now - this.#labelled > LABEL_EVERY_MS || rebuilt) {
      this.#labelled = now;
      this.#labelNeurons(net);
    }
  }

  /** The rows and their neurons, the edge lines, the "+N more" buttons. */
  #build(net) {
    const t = this.#t;
    const active = this.element.getRootNode().activeElement;  // the document's, or a shadow root's
    const focused = active && this.element.contains(active) ? active.dataset?.neuron : null;
    for (const row of this.#rows) row.element.remove();
    const kept = new Map();
    this.#rows = net.sizes.map((size, l) => {
      // A unit that stays shown keeps its element (and the pointer or the focus on it).
      const neurons = Array.from(net.shown[l], (u) => {
        const key = `${l}:${u}`;
        const neuron = this.#neurons.get(key) ?? this.#neuron(key, l);
        kept.set(key, neuron);
        return neuron;
      });
      const hiddenCount = size - net.shown[l].length;
      const more = hiddenCount > 0 ? el('button', { type: 'button', className: 'net-more', textContent: t('netMore', { n: hiddenCount }) }) : null;
      more?.addEventListener('click', () => this.#all.open(l));
      const row = el('div', { className: 'net-row' }, el('span', { className: 'net-row-name' }, layerName(t, net, l)),
        el('div', { className: 'net-units' }, ...neurons, more));
      this.#body.append(row);
      return { element: row, neurons };
    });
    this.#neurons = kept;
    if (!this.neuron(this.#focus)) this.#setFocus('0:0');
    this.#edges.build(net);
    this.#placeEdges();
    if (focused && this.neuron(focused)) this.neuron(focused).focus();
  }

  /** A neuron's element: its map's canvas, its bias mark (not on inputs), its events. */
  #neuron(key, l) {
    const neuron = el('div', { className: 'neuron', tabIndex: key === this.#focus ? 0 : -1 }, el('canvas', { width: 1, height: 1 }));
    neuron.dataset.neuron = key;
    neuron.setAttribute('role', 'button');
    if (l > 0) neuron.append(el('span', { className: 'bias' }));
    neuron.addEventListener('pointerenter', () => this.#show(key));
    neuron.addEventListener('pointermove', (event) => this.#detail.pointAt(key, neuron, event));
    neuron.addEventListener('focus', () => {
      this.#setFocus(key);
      this.#show(key, true);
    });
    neuron.addEventListener('click', (event) => {
      if (l > 0 && event.target.classList.contains('bias')) this.#detail.edit(key, null);
      else this.#show(key, true);
    });
    return neuron;
  }

  #placeEdges() {
    if (this.#net) this.#edges.place(this.#body, this.#rows.map((row) => row.neurons));
  }

  /** Edges by the weights (or the overlay's values); biases the same on their neurons; the overlay's badges. */
  #drawWeights(net) {
    this.#edges.draw(net, this.#overlay?.edges);
    net.biases.forEach((biases, l) => {
      if (l === 0) return;
      const scale = Math.max(1e-9, ...Array.from(biases, Math.abs));
      this.#rows[l].neurons.forEach((neuron, j) => {
        const b = biases[j] / scale;
        const mark = neuron.querySelector('.bias');
        mark.style.background = signedCss(b);
        mark.style.transform = `scale(${(0.45 + 0.55 * Math.abs(b)).toFixed(2)})`;
      });
    });
    for (const [key, { value, label } = {}] of Object.entries(this.#overlay?.neurons ?? {})) {
      const neuron = this.neuron(key);
      if (!neuron) continue;
      let badge = neuron.querySelector('.overlay');
      if (!badge) neuron.append(badge = el('span', { className: 'overlay' }));
      badge.textContent = label ?? (Number.isFinite(value) ? value.toFixed(2) : '');
    }
  }

  /** Values someone else draws on the diagram (see the header); null clears them. */
  setOverlay(overlay) {
    this.#overlay = overlay;
    for (const badge of this.element.querySelectorAll('.neuron .overlay')) badge.remove();
    this.element.classList.toggle('overlaid', Boolean(overlay));
    if (this.#net) this.#drawWeights(this.#net);
  }

  /** Accessible names: the neuron, its bias and its strongest outgoing weight among those shown. */
  #labelNeurons(net) {
    const t = this.#t;
    const last = net.sizes.length - 1;
    this.#rows.forEach((row, l) => row.neurons.forEach((neuron, i) => {
      const key = `${l}:${net.shown[l][i]}`;
      const parts = [this.#nameOf(key)];
      if (l > 0) parts.push(t('netBias', { value: net.biases[l][i].toFixed(2) }));
      if (l < last) {
        const w = net.weights[l + 1];
        const n = net.shown[l].length;
        let best = 0;
        for (let j = 1; j < net.shown[l + 1].length; j++) if (Math.abs(w[j * n + i]) > Math.abs(w[best * n + i])) best = j;
        parts.push(t('netStrongest', { to: this.#nameOf(`${l + 1}:${net.shown[l + 1][best]}`), value: w[best * n + i].toFixed(2) }));
      }
      const label = parts.join(', ');
      if (neuron.getAttribute('aria-label') !== label) neuron.setAttribute('aria-label', label);
    }));
  }

  /** Hover or focus on a neuron (null: none): the detail card and the plot's highlight. */
  #show(key, sticky = false) {
    if (!key && this.#detail.sticky) key = this.#detail.key;
    this.#detail.show(key, sticky);
    this.#highlight(key);
  }

  /** The plot lights up where neuron `key` is active (null: nowhere), with its map now. */
  #highlight(key) {
    if (!key || !this.#net?.map || this.#net.map.height === 1) return this.#onHighlight(null);
    const [l, u] = key.split(':').map(Number);
    const i = this.#net.shown[l].indexOf(u);
    const maps = this.#net.maps[l];
    if (!maps || i < 0) return this.#onHighlight(null);
    const { width, height } = this.#net.map;
    this.#onHighlight({ map: maps, offset: i * width * height, width, height, signed: l < this.#net.sizes.length - 1 });
  }

  #edgeEvent(event, click) {
    const e = this.#edges.at(event.target);
    if (!e) return;
    if (click) this.#detail.edit(`${e.l}:${e.v}`, e.u);
    else this.#detail.showEdge(e, e.value);
  }

  #setFocus(key) {
    this.neuron(this.#focus)?.setAttribute('tabindex', '-1');
    this.#focus = key;
    this.neuron(key)?.setAttribute('tabindex', '0');
  }

  /** Arrow keys: left/right within a layer, up/down to the nearest neuron of the layer above/below; Enter edits a bias. */
  #key(event) {
    const key = event.target.dataset?.neuron;
    if (!key || !this.#net) return;
    const [l, u] = key.split(':').map(Number);
    const shown = this.#net.shown;
    const i = shown[l].indexOf(u);
    const near = (m) => shown[m][Math.min(shown[m].length - 1, Math.round((i + 0.5) * shown[m].length / shown[l].length - 0.5))];
    const moves = {
      ArrowLeft: () => [l, shown[l][Math.max(0, i - 1)]],
      ArrowRight: () => [l, shown[l][Math.min(shown[l].length - 1, i + 1)]],
      ArrowUp: () => (l > 0 ? [l - 1, near(l - 1)] : [l, u]),
      ArrowDown: () => (l < shown.length - 1 ? [l + 1, near(l + 1)] : [l, u]),
      Home: () => [l, shown[l][0]],
      End: () => [l, shown[l].at(-1)],
    };
    if (moves[event.key]) {
      const next = moves[event.key]().join(':');
      this.#setFocus(next);
      this.neuron(next).focus();
    } else if ((event.key === 'Enter' || event.key === ' ') && l > 0) {
      this.#detail.edit(key, null);
    } else return;
    event.preventDefault();
  }

  destroy() {
    this.#onHighlight(null);
    this.element.remove();
    this.#detail.element.remove();
    this.#all.element.remove();
  }
}

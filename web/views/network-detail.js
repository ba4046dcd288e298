// The network diagram's detail card: the neuron hovered or focused, enlarged, with its bias, its
// incoming weights (from the units shown) and its value under the pointer; an edge's weight on
// hover; and the small form that edits a weight or a bias (TensorFlow Playground's click-to-edit).
// The weights and the bias are buttons, so a keyboard reaches every edit.
import { el, fixed } from '../page/dom.js';
import { paintMap, unitColor } from './unit-map.js';

export class NetworkDetail {
  #t;
  #onEdit;
  #names;
  #net = null;
  #parts;
  key = null;
  sticky = false;  // shown by focus or a click: stays when the pointer leaves

  #refocus;

  /** names(key): a neuron's name; refocus(key): puts the focus back on a neuron after an edit. */
  constructor({ t, onEdit, names, refocus }) {
    this.#t = t;
    this.#onEdit = onEdit;
    this.#names = names;
    this.#refocus = refocus;
    const canvas = el('canvas', { className: 'net-big', width: 1, height: 1 });
    this.#parts = {
      canvas,
      title: el('p', { className: 'net-title' }),
      value: el('p', { className: 'net-value' }),
      bias: el('div', { className: 'net-bias' }),
      weights: el('div', { className: 'net-weights' }),
      edge: el('p', { className: 'net-edge' }),
      form: el('form', { className: 'net-edit', hidden: true }),
      hint: el('p', { className: 'net-hint' }),
    };
    const p = this.#parts;
    this.element = el('div', { className: 'net-detail' }, canvas,
      el('div', { className: 'net-text' }, p.hint, p.title, p.value, p.bias, p.weights, p.edge, p.form));
    this.relabel();
    this.show(null);
  }

  relabel() {
    this.#parts.hint.textContent = this.#t('netHint');
  }

  /** Shows neuron `key` ('L:U'), or nothing; `sticky` keeps it when the pointer leaves. */
  show(key, sticky = false) {
    this.key = key;
    this.sticky = Boolean(key) && (sticky || this.sticky);
    const p = this.#parts;
    p.hint.hidden = Boolean(key);
    for (const part of [p.canvas, p.title, p.value, p.bias, p.weights]) part.hidden = !key;
    p.value.textContent = '';
    if (key && this.#net) this.#render();
  }

  /** A new snapshot: the card shows the neuron's numbers now. */
  update(net) {
    this.#net = net;
    if (this.key) this.#render();
  }

  /** [layer, unit, index among the layer's shown units] of a key. */
  #where(key) {
    const [l, u] = key.split(':').map(Number);
    return [l, u, this.#net.shown[l]?.indexOf(u) ?? -1];
  }

  #render() {
    const net = this.#net;
    const [l, u, i] = this.#where(this.key);
    const p = this.#parts;
    if (i < 0) return this.show(null);
    p.title.textContent = this.#names(this.key);
    const maps = net.maps[l];
    p.canvas.hidden = !maps || !net.map;
    if (maps && net.map) {
      const { width, height } = net.map;
      p.canvas.classList.toggle('line', height === 1);
      const cells = width * height;
      paintMap(p.canvas, maps, i * cells, width, height, unitColor(net, l, maps, i * cells, cells, u));
    }
    if (l === 0) {
      p.bias.replaceChildren();
      p.weights.replaceChildren();
      return;
    }
    const t = this.#t;
    const button = (text, from) => {
      const b = el('button', { type: 'button', className: 'net-w', textContent: text });
      b.addEventListener('click', () => this.edit(this.key, from));
      return b;
    };
    p.bias.replaceChildren(button(t('netBias', { value: fixed(net.biases[l][i], 3) }), null));
    const from = net.shown[l - 1];
    const w = net.weights[l];
    p.weights.replaceChildren(el('span', { className: 'net-label' }, t('netIncoming')),
      ...Array.from(from, (f, k) => button(`${this.#short(l - 1, f)}: ${fixed(w[i * from.length + k], 3)}`, f)));
    if (from.length < net.sizes[l - 1]) p.weights.append(el('span', { className: 'net-label' }, t('netOfShown', { n: net.sizes[l - 1] })));
  }

  /** A unit's short name in a list of weights: x1, or h7. */
  #short(l, u) {
    return l === 0 ? this.#net.inputs[u] ?? `x${u + 1}` : `h${u}`;
  }

  /** The pointer over a neuron's map: its value there, at the plane's point under the pointer. */
  pointAt(key, neuron, event) {
    const net = this.#net;
    if (!net?.map || key !== this.key) return;
    const [l, , i] = this.#where(key);
    const maps = net.maps[l];
    if (!maps || i < 0) return;
    const r = neuron.getBoundingClientRect();
    const { width, height } = net.map;
    const col = Math.min(width - 1, Math.max(0, Math.floor(((event.clientX - r.left) / r.width) * width)));
    const row = height === 1 ? 0 : Math.min(height - 1, Math.max(0, Math.floor(((event.clientY - r.top) / r.height) * height)));
    const value = maps[i * width * height + row * width + col];
    const at = height === 1
      ? [net.map.range[0] + ((col + 0.5) / width) * (net.map.range[1] - net.map.range[0])]
      : [net.map.bounds[0] + ((col + 0.5) / width) * (net.map.bounds[1] - net.map.bounds[0]),
        net.map.bounds[3] - ((row + 0.5) / height) * (net.map.bounds[3] - net.map.bounds[2])];
    this.#parts.value.textContent = this.#t('netValueAt', { at: at.map((v) => fixed(v, 2)).join(', '), value: fixed(value, 3) });
  }

  /** An edge under the pointer: its weight. */
  showEdge({ l, u, v }, value) {
    this.#parts.edge.textContent = this.#t('netEdge', { from: this.#names(`${l - 1}:${u}`), to: this.#names(`${l}:${v}`), value: fixed(value, 4) });
  }

  /** Opens the form that edits W_l[v][from] (or bias[v] when from is null) of neuron key = 'l:v'. */
  edit(key, from) {
    const net = this.#net;
    if (!net) return;
    const [l, v, j] = this.#where(key);
    if (l === 0 || j < 0) return;
    const i = from === null ? -1 : net.shown[l - 1].indexOf(from);
    const current = from === null ? net.biases[l][j] : net.weights[l][j * net.shown[l - 1].length + i];
    const t = this.#t;
    const what = from === null ? t('netEditBias', { to: this.#names(key) }) : t('netEditWeight', { from: this.#names(`${l - 1}:${from}`), to: this.#names(key) });
    const input = el('input', { type: 'number', step: 'any', value: String(Number(current.toPrecision(6))), required: true });
    input.dataset.edit = from === null ? `bias ${key}` : `${l - 1}:${from}>${key}`;
    const message = el('span', { className: 'net-error', role: 'alert' });
    const cancel = el('button', { type: 'button', textContent: t('netCancel') });
    const form = this.#parts.form;
    form.replaceChildren(el('label', {}, el('span', {}, what), input), el('button', { type: 'submit', textContent: t('netSet') }), cancel, message);
    form.hidden = false;
    const close = () => {
      form.hidden = true;
      form.replaceChildren();
      this.#refocus(key);  // the keyboard goes on from the neuron it came from
    };
    cancel.addEventListener('click', close);
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') close();
    });
    form.onsubmit = async (event) => {
      event.preventDefault();
      const value = Number(input.value);
      if (!Number.isFinite(value)) return;
      const error = await this.#onEdit({ layer: l, to: v, from, value });
      if (error) message.textContent = error;
      else close();
    };
    input.focus();
    input.select();
  }
}

// The network diagram's edges: one SVG line per weight between shown units (colour = the sign,
// width = |w| against the layer's largest), each under a wider transparent line that takes the
// pointer (data-edge="L:U>L+1:V"). Positions come from the neurons' layout, read only when the
// units shown change or the diagram is resized; colours and widths change only when they must.
import { divergingCss } from '../shared/palette.js';

const SVG = 'http://www.w3.org/2000/svg';

/** The colour of a signed share s of the largest |value| (never paler than 35%, so a small weight shows). */
export const signedCss = (s) => divergingCss(Math.sign(s) * (0.35 + 0.65 * Math.abs(s)));

export class NetworkEdges {
  #edges = [];  // per layer L >= 1: [{ line, hit, l, u, v, i, j, value }] by j * shown[L-1].length + i

  constructor() {
    this.svg = document.createElementNS(SVG, 'svg');
    this.svg.classList.add('net-edges');
    this.svg.setAttribute('aria-hidden', 'true');
  }

  /** New lines for the units shown (net.shown). */
  build(net) {
    this.svg.replaceChildren();
    this.#edges = net.shown.map((to, l) => {
      if (l === 0) return [];
      const from = net.shown[l - 1];
      const edges = [];
      for (let j = 0; j < to.length; j++) for (let i = 0; i < from.length; i++) {
        const line = document.createElementNS(SVG, 'line');
        line.classList.add('edge');
        const hit = document.createElementNS(SVG, 'line');
        hit.classList.add('edge-hit');
        hit.dataset.edge = `${l - 1}:${from[i]}>${l}:${to[j]}`;
        this.svg.append(line, hit);
        edges.push({ line, hit, l, u: from[i], v: to[j], i, j });
      }
      return edges;
    });
  }

  /** Edge ends at the neurons' centres: rows[l] holds layer l's neuron elements, body the box they are drawn in. */
  place(body, rows) {
    const box = body.getBoundingClientRect();
    this.svg.setAttribute('viewBox', `0 0 ${box.width} ${box.height}`);
    const centre = (neuron) => {
      const r = neuron.getBoundingClientRect();
      return [r.left - box.left + r.width / 2, r.top - box.top + r.height / 2];
    };
    const centres = rows.map((neurons) => neurons.map(centre));
    for (const edges of this.#edges) for (const e of edges) {
      const [[x1, y1], [x2, y2]] = [centres[e.l - 1][e.i], centres[e.l][e.j]];
      for (const line of [e.line, e.hit]) {
        line.setAttribute('x1', x1); line.setAttribute('y1', y1); line.setAttribute('x2', x2); line.setAttribute('y2', y2);
      }
    }
  }

  /** Colours and widths from the weights, or from overlay values ({ 'L:U>L+1:V': { value } }) where given. */
  draw(net, overlay) {
    this.#edges.forEach((edges, l) => {
      if (l === 0) return;
      const weights = net.weights[l];
      let max = 1e-9;
      for (const e of edges) {
        e.value = overlay?.[e.hit.dataset.edge]?.value ?? weights[e.j * net.shown[l - 1].length + e.i];
        max = Math.max(max, Math.abs(e.value));
      }
      for (const e of edges) {
        // Attributes change only when the drawing does (a style recalculation per edge otherwise).
        const s = e.value / max;
        const stroke = signedCss(s);
        const width = (0.4 + 3.6 * Math.abs(s)).toFixed(1);
        if (e.stroke !== stroke) e.line.setAttribute('stroke', e.stroke = stroke);
        if (e.width !== width) e.line.setAttribute('stroke-width', e.width = width);
      }
    });
  }

  /** The edge whose hit line is `target` (or null). */
  at(target) {
    const key = target?.dataset?.edge;
    return key ? this.#edges.flat().find((e) => e.hit.dataset.edge === key) ?? null : null;
  }
}

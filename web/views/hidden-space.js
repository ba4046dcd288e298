// The hidden-space view (ConvNetJS classify2d's idea): the training points and a grid of lines
// over the plane, pushed through one hidden layer and drawn on that layer's top two principal
// directions (or two chosen units). On the last hidden layer the output layer is a linear model of
// this space (logit_k = a q1 + b q2 + c, hidden-space-watch.js), so the background shows its
// regions and the lines between them are straight: the learner sees the hidden layer untangle
// the classes for a linear read-out. It draws what the worker sends and decides nothing.
//
//   new HiddenSpaceView(host, { t, onChoose })   onChoose({ layer, units: [i, j] | null })
//   update(view)    a snapshot (hidden-space-watch.js)
import { el } from '../page/dom.js';
import { classColor, classCss, POINT_OUTLINE } from '../shared/palette.js';

const REGION = 64;         // region cells per side of the background
const BOUNDARY_STEPS = 240; // samples along each candidate boundary line
const REGION_TINT = 0.28;
const MARGIN = 0.12;

export class HiddenSpaceView {
  #t;
  #onChoose;
  #canvas;
  #layer;
  #axes;
  #units;
  #caption;
  #view = null;
  #choice = { layer: 1, units: null };

  constructor(host, { t, onChoose }) {
    this.#t = t;
    this.#onChoose = onChoose;
    this.#canvas = el('canvas', { className: 'hs-canvas', width: 1, height: 1 });
    this.#canvas.setAttribute('role', 'img');
    this.#layer = el('select', { className: 'hs-layer' });
    this.#axes = el('select', { className: 'hs-axes' });
    this.#units = [0, 1].map((u) => el('input', { type: 'number', min: 0, step: 1, value: String(u), className: 'hs-unit', hidden: true }));
    this.#caption = el('p', { className: 'hs-caption' });
    this.element = el('figure', { className: 'hidden-space' }, this.#canvas,
      el('figcaption', {}, el('div', { className: 'hs-controls' }, this.#layer, this.#axes, ...this.#units), this.#caption));
    this.element.dataset.view = 'hidden-space';
    host.append(this.element);
    this.#layer.addEventListener('change', () => this.#choose());
    this.#axes.addEventListener('change', () => this.#choose());
    for (const input of this.#units) input.addEventListener('change', () => this.#choose());
    new ResizeObserver(() => this.#draw()).observe(this.#canvas);
    this.relabel();
  }

  relabel() {
    const t = this.#t;
    this.#axes.replaceChildren(el('option', { value: 'pca' }, t('hsPrincipal')), el('option', { value: 'units' }, t('hsUnits')));
    this.#axes.value = this.#choice.units ? 'units' : 'pca';
    this.#axes.setAttribute('aria-label', t('hsAxes'));
    this.#layer.setAttribute('aria-label', t('hsLayer'));
    this.#units.forEach((input, i) => input.setAttribute('aria-label', t('hsUnit', { n: i + 1 })));
    this.element.setAttribute('aria-label', t('hsLabel'));
    this.#canvas.setAttribute('aria-label', t('hsCanvas'));
    this.#fillLayers(this.#view?.hidden ?? 1);
    this.#draw();
  }

  #fillLayers(hidden) {
    if (this.#layer.options.length === hidden && this.#layer.dataset.lang === this.#t.lang) return;
    this.#layer.dataset.lang = this.#t.lang;
    this.#layer.replaceChildren(...Array.from({ length: hidden }, (_, i) => el('option', { value: String(i + 1) }, this.#t('netHidden', { n: i + 1 }))));
    this.#layer.value = String(Math.min(hidden, this.#choice.layer));
    this.#layer.hidden = hidden < 2;
  }

  #choose() {
    const units = this.#axes.value === 'units' ? this.#units.map((input) => Math.max(0, Math.floor(Number(input.value) || 0))) : null;
    for (const input of this.#units) input.hidden = !units;
    this.#choice = { layer: Number(this.#layer.value) || 1, units: units && units[0] !== units[1] ? units : null };
    this.#onChoose(this.#choice);
  }

  /** What the worker should compute: { layer, units }. */
  get choice() {
    return this.#choice;
  }

  update(view) {
    this.#view = view;
    this.#fillLayers(view.hidden);
    for (const input of this.#units) input.max = String(view.units - 1);
    this.#draw();
  }

  /** The view's window: the points' extent with a margin, the same scale on both axes. */
  #window(points) {
    let [xmin, xmax, ymin, ymax] = [Infinity, -Infinity, Infinity, -Infinity];
    for (let i = 0; i < points.length; i += 2) {
      xmin = Math.min(xmin, points[i]); xmax = Math.max(xmax, points[i]);
      ymin = Math.min(ymin, points[i + 1]); ymax = Math.max(ymax, points[i + 1]);
    }
    if (!Number.isFinite(xmin)) return [-1, 1, -1, 1];
    const half = (Math.max(xmax - xmin, ymax - ymin, 1e-6) / 2) * (1 + 2 * MARGIN);
    const [cx, cy] = [(xmin + xmax) / 2, (ymin + ymax) / 2];
    return [cx - half, cx + half, cy - half, cy + half];
  }

  #draw() {
    const view = this.#view;
    const canvas = this.#canvas;
    const dpr = window.devicePixelRatio || 1;
    const size = Math.round(canvas.clientWidth * dpr);
    if (!size) return;
    if (canvas.width !== size) [canvas.width, canvas.height] = [size, size];
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fafaf8';
    ctx.fillRect(0, 0, size, size);
    if (!view) return;
    const win = this.#window(view.points);
    const px = (q1) => ((q1 - win[0]) / (win[1] - win[0])) * size;
    const py = (q2) => ((win[3] - q2) / (win[3] - win[2])) * size;
    if (view.logits.length) this.#regions(ctx, view.logits, win, size);
    this.#lines(ctx, view, px, py, dpr);
    if (view.logits.length) this.#boundaries(ctx, view.logits, win, px, py, dpr);
    const radius = Math.max(1.2, 2.2 * dpr);
    ctx.lineWidth = 0.6 * dpr;
    ctx.strokeStyle = POINT_OUTLINE;
    const classes = Math.max(0, ...view.labels) + 1;
    for (let k = 0; k < classes; k++) {
      ctx.beginPath();
      for (let i = 0; i < view.labels.length; i++) {
        if (view.labels[i] !== k) continue;
        const [x, y] = [px(view.points[2 * i]), py(view.points[2 * i + 1])];
        ctx.moveTo(x + radius, y);
        ctx.arc(x, y, radius, 0, 2 * Math.PI);
      }
      ctx.fillStyle = classCss(k);
      ctx.fill();
      ctx.stroke();
    }
    this.#describe(view);
  }

  /** The output layer's regions in this space: the class of the largest affine logit, pale. */
  #regions(ctx, logits, [x0, x1, y0, y1], size) {
    const outputs = logits.length / 3;
    const image = new ImageData(REGION, REGION);
    for (let r = 0; r < REGION; r++) for (let c = 0; c < REGION; c++) {
      const q1 = x0 + ((c + 0.5) / REGION) * (x1 - x0);
      const q2 = y1 - ((r + 0.5) / REGION) * (y1 - y0);
      const z = (k) => logits[3 * k] * q1 + logits[3 * k + 1] * q2 + logits[3 * k + 2];
      let best = 0;
      if (outputs === 1) best = z(0) >= 0 ? 1 : 0;  // bce: class 1 where the logit is >= 0
      else for (let k = 1; k < outputs; k++) if (z(k) > z(best)) best = k;
      const color = classColor(best);
      const cell = 4 * (r * REGION + c);
      for (let ch = 0; ch < 3; ch++) image.data[cell + ch] = 250 + (color[ch] - 250) * REGION_TINT;
      image.data[cell + 3] = 255;
    }
    const tile = new OffscreenCanvas(REGION, REGION);
    tile.getContext('2d').putImageData(image, 0, 0);
    ctx.drawImage(tile, 0, 0, size, size);
  }

  /**
   * The output layer's decision lines in this space, straight: for classes k and j the line
   * z_k = z_j, drawn where k and j are the two largest logits (for bce, z = 0).
   */
  #boundaries(ctx, logits, [x0, x1, y0, y1], px, py, dpr) {
    const outputs = logits.length / 3;
    const z = (k, q1, q2) => logits[3 * k] * q1 + logits[3 * k + 1] * q2 + logits[3 * k + 2];
    const pairs = outputs === 1 ? [[0, -1]] : [];
    for (let k = 0; k < outputs; k++) for (let j = k + 1; j < outputs; j++) pairs.push([k, j]);
    ctx.strokeStyle = '#1d1d28';
    ctx.lineWidth = 1.6 * dpr;
    for (const [k, j] of pairs) {
      // (a, b, c) of a q1 + b q2 + c = 0
      const [a, b, c] = [0, 1, 2].map((i) => logits[3 * k + i] - (j < 0 ? 0 : logits[3 * j + i]));
      const vertical = Math.abs(b) < Math.abs(a);
      ctx.beginPath();
      let drawing = false;
      for (let s = 0; s <= BOUNDARY_STEPS; s++) {
        const t = s / BOUNDARY_STEPS;
        const q1 = vertical ? null : x0 + t * (x1 - x0);
        const q2 = vertical ? y0 + t * (y1 - y0) : null;
        const p1 = vertical ? -(b * q2 + c) / a : q1;
        const p2 = vertical ? q2 : -(a * q1 + c) / b;
        let onTop = Number.isFinite(p1) && Number.isFinite(p2);
        if (onTop && j >= 0) for (let m = 0; m < outputs; m++) if (m !== k && m !== j && z(m, p1, p2) > z(k, p1, p2)) onTop = false;
        if (onTop && !drawing) ctx.moveTo(px(p1), py(p2));
        else if (onTop) ctx.lineTo(px(p1), py(p2));
        drawing = onTop;
      }
      ctx.stroke();
    }
  }

  /** The plane's grid lines as the layer bends them: the first half vertical, the second horizontal. */
  #lines(ctx, view, px, py, dpr) {
    const { lineCount, samples, lines } = view;
    ctx.lineWidth = dpr;
    for (let line = 0; line < 2 * lineCount; line++) {
      ctx.strokeStyle = line < lineCount ? 'rgba(60, 60, 80, 0.35)' : 'rgba(120, 60, 60, 0.35)';
      ctx.beginPath();
      for (let s = 0; s < samples; s++) {
        const i = 2 * (line * samples + s);
        if (s === 0) ctx.moveTo(px(lines[i]), py(lines[i + 1]));
        else ctx.lineTo(px(lines[i]), py(lines[i + 1]));
      }
      ctx.stroke();
    }
  }

  #describe(view) {
    const t = this.#t;
    const axes = view.onUnits  // the axes the worker drew on
      ? t('hsOnUnits', { i: view.onUnits[0], j: view.onUnits[1] })
      : t('hsOnPrincipal', { a: (100 * view.variance[0]).toFixed(0), b: (100 * view.variance[1]).toFixed(0) });
    const text = `${t('netHidden', { n: view.layer })} (${view.units}): ${axes}${view.logits.length ? ` ${t('hsLinear')}` : ''}`;
    if (this.#caption.textContent !== text) this.#caption.textContent = text;
  }

  destroy() {
    this.element.remove();
  }
}
